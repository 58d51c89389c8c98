package io.github.aftersales.service.accounts;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.aftersales.reports.Json;
import io.github.aftersales.service.Access;
import io.github.aftersales.service.ApiError;
import io.github.aftersales.service.Role;
import io.github.aftersales.service.Route;
import java.util.List;

/** What an admin reads of the service's own doings: the change log, newest first. */
public final class AccountRoutes {

    /** The most entries one request returns. */
    static final int MAX_ENTRIES = 1000;

    private final ChangeLog changes;

    public AccountRoutes(ChangeLog changes) {
        this.changes = changes;
    }

    public List<Route> routes() {
        return List.of(Route.get("/api/v1/changes", Access.roles(Role.ADMIN), "List the latest changes, newest first",
                (ctx, caller) -> {
                    String asked = ctx.queryParam("limit");
                    int limit = 100;
                    if (asked != null) {
                        try {
                            limit = Integer.parseInt(asked);
                        } catch (NumberFormatException e) {
                            limit = -1;
                        }
                        if (limit < 1 || limit > MAX_ENTRIES) {
                            throw new ApiError(400, "bad-parameter", "limit: a whole number from 1 to " + MAX_ENTRIES
                                    + ", not '" + asked + "'");
                        }
                    }
                    ArrayNode all = JsonNodeFactory.instance.arrayNode();
                    for (ChangeLog.Entry e : changes.latest(limit)) {
                        ObjectNode o = all.addObject();
                        o.put("at", e.at().toInstant().toString());
                        o.put("actor", e.actor());
                        o.put("origin", e.origin());
                        o.put("what", e.what());
                    }
                    ctx.contentType("application/json; charset=utf-8").result(Json.prettyBytes(all));
                }));
    }
}

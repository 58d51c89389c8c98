package io.github.aftersales.service.assessments;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.aftersales.reports.Json;
import io.github.aftersales.service.Access;
import io.github.aftersales.service.ApiError;
import io.github.aftersales.service.Caller;
import io.github.aftersales.service.Role;
import io.github.aftersales.service.Route;
import io.javalin.http.Context;
import java.util.List;
import java.util.Optional;

/**
 * The evidence files of an assessment through the JSON API ({@link Evidence}): listed and downloaded by whoever may
 * read the assessment, added (the body is the file, its {@code Content-Type} kept as declared) and removed by its
 * auditor while it is editable.
 */
public final class EvidenceRoutes {

    private static final Access FILLERS_AND_REVIEWERS = Access.roles(Role.MANAGER, Role.AUDITOR);
    private static final Access FILLERS = Access.roles(Role.AUDITOR);

    private final Evidence evidence;

    public EvidenceRoutes(Evidence evidence) {
        this.evidence = evidence;
    }

    public List<Route> routes() {
        return List.of(
                Route.get("/api/v1/assessments/{id}/evidence", FILLERS_AND_REVIEWERS,
                        "List an assessment's evidence files", this::list),
                Route.post("/api/v1/assessments/{id}/evidence", FILLERS,
                        "Add an evidence file to a clause of an assessment", this::add),
                Route.get("/api/v1/assessments/{id}/evidence/{file}", FILLERS_AND_REVIEWERS,
                        "Download an evidence file", (ctx, caller) -> Evidence.send(ctx,
                                evidence.find(caller.orElseThrow(), ctx.pathParam("id"), ctx.pathParam("file")))),
                Route.delete("/api/v1/assessments/{id}/evidence/{file}", FILLERS,
                        "Remove an evidence file from an assessment", this::remove));
    }

    private void list(Context ctx, Optional<Caller> caller) {
        ArrayNode all = JsonNodeFactory.instance.arrayNode();
        String id = ctx.pathParam("id");
        for (EvidenceStore.File f : evidence.list(caller.orElseThrow(), id)) {
            all.add(json(f));
        }
        ctx.contentType("application/json; charset=utf-8").result(Json.prettyBytes(all));
    }

    private void add(Context ctx, Optional<Caller> caller) {
        Caller who = caller.orElseThrow();
        int part = part(ctx.queryParam("part"));
        // the assessment is looked up (404, 403, 409) before the body is read
        evidence.writable(who, ctx.pathParam("id"));
        byte[] bytes = evidence.read(ctx.bodyInputStream());
        EvidenceStore.File added = evidence.add(who, ctx.pathParam("id"), part, ctx.queryParam("clause"),
                ctx.queryParam("name"), ctx.header("Content-Type"), bytes, "http " + ctx.ip());
        ctx.header("Location", "/api/v1/assessments/" + added.assessmentId() + "/evidence/" + added.id());
        ctx.status(201).contentType("application/json; charset=utf-8").result(Json.prettyBytes(json(added)));
    }

    private void remove(Context ctx, Optional<Caller> caller) {
        evidence.remove(caller.orElseThrow(), ctx.pathParam("id"), ctx.pathParam("file"), "http " + ctx.ip());
        ctx.status(204);
    }

    /** The part a query names (0 when none): 400 {@code bad-parameter} for what is not a small number. */
    static int part(String given) {
        if (given == null || given.isEmpty()) {
            return 0;
        }
        try {
            int part = Integer.parseInt(given);
            if (part >= 0 && part < 100) {
                return part;
            }
        } catch (NumberFormatException e) {
            // said below
        }
        throw new ApiError(400, "bad-parameter", "part: '" + given + "' is not the number of a part of the assessment"
                + " (0 unless it is combined)", "query parameter part", null);
    }

    /** A file as the API lists it. */
    public static ObjectNode json(EvidenceStore.File f) {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        o.put("id", f.id());
        o.put("assessment", f.assessmentId());
        o.put("part", f.part());
        o.put("clause", f.clause());
        o.put("name", f.name());
        o.put("mediaType", f.mediaType());
        o.put("size", f.size());
        o.put("sha256", f.sha256());
        o.put("uploadedAt", f.uploadedAt().toInstant().toString());
        o.put("uploadedBy", f.uploadedBy());
        return o;
    }
}

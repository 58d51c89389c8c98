package io.github.aftersales.web;

import io.github.aftersales.core.registry.SchemeRegistry;
import io.github.aftersales.service.Access;
import io.github.aftersales.service.Caller;
import io.github.aftersales.service.Role;
import io.github.aftersales.service.Route;
import io.github.aftersales.service.accounts.Accounts;
import io.github.aftersales.service.accounts.ChangeLog;
import io.github.aftersales.spi.Scheme;
import io.javalin.http.Context;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;

/**
 * The admin's page: the accounts with their roles and tokens, the installed schemes with their versions, variants
 * and where each came from (built in, or a plugin's jar), and the latest entries of the change log. Read only:
 * accounts are kept with {@code aftersales accounts}.
 */
public final class AdminPages {

    /** Entries of the change log shown. */
    static final int CHANGES = 50;

    private final Accounts accounts;
    private final SchemeRegistry registry;
    private final ChangeLog changes;

    public AdminPages(Accounts accounts, SchemeRegistry registry, ChangeLog changes) {
        this.accounts = accounts;
        this.registry = registry;
        this.changes = changes;
    }

    public List<Route> routes() {
        return List.of(Route.get("/admin", Access.roles(Role.ADMIN),
                "Show the accounts, the installed schemes and the latest changes", this::admin));
    }

    private void admin(Context ctx, Optional<Caller> caller) {
        Texts t = Texts.of(ctx);
        List<AdminViews.Account> shownAccounts = accounts.list().stream().map(a -> new AdminViews.Account(a.name(),
                a.role().key(), t.t("role." + a.role().key()), time(a.createdAt()), a.activeTokens())).toList();
        List<AdminViews.Scheme> schemes = registry.installed().stream().map(i -> {
            Scheme s = i.scheme();
            List<String> variants = s.variants().stream().map(v -> v.id() + " — " + (t.english() ? v.titleEn()
                    : v.title())).toList();
            return new AdminViews.Scheme(s.id(), s.version(), t.english() ? s.titleEn() : s.title(), variants,
                    i.origin());
        }).toList();
        List<AdminViews.Problem> problems = registry.problems().stream().map(p -> new AdminViews.Problem(p.origin(),
                p.message())).toList();
        List<AdminViews.Change> latest = changes.latest(CHANGES).stream().map(e -> new AdminViews.Change(time(e.at()),
                e.actor(), e.origin(), e.what())).toList();
        Html.page(ctx, 200, "admin.jte", new AdminViews.AdminPage(t, Html.session(ctx, caller.orElseThrow()),
                shownAccounts, schemes, problems, latest));
    }

    private static final DateTimeFormatter SECONDS = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss 'UTC'");

    /** A time in UTC to the second (the seconds written when they are 0 too). */
    private static String time(OffsetDateTime at) {
        return at.withOffsetSameInstant(ZoneOffset.UTC).format(SECONDS);
    }
}

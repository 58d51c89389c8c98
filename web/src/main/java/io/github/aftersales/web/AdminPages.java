package io.github.aftersales.web;

import io.github.aftersales.core.registry.SchemeRegistry;
import io.github.aftersales.service.Access;
import io.github.aftersales.service.ApiError;
import io.github.aftersales.service.Caller;
import io.github.aftersales.service.Role;
import io.github.aftersales.service.Route;
import io.github.aftersales.service.accounts.Accounts;
import io.github.aftersales.service.accounts.ChangeLog;
import io.github.aftersales.service.accounts.SignIns;
import io.github.aftersales.spi.Scheme;
import io.javalin.http.Context;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;

/**
 * The admin's page: the accounts with their roles and tokens, the installed schemes with their versions, variants
 * and where each came from (built in, or a plugin's jar), and the latest entries of the change log; and the changes
 * an admin makes from it: a new account with its first password, an account's role, disabling or enabling it, a
 * generated password shown once, an API token made (shown once) or revoked. They follow the accounts' rules as
 * {@code aftersales accounts} does, through the same calls ({@link SignIns#addAccount}, {@link Accounts#setRole},
 * {@link Accounts#setDisabled}, {@link SignIns#resetPassword}, {@link Accounts#issueToken}, {@link Accounts#revoke}):
 * no one disables their own account, the last admin stays, a disabled account gets no token.
 */
public final class AdminPages {

    /** Entries of the change log shown. */
    static final int CHANGES = 50;

    private static final Access ADMINS = Access.roles(Role.ADMIN);

    private final Accounts accounts;
    private final SignIns signIns;
    private final SchemeRegistry registry;
    private final ChangeLog changes;

    public AdminPages(SignIns signIns, SchemeRegistry registry, ChangeLog changes) {
        this.accounts = signIns.accounts();
        this.signIns = signIns;
        this.registry = registry;
        this.changes = changes;
    }

    public List<Route> routes() {
        return List.of(Route.get("/admin", ADMINS, "Show the accounts, the installed schemes and the latest changes",
                        (ctx, caller) -> admin(ctx, caller, 200, null)),
                Route.post("/admin/accounts", ADMINS, "Add an account with its first password from the admin's page",
                        (ctx, caller) -> change(ctx, caller, (who, t) -> {
                            String name = String.valueOf(ctx.formParam("name")).strip();
                            Role role = role(ctx.formParam("role"));
                            signIns.addAccount(name, role, ctx.formParam("password"), who);
                            return t.t("admin.changed.added", name, t.t("role." + role.key()));
                        })),
                Route.post("/admin/accounts/{name}/role", ADMINS, "Change an account's role from the admin's page",
                        (ctx, caller) -> change(ctx, caller, (who, t) -> {
                            String name = ctx.pathParam("name");
                            Role role = role(ctx.formParam("role"));
                            return accounts.setRole(name, role, who) ? t.t("admin.changed.role", name,
                                    t.t("role." + role.key())) : t.t("admin.unchanged", name);
                        })),
                Route.post("/admin/accounts/{name}/disable", ADMINS, "Disable an account from the admin's page",
                        (ctx, caller) -> change(ctx, caller, (who, t) -> {
                            String name = ctx.pathParam("name");
                            return accounts.setDisabled(name, true, who) ? t.t("admin.changed.disabled", name)
                                    : t.t("admin.unchanged", name);
                        })),
                Route.post("/admin/accounts/{name}/enable", ADMINS, "Enable a disabled account from the admin's page",
                        (ctx, caller) -> change(ctx, caller, (who, t) -> {
                            String name = ctx.pathParam("name");
                            return accounts.setDisabled(name, false, who) ? t.t("admin.changed.enabled", name)
                                    : t.t("admin.unchanged", name);
                        })),
                Route.post("/admin/accounts/{name}/password", ADMINS,
                        "Give an account a generated password, shown once, from the admin's page",
                        (ctx, caller) -> change(ctx, caller, (who, t) -> {
                            String name = ctx.pathParam("name");
                            String password = signIns.resetPassword(name, who);
                            ctx.attribute(PASSWORD, new AdminViews.NewPassword(name, password));
                            return t.t("admin.changed.password", name);
                        })),
                Route.post("/admin/accounts/{name}/token", ADMINS,
                        "Make an API token for an account, shown once, from the admin's page",
                        (ctx, caller) -> change(ctx, caller, (who, t) -> {
                            String label = ctx.formParam("label");
                            Accounts.NewToken made = accounts.issueToken(ctx.pathParam("name"),
                                    label == null ? null : label.strip(), who);
                            ctx.attribute(TOKEN, new AdminViews.NewToken(made.id(), made.account(), made.token()));
                            return t.t("admin.changed.token", String.valueOf(made.id()), made.account());
                        })),
                Route.post("/admin/tokens/{id}/revoke", ADMINS, "Revoke an API token from the admin's page",
                        (ctx, caller) -> change(ctx, caller, (who, t) -> {
                            long id = tokenNumber(ctx.pathParam("id"));
                            accounts.revoke(id, who);
                            return t.t("admin.changed.revoked", String.valueOf(id));
                        })));
    }

    /** Where a generated password waits for the page that shows it, in the request alone. */
    private static final String PASSWORD = "aftersales.admin.password";
    /** Where a token just made waits for the page that shows it, in the request alone. */
    private static final String TOKEN = "aftersales.admin.token";

    /** The role a form chose: 400 for what is not one. */
    private static Role role(String key) {
        return Role.fromKey(String.valueOf(key)).orElseThrow(() -> new ApiError(400, "bad-input",
                "role: '" + key + "' is not one of admin, manager, auditor"));
    }

    /** A token's number from the path: 404 for what is not a number, as for a number no token has. */
    private static long tokenNumber(String given) {
        if (!given.matches("[0-9]{1,18}")) {
            throw new java.util.NoSuchElementException("no token " + given);
        }
        return Long.parseLong(given);
    }

    /** A change made by the admin signed in; the message it ends with. */
    @FunctionalInterface
    private interface AccountChange {
        String apply(Accounts.Actor who, Texts t);
    }

    /**
     * Makes a change and shows the admin's page again saying what was done (the page itself, not a redirect: a
     * generated password or a token is shown in this answer alone, never in an address or a later page); a change the
     * rules refuse is said on the page (409), as is an account or a token that is not there (404) or input the
     * accounts' rules refuse (400: a name that is not one or is taken, a password too short, a role that is not one).
     */
    private void change(Context ctx, Optional<Caller> caller, AccountChange change) {
        Texts t = Texts.of(ctx);
        Accounts.Actor who = new Accounts.Actor(caller.orElseThrow().account(), "http " + ctx.ip());
        String done;
        try {
            done = change.apply(who, t);
        } catch (ApiError e) {
            admin(ctx, caller, e.status(), new AdminViews.Message(e.getMessage(), true));
            return;
        } catch (Accounts.Refused e) {
            admin(ctx, caller, 409, new AdminViews.Message(e.getMessage(), true));
            return;
        } catch (java.util.NoSuchElementException e) {
            admin(ctx, caller, 404, new AdminViews.Message(e.getMessage(), true));
            return;
        } catch (IllegalArgumentException e) {
            admin(ctx, caller, 400, new AdminViews.Message(e.getMessage(), true));
            return;
        }
        admin(ctx, caller, 200, new AdminViews.Message(done, false));
    }

    private void admin(Context ctx, Optional<Caller> caller, int status, AdminViews.Message message) {
        Texts t = Texts.of(ctx);
        String me = caller.orElseThrow().account();
        List<AdminViews.Account> shownAccounts = accounts.list().stream().map(a -> new AdminViews.Account(a.name(),
                a.role().key(), t.t("role." + a.role().key()), time(a.createdAt()), a.activeTokens(), a.disabled(),
                a.name().equals(me))).toList();
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
        List<AdminViews.Token> tokens = accounts.tokens().stream().map(k -> new AdminViews.Token(k.id(), k.account(),
                k.label(), time(k.createdAt()), k.revokedAt() == null ? null : time(k.revokedAt()))).toList();
        List<AdminViews.Role> roles = java.util.Arrays.stream(Role.values()).map(r -> new AdminViews.Role(r.key(),
                t.t("role." + r.key()))).toList();
        Html.page(ctx, status, "admin.jte", new AdminViews.AdminPage(t, Html.session(ctx, caller.orElseThrow()),
                shownAccounts, tokens, roles, schemes, problems, latest, message, ctx.attribute(PASSWORD),
                ctx.attribute(TOKEN)));
    }

    private static final DateTimeFormatter SECONDS = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss 'UTC'");

    /** A time in UTC to the second (the seconds written when they are 0 too). */
    private static String time(OffsetDateTime at) {
        return at.withOffsetSameInstant(ZoneOffset.UTC).format(SECONDS);
    }
}

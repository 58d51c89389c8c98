package io.github.aftersales.service.accounts;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.aftersales.reports.Json;
import io.github.aftersales.service.Access;
import io.github.aftersales.service.ApiError;
import io.github.aftersales.service.Bodies;
import io.github.aftersales.service.Caller;
import io.github.aftersales.service.Route;
import io.github.aftersales.service.SessionCookie;
import io.javalin.http.Context;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;

/** Signing in with a password for a browser session, seeing who is signed in, signing out, changing one's password. */
public final class SessionRoutes {

    /** A sign-in body is two short texts. */
    private static final long MAX_BODY = 8 * 1024;

    private final SignIns signIns;

    public SessionRoutes(SignIns signIns) {
        this.signIns = signIns;
    }

    public List<Route> routes() {
        return List.of(
                Route.post("/api/v1/session", Access.anyone(), "Sign in with a password for a browser session",
                        (ctx, caller) -> signIn(ctx)),
                Route.get("/api/v1/session", Access.signedIn(), "Say who is signed in and give the session's CSRF token",
                        (ctx, caller) -> whoAmI(ctx, caller.orElseThrow())),
                Route.delete("/api/v1/session", Access.signedIn(), "Sign out of the browser session",
                        (ctx, caller) -> signOut(ctx)),
                Route.put("/api/v1/session/password", Access.signedIn(), "Change your own password",
                        (ctx, caller) -> changePassword(ctx, caller.orElseThrow())));
    }

    private void signIn(Context ctx) {
        JsonNode body = secretBody(ctx);
        String account = Bodies.text(body, "account", true);
        String password = Bodies.text(body, "password", true);
        // whatever session the browser had ends: a session is never carried across a sign-in
        SignIns.Outcome outcome = signIns.signIn(account, password, origin(ctx), ctx.cookie(SessionCookie.NAME));
        if (outcome instanceof SignIns.SignedIn in) {
            long seconds = SignIns.SESSION_LIFETIME.toSeconds();
            ctx.header("Set-Cookie", SessionCookie.set(in.secret(), seconds, secure(ctx)));
            ObjectNode o = describe(in.caller(), "session");
            o.put("csrfToken", SessionCookie.csrfToken(in.secret()));
            o.put("expiresAt", in.expiresAt().toInstant().toString());
            ctx.status(201).contentType("application/json; charset=utf-8").result(Json.prettyBytes(o));
            return;
        }
        refuse(ctx, outcome, 401, "bad-credentials", "the account name or the password is wrong");
    }

    /**
     * A body that holds a password: a syntax error is said by its place only, as the parser's message would quote the
     * text around it, the password perhaps.
     */
    private static JsonNode secretBody(Context ctx) {
        try {
            return Bodies.jsonObject(ctx, Bodies.read(ctx, MAX_BODY));
        } catch (ApiError e) {
            if (e.code().equals("bad-input") && e.position() != null) {
                throw new ApiError(400, "bad-input", "the body is not valid JSON here", e.source(), e.position());
            }
            throw e;
        }
    }

    private void whoAmI(Context ctx, Caller caller) {
        boolean bySession = ctx.header("Authorization") == null;
        ObjectNode o = describe(caller, bySession ? "session" : "token");
        if (bySession) {
            String secret = ctx.cookie(SessionCookie.NAME);
            o.put("csrfToken", SessionCookie.csrfToken(secret));
            signIns.session(secret).ifPresent(s -> o.put("expiresAt", s.expiresAt().toInstant().toString()));
        }
        ctx.contentType("application/json; charset=utf-8").result(Json.prettyBytes(o));
    }

    private void signOut(Context ctx) {
        if (ctx.header("Authorization") != null) {
            throw new ApiError(400, "not-a-session", "this request is signed in with an API token, not a session:"
                    + " a token is revoked with 'aftersales accounts revoke'");
        }
        signIns.signOut(ctx.cookie(SessionCookie.NAME), origin(ctx));
        ctx.header("Set-Cookie", SessionCookie.clear(secure(ctx)));
        ctx.status(204);
    }

    private void changePassword(Context ctx, Caller caller) {
        JsonNode body = secretBody(ctx);
        String current = Bodies.text(body, "current", true);
        String replacement = Bodies.text(body, "new", true);
        String keep = ctx.header("Authorization") == null ? ctx.cookie(SessionCookie.NAME) : null;
        SignIns.Outcome outcome;
        try {
            outcome = signIns.changePassword(caller, current, replacement, keep, origin(ctx));
        } catch (IllegalArgumentException e) {
            throw new ApiError(400, "bad-input", "new: " + e.getMessage(), "request body", null);
        }
        if (outcome instanceof SignIns.PasswordChanged) {
            ObjectNode o = describe(caller, keep == null ? "token" : "session");
            o.put("passwordChanged", true);
            ctx.contentType("application/json; charset=utf-8").result(Json.prettyBytes(o));
            return;
        }
        refuse(ctx, outcome, 400, "wrong-password", "current: the password is wrong");
    }

    private static void refuse(Context ctx, SignIns.Outcome outcome, int status, String code, String message) {
        if (outcome instanceof SignIns.SlowDown slow) {
            long seconds = Math.max(1, (slow.retryAfter().toMillis() + 999) / 1000);
            ctx.header("Retry-After", String.valueOf(seconds));
            throw new ApiError(429, "slow-down", "too many failed sign-ins for this account: try again in " + seconds
                    + " s");
        }
        if (outcome instanceof SignIns.Busy) {
            throw new ApiError(503, "busy", "other sign-ins are being checked; try again in a moment");
        }
        throw new ApiError(status, code, message);
    }

    private static ObjectNode describe(Caller caller, String via) {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        o.put("account", caller.account());
        o.put("role", caller.role().key());
        o.put("via", via);
        return o;
    }

    private static String origin(Context ctx) {
        return "http " + ctx.ip();
    }

    /**
     * Whether the cookie is for HTTPS only: over HTTPS, behind a proxy that says it took HTTPS, and on any address
     * but loopback (where the service expects a TLS proxy in front). A browser on the same machine reaches
     * {@code http://127.0.0.1} without TLS, and would not send a Secure cookie back there.
     */
    public static boolean secure(Context ctx) {
        if ("https".equalsIgnoreCase(ctx.scheme()) || "https".equalsIgnoreCase(ctx.header("X-Forwarded-Proto"))) {
            return true;
        }
        try {
            return !InetAddress.getByName(ctx.req().getLocalAddr()).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return true;
        }
    }
}

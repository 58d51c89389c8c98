package io.github.aftersales.service;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP server of {@code aftersales serve}: Javalin on embedded Jetty, with the routes it is given,
 * each behind its {@link Access} rule, and one JSON shape for every error ({@link ErrorBody}) whatever
 * went wrong: a client never sees a stack trace.
 *
 * <p>Javalin was chosen for its size (a thin layer on Jetty, plain Java handlers, no annotation scanning or
 * container of its own): the application keeps Guice for wiring, and the route table stays plain data that
 * the authorisation and OpenAPI tests read.
 */
public final class ApiServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ApiServer.class);
    private static final String ANSWERED = "aftersales.error-answered";
    private static final String MULTIPART_LIMIT = "aftersales.multipart-limit";
    private static final String TIMING = "aftersales.timing";

    /**
     * Where the server listens and what it accepts.
     *
     * @param bind            the address to listen on; {@code 127.0.0.1} unless the operator says otherwise
     * @param port            the port; 0 picks a free one
     * @param maxRequestBytes the largest request body accepted (413 beyond it)
     * @param maxFileBytes    the largest file a page's form may upload (an evidence file), when larger than that
     */
    public record Settings(String bind, int port, long maxRequestBytes, long maxFileBytes) {
        public static final String LOOPBACK = "127.0.0.1";
        public static final int DEFAULT_PORT = 8027;
        /** An assessment file is at most 16 MiB (the readers' own limit); a request no more. */
        public static final long DEFAULT_MAX_REQUEST_BYTES = 16L << 20;

        public Settings {
            if (port < 0 || port > 65_535) {
                throw new IllegalArgumentException("a port is between 0 and 65535, not " + port);
            }
            if (maxRequestBytes < 1 || maxFileBytes < 1) {
                throw new IllegalArgumentException("the largest request must be at least one byte");
            }
        }

        /** Files uploaded from a page no larger than any request. */
        public Settings(String bind, int port, long maxRequestBytes) {
            this(bind, port, maxRequestBytes, maxRequestBytes);
        }

        /** What a page's multipart form may hold: its largest file, and its other fields beside it. */
        long maxMultipartBytes() {
            return Math.max(maxRequestBytes, maxFileBytes + (64 << 10));
        }
    }

    private final Javalin javalin;

    private ApiServer(Javalin javalin) {
        this.javalin = javalin;
    }

    /** Starts a server answering {@code routes}; callers are who {@code authenticator} says their token is. */
    public static ApiServer start(Settings settings, List<Route> routes, Authenticator authenticator) {
        return start(settings, routes, authenticator, new io.micrometer.core.instrument.simple.SimpleMeterRegistry());
    }

    /**
     * The same, each request to a route timed in {@code meters} as {@code aftersales.http.requests}, tagged with
     * the route's method and path (its template, never the values in it) and the answer's status.
     */
    public static ApiServer start(Settings settings, List<Route> routes, Authenticator authenticator,
            io.micrometer.core.instrument.MeterRegistry meters) {
        Javalin javalin = Javalin.create(config -> {
            config.showJavalinBanner = false;
            config.startupWatcherEnabled = false;
            config.http.maxRequestSize = settings.maxRequestBytes();
            // a page's file upload (multipart/form-data) is held to the same size (an evidence file's, when larger), in
            // memory: never a file on disk; each route then holds the file to its own limit
            long multipart = settings.maxMultipartBytes();
            config.jetty.multipartConfig.maxTotalRequestSize(multipart, io.javalin.config.SizeUnit.BYTES);
            config.jetty.multipartConfig.maxFileSize(multipart, io.javalin.config.SizeUnit.BYTES);
            config.jetty.multipartConfig.maxInMemoryFileSize((int) Math.min(Integer.MAX_VALUE, multipart + 1),
                    io.javalin.config.SizeUnit.BYTES);
            config.http.prefer405over404 = true;
            config.jetty.defaultHost = settings.bind();
            config.jetty.defaultPort = settings.port();
            config.jetty.modifyServer(server -> server.setErrorHandler(new JsonErrorPages()));
            config.router.mount(router -> {
                for (Route route : routes) {
                    router.addHttpHandler(route.method(), route.path(), ctx -> {
                        io.micrometer.core.instrument.Timer.Sample sample = io.micrometer.core.instrument.Timer.start(meters);
                        try {
                            handle(route, ctx, authenticator);
                        } catch (Error e) {
                            // out of memory, a stack overflow: logged with an id like any defect, answered 500, and
                            // what the JVM cannot survive is thrown on
                            String incident = UUID.randomUUID().toString();
                            LOG.error("internal error {} on {} {}", incident, ctx.method(), ctx.path(), e);
                            answer(ctx, new ApiError(500, "internal", "internal error " + incident
                                    + "; the server's log says more"));
                            if (e instanceof VirtualMachineError) {
                                throw e;
                            }
                        } finally {
                            // an exception is answered after this, by its handler: its status is the ApiError's
                            ctx.attribute(TIMING, (Runnable) () -> sample.stop(meters.timer("aftersales.http.requests",
                                    "method", route.method().name(), "route", route.path(),
                                    "status", String.valueOf(ctx.statusCode()))));
                        }
                    });
                }
            });
        });
        javalin.before(ApiServer::commonHeaders);
        javalin.before(ctx -> ctx.attribute(MULTIPART_LIMIT, settings.maxMultipartBytes()));
        javalin.before(ctx -> {
            // Javalin answers HEAD for every GET route without running its handler, so without its access rule
            if (ctx.method() == io.javalin.http.HandlerType.HEAD) {
                throw new ApiError(405, "method-not-allowed", "HEAD is not a method of this API; use GET");
            }
        });
        javalin.after(ctx -> {
            Runnable timing = ctx.attribute(TIMING);
            if (timing != null) {
                timing.run();
            }
        });
        javalin.exception(ApiError.class, (e, ctx) -> answer(ctx, e));
        javalin.exception(HttpResponseException.class, (e, ctx) -> answer(ctx, fromJavalin(e, ctx)));
        javalin.exception(Exception.class, (e, ctx) -> {
            // a defect: the client gets an id to quote, the log the whole story (never a request's secrets)
            String incident = UUID.randomUUID().toString();
            LOG.error("internal error {} on {} {}", incident, ctx.method(), ctx.path(), e);
            answer(ctx, new ApiError(500, "internal", "internal error " + incident + "; the server's log says more"));
        });
        javalin.error(404, ctx -> answerIfNot(ctx, noRoute(ctx)));
        javalin.error(405, ctx -> answerIfNot(ctx, wrongMethod(ctx)));
        javalin.error(500, ctx -> answerIfNot(ctx, new ApiError(500, "internal", "internal error")));
        try {
            javalin.start();
        } catch (io.javalin.util.JavalinException e) {
            // nothing listens; Jetty's threads were stopped by Javalin as it failed
            Throwable cause;
            Throwable root = e;
            while (root.getCause() != null && root.getCause() != root) {
                root = root.getCause();
            }
            boolean portTaken = root instanceof java.net.BindException
                    && String.valueOf(root.getMessage()).contains("in use");
            cause = root;
            throw new CannotListen("cannot listen on " + settings.bind() + ":" + settings.port() + ": "
                    + (portTaken ? "the port is in use; choose another with --port"
                    : "the address is not this machine's, or the port is not allowed (" + cause.getMessage()
                    + "); check --bind and --port"), e);
        }
        // stopping lets requests in flight finish (up to 10 s) before the connections close; set once started,
        // as a graceful stop of a server that failed to start throws instead of saying why it failed
        javalin.jettyServer().server().setStopTimeout(10_000);
        return new ApiServer(javalin);
    }

    /** The server cannot listen where it was told: the port is taken or the address is not this machine's. */
    public static final class CannotListen extends RuntimeException {
        private static final long serialVersionUID = 1L;

        CannotListen(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** The port the server listens on (the one picked, when asked for 0). */
    public int port() {
        return javalin.port();
    }

    /** Stops taking requests, lets those in flight finish, and closes. */
    @Override
    public void close() {
        javalin.stop();
    }

    private static void handle(Route route, Context ctx, Authenticator authenticator) throws Exception {
        // a route anyone may call acts on no one's behalf: its caller needs no CSRF token
        Optional<Caller> caller = caller(ctx, authenticator, !(route.access() instanceof Access.Anyone));
        if (!route.access().allows(caller)) {
            if (caller.isEmpty() && page(route)) {
                // a person opening a page: to the sign-in page, not a JSON answer
                ctx.redirect("/sign-in", io.javalin.http.HttpStatus.SEE_OTHER);
                return;
            }
            if (caller.isEmpty()) {
                ctx.header("WWW-Authenticate", "Bearer");
                throw new ApiError(401, "not-signed-in", "this route needs an API token (send the header"
                        + " 'Authorization: Bearer TOKEN'; aftersales accounts add) or a session (POST /api/v1/session)");
            }
            throw new ApiError(403, "forbidden", "the account " + caller.get().account() + " (" + caller.get().role().key()
                    + ") may not " + route.summary().toLowerCase(Locale.ROOT) + "; that is for " + route.access());
        }
        if (route.path().startsWith("/api/") && multipart(ctx) && changes(ctx)) {
            // the API takes a body as it is: a form's file stored as the file (or its JSON read as a form) would be
            // wrong, and a session's form read for its CSRF token leaves no body at all
            throw RequestBodies.multipartRefused(route);
        }
        if (!route.path().startsWith("/api/") && multipart(ctx)) {
            // a page's form not read for its CSRF token (sent in the header, or with a bearer token): read here, so
            // that one too large is 413 as above, not an exception in the route
            multipartField(ctx, "_csrf");
        }
        route.handler().handle(ctx, caller);
    }

    /**
     * The account of the request's bearer token, else of its session cookie; empty when there is neither. A token
     * that is not valid is a 401; a cookie of a session that ended is no one (browsers keep stale cookies). A
     * request signed in by its cookie that would change something must carry the session's CSRF token.
     */
    private static Optional<Caller> caller(Context ctx, Authenticator authenticator, boolean guarded) {
        String header = ctx.header("Authorization");
        if (header == null) {
            return bySession(ctx, authenticator, guarded);
        }
        if (!header.regionMatches(true, 0, "Bearer ", 0, 7) || header.length() == 7) {
            ctx.header("WWW-Authenticate", "Bearer");
            throw new ApiError(401, "bad-credentials", "the Authorization header is 'Bearer TOKEN'");
        }
        Optional<Caller> caller = authenticator.byToken(header.substring(7).strip());
        if (caller.isEmpty()) {
            ctx.header("WWW-Authenticate", "Bearer error=\"invalid_token\"");
            throw new ApiError(401, "bad-credentials", "the API token is not valid: unknown or revoked");
        }
        return caller;
    }

    private static Optional<Caller> bySession(Context ctx, Authenticator authenticator, boolean guarded) {
        String secret = ctx.cookie(SessionCookie.NAME);
        if (secret == null || secret.isEmpty()) {
            return Optional.empty();
        }
        Optional<Caller> caller = authenticator.bySession(secret);
        if (caller.isPresent() && guarded && changes(ctx) && !SessionCookie.csrfMatches(secret, offeredCsrf(ctx))) {
            // a page of another site can make the browser send the cookie, never this header
            throw new ApiError(403, "csrf", "a request signed in by a session cookie that changes anything carries the"
                    + " session's CSRF token in the header " + SessionCookie.CSRF_HEADER + " (GET /api/v1/session gives it)");
        }
        return caller;
    }

    /** Whether a route is a page a person opens (a GET outside the API and the operator's routes). */
    private static boolean page(Route route) {
        return route.method() == io.javalin.http.HandlerType.GET && !route.path().startsWith("/api/")
                && !route.path().equals("/metrics") && !route.path().equals("/health");
    }

    /**
     * The CSRF token a request offers: the header ({@value SessionCookie#CSRF_HEADER}; htmx and programs send it), or
     * for a form a page posts, its {@code _csrf} field.
     */
    private static String offeredCsrf(Context ctx) {
        String header = ctx.header(SessionCookie.CSRF_HEADER);
        if (header != null) {
            return header;
        }
        String type = ctx.header("Content-Type");
        String media = type == null ? "" : Negotiation.mediaType(type);
        if (media.equals("application/x-www-form-urlencoded")) {
            return ctx.formParam("_csrf");
        }
        if (media.equals("multipart/form-data")) {
            // a page's form with a file: read within the limits above
            return multipartField(ctx, "_csrf");
        }
        return null;
    }

    /** Whether the request's body is a multipart form (a page's form with a file). */
    private static boolean multipart(Context ctx) {
        String type = ctx.header("Content-Type");
        return type != null && Negotiation.mediaType(type).equals("multipart/form-data");
    }

    /**
     * A field of a multipart form, the form read (once, in memory) within the limits above: 413 {@code too-large},
     * saying the limit, beyond them; 400 {@code bad-request} for a body that is not one.
     */
    private static String multipartField(Context ctx, String name) {
        try {
            return ctx.formParam(name);
        } catch (RuntimeException e) {
            for (Throwable t = e; t != null; t = t.getCause()) {
                if (String.valueOf(t.getMessage()).contains("exceeds")) {
                    Long limit = ctx.attribute(MULTIPART_LIMIT);
                    throw new ApiError(413, "too-large", "the form is larger than this server accepts"
                            + (limit == null ? "" : ": at most " + io.github.aftersales.service.assessments.Evidence.size(limit)
                            + ", its file included"));
                }
            }
            throw new ApiError(400, "bad-request", "the form's multipart body cannot be read");
        }
    }

    /** Whether a request's method may change something (the ones a CSRF token guards). */
    private static boolean changes(Context ctx) {
        return switch (ctx.method()) {
            case GET, HEAD, OPTIONS, TRACE -> false;
            default -> true;
        };
    }

    private static void commonHeaders(Context ctx) {
        ctx.header("X-Content-Type-Options", "nosniff");
        ctx.header("Cache-Control", "no-store");
        // no address leaves for another site; a page's own form posts still say their origin (under no-referrer a
        // browser sends "Origin: null", and a sign-in could not be told from another site's)
        ctx.header("Referrer-Policy", "same-origin");
        // a report is a whole page with inline styles and charts; the pages load their own style sheet and htmx from
        // this server and send forms and htmx's requests only here: nothing else may load or run
        ctx.header("Content-Security-Policy", "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline';"
                + " img-src 'self' data:; connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'");
    }

    private static ApiError noRoute(Context ctx) {
        return new ApiError(404, "no-such-route", "no route " + ctx.method() + " " + ctx.path()
                + "; the routes are listed in /api/v1/openapi.json");
    }

    private static ApiError wrongMethod(Context ctx) {
        return new ApiError(405, "method-not-allowed", ctx.method() + " is not a method of " + ctx.path());
    }

    /** What Javalin itself answers (no route, a method the route lacks, a body over its limit), in the one shape. */
    private static ApiError fromJavalin(HttpResponseException e, Context ctx) {
        return switch (e.getStatus()) {
            case 404 -> noRoute(ctx);
            case 405 -> wrongMethod(ctx);
            case 413 -> new ApiError(413, "too-large", "the request is larger than this server accepts");
            case 400 -> new ApiError(400, "bad-request", e.getMessage());
            default -> new ApiError(e.getStatus(), "http-" + e.getStatus(), e.getMessage());
        };
    }

    /**
     * Marks what a handler answered with an error status (a page's own 404 or 400) as its whole answer: not replaced
     * by the API's error body, as an unknown route's 404 is.
     */
    public static void answeredHere(Context ctx) {
        ctx.attribute(ANSWERED, Boolean.TRUE);
    }

    private static void answerIfNot(Context ctx, ApiError e) {
        if (ctx.attribute(ANSWERED) == null) {
            answer(ctx, e);
        }
    }

    private static void answer(Context ctx, ApiError e) {
        ctx.attribute(ANSWERED, Boolean.TRUE);
        ctx.status(e.status());
        ctx.contentType("application/json; charset=utf-8");
        ctx.result(io.github.aftersales.reports.Json.compact(ErrorBody.of(e)));
    }
}

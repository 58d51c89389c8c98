package io.github.aftersales.service;

import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import java.util.Objects;
import java.util.Optional;

/**
 * One route of the API: its method and path, who may call it, what it does in a sentence (the
 * OpenAPI document's summary; {@code OpenApiDocumentTest} checks both agree), and its handler.
 *
 * @param path a Javalin path, {@code /api/v1/schemes/{scheme}}
 */
public record Route(HandlerType method, String path, Access access, String summary, Handler handler) {

    public Route {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(access, "access: every route has its rule");
        Objects.requireNonNull(summary, "summary");
        Objects.requireNonNull(handler, "handler");
    }

    /** What a route does, given the request and who made it (empty when no one is signed in). */
    @FunctionalInterface
    public interface Handler {
        void handle(Context ctx, Optional<Caller> caller) throws Exception;
    }

    public static Route get(String path, Access access, String summary, Handler handler) {
        return new Route(HandlerType.GET, path, access, summary, handler);
    }

    public static Route post(String path, Access access, String summary, Handler handler) {
        return new Route(HandlerType.POST, path, access, summary, handler);
    }

    public static Route put(String path, Access access, String summary, Handler handler) {
        return new Route(HandlerType.PUT, path, access, summary, handler);
    }

    public static Route delete(String path, Access access, String summary, Handler handler) {
        return new Route(HandlerType.DELETE, path, access, summary, handler);
    }

    @Override
    public String toString() {
        return method + " " + path;
    }
}

package io.github.aftersales.service;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

/** What the service says about itself, to anyone: that it is up, and the API's description. */
public final class ServiceRoutes {

    /** docs/openapi.json, copied into the jar by the build: one document, served and kept in docs/. */
    static final String OPENAPI = "/io/github/aftersales/service/openapi.json";

    private final byte[] openApi;

    public ServiceRoutes() {
        try (InputStream in = ServiceRoutes.class.getResourceAsStream(OPENAPI)) {
            if (in == null) {
                throw new IllegalStateException(OPENAPI + " is missing from the service's jar");
            }
            openApi = in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public List<Route> routes() {
        return List.of(
                Route.get("/health", Access.anyone(), "Say whether the service is up",
                        (ctx, caller) -> ctx.contentType(GradingRoutes.JSON).result("{\"status\":\"up\"}")),
                Route.get("/api/v1/openapi.json", Access.anyone(), "Describe the API (OpenAPI 3.1)",
                        (ctx, caller) -> ctx.contentType(GradingRoutes.JSON + "; charset=utf-8").result(openApi)));
    }
}

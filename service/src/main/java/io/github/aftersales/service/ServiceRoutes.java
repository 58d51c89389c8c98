package io.github.aftersales.service;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

/** What the service says about itself: that it is up and the API's description to anyone, its metrics to an admin. */
public final class ServiceRoutes {

    /** docs/openapi.json, copied into the jar by the build: one document, served and kept in docs/. */
    static final String OPENAPI = "/io/github/aftersales/service/openapi.json";

    private final byte[] openApi;
    private final io.micrometer.prometheusmetrics.PrometheusMeterRegistry meters;

    /** The routes with no metrics to show (tests of other routes). */
    public ServiceRoutes() {
        this(new io.micrometer.prometheusmetrics.PrometheusMeterRegistry(
                io.micrometer.prometheusmetrics.PrometheusConfig.DEFAULT));
    }

    /** @param meters what {@code /metrics} shows: the requests the server timed, and the JVM's own */
    public ServiceRoutes(io.micrometer.prometheusmetrics.PrometheusMeterRegistry meters) {
        this.meters = meters;
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
                        (ctx, caller) -> ctx.contentType(GradingRoutes.JSON + "; charset=utf-8").result(openApi)),
                // what is served, how fast, how often refused: for the operator's scraper, with an admin's token
                Route.get("/metrics", Access.roles(Role.ADMIN), "Show the service's metrics (Prometheus text format)",
                        (ctx, caller) -> ctx.contentType("text/plain; version=0.0.4; charset=utf-8")
                                .result(meters.scrape())));
    }
}

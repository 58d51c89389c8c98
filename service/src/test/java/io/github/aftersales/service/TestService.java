package io.github.aftersales.service;

import io.github.aftersales.core.evaluation.Evaluator;
import io.github.aftersales.core.registry.SchemeRegistry;
import io.github.aftersales.spi.Scheme;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A real server on a free loopback port with the schemes on the test class path, and one token per role
 * ({@code admin-token}, {@code manager-token}, {@code auditor-token}); requests through the JDK's HTTP client.
 */
final class TestService implements AutoCloseable {

    static final Map<String, Caller> TOKENS = Map.of(
            "admin-token", new Caller("ada", Role.ADMIN),
            "manager-token", new Caller("mia", Role.MANAGER),
            "auditor-token", new Caller("zhang", Role.AUDITOR));

    final List<Route> routes;
    final ApiServer server;
    private final HttpClient client = HttpClient.newHttpClient();

    TestService() {
        this(ApiServer.Settings.DEFAULT_MAX_REQUEST_BYTES);
    }

    TestService(long maxRequestBytes) {
        SchemeRegistry registry = SchemeRegistry.discover(TestService.class.getClassLoader());
        Map<String, Scheme> schemes = new LinkedHashMap<>();
        registry.installed().forEach(i -> schemes.put(i.scheme().id(), i.scheme()));
        Evaluator evaluator = new Evaluator(id -> Optional.ofNullable(schemes.get(id)), schemes.keySet());
        routes = new ArrayList<>(new ServiceRoutes().routes());
        routes.addAll(new GradingRoutes(registry, schemes, evaluator, maxRequestBytes).routes());
        server = ApiServer.start(new ApiServer.Settings(ApiServer.Settings.LOOPBACK, 0, maxRequestBytes), routes,
                token -> Optional.ofNullable(TOKENS.get(token)));
    }

    URI uri(String path) {
        return URI.create("http://127.0.0.1:" + server.port() + path);
    }

    HttpRequest.Builder request(String path, String token) {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri(path));
        return token == null ? b : b.header("Authorization", "Bearer " + token);
    }

    HttpResponse<String> send(HttpRequest request) throws IOException, InterruptedException {
        return client.send(request, HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<byte[]> sendForBytes(HttpRequest request) throws IOException, InterruptedException {
        return client.send(request, HttpResponse.BodyHandlers.ofByteArray());
    }

    @Override
    public void close() {
        server.close();
    }
}

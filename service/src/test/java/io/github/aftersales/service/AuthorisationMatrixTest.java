package io.github.aftersales.service;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Every route of the service with every role and with none. The rules below are written here, apart from
 * the routes' own declarations: a route added without a line here fails the build, and a route whose
 * declared access drifts from what this table says fails too.
 */
class AuthorisationMatrixTest {

    private static final Set<Role> EVERY_ROLE = EnumSet.allOf(Role.class);
    /** Route → the roles that may call it; {@code null}: anyone, signed in or not. */
    private static final Map<String, Set<Role>> RULES = new java.util.HashMap<>();

    static {
        RULES.put("GET /health", null);
        RULES.put("GET /api/v1/openapi.json", null);
        RULES.put("GET /api/v1/schemes", EVERY_ROLE);
        RULES.put("GET /api/v1/schemes/{scheme}/variants/{variant}/template", EVERY_ROLE);
        RULES.put("POST /api/v1/evaluations", EVERY_ROLE);
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static TestService service;

    @BeforeAll
    static void start() {
        service = new TestService();
    }

    @AfterAll
    static void stop() {
        service.close();
    }

    @Test
    void everyRouteHasItsRuleHereAndNoRuleIsLeftWithoutItsRoute() {
        List<String> routes = service.routes.stream().map(Route::toString).toList();
        assertThat(routes).as("routes without a rule in this test").allMatch(RULES::containsKey);
        assertThat(RULES.keySet()).as("rules of routes that are gone").allMatch(routes::contains);
    }

    @TestFactory
    Stream<DynamicTest> everyRouteAnswersEachCallerAsItsRuleSays() {
        List<DynamicTest> tests = new ArrayList<>();
        for (Route route : service.routes) {
            Set<Role> allowed = RULES.get(route.toString());
            for (String token : new String[] {null, "admin-token", "manager-token", "auditor-token", "ast_not-a-token"}) {
                Caller caller = token == null ? null : TestService.TOKENS.get(token);
                tests.add(DynamicTest.dynamicTest(route + " as " + (token == null ? "no one" : token), () -> {
                    HttpResponse<String> r = service.send(request(route, token));
                    boolean mayCall = allowed == null || (caller != null && allowed.contains(caller.role()));
                    if (token != null && caller == null) {
                        // a token that is not valid is refused even where none is needed: it is a mistake to say
                        assertThat(r.statusCode()).isEqualTo(401);
                        assertThat(JSON.readTree(r.body()).get("code").asText()).isEqualTo("bad-credentials");
                    } else if (mayCall) {
                        assertThat(r.statusCode()).as(r.body()).isNotIn(401, 403);
                    } else if (caller == null) {
                        assertThat(r.statusCode()).isEqualTo(401);
                        assertThat(r.headers().firstValue("WWW-Authenticate")).contains("Bearer");
                        assertThat(JSON.readTree(r.body()).get("code").asText()).isEqualTo("not-signed-in");
                    } else {
                        assertThat(r.statusCode()).isEqualTo(403);
                        JsonNode e = JSON.readTree(r.body());
                        assertThat(e.get("code").asText()).isEqualTo("forbidden");
                    }
                }));
            }
        }
        return tests.stream();
    }

    /** A request the route would answer, with sample path values and an empty JSON body where it takes one. */
    private static HttpRequest request(Route route, String token) {
        String path = route.path().replace("{scheme}", "gbt27922").replace("{variant}", "form");
        HttpRequest.Builder b = service.request(path, token);
        return switch (route.method()) {
            case GET -> b.GET().build();
            case POST -> b.header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{}")).build();
            default -> throw new AssertionError("a method this test does not send yet: " + route);
        };
    }
}

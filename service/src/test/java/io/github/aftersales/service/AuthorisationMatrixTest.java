package io.github.aftersales.service;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Every route of the service with every role, with none, with a token that is not valid, and, for a route on
 * one assessment, on the caller's own assessment and on another's. The rules below are written here, apart
 * from the routes' own declarations: a route added without its line here fails the build, and a route whose
 * handling drifts from what this table says fails too.
 */
class AuthorisationMatrixTest {

    /** Who calls. */
    enum Who { NO_ONE, ADMIN, MANAGER, AUDITOR_ON_OWN, AUDITOR_ON_OTHERS }

    /** What the answer must be. */
    enum Outcome { PASSES, NOT_SIGNED_IN_401, FORBIDDEN_403, HIDDEN_404 }

    private static final Map<String, Map<Who, Outcome>> RULES = new HashMap<>();

    static {
        rule("GET /health", Outcome.PASSES, Outcome.PASSES, Outcome.PASSES, Outcome.PASSES, Outcome.PASSES);
        rule("GET /api/v1/openapi.json", Outcome.PASSES, Outcome.PASSES, Outcome.PASSES, Outcome.PASSES, Outcome.PASSES);
        Outcome n = Outcome.NOT_SIGNED_IN_401;
        Outcome f = Outcome.FORBIDDEN_403;
        // how the service is used is the operator's: an admin's token for the scraper
        rule("GET /metrics", n, Outcome.PASSES, f, f, f);
        // who did what from where is the admin's to read
        rule("GET /api/v1/changes", n, Outcome.PASSES, f, f, f);
        // a password opens a session for anyone; each account sees itself, signs out, changes its own password
        rule("POST /api/v1/session", Outcome.PASSES, Outcome.PASSES, Outcome.PASSES, Outcome.PASSES, Outcome.PASSES);
        rule("GET /api/v1/session", n, Outcome.PASSES, Outcome.PASSES, Outcome.PASSES, Outcome.PASSES);
        rule("DELETE /api/v1/session", n, Outcome.PASSES, Outcome.PASSES, Outcome.PASSES, Outcome.PASSES);
        rule("PUT /api/v1/session/password", n, Outcome.PASSES, Outcome.PASSES, Outcome.PASSES, Outcome.PASSES);
        rule("GET /api/v1/schemes", n, Outcome.PASSES, Outcome.PASSES, Outcome.PASSES, Outcome.PASSES);
        rule("GET /api/v1/schemes/{scheme}/variants/{variant}/template", n, Outcome.PASSES, Outcome.PASSES,
                Outcome.PASSES, Outcome.PASSES);
        rule("POST /api/v1/evaluations", n, Outcome.PASSES, Outcome.PASSES, Outcome.PASSES, Outcome.PASSES);
        // assessments: an admin keeps accounts, not assessments; a manager sees all; an auditor only theirs
        rule("POST /api/v1/assessments", n, Outcome.FORBIDDEN_403, Outcome.PASSES, Outcome.PASSES, Outcome.PASSES);
        rule("GET /api/v1/assessments", n, Outcome.FORBIDDEN_403, Outcome.PASSES, Outcome.PASSES, Outcome.PASSES);
        rule("GET /api/v1/assessments/{id}", n, Outcome.FORBIDDEN_403, Outcome.PASSES, Outcome.PASSES,
                Outcome.HIDDEN_404);
        // only the auditor it is assigned to fills it: a manager reviews
        rule("PUT /api/v1/assessments/{id}", n, Outcome.FORBIDDEN_403, Outcome.FORBIDDEN_403, Outcome.PASSES,
                Outcome.HIDDEN_404);
        rule("POST /api/v1/assessments/{id}/submit", n, Outcome.FORBIDDEN_403, Outcome.FORBIDDEN_403, Outcome.PASSES,
                Outcome.HIDDEN_404);
        // a manager decides; no auditor decides on an assessment, their own or another's
        rule("POST /api/v1/assessments/{id}/return", n, Outcome.FORBIDDEN_403, Outcome.PASSES, Outcome.FORBIDDEN_403,
                Outcome.FORBIDDEN_403);
        rule("POST /api/v1/assessments/{id}/approve", n, Outcome.FORBIDDEN_403, Outcome.PASSES, Outcome.FORBIDDEN_403,
                Outcome.FORBIDDEN_403);
        // evidence files: read as the assessment is read; added and removed by its auditor alone (a manager reads)
        rule("GET /api/v1/assessments/{id}/evidence", n, Outcome.FORBIDDEN_403, Outcome.PASSES, Outcome.PASSES,
                Outcome.HIDDEN_404);
        rule("GET /api/v1/assessments/{id}/evidence/{file}", n, Outcome.FORBIDDEN_403, Outcome.PASSES, Outcome.PASSES,
                Outcome.HIDDEN_404);
        rule("POST /api/v1/assessments/{id}/evidence", n, Outcome.FORBIDDEN_403, Outcome.FORBIDDEN_403, Outcome.PASSES,
                Outcome.HIDDEN_404);
        rule("DELETE /api/v1/assessments/{id}/evidence/{file}", n, Outcome.FORBIDDEN_403, Outcome.FORBIDDEN_403,
                Outcome.PASSES, Outcome.HIDDEN_404);
        // the register is the certification manager's: a manager reads it and decides; an auditor fills assessments
        // and an admin keeps accounts, and neither needs a certificate (least privilege)
        for (String route : List.of("GET /api/v1/certificates", "GET /api/v1/certificates/due",
                "GET /api/v1/certificates/export", "GET /api/v1/certificates/{number}",
                "POST /api/v1/certificates/{number}/surveillance", "POST /api/v1/certificates/{number}/reevaluation",
                "POST /api/v1/certificates/{number}/incidents")) {
            rule(route, n, f, Outcome.PASSES, f, f);
        }
    }

    private static void rule(String route, Outcome noOne, Outcome admin, Outcome manager, Outcome auditorOnOwn,
            Outcome auditorOnOthers) {
        Map<Who, Outcome> r = new EnumMap<>(Who.class);
        r.put(Who.NO_ONE, noOne);
        r.put(Who.ADMIN, admin);
        r.put(Who.MANAGER, manager);
        r.put(Who.AUDITOR_ON_OWN, auditorOnOwn);
        r.put(Who.AUDITOR_ON_OTHERS, auditorOnOthers);
        RULES.put(route, r);
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static TestService service;
    /** A browser session per signed-in caller, opened with its password: the same rules hold for it as for a token. */
    private static final Map<Who, String> SESSIONS = new EnumMap<>(Who.class);
    private static long zhangs;
    private static long lis;

    @BeforeAll
    static void start() throws Exception {
        service = new TestService();
        zhangs = make("zhang");
        lis = make("li");
        for (Who who : Who.values()) {
            if (who != Who.NO_ONE) {
                SESSIONS.put(who, signIn(who));
            }
        }
    }

    /** A new session of {@code who}'s account: the secret its cookie holds. */
    private static String signIn(Who who) throws Exception {
        String account = switch (who) {
            case NO_ONE -> throw new IllegalArgumentException("no one has no session");
            case ADMIN -> "ada";
            case MANAGER -> "mia";
            case AUDITOR_ON_OWN, AUDITOR_ON_OTHERS -> "zhang";
        };
        HttpResponse<String> in = service.send(service.request("/api/v1/session", null)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(
                        JSON.createObjectNode().put("account", account).put("password", TestService.password(account))
                                .toString())).build());
        assertThat(in.statusCode()).as(in.body()).isEqualTo(201);
        String set = in.headers().firstValue("Set-Cookie").orElseThrow();
        return set.substring(set.indexOf('=') + 1, set.indexOf(';'));
    }

    private static long make(String auditor) throws Exception {
        HttpResponse<String> r = service.send(service.request("/api/v1/assessments", "manager-token")
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(
                        "{\"scheme\": \"gbt27922\", \"organisation\": \"Co.\", \"assignedTo\": \"" + auditor + "\"}"))
                .build());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        return JSON.readTree(r.body()).get("id").asLong();
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
            Map<Who, Outcome> rule = RULES.get(route.toString());
            for (Who who : Who.values()) {
                for (boolean bySession : new boolean[] {false, true}) {
                    if (bySession && who == Who.NO_ONE) {
                        continue;
                    }
                    String name = route + " by " + who + (bySession ? " in a browser session" : "");
                    tests.add(DynamicTest.dynamicTest(name, () -> {
                        HttpResponse<String> r = service.send(bySession ? inSession(route, who, true)
                                : request(route, who, token(who)));
                        expect(r, rule.get(who));
                    }));
                }
            }
            if (route.method() != io.javalin.http.HandlerType.GET && !(route.access() instanceof Access.Anyone)) {
                tests.add(DynamicTest.dynamicTest(route + " in a session without its CSRF token", () -> {
                    // what a page of another site can make a browser send: the cookie, never the header
                    HttpResponse<String> r = service.send(inSession(route, Who.MANAGER, false));
                    assertThat(r.statusCode()).as(r.body()).isEqualTo(403);
                    assertThat(JSON.readTree(r.body()).get("code").asText()).isEqualTo("csrf");
                }));
            }
            if (route.method() == io.javalin.http.HandlerType.GET) {
                tests.add(DynamicTest.dynamicTest("HEAD " + route.path() + " by no one", () -> {
                    // Javalin would answer HEAD for a GET route without its rule: no HEAD at all
                    HttpResponse<String> r = service.send(service.request(route.path().replace("{scheme}", "gbt27922")
                            .replace("{variant}", "form").replace("{id}", String.valueOf(zhangs)).replace("{number}", "1")
                            .replace("{file}", "1"), null)
                            .method("HEAD", HttpRequest.BodyPublishers.noBody()).build());
                    assertThat(r.statusCode()).isEqualTo(405);
                }));
            }
            tests.add(DynamicTest.dynamicTest(route + " with a token that is not valid", () -> {
                // refused even where none is needed: sending a bad one is a mistake to say
                HttpResponse<String> r = service.send(request(route, Who.MANAGER, "ast_not-a-token"));
                assertThat(r.statusCode()).isEqualTo(401);
                assertThat(JSON.readTree(r.body()).get("code").asText()).isEqualTo("bad-credentials");
            }));
        }
        return tests.stream();
    }

    private static void expect(HttpResponse<String> r, Outcome expected) throws Exception {
        switch (expected) {
            case PASSES -> {
                assertThat(r.statusCode()).as(r.body()).isNotIn(401, 403);
                if (r.statusCode() == 404) {
                    assertThat(JSON.readTree(r.body()).get("code").asText()).isNotEqualTo("no-such-assessment");
                }
            }
            case NOT_SIGNED_IN_401 -> {
                assertThat(r.statusCode()).isEqualTo(401);
                assertThat(r.headers().firstValue("WWW-Authenticate")).contains("Bearer");
                assertThat(JSON.readTree(r.body()).get("code").asText()).isEqualTo("not-signed-in");
            }
            case FORBIDDEN_403 -> {
                assertThat(r.statusCode()).as(r.body()).isEqualTo(403);
                assertThat(JSON.readTree(r.body()).get("code").asText()).isEqualTo("forbidden");
            }
            case HIDDEN_404 -> {
                assertThat(r.statusCode()).as(r.body()).isEqualTo(404);
                assertThat(JSON.readTree(r.body()).get("code").asText()).isEqualTo("no-such-assessment");
            }
        }
    }

    /**
     * The request of {@link #request} made by a browser in {@code who}'s session, with its CSRF token or not. A
     * sign-out ends a session of its own, so that the other routes keep theirs.
     */
    private static HttpRequest inSession(Route route, Who who, boolean withCsrfToken) throws Exception {
        boolean signOut = route.toString().equals("DELETE /api/v1/session");
        String secret = signOut ? signIn(who) : SESSIONS.get(who);
        HttpRequest plain = request(route, who, null);
        HttpRequest.Builder b = HttpRequest.newBuilder(plain.uri()).header("Cookie", SessionCookie.NAME + "=" + secret);
        plain.headers().map().forEach((k, vs) -> vs.forEach(v -> b.header(k, v)));
        if (withCsrfToken) {
            b.header(SessionCookie.CSRF_HEADER, SessionCookie.csrfToken(secret));
        }
        return b.method(plain.method(), plain.bodyPublisher().orElse(HttpRequest.BodyPublishers.noBody())).build();
    }

    private static String token(Who who) {
        return switch (who) {
            case NO_ONE -> null;
            case ADMIN -> "admin-token";
            case MANAGER -> "manager-token";
            case AUDITOR_ON_OWN, AUDITOR_ON_OTHERS -> "auditor-token";
        };
    }

    /** A request the route would answer, with sample path values and a small JSON body where it takes one. */
    private static HttpRequest request(Route route, Who who, String token) {
        long id = who == Who.AUDITOR_ON_OTHERS ? lis : zhangs;
        String path = route.path().replace("{scheme}", "gbt27922").replace("{variant}", "form")
                .replace("{id}", String.valueOf(id)).replace("{number}", "1").replace("{file}", "1");
        HttpRequest.Builder b = service.request(path, token);
        return switch (route.method()) {
            case GET -> b.GET().build();
            case POST -> b.header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{}")).build();
            case PUT -> b.header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString("{}")).build();
            case DELETE -> b.DELETE().build();
            default -> throw new AssertionError("a method this test does not send yet: " + route);
        };
    }
}

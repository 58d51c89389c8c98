package io.github.aftersales.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.aftersales.service.Route;
import io.github.aftersales.service.SessionCookie;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
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
 * Every page route with no one signed in and in each role's browser session, against rules written here, apart
 * from the routes: a page added without its line here fails the build. (The API's routes have theirs in the
 * service's {@code AuthorisationMatrixTest}.)
 */
class PageAccessTest {

    /** Who may call a page route: {@code anyone}, or the roles. */
    private static final Map<String, List<String>> RULES = new HashMap<>();

    static {
        RULES.put("GET /", List.of("anyone"));
        RULES.put("GET /sign-in", List.of("anyone"));
        RULES.put("POST /sign-in", List.of("anyone"));
        RULES.put("GET /assets/htmx.min.js", List.of("anyone"));
        RULES.put("GET /assets/app.css", List.of("anyone"));
        RULES.put("POST /sign-out", List.of("admin", "manager", "auditor"));
        // an admin keeps accounts, not assessments
        RULES.put("GET /assessments", List.of("manager", "auditor"));
        RULES.put("POST /assessments", List.of("manager", "auditor"));
        RULES.put("GET /assessments/{id}", List.of("manager", "auditor"));
        // only the auditor fills; a manager reviews
        RULES.put("POST /assessments/{id}/save", List.of("auditor"));
        RULES.put("POST /assessments/{id}/submit", List.of("auditor"));
        RULES.put("POST /assessments/{id}/upload", List.of("auditor"));
        RULES.put("POST /assessments/{id}/evidence", List.of("auditor"));
        RULES.put("POST /assessments/{id}/evidence/{file}/remove", List.of("auditor"));
        RULES.put("GET /assessments/{id}/evidence/{file}", List.of("manager", "auditor"));
        RULES.put("GET /assessments/{id}/report", List.of("manager", "auditor"));
        RULES.put("GET /assessments/{id}/assessment.json", List.of("manager", "auditor"));
        RULES.put("GET /assessments/{id}/form.xlsx", List.of("manager", "auditor"));
        RULES.put("GET /assessments/{id}/filled.xlsx", List.of("manager", "auditor"));
        // a manager decides
        RULES.put("POST /assessments/{id}/approve", List.of("manager"));
        RULES.put("POST /assessments/{id}/return", List.of("manager"));
        // the register is the certification manager's, as through the API
        RULES.put("GET /register", List.of("manager"));
        RULES.put("GET /register/due", List.of("manager"));
        RULES.put("GET /register/export", List.of("manager"));
        RULES.put("GET /register/{number}", List.of("manager"));
        RULES.put("POST /register/{number}/surveillance", List.of("manager"));
        RULES.put("POST /register/{number}/reevaluation", List.of("manager"));
        RULES.put("POST /register/{number}/incident", List.of("manager"));
        // an admin keeps accounts and reads the change log
        RULES.put("GET /admin", List.of("admin"));
        RULES.put("POST /admin/accounts/{name}/role", List.of("admin"));
        RULES.put("POST /admin/accounts/{name}/disable", List.of("admin"));
        RULES.put("POST /admin/accounts/{name}/enable", List.of("admin"));
        RULES.put("POST /admin/accounts/{name}/password", List.of("admin"));
        RULES.put("POST /admin/accounts", List.of("admin"));
        RULES.put("POST /admin/accounts/{name}/token", List.of("admin"));
        RULES.put("POST /admin/tokens/{id}/revoke", List.of("admin"));
    }

    private static WebService web;
    private static final Map<String, String> SESSIONS = new HashMap<>();
    private static final Map<String, String> ACCOUNTS = Map.of("admin", "ada", "manager", "mia", "auditor", "zhang");

    @BeforeAll
    static void start() throws Exception {
        web = new WebService();
        for (Map.Entry<String, String> a : ACCOUNTS.entrySet()) {
            SESSIONS.put(a.getKey(), signIn(a.getValue()));
        }
    }

    /** A new session of {@code account}: the secret its cookie holds. */
    private static String signIn(String account) throws Exception {
        HttpResponse<String> r = web.send(web.request("/sign-in").header("Content-Type",
                "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString("account=" + account
                        + "&password=" + WebService.password(account))).build());
        String set = r.headers().firstValue("Set-Cookie").orElseThrow();
        return set.substring(set.indexOf('=') + 1, set.indexOf(';'));
    }

    @AfterAll
    static void stop() {
        web.close();
    }

    private static List<Route> pages() {
        return web.routes.stream().filter(r -> !r.path().startsWith("/api/")).toList();
    }

    @Test
    void everyPageHasItsRuleHere() {
        List<String> routes = pages().stream().map(Route::toString).toList();
        assertThat(routes).as("pages without a rule here").allMatch(RULES::containsKey);
        assertThat(RULES.keySet()).as("rules of pages that are gone").allMatch(routes::contains);
    }

    @TestFactory
    Stream<DynamicTest> everyPageAnswersEachCallerAsItsRuleSays() {
        List<DynamicTest> tests = new ArrayList<>();
        for (Route route : pages()) {
            List<String> rule = RULES.get(route.toString());
            for (String who : List.of("no one", "admin", "manager", "auditor")) {
                tests.add(DynamicTest.dynamicTest(route + " by " + who, () -> {
                    // signing out ends a session of its own, so that the other pages keep theirs
                    String secret = route.toString().equals("POST /sign-out") && ACCOUNTS.containsKey(who)
                            ? signIn(ACCOUNTS.get(who)) : SESSIONS.get(who);
                    String path = route.path().replace("{id}", "999").replace("{number}", "999")
                            .replace("{name}", "no-such-account").replace("{file}", "999");
                    HttpRequest.Builder b = web.request(path);
                    if (secret != null) {
                        b.header("Cookie", SessionCookie.NAME + "=" + secret);
                    }
                    HttpRequest request = route.method() == io.javalin.http.HandlerType.GET ? b.GET().build()
                            : b.header("Content-Type", "application/x-www-form-urlencoded").POST(
                                    HttpRequest.BodyPublishers.ofString(secret == null ? "x=1"
                                            : "_csrf=" + SessionCookie.csrfToken(secret))).build();
                    HttpResponse<String> r = web.send(request);
                    boolean allowed = rule.contains("anyone") || rule.contains(who);
                    if (allowed) {
                        // what a page itself answers (a sign-in refused is its own 401 page), never the access rule's
                        assertThat(r.body()).as(r.statusCode() + " " + r.body()).doesNotContain("\"code\":\"not-signed-in\"")
                                .doesNotContain("\"code\":\"forbidden\"").doesNotContain("\"code\":\"csrf\"");
                    } else if (who.equals("no one")) {
                        if (route.method() == io.javalin.http.HandlerType.GET) {
                            assertThat(r.statusCode()).isEqualTo(303);
                            assertThat(r.headers().firstValue("Location")).contains("/sign-in");
                        } else {
                            assertThat(r.statusCode()).isEqualTo(401);
                        }
                    } else {
                        assertThat(r.statusCode()).as(r.body()).isEqualTo(403);
                        assertThat(r.body()).contains("\"code\":\"forbidden\"");
                    }
                }));
            }
        }
        return tests.stream();
    }
}

package io.github.aftersales.service;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * Browser sessions as a browser and an attacker's page would use them: a password signs in to an HttpOnly,
 * SameSite=Strict cookie; a change made with the cookie needs the session's CSRF token; a session cannot be fixed
 * in advance; signing out and changing the password end sessions; failed sign-ins are slowed; a password is never
 * returned, logged or recorded.
 */
class SessionsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private TestService service;
    private final List<String> bodies = new ArrayList<>();
    private ListAppender<ILoggingEvent> log;

    @BeforeEach
    void start() {
        log = new ListAppender<>();
        log.start();
        ((Logger) LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME)).addAppender(log);
        service = new TestService();
    }

    @AfterEach
    void stop() {
        ((Logger) LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME)).detachAppender(log);
        service.close();
    }

    /** Signs in; the whole answer. */
    private HttpResponse<String> signIn(String account, String password, String cookie) throws Exception {
        HttpRequest.Builder b = service.request("/api/v1/session", null).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.createObjectNode().put("account", account)
                        .put("password", password).toString()));
        if (cookie != null) {
            b.header("Cookie", SessionCookie.NAME + "=" + cookie);
        }
        return keep(service.send(b.build()));
    }

    private HttpResponse<String> keep(HttpResponse<String> r) {
        bodies.add(r.body());
        r.headers().allValues("Set-Cookie").forEach(bodies::add);
        return r;
    }

    /** The session secret a sign-in set. */
    private static String cookie(HttpResponse<String> signedIn) {
        String set = signedIn.headers().firstValue("Set-Cookie").orElseThrow();
        return set.substring(set.indexOf('=') + 1, set.indexOf(';'));
    }

    private HttpRequest.Builder withCookie(String path, String secret) {
        return service.request(path, null).header("Cookie", SessionCookie.NAME + "=" + secret);
    }

    private long newAssessment() throws Exception {
        HttpResponse<String> r = service.send(service.request("/api/v1/assessments", "manager-token")
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(
                        "{\"scheme\": \"gbt27922\", \"organisation\": \"Co.\", \"assignedTo\": \"zhang\"}")).build());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        return JSON.readTree(r.body()).get("id").asLong();
    }

    @Test
    void aPasswordOpensAnHttpOnlyStrictSessionWhoseChangesNeedItsCsrfToken() throws Exception {
        HttpResponse<String> in = signIn("zhang", TestService.password("zhang"), null);
        assertThat(in.statusCode()).as(in.body()).isEqualTo(201);
        String setCookie = in.headers().firstValue("Set-Cookie").orElseThrow();
        // on loopback the browser reaches http://127.0.0.1: the cookie cannot be Secure there
        assertThat(setCookie).matches(SessionCookie.NAME + "=[A-Za-z0-9_-]{43}; Path=/; Max-Age=43200; HttpOnly;"
                + " SameSite=Strict");
        String secret = cookie(in);
        JsonNode body = JSON.readTree(in.body());
        assertThat(body.get("account").asText()).isEqualTo("zhang");
        assertThat(body.get("role").asText()).isEqualTo("auditor");
        assertThat(body.get("via").asText()).isEqualTo("session");
        assertThat(body.get("csrfToken").asText()).isEqualTo(SessionCookie.csrfToken(secret)).isNotEqualTo(secret);
        assertThat(in.body()).doesNotContain(secret);

        // reads need only the cookie
        HttpResponse<String> me = keep(service.send(withCookie("/api/v1/session", secret).build()));
        assertThat(me.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(me.body()).get("csrfToken").asText()).isEqualTo(body.get("csrfToken").asText());
        long id = newAssessment();
        HttpResponse<String> read = service.send(withCookie("/api/v1/assessments/" + id, secret).build());
        assertThat(read.statusCode()).isEqualTo(200);
        String content = JSON.readTree(read.body()).get("assessment").toString();

        // a page of another site makes the browser post a form with the cookie: refused, nothing saved
        HttpResponse<String> forged = service.send(withCookie("/api/v1/assessments/" + id + "/submit", secret)
                .header("Content-Type", "application/x-www-form-urlencoded").header("Origin", "https://evil.example")
                .POST(HttpRequest.BodyPublishers.ofString("x=1")).build());
        assertThat(forged.statusCode()).isEqualTo(403);
        assertThat(JSON.readTree(forged.body()).get("code").asText()).isEqualTo("csrf");
        HttpResponse<String> wrongToken = service.send(withCookie("/api/v1/assessments/" + id, secret)
                .header("Content-Type", "application/json").header("If-Match", "\"1\"")
                .header(SessionCookie.CSRF_HEADER, SessionCookie.csrfToken(secret + "x").substring(0, 43))
                .PUT(HttpRequest.BodyPublishers.ofString(content)).build());
        assertThat(wrongToken.statusCode()).isEqualTo(403);
        assertThat(JSON.readTree(service.send(service.request("/api/v1/assessments/" + id, "manager-token").build())
                .body()).get("revision").asInt()).isEqualTo(1);

        // with the token the page of this site was given, the save goes through, as zhang
        HttpResponse<String> saved = service.send(withCookie("/api/v1/assessments/" + id, secret)
                .header("Content-Type", "application/json").header("If-Match", "\"1\"")
                .header(SessionCookie.CSRF_HEADER, body.get("csrfToken").asText())
                .PUT(HttpRequest.BodyPublishers.ofString(content)).build());
        assertThat(saved.statusCode()).as(saved.body()).isEqualTo(200);
        assertThat(JSON.readTree(saved.body()).get("revision").asInt()).isEqualTo(2);

        // a bearer token is no ambient credential: it needs no CSRF token
        HttpResponse<String> byToken = service.send(service.request("/api/v1/assessments/" + id + "/submit",
                "auditor-token").header("Content-Type", "application/json").header("If-Match", "\"2\"")
                .POST(HttpRequest.BodyPublishers.ofString("{}")).build());
        assertThat(byToken.statusCode()).as(byToken.body()).isNotEqualTo(403);
    }

    @Test
    void aSessionCannotBeFixedInAdvanceAndEndsWhenSignedOut() throws Exception {
        // an attacker plants a cookie of their choosing, then the victim signs in: the session is a new one
        String planted = "A".repeat(43);
        HttpResponse<String> in = signIn("zhang", TestService.password("zhang"), planted);
        assertThat(in.statusCode()).isEqualTo(201);
        String secret = cookie(in);
        assertThat(secret).isNotEqualTo(planted);
        assertThat(service.send(withCookie("/api/v1/session", planted).build()).statusCode()).isEqualTo(401);

        // signing in again from a browser that has a session ends that session
        HttpResponse<String> again = signIn("zhang", TestService.password("zhang"), secret);
        String second = cookie(again);
        assertThat(second).isNotEqualTo(secret);
        assertThat(service.send(withCookie("/api/v1/session", secret).build()).statusCode()).isEqualTo(401);

        // signing out needs the CSRF token like any change, then the cookie is cleared and signs no one in
        HttpResponse<String> noToken = service.send(withCookie("/api/v1/session", second).DELETE().build());
        assertThat(noToken.statusCode()).isEqualTo(403);
        HttpResponse<String> out = service.send(withCookie("/api/v1/session", second)
                .header(SessionCookie.CSRF_HEADER, SessionCookie.csrfToken(second)).DELETE().build());
        assertThat(out.statusCode()).isEqualTo(204);
        assertThat(out.headers().firstValue("Set-Cookie")).contains(SessionCookie.NAME
                + "=; Path=/; Max-Age=0; HttpOnly; SameSite=Strict");
        HttpResponse<String> after = service.send(withCookie("/api/v1/schemes", second).build());
        assertThat(after.statusCode()).isEqualTo(401);
        assertThat(JSON.readTree(after.body()).get("code").asText()).isEqualTo("not-signed-in");

        // who signed in and out, from where, is in the change log
        assertThat(service.changes()).extracting(e -> e.actor() + " " + e.what()).startsWith("zhang signed out",
                "zhang signed in", "zhang signed out", "zhang signed in");
        assertThat(service.changes().get(0).origin()).isEqualTo("http 127.0.0.1");
    }

    @Test
    void wrongNamesAndPasswordsGetOneAnswerAndRepeatedFailuresAreSlowed() throws Exception {
        HttpResponse<String> unknown = signIn("nobody", "whatever-it-is", null);
        HttpResponse<String> wrong = signIn("zhang", "not-the-password", null);
        assertThat(unknown.statusCode()).isEqualTo(401);
        assertThat(wrong.statusCode()).isEqualTo(401);
        assertThat(unknown.body()).isEqualTo(wrong.body()).contains("\"code\":\"bad-credentials\"")
                .contains("the account name or the password is wrong");
        assertThat(unknown.headers().firstValue("Set-Cookie")).isEmpty();

        // five failures in all are free; the sixth attempt within the window waits 1 s, even with the right password
        for (int i = 0; i < 4; i++) {
            assertThat(signIn("zhang", "not-the-password-" + i, null).statusCode()).isEqualTo(401);
        }
        HttpResponse<String> slowed = signIn("zhang", TestService.password("zhang"), null);
        assertThat(slowed.statusCode()).isEqualTo(429);
        assertThat(slowed.headers().firstValue("Retry-After")).contains("1");
        assertThat(JSON.readTree(slowed.body()).get("code").asText()).isEqualTo("slow-down");
        // other names are not slowed by zhang's failures
        assertThat(signIn("li", TestService.password("li"), null).statusCode()).isEqualTo(201);

        // after the wait one more failure doubles it
        Thread.sleep(1_100);
        assertThat(signIn("zhang", "not-the-password-5", null).statusCode()).isEqualTo(401);
        HttpResponse<String> longer = signIn("zhang", TestService.password("zhang"), null);
        assertThat(longer.statusCode()).isEqualTo(429);
        assertThat(longer.headers().firstValue("Retry-After")).contains("2");

        // then the right password signs in, and a success clears the count
        Thread.sleep(2_100);
        assertThat(signIn("zhang", TestService.password("zhang"), null).statusCode()).isEqualTo(201);
        assertThat(signIn("zhang", "not-the-password-6", null).statusCode()).isEqualTo(401);
        assertThat(signIn("zhang", TestService.password("zhang"), null).statusCode()).isEqualTo(201);
        assertNoPasswordAnywhere();
    }

    @Test
    void oneAddressFailingCannotLockAnAuditorOutFromAnother() {
        var signIns = service.signIns;
        for (int i = 0; i < 5; i++) {
            assertThat(signIns.signIn("zhang", "guess-" + i, "http 203.0.113.9", null))
                    .isInstanceOf(io.github.aftersales.service.accounts.SignIns.Refused.class);
        }
        // the guessing address is slowed, even with the right password
        assertThat(signIns.signIn("zhang", TestService.password("zhang"), "http 203.0.113.9", null))
                .isInstanceOf(io.github.aftersales.service.accounts.SignIns.SlowDown.class);
        // zhang on site, from another address, signs in at once
        assertThat(signIns.signIn("zhang", TestService.password("zhang"), "http 198.51.100.7", null))
                .isInstanceOf(io.github.aftersales.service.accounts.SignIns.SignedIn.class);
    }

    @Test
    void aSignInThatIsNotJsonSaysWhereAndNeverQuotesIt() throws Exception {
        HttpResponse<String> r = service.send(service.request("/api/v1/session", null)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(
                        "{\"account\": \"zhang\", \"password\": supersecretvalue}")).build());
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.body()).doesNotContain("supersecret");
        JsonNode error = JSON.readTree(r.body());
        assertThat(error.get("message").asText()).isEqualTo("the body is not valid JSON here");
        assertThat(error.at("/place/line").asInt()).isEqualTo(1);
        HttpResponse<String> large = service.send(service.request("/api/v1/session", null)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(
                        "{\"account\": \"" + "a".repeat(10_000) + "\"}")).build());
        assertThat(large.statusCode()).isEqualTo(413);
        assertThat(JSON.readTree(large.body()).get("message").asText())
                .isEqualTo("the request body is larger than 8 KiB, the most this route accepts");
    }

    @Test
    void changingAPasswordNeedsTheCurrentOneAndEndsTheOtherSessions() throws Exception {
        String laptop = cookie(signIn("zhang", TestService.password("zhang"), null));
        String phone = cookie(signIn("zhang", TestService.password("zhang"), null));
        String replacement = "correct horse battery staple";

        HttpResponse<String> tooShort = change(laptop, TestService.password("zhang"), "short");
        assertThat(tooShort.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(tooShort.body()).get("message").asText())
                .isEqualTo("new: a password is 12 to 256 characters long, not 5");
        HttpResponse<String> wrongCurrent = change(laptop, "not-the-password", replacement);
        assertThat(wrongCurrent.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(wrongCurrent.body()).get("code").asText()).isEqualTo("wrong-password");

        HttpResponse<String> changed = change(laptop, TestService.password("zhang"), replacement);
        assertThat(changed.statusCode()).as(changed.body()).isEqualTo(200);
        assertThat(service.send(withCookie("/api/v1/session", laptop).build()).statusCode()).isEqualTo(200);
        assertThat(service.send(withCookie("/api/v1/session", phone).build()).statusCode()).isEqualTo(401);
        assertThat(signIn("zhang", TestService.password("zhang"), null).statusCode()).isEqualTo(401);
        assertThat(signIn("zhang", replacement, null).statusCode()).isEqualTo(201);
        assertThat(service.changes()).extracting(e -> e.actor() + " " + e.what()).contains("zhang changed their password");
        bodies.add(replacement);
        assertNoPasswordAnywhere();
    }

    private HttpResponse<String> change(String secret, String current, String replacement) throws Exception {
        return keep(service.send(withCookie("/api/v1/session/password", secret).header("Content-Type", "application/json")
                .header(SessionCookie.CSRF_HEADER, SessionCookie.csrfToken(secret))
                .PUT(HttpRequest.BodyPublishers.ofString(JSON.createObjectNode().put("current", current)
                        .put("new", replacement).toString())).build()));
    }

    @Test
    void aSignInIsJsonOnlyAndNeverAFormAnotherSiteCouldPost() throws Exception {
        HttpResponse<String> form = service.send(service.request("/api/v1/session", null)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("account=zhang&password=" + TestService.password("zhang")))
                .build());
        assertThat(form.statusCode()).isEqualTo(415);
        assertThat(form.headers().firstValue("Set-Cookie")).isEmpty();
        HttpResponse<String> broken = service.send(service.request("/api/v1/session", null)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{\"account\":")).build());
        assertThat(broken.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(broken.body()).at("/place/source").asText()).isEqualTo("request body");
        // a token's caller cannot sign out a session: there is none
        HttpResponse<String> tokenOut = service.send(service.request("/api/v1/session", "auditor-token").DELETE().build());
        assertThat(tokenOut.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(tokenOut.body()).get("code").asText()).isEqualTo("not-a-session");
    }

    /** No password the tests used is in an answer, a cookie, the log or the change log. */
    private void assertNoPasswordAnywhere() {
        List<String> passwords = new ArrayList<>(List.of(TestService.password("zhang"), TestService.password("li"),
                "correct horse battery staple"));
        for (String p : passwords) {
            assertThat(bodies).noneMatch(b -> b.contains(p) && !b.equals(p));
            assertThat(log.list).noneMatch(e -> e.getFormattedMessage().contains(p));
            assertThat(service.changes()).noneMatch(e -> e.what().contains(p) || e.origin().contains(p));
        }
    }
}

package io.github.aftersales.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.aftersales.core.evaluation.Evaluator;
import io.github.aftersales.register.RegisterSettings;
import io.github.aftersales.service.ApiServer;
import io.github.aftersales.service.Role;
import io.github.aftersales.service.Route;
import io.github.aftersales.service.SessionCookie;
import io.github.aftersales.service.accounts.Accounts;
import io.github.aftersales.service.accounts.ChangeLog;
import io.github.aftersales.service.accounts.ServiceDatabase;
import io.github.aftersales.service.accounts.SessionRoutes;
import io.github.aftersales.service.accounts.SignIns;
import io.github.aftersales.service.assessments.AssessmentRoutes;
import io.github.aftersales.service.assessments.AssessmentStore;
import io.github.aftersales.service.assessments.Assessments;
import io.github.aftersales.service.assessments.RegisterCertifier;
import io.github.aftersales.spi.Scheme;
import io.github.aftersales.web.Pages;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The checklist page as an auditor uses it, measured (issue 20): the server's time for one live re-grade (a change
 * posted as htmx posts it, the whole form, answered with the score panel) of the 88-item ZG025 form and of the
 * combined form, and the checklist page's weight (HTML, script and style sheet):
 * {@code java -cp benchmarks/target/benchmarks.jar io.github.aftersales.benchmarks.PageRegrade [saves]}.
 *
 * <p>One client on loopback, one change at a time, each flipping one clause's result: the time is the request's from
 * sending to the last byte of the answer, so it holds the save (a revision written), the re-grade and the panel.
 */
public final class PageRegrade {

    private static final ObjectMapper JSON = new ObjectMapper();

    private PageRegrade() {
    }

    public static void main(String[] args) throws Exception {
        int saves = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
        Map<String, Scheme> schemes = new LinkedHashMap<>();
        Book.REGISTRY.installed().forEach(i -> schemes.put(i.scheme().id(), i.scheme()));
        Evaluator evaluator = new Evaluator(Book.REGISTRY::find, Book.REGISTRY.ids());
        Path dir = Files.createTempDirectory("page-regrade");
        RegisterSettings settings = RegisterSettings.embedded(dir, "page test");
        try (ServiceDatabase db = ServiceDatabase.open(settings)) {
            Accounts accounts = new Accounts(db.jdbi(), Clock.systemUTC());
            SignIns signIns = new SignIns(db.jdbi(), Clock.systemUTC(), accounts);
            Accounts.Actor actor = new Accounts.Actor("bench", "page test");
            accounts.add("zhang", Role.AUDITOR, actor);
            signIns.setPassword("zhang", "zhang-password-1", actor);
            Assessments assessments = new Assessments(new AssessmentStore(db.jdbi(), Clock.systemUTC()),
                    new RegisterCertifier(settings, schemes, Clock.systemDefaultZone()), schemes, evaluator,
                    accounts::roleOf, new ChangeLog(db.jdbi(), Clock.systemUTC()));
            List<Route> routes = new ArrayList<>(new Pages(assessments, signIns, new io.github.aftersales.service.assessments
                    .Evidence(assessments, new io.github.aftersales.service.assessments.EvidenceStore(db.jdbi(),
                            Clock.systemUTC()), new ChangeLog(db.jdbi(), Clock.systemUTC()),
                            io.github.aftersales.service.assessments.Evidence.Limits.DEFAULTS)).routes());
            routes.addAll(new SessionRoutes(signIns).routes());
            routes.addAll(new AssessmentRoutes(assessments, ApiServer.Settings.DEFAULT_MAX_REQUEST_BYTES).routes());
            try (ApiServer server = ApiServer.start(new ApiServer.Settings(ApiServer.Settings.LOOPBACK, 0,
                    ApiServer.Settings.DEFAULT_MAX_REQUEST_BYTES), routes, signIns)) {
                Client client = new Client("http://127.0.0.1:" + server.port());
                client.signIn("zhang", "zhang-password-1");
                System.out.printf("%d cores, JDK %s, %d saves a form after %d to warm up%n",
                        Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"), saves, saves / 4);
                System.out.printf("| form | re-grade p50 / p95 / max | target | checklist page: HTML + JS + CSS |%n"
                        + "|---|---|---|---|%n");
                for (String form : List.of("zg025/items", "zg025-combined/combined")) {
                    long id = client.create(form);
                    client.regrades(id, saves / 4);
                    long[] micros = client.regrades(id, saves);
                    Arrays.sort(micros);
                    long html = client.bytes("/assessments/" + id);
                    long js = client.bytes("/assets/htmx.min.js");
                    long css = client.bytes("/assets/app.css");
                    System.out.printf("| %s | %.1f / %.1f / %.1f ms | p95 < 20 ms | %,d + %,d + %,d = %,d bytes (< 300 KB) |%n",
                            form, micros[micros.length / 2] / 1000.0, micros[(int) (micros.length * 0.95)] / 1000.0,
                            micros[micros.length - 1] / 1000.0, html, js, css, html + js + css);
                }
            }
        }
    }

    /** A browser's part: the session cookie, and the forms it posts. */
    private static final class Client {
        private final String base;
        private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        private String cookie;
        private String csrf;

        Client(String base) {
            this.base = base;
        }

        void signIn(String account, String password) throws Exception {
            HttpResponse<String> r = post("/sign-in", Map.of("account", account, "password", password), false);
            String set = r.headers().firstValue("Set-Cookie").orElseThrow(() -> new IllegalStateException(
                    "not signed in: " + r.statusCode()));
            cookie = set.substring(0, set.indexOf(';'));
            csrf = SessionCookie.csrfToken(cookie.substring(cookie.indexOf('=') + 1));
        }

        long create(String form) throws Exception {
            HttpResponse<String> made = post("/assessments", Map.of("_csrf", csrf, "scheme", form, "organisation",
                    "示例电器有限公司"), false);
            String location = made.headers().firstValue("Location").orElseThrow();
            return Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
        }

        /** {@code count} changes, each one clause's result flipped, with every clause's result posted; each one's µs. */
        long[] regrades(long id, int count) throws Exception {
            JsonNode stored = JSON.readTree(http.send(request("/api/v1/assessments/" + id).build(),
                    HttpResponse.BodyHandlers.ofString()).body());
            int revision = stored.get("revision").asInt();
            List<String> fields = new ArrayList<>();
            JsonNode parts = stored.at("/assessment/schemes");
            for (int p = 0; p < parts.size(); p++) {
                for (JsonNode f : parts.get(p).path("findings")) {
                    fields.add("result:" + p + ":" + f.get("id").asText());
                }
            }
            Map<String, String> form = new LinkedHashMap<>();
            form.put("_csrf", csrf);
            fields.forEach(f -> form.put(f, "conform"));
            long[] micros = new long[count];
            for (int i = 0; i < count; i++) {
                String field = fields.get(i % fields.size());
                form.put(field, form.get(field).equals("conform") ? "not-conform" : "conform");
                form.put("revision", String.valueOf(revision));
                long start = System.nanoTime();
                HttpResponse<String> r = post("/assessments/" + id + "/save", form, true);
                micros[i] = (System.nanoTime() - start) / 1_000;
                if (r.statusCode() != 200 || !r.body().contains("id=\"grade\"")) {
                    throw new IllegalStateException("save " + i + " answered " + r.statusCode() + ": " + r.body());
                }
                revision++;
            }
            return micros;
        }

        long bytes(String path) throws Exception {
            return http.send(request(path).build(), HttpResponse.BodyHandlers.ofByteArray()).body().length;
        }

        private HttpRequest.Builder request(String path) {
            HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path));
            return cookie == null ? b : b.header("Cookie", cookie);
        }

        private HttpResponse<String> post(String path, Map<String, String> fields, boolean htmx) throws Exception {
            String body = fields.entrySet().stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8)
                    + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
            HttpRequest.Builder b = request(path).header("Content-Type", "application/x-www-form-urlencoded")
                    .header("Origin", base).POST(HttpRequest.BodyPublishers.ofString(body));
            if (htmx) {
                b.header("HX-Request", "true");
            }
            return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
        }
    }
}

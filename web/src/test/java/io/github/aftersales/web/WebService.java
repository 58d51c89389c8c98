package io.github.aftersales.web;

import io.github.aftersales.core.evaluation.Evaluator;
import io.github.aftersales.core.registry.SchemeRegistry;
import io.github.aftersales.register.Databases;
import io.github.aftersales.register.Register;
import io.github.aftersales.register.RegisterSettings;
import io.github.aftersales.service.ApiServer;
import io.github.aftersales.service.Role;
import io.github.aftersales.service.Route;
import io.github.aftersales.service.accounts.Accounts;
import io.github.aftersales.service.accounts.ChangeLog;
import io.github.aftersales.service.accounts.ServiceDatabase;
import io.github.aftersales.service.accounts.SessionRoutes;
import io.github.aftersales.service.accounts.SignIns;
import io.github.aftersales.service.assessments.AssessmentRoutes;
import io.github.aftersales.service.assessments.AssessmentStore;
import io.github.aftersales.service.assessments.Assessments;
import io.github.aftersales.service.assessments.RegisterCertifier;
import io.github.aftersales.service.register.RegisterRoutes;
import io.github.aftersales.spi.Scheme;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The pages and the API on a free loopback port over a fresh embedded register, with a manager ({@code mia}) and two
 * auditors ({@code zhang}, {@code li}) whose passwords are {@link #password} of their names; requests through the
 * JDK's HTTP client, which follows no redirect.
 */
final class WebService implements AutoCloseable {

    /**
     * Today for the register's pages (what is due and overdue): 19 November 2027 in Beijing, after every date of the
     * examples.
     */
    static final Clock TODAY = Clock.fixed(java.time.Instant.parse("2027-11-19T04:00:00Z"),
            java.time.ZoneId.of("Asia/Shanghai"));

    /** Small, so that a test reaches them: 4 KiB a file, 10 KiB an assessment. */
    static final io.github.aftersales.service.assessments.Evidence.Limits EVIDENCE_LIMITS =
            new io.github.aftersales.service.assessments.Evidence.Limits(4096, 10240);

    final ApiServer server;
    final List<Route> routes;
    /** The register the register's pages read, open for the service's life; a test records certificates in it. */
    final Register register;
    /** The schemes on the test class path, by id. */
    final Map<String, Scheme> schemes = new LinkedHashMap<>();
    final SignIns signIns;
    private final ServiceDatabase database;
    private final Path directory;
    private final HttpClient client = HttpClient.newHttpClient();

    WebService() {
        try {
            directory = Files.createTempDirectory("web-test");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        RegisterSettings settings = Databases.H2.fresh(directory);
        database = ServiceDatabase.open(settings);
        Accounts accounts = new Accounts(database.jdbi(), Clock.systemUTC());
        signIns = new SignIns(database.jdbi(), Clock.systemUTC(), accounts);
        Accounts.Actor test = new Accounts.Actor("test", "test");
        for (Map.Entry<String, Role> a : Map.of("mia", Role.MANAGER, "zhang", Role.AUDITOR, "li", Role.AUDITOR,
                "ada", Role.ADMIN).entrySet()) {
            accounts.add(a.getKey(), a.getValue(), test);
            signIns.setPassword(a.getKey(), password(a.getKey()), test);
        }
        SchemeRegistry registry = SchemeRegistry.discover(WebService.class.getClassLoader());
        registry.installed().forEach(i -> schemes.put(i.scheme().id(), i.scheme()));
        Evaluator evaluator = new Evaluator(id -> Optional.ofNullable(schemes.get(id)), schemes.keySet());
        ChangeLog changes = new ChangeLog(database.jdbi(), Clock.systemUTC());
        Assessments assessments = new Assessments(new AssessmentStore(database.jdbi(), Clock.systemUTC()),
                new RegisterCertifier(settings, schemes, Clock.systemDefaultZone()), schemes, evaluator, accounts::roleOf,
                changes);
        io.github.aftersales.service.assessments.Evidence evidence = new io.github.aftersales.service.assessments.Evidence(
                assessments, new io.github.aftersales.service.assessments.EvidenceStore(database.jdbi(),
                        Clock.systemUTC()), changes, EVIDENCE_LIMITS);
        routes = new ArrayList<>(new Pages(assessments, signIns, evidence).routes());
        register = Register.open(settings, Register.Access.UPDATE, TODAY, "test");
        RegisterRoutes decisions = new RegisterRoutes(register, schemes, evaluator, changes, TODAY,
                ApiServer.Settings.DEFAULT_MAX_REQUEST_BYTES);
        routes.addAll(new RegisterPages(register, decisions, schemes, TODAY).routes());
        routes.addAll(new AdminPages(signIns, registry, changes).routes());
        routes.addAll(new SessionRoutes(signIns).routes());
        routes.addAll(new AssessmentRoutes(assessments, ApiServer.Settings.DEFAULT_MAX_REQUEST_BYTES).routes());
        routes.addAll(new io.github.aftersales.service.assessments.EvidenceRoutes(evidence).routes());
        server = ApiServer.start(new ApiServer.Settings(ApiServer.Settings.LOOPBACK, 0,
                ApiServer.Settings.DEFAULT_MAX_REQUEST_BYTES, EVIDENCE_LIMITS.perFile()), routes, signIns);
    }

    static String password(String account) {
        return account + "-password-1";
    }

    String base() {
        return "http://127.0.0.1:" + server.port();
    }

    HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(base() + path));
    }

    HttpResponse<String> send(HttpRequest request) throws IOException, InterruptedException {
        return client.send(request, HttpResponse.BodyHandlers.ofString());
    }

    HttpClient client() {
        return client;
    }

    /** A form with a file in {@code fileField}, as a browser posts it (multipart/form-data). */
    HttpResponse<String> upload(String path, String cookie, Map<String, String> fields, String fileField,
            String fileName, byte[] file) throws IOException, InterruptedException {
        String boundary = "----form" + System.nanoTime();
        java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
        for (var f : fields.entrySet()) {
            body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + f.getKey() + "\"\r\n\r\n"
                    + f.getValue() + "\r\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + fileField + "\"; filename=\""
                + fileName + "\"\r\nContent-Type: application/octet-stream\r\n\r\n")
                .getBytes(java.nio.charset.StandardCharsets.UTF_8));
        body.writeBytes(file);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
        return send(request(path).header("Cookie", cookie).header("Content-Type",
                "multipart/form-data; boundary=" + boundary).POST(HttpRequest.BodyPublishers.ofByteArray(
                        body.toByteArray())).build());
    }

    @Override
    public void close() {
        server.close();
        register.close();
        database.close();
        try (var files = Files.walk(directory)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

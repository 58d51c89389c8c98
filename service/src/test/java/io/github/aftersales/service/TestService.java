package io.github.aftersales.service;

import io.github.aftersales.core.evaluation.Evaluator;
import io.github.aftersales.core.registry.SchemeRegistry;
import io.github.aftersales.spi.Scheme;
import io.github.aftersales.register.Databases;
import io.github.aftersales.register.RegisterSettings;
import io.github.aftersales.service.accounts.Accounts;
import io.github.aftersales.service.accounts.ServiceDatabase;
import io.github.aftersales.service.assessments.AssessmentRoutes;
import io.github.aftersales.service.assessments.AssessmentStore;
import io.github.aftersales.service.assessments.RegisterCertifier;
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
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A real server on a free loopback port with the schemes on the test class path, over a fresh embedded register,
 * with an account per role and a second auditor (tokens named {@code admin-token}, {@code manager-token},
 * {@code auditor-token}, {@code other-auditor-token}); requests through the JDK's HTTP client.
 */
final class TestService implements AutoCloseable {

    /** The accounts made, by the name a test uses for its token. */
    static final Map<String, Caller> TOKENS = Map.of(
            "admin-token", new Caller("ada", Role.ADMIN),
            "manager-token", new Caller("mia", Role.MANAGER),
            "auditor-token", new Caller("zhang", Role.AUDITOR),
            "other-auditor-token", new Caller("li", Role.AUDITOR));

    /**
     * Today for the register's routes (what is due and overdue, what is after today): 19 November 2027 in
     * Beijing, after every date of the examples.
     */
    static final Clock TODAY = Clock.fixed(java.time.Instant.parse("2027-11-19T04:00:00Z"),
            java.time.ZoneId.of("Asia/Shanghai"));

    final List<Route> routes;
    /** The register the register's routes read and record in, open for the service's life. */
    final io.github.aftersales.register.Register register;
    final ApiServer server;
    private final ServiceDatabase database;
    /** The register the service's tables sit beside, and where approvals record certificates. */
    final RegisterSettings settings;
    /** The accounts, as the service reads them. */
    final Accounts accounts;
    /** Passwords and sessions: each account's password is {@link #password} of its name. */
    final io.github.aftersales.service.accounts.SignIns signIns;
    private final Path directory;
    /** A test's name for a token → the token the accounts made. */
    private final Map<String, String> tokens = new HashMap<>();
    private final HttpClient client = HttpClient.newHttpClient();

    TestService() {
        this(Databases.H2, ApiServer.Settings.DEFAULT_MAX_REQUEST_BYTES);
    }

    TestService(long maxRequestBytes) {
        this(Databases.H2, maxRequestBytes);
    }

    /** A service over a fresh database of the kind given (a new PostgreSQL database, or an H2 file). */
    TestService(Databases kind) {
        this(kind, ApiServer.Settings.DEFAULT_MAX_REQUEST_BYTES);
    }

    TestService(Databases kind, long maxRequestBytes) {
        this(null, kind, maxRequestBytes, io.github.aftersales.service.assessments.Evidence.Limits.DEFAULTS);
    }

    /** A service over a fresh database of the kind given, keeping evidence files within {@code limits}. */
    TestService(Databases kind, io.github.aftersales.service.assessments.Evidence.Limits limits) {
        this(null, kind, ApiServer.Settings.DEFAULT_MAX_REQUEST_BYTES, limits);
    }

    /** A second instance over the database of {@code first}, with its accounts: two servers behind one balancer. */
    TestService(TestService first) {
        this(first, null, ApiServer.Settings.DEFAULT_MAX_REQUEST_BYTES,
                io.github.aftersales.service.assessments.Evidence.Limits.DEFAULTS);
    }

    private TestService(TestService first, Databases kind, long maxRequestBytes,
            io.github.aftersales.service.assessments.Evidence.Limits limits) {
        try {
            directory = Files.createTempDirectory("service-test");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        settings = first != null ? first.settings : kind.fresh(directory);
        database = ServiceDatabase.open(settings);
        accounts = new Accounts(database.jdbi(), Clock.systemUTC());
        signIns = new io.github.aftersales.service.accounts.SignIns(database.jdbi(), Clock.systemUTC(), accounts);
        if (first != null) {
            tokens.putAll(first.tokens);
        } else {
            TOKENS.forEach((name, caller) -> {
                tokens.put(name, accounts.add(caller.account(), caller.role(), new Accounts.Actor("test", "test")).token());
                signIns.setPassword(caller.account(), password(caller.account()), new Accounts.Actor("test", "test"));
            });
        }
        SchemeRegistry registry = SchemeRegistry.discover(TestService.class.getClassLoader());
        Map<String, Scheme> schemes = new LinkedHashMap<>();
        registry.installed().forEach(i -> schemes.put(i.scheme().id(), i.scheme()));
        Evaluator evaluator = new Evaluator(id -> Optional.ofNullable(schemes.get(id)), schemes.keySet());
        var meters = new io.micrometer.prometheusmetrics.PrometheusMeterRegistry(
                io.micrometer.prometheusmetrics.PrometheusConfig.DEFAULT);
        routes = new ArrayList<>(new ServiceRoutes(meters).routes());
        routes.addAll(new GradingRoutes(registry, schemes, evaluator, maxRequestBytes).routes());
        routes.addAll(new io.github.aftersales.service.accounts.SessionRoutes(signIns).routes());
        routes.addAll(new io.github.aftersales.service.accounts.AccountRoutes(
                new io.github.aftersales.service.accounts.ChangeLog(database.jdbi(), Clock.systemUTC())).routes());
        var assessments = new io.github.aftersales.service.assessments.Assessments(new AssessmentStore(database.jdbi(),
                Clock.systemUTC()), new RegisterCertifier(settings, schemes, Clock.systemDefaultZone()), schemes,
                evaluator, accounts::roleOf,
                new io.github.aftersales.service.accounts.ChangeLog(database.jdbi(), Clock.systemUTC()));
        routes.addAll(new AssessmentRoutes(assessments, maxRequestBytes).routes());
        routes.addAll(new io.github.aftersales.service.assessments.EvidenceRoutes(
                new io.github.aftersales.service.assessments.Evidence(assessments,
                        new io.github.aftersales.service.assessments.EvidenceStore(database.jdbi(), Clock.systemUTC()),
                        new io.github.aftersales.service.accounts.ChangeLog(database.jdbi(), Clock.systemUTC()), limits))
                .routes());
        register = io.github.aftersales.register.Register.open(settings, io.github.aftersales.register.Register.Access.UPDATE,
                TODAY, "test");
        routes.addAll(new io.github.aftersales.service.register.RegisterRoutes(register, schemes, evaluator,
                new io.github.aftersales.service.accounts.ChangeLog(database.jdbi(), Clock.systemUTC()), TODAY,
                maxRequestBytes).routes());
        server = ApiServer.start(new ApiServer.Settings(ApiServer.Settings.LOOPBACK, 0, maxRequestBytes), routes,
                signIns, meters);
    }

    /** The stored assessments as seen by a process whose clock reads {@code clock} (one that stopped long ago). */
    AssessmentStore store(Clock clock) {
        return new AssessmentStore(database.jdbi(), clock);
    }

    /** The service's database, for a test that breaks it on purpose. */
    org.jdbi.v3.core.Jdbi jdbi() {
        return database.jdbi();
    }

    /** The password the test set for an account. */
    static String password(String account) {
        return account + "-password-1";
    }

    /** The latest entries of the service's change log, newest first. */
    List<io.github.aftersales.service.accounts.ChangeLog.Entry> changes() {
        return new io.github.aftersales.service.accounts.ChangeLog(database.jdbi(), Clock.systemUTC()).latest(20);
    }

    URI uri(String path) {
        return URI.create("http://127.0.0.1:" + server.port() + path);
    }

    HttpRequest.Builder request(String path, String token) {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri(path));
        return token == null ? b : b.header("Authorization", "Bearer " + tokens.getOrDefault(token, token));
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
        register.close();
        database.close();
        try (var files = Files.walk(directory)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

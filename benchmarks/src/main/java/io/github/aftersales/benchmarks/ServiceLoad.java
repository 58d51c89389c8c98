package io.github.aftersales.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.aftersales.batch.Generator;
import io.github.aftersales.core.assessment.AssessmentReader;
import io.github.aftersales.core.evaluation.EvaluationOptions;
import io.github.aftersales.core.evaluation.Evaluator;
import io.github.aftersales.core.json.LocatedReader;
import io.github.aftersales.register.RegisterSettings;
import io.github.aftersales.reports.Json;
import io.github.aftersales.reports.JsonReport;
import io.github.aftersales.service.ApiServer;
import io.github.aftersales.service.GradingRoutes;
import io.github.aftersales.service.Role;
import io.github.aftersales.service.Route;
import io.github.aftersales.service.ServiceRoutes;
import io.github.aftersales.service.accounts.Accounts;
import io.github.aftersales.service.accounts.ServiceDatabase;
import io.github.aftersales.service.assessments.AssessmentRoutes;
import io.github.aftersales.service.assessments.AssessmentStore;
import io.github.aftersales.service.assessments.RegisterCertifier;
import io.github.aftersales.spi.Scheme;
import java.io.ByteArrayInputStream;
import java.net.URI;
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
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The service under load, beside the engine in process on the same assessments, in one run:
 * {@code java -cp benchmarks/target/benchmarks.jar io.github.aftersales.benchmarks.ServiceLoad [seconds]}.
 *
 * <ol>
 *   <li>in process: read, grade and write the result JSON (as the service does, UTF-8 bytes) of generated
 *   assessments of every scheme on every core;</li>
 *   <li>served: one client alone, then 64 clients, on loopback posting the same assessments to
 *   {@code /api/v1/evaluations};</li>
 *   <li>16 auditors saving 4 stored assessments at once, each save on the revision it read (412: read again).</li>
 * </ol>
 * Each phase runs for the seconds given (60 by default) and stops by itself; the figures are printed as one table.
 */
public final class ServiceLoad {

    private static final ObjectMapper JSON = new ObjectMapper();

    private ServiceLoad() {
    }

    public static void main(String[] args) throws Exception {
        int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 60;
        List<byte[]> assessments = assessments(400);
        Map<String, Scheme> schemes = new LinkedHashMap<>();
        Book.REGISTRY.installed().forEach(i -> schemes.put(i.scheme().id(), i.scheme()));
        Evaluator evaluator = new Evaluator(Book.REGISTRY::find, Book.REGISTRY.ids());

        double inProcess = inProcess(evaluator, assessments, seconds);

        Path dir = Files.createTempDirectory("service-load");
        RegisterSettings settings = RegisterSettings.embedded(dir, "load test");
        try (ServiceDatabase db = ServiceDatabase.open(settings)) {
            Accounts accounts = new Accounts(db.jdbi(), Clock.systemUTC());
            Accounts.Actor actor = new Accounts.Actor("load", "load test");
            String auditor = accounts.add("auditor", Role.AUDITOR, actor).token();
            String manager = accounts.add("manager", Role.MANAGER, actor).token();
            List<Route> routes = new ArrayList<>(new ServiceRoutes().routes());
            routes.addAll(new GradingRoutes(Book.REGISTRY, schemes, evaluator,
                    ApiServer.Settings.DEFAULT_MAX_REQUEST_BYTES).routes());
            routes.addAll(new AssessmentRoutes(new AssessmentStore(db.jdbi(), Clock.systemUTC()),
                    new RegisterCertifier(settings, schemes, Clock.systemDefaultZone()), schemes, evaluator,
                    accounts::roleOf, new io.github.aftersales.service.accounts.ChangeLog(db.jdbi(), Clock.systemUTC()),
                    ApiServer.Settings.DEFAULT_MAX_REQUEST_BYTES).routes());
            try (ApiServer server = ApiServer.start(new ApiServer.Settings(ApiServer.Settings.LOOPBACK, 0,
                    ApiServer.Settings.DEFAULT_MAX_REQUEST_BYTES), routes, accounts)) {
                String base = "http://127.0.0.1:" + server.port();
                Served alone = served(base, auditor, assessments, seconds, 1);
                Served served = served(base, auditor, assessments, seconds, 64);
                Saves saves = saves(base, manager, auditor, seconds);
                print(seconds, inProcess, alone, served, saves);
            }
        }
    }

    /** Generated assessments of every scheme, in turn. */
    static List<byte[]> assessments(int count) {
        List<Generator> generators = new ArrayList<>();
        for (String id : List.of("gbt27922", "zg025", "cqm", "zg025-combined")) {
            Scheme s = Book.REGISTRY.find(id).orElseThrow();
            generators.add(new Generator(s, s.defaultVariant(), Book.REGISTRY::find, 11));
        }
        List<byte[]> all = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            all.add(generators.get(i % generators.size()).next().toString().getBytes(StandardCharsets.UTF_8));
        }
        return all;
    }

    /** Assessments a second, read, graded and written as the result JSON in process on every core. */
    static double inProcess(Evaluator evaluator, List<byte[]> assessments, int seconds) throws Exception {
        int threads = Runtime.getRuntime().availableProcessors();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        AtomicLong done = new AtomicLong();
        List<Future<?>> work = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int offset = t;
            work.add(pool.submit(() -> {
                int i = offset;
                while (System.nanoTime() < end) {
                    byte[] bytes = assessments.get(i++ % assessments.size());
                    try {
                        Json.prettyBytes(JsonReport.assessment(evaluator.evaluate(AssessmentReader.read(
                                new ByteArrayInputStream(bytes), "load", LocatedReader.Syntax.JSON),
                                EvaluationOptions.DEFAULTS)));
                    } catch (java.io.IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                    done.incrementAndGet();
                }
            }));
        }
        for (Future<?> f : work) {
            f.get();
        }
        pool.shutdown();
        return done.get() / (double) seconds;
    }

    record Served(long requests, long errors, long[] latenciesMicros) {
    }

    /** {@code clientCount} clients posting evaluations for {@code seconds}, each waiting for its answer. */
    static Served served(String base, String token, List<byte[]> assessments, int seconds, int clientCount)
            throws Exception {
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .executor(Executors.newFixedThreadPool(8)).build();
        ExecutorService pool = Executors.newFixedThreadPool(clientCount);
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        AtomicLong errors = new AtomicLong();
        List<Future<long[]>> clients = new ArrayList<>();
        for (int c = 0; c < clientCount; c++) {
            int offset = c * 7;
            clients.add(pool.submit(() -> {
                long[] latencies = new long[1 << 16];
                int n = 0;
                int i = offset;
                while (System.nanoTime() < end) {
                    HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/api/v1/evaluations"))
                            .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofByteArray(assessments.get(i++ % assessments.size())))
                            .build();
                    long start = System.nanoTime();
                    HttpResponse<byte[]> r = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
                    long took = (System.nanoTime() - start) / 1_000;
                    if (r.statusCode() != 200) {
                        errors.incrementAndGet();
                    }
                    if (n == latencies.length) {
                        latencies = Arrays.copyOf(latencies, n * 2);
                    }
                    latencies[n++] = took;
                }
                return Arrays.copyOf(latencies, n);
            }));
        }
        List<long[]> all = new ArrayList<>();
        for (Future<long[]> f : clients) {
            all.add(f.get());
        }
        pool.shutdown();
        long[] merged = all.stream().flatMapToLong(Arrays::stream).sorted().toArray();
        return new Served(merged.length, errors.get(), merged);
    }

    record Saves(long kept, long stale, long errors, long lost) {
    }

    /** 16 auditors saving 4 assessments at once; every kept save must be a revision, none lost. */
    static Saves saves(String base, String manager, String auditor, int seconds) throws Exception {
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        List<Long> ids = new ArrayList<>();
        for (int a = 0; a < 4; a++) {
            HttpResponse<String> made = client.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/assessments"))
                    .header("Authorization", "Bearer " + manager).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"scheme\": \"gbt27922\", \"organisation\": \"Co. " + a
                            + "\", \"assignedTo\": \"auditor\"}")).build(), HttpResponse.BodyHandlers.ofString());
            ids.add(JSON.readTree(made.body()).get("id").asLong());
        }
        ExecutorService pool = Executors.newFixedThreadPool(16);
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        AtomicLong kept = new AtomicLong();
        AtomicLong stale = new AtomicLong();
        AtomicLong errors = new AtomicLong();
        Map<Long, AtomicLong> keptPer = new java.util.concurrent.ConcurrentHashMap<>();
        ids.forEach(id -> keptPer.put(id, new AtomicLong()));
        List<Future<?>> auditors = new ArrayList<>();
        for (int t = 0; t < 16; t++) {
            long id = ids.get(t % ids.size());
            int who = t;
            auditors.add(pool.submit(() -> {
                int n = 0;
                while (System.nanoTime() < end) {
                    HttpResponse<String> read = client.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/assessments/"
                            + id)).header("Authorization", "Bearer " + auditor).build(), HttpResponse.BodyHandlers.ofString());
                    String etag = read.headers().firstValue("ETag").orElseThrow();
                    ObjectNode content = (ObjectNode) JSON.readTree(read.body()).get("assessment");
                    content.put("assessor", "auditor " + who + " save " + n++);
                    HttpResponse<String> saved = client.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/assessments/"
                            + id)).header("Authorization", "Bearer " + auditor).header("Content-Type", "application/json")
                            .header("If-Match", etag).PUT(HttpRequest.BodyPublishers.ofString(content.toString())).build(),
                            HttpResponse.BodyHandlers.ofString());
                    switch (saved.statusCode()) {
                        case 200 -> {
                            kept.incrementAndGet();
                            keptPer.get(id).incrementAndGet();
                        }
                        case 412 -> stale.incrementAndGet();
                        default -> errors.incrementAndGet();
                    }
                }
                return null;
            }));
        }
        for (Future<?> f : auditors) {
            f.get();
        }
        pool.shutdown();
        // every save answered 200 is a revision: the latest revision is 1 + the saves kept
        long lost = 0;
        for (long id : ids) {
            JsonNode latest = JSON.readTree(client.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/assessments/"
                    + id)).header("Authorization", "Bearer " + auditor).build(), HttpResponse.BodyHandlers.ofString()).body());
            lost += Math.abs(1 + keptPer.get(id).get() - latest.get("revision").asLong());
        }
        return new Saves(kept.get(), stale.get(), errors.get(), lost);
    }

    private static void print(int seconds, double inProcess, Served alone, Served served, Saves saves) throws Exception {
        double throughput = served.requests() / (double) seconds;
        long[] l = served.latenciesMicros();
        long[] one = alone.latenciesMicros();
        System.out.printf("%d cores, %d s a phase, JDK %s%n", Runtime.getRuntime().availableProcessors(), seconds,
                System.getProperty("java.version"));
        System.out.printf("| what | figure | target |%n|---|---|---|%n");
        System.out.printf("| in process: assessments graded and written as JSON a second, every core | %,.0f | |%n", inProcess);
        System.out.printf("| served: evaluations a second, 64 clients on loopback | %,.0f | |%n", throughput);
        System.out.printf("| served / in process | %.2f | >= 0.25 |%n", throughput / inProcess);
        System.out.printf("| one client alone: latency p50 / p99 / max | %.1f / %.1f / %.1f ms | p99 < 50 ms |%n",
                one[one.length / 2] / 1000.0, one[(int) (one.length * 0.99)] / 1000.0, one[one.length - 1] / 1000.0);
        System.out.printf("| 64 clients: latency p50 / p99 / max | %.1f / %.1f / %.1f ms | p99 < 50 ms |%n",
                l[l.length / 2] / 1000.0, l[(int) (l.length * 0.99)] / 1000.0, l[l.length - 1] / 1000.0);
        System.out.printf("| errors of %,d evaluations | %d | 0 |%n", served.requests() + alone.requests(),
                served.errors() + alone.errors());
        System.out.printf("| 16 auditors, 4 assessments: saves kept / told 412 / errors | %,d / %,d / %d | errors 0 |%n",
                saves.kept(), saves.stale(), saves.errors());
        System.out.printf("| lost updates (kept saves that are not a revision) | %d | 0 |%n", saves.lost());
        System.out.printf("| peak resident memory of the process (VmHWM) | %s | |%n", peakRss());
    }

    private static String peakRss() throws Exception {
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith("VmHWM:")) {
                return line.substring(6).strip();
            }
        }
        return "unknown";
    }
}

package io.github.aftersales.benchmarks;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.stream.Stream;

/**
 * The whole command as a user runs it, against its floor, whole processes side by side in one run:
 * {@code evaluate FILE --format summary} and {@code evaluate FILE --format ndjson -o /dev/null} of N generated
 * assessments of a scheme (written first by the app's own {@code generate}), through {@code java -jar} and through
 * {@code bin/aftersales} (the launcher as shipped, its options for a book; its cache made by a run before the
 * rounds), each against {@link JacksonFloor},
 * a plain Java program that parses the same NDJSON into Jackson trees line by line. The commands of a round
 * run one after another, round after round (interleaved, so that what else the machine does falls on all of
 * them alike); each figure is the median of the rounds, with the peak resident memory of its runs
 * ({@code /usr/bin/time}, else {@code VmHWM} read from {@code /proc} while it runs) and its CPU time (user and
 * system, where {@code /usr/bin/time} is there). From the project root, after {@code mvn -q -DskipTests package}:
 *
 * <pre>
 * java [-Dbefore=JAR] [-Dschemes=gbt27922,zg025] -cp benchmarks/target/benchmarks.jar \
 *     io.github.aftersales.benchmarks.EndToEndRatios [--count N] [--rounds R]
 * </pre>
 *
 * <p>{@code --count}: assessments per scheme (default 100,000); {@code --rounds}: 5 by default;
 * {@code -Dschemes}: the schemes' ids (default {@code gbt27922,zg025}); {@code -Dbefore}: an earlier build's
 * jar, its two commands measured beside this one's on the same files. Every JVM runs with its defaults (the
 * JVM's options of the environment are removed). Targets (issue 24): summary at most 2 ×, ndjson at most 3 ×
 * the floor.
 */
public final class EndToEndRatios {

    private static final String JAR = System.getProperty("aftersales.jar", "app/target/aftersales.jar");
    private static final String LAUNCHER = System.getProperty("aftersales.launcher", "app/target/bin/aftersales");

    private EndToEndRatios() {
    }

    /**
     * What a run measures: the books written, each one's floor, the product's two commands on it (and an earlier
     * jar's beside them), which floor each command is measured against and which earlier command it follows.
     */
    static final class Plan {
        final Path dir;
        final int count;
        final List<Measured> all = new ArrayList<>();
        final Map<Measured, Measured> floorOf = new IdentityHashMap<>();
        final Map<Measured, Measured> beforeOf = new IdentityHashMap<>();
        final Map<String, Long> sizes = new LinkedHashMap<>();

        private Plan(Path dir, int count) {
            this.dir = dir;
            this.count = count;
        }

        /** The product's commands of this build, in order. */
        List<Measured> after() {
            return all.stream().filter(m -> floorOf.containsKey(m) && !beforeOf.containsValue(m)).toList();
        }

        /** The books, as the tables' heading names them. */
        String books() {
            return sizes.entrySet().stream().map(e -> String.format("%s %,d MB", e.getKey(), e.getValue() / 1_000_000))
                    .collect(java.util.stream.Collectors.joining(", "));
        }

        /** Deletes the books. */
        void delete() throws IOException {
            try (Stream<Path> s = Files.walk(dir)) {
                for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(p);
                }
            }
        }
    }

    public static void main(String[] args) throws Exception {
        int count = 100_000;
        int rounds = 5;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--count" -> count = Integer.parseInt(args[++i]);
                case "--rounds" -> rounds = Integer.parseInt(args[++i]);
                default -> throw new IllegalArgumentException("unknown argument " + args[i]
                        + "; usage: EndToEndRatios [--count N] [--rounds R]");
            }
        }
        Plan plan = prepare(schemes(), count, System.getProperty("before"));
        try {
            String loadBefore = Machine.load();
            long started = System.nanoTime();
            measure(plan, rounds);
            String loadAfter = Machine.load();

            System.out.printf("%,d assessments a scheme (%s), %d rounds, interleaved, %.0f s; medians. Commit %s, jar %s;"
                    + " %s; %d cores, %s, %s; load average before %s, after %s.%n%n", count, plan.books(), rounds,
                    (System.nanoTime() - started) / 1e9, Machine.commit(), JAR,
                    System.getProperty("java.vm.name") + " " + System.getProperty("java.version"),
                    Runtime.getRuntime().availableProcessors(), Machine.cpu(), Machine.memory(), loadBefore, loadAfter);
            System.out.println("| what | product | floor | ratio | target | CPU: product / floor = ratio | peak RSS: product / floor |");
            System.out.println("|---|---|---|---|---|---|---|");
            for (Measured m : plan.all) {
                Measured floor = plan.floorOf.get(m);
                if (floor == null) {
                    continue;
                }
                double ratio = (double) m.median() / floor.median();
                double target = target(m);
                String cpu = m.cpu() < 0 || floor.cpu() < 0 ? "n/a" : String.format("%s / %s = %.2f",
                        ms(m.cpu() * 1_000_000), ms(floor.cpu() * 1_000_000), (double) m.cpu() / floor.cpu());
                System.out.printf("| %s | %s (%s–%s) | %s | **%.2f** | ≤ %.0f: %s | %s | %s / %s |%n", m.what(),
                        ms(m.median()), ms(m.min()), ms(m.max()), ms(floor.median()), ratio, target,
                        ratio <= target ? "met" : "not met", cpu, Measured.mib(m.maxRss()), Measured.mib(floor.maxRss()));
            }
        } finally {
            plan.delete();
        }
    }

    /** The schemes whose books are measured: {@code -Dschemes}, by default GB/T 27922 and ZG025. */
    static List<String> schemes() {
        return Arrays.stream(System.getProperty("schemes", "gbt27922,zg025").split(",")).map(String::strip).toList();
    }

    /** Issue 24's target for a command: summary at most 2 ×, ndjson at most 3 × the floor. */
    static double target(Measured m) {
        return m.what().contains("summary") ? 2 : 3;
    }

    /**
     * Writes a book of {@code count} generated assessments for each scheme with the jar's own {@code generate}
     * (seed 1), and plans the floor and the commands on it; {@code before}, an earlier build's jar, or null.
     */
    static Plan prepare(List<String> schemes, int count, String before) throws Exception {
        String javaBin = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String classPath = System.getProperty("java.class.path");
        Plan plan = new Plan(Files.createTempDirectory("aftersales-e2e"), count);
        for (String scheme : schemes) {
            Path book = plan.dir.resolve(scheme + ".ndjson");
            Machine.run(List.of(javaBin, "-jar", JAR, "generate", "--scheme", scheme, "--count", Integer.toString(count),
                    "--seed", "1", "-o", book.toString()), Map.of(), ProcessBuilder.Redirect.INHERIT);
            plan.sizes.put(scheme, Files.size(book));
            Measured floor = new Measured(scheme, scheme + ": floor, `JacksonFloor` (Jackson trees, line by line)",
                    List.of(javaBin, "-cp", classPath, JacksonFloor.class.getName(), book.toString()), Map.of());
            plan.all.add(floor);
            Measured[] after = null;
            for (String jar : before == null ? List.of(JAR) : List.of(JAR, before)) {
                String who = jar.equals(JAR) ? "" : "before: ";
                Measured summary = new Measured(scheme, scheme + ": " + who + "`evaluate FILE --format summary`",
                        List.of(javaBin, "-jar", jar, "evaluate", book.toString(), "--format", "summary"), Map.of());
                Measured ndjson = new Measured(scheme, scheme + ": " + who + "`evaluate FILE --format ndjson -o /dev/null`",
                        List.of(javaBin, "-jar", jar, "evaluate", book.toString(), "--format", "ndjson", "-o", "/dev/null"),
                        Map.of());
                plan.all.add(summary);
                plan.all.add(ndjson);
                plan.floorOf.put(summary, floor);
                plan.floorOf.put(ndjson, floor);
                if (after == null) {
                    after = new Measured[] {summary, ndjson};
                } else {
                    plan.beforeOf.put(after[0], summary);
                    plan.beforeOf.put(after[1], ndjson);
                }
            }
            if (Files.isExecutable(Path.of(LAUNCHER))) {
                // the launcher as shipped: its options for a book, its cache made by a first run, not measured
                Map<String, String> env = Map.of("JAVA_HOME", System.getProperty("java.home"), "AFTERSALES_CACHE_DIR",
                        plan.dir.resolve("cache").toString());
                for (String format : List.of("summary", "ndjson")) {
                    List<String> command = new ArrayList<>(List.of(LAUNCHER, "evaluate", book.toString(), "--format",
                            format));
                    if (format.equals("ndjson")) {
                        command.addAll(List.of("-o", "/dev/null"));
                    }
                    Measured launched = new Measured(scheme, scheme + ": `bin/aftersales evaluate FILE --format " + format
                            + (format.equals("ndjson") ? " -o /dev/null`" : "`"), command, env);
                    plan.all.add(launched);
                    plan.floorOf.put(launched, floor);
                }
                Machine.run(plan.all.get(plan.all.size() - 1).command(), env, ProcessBuilder.Redirect.INHERIT);
            }
        }
        return plan;
    }

    /** Runs every command of the plan once a round, round after round. */
    static void measure(Plan plan, int rounds) throws Exception {
        for (int r = 0; r < rounds; r++) {
            for (Measured m : plan.all) {
                m.runOnce(ProcessBuilder.Redirect.INHERIT);
            }
        }
    }

    private static String ms(long nanos) {
        return String.format("%,d ms", nanos / 1_000_000);
    }
}

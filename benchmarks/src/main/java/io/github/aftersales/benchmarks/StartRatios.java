package io.github.aftersales.benchmarks;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The start as a user sees it, whole processes side by side in one run: {@code evaluate} of one form
 * through {@code java -jar} and through {@code bin/aftersales} (the launcher, on its cache), each against
 * the same JVM's {@code java -version}, on every JDK given; and, given a register, {@code register due}
 * through the launcher. The commands of a round run one after another, round after round (interleaved,
 * so that what else the machine does falls on all of them alike), and each figure is the median of the
 * rounds, with the peak resident memory of its runs ({@code /usr/bin/time}, else {@code VmHWM} read from
 * {@code /proc} while it runs). From the project root, after {@code mvn -q -DskipTests package}:
 *
 * <pre>
 * java [-Djdks=JDK,JDK…] [-Dregister=DIR] [-Dbefore=JAR] -cp benchmarks/target/benchmarks.jar io.github.aftersales.benchmarks.StartRatios [ROUNDS]
 * </pre>
 *
 * <p>{@code -Djdks}: the JDKs' homes (default: this JVM's, and a JDK 25 or later in {@code /usr/lib/jvm});
 * {@code -Dregister}: a register to run {@code register due --on 2030-01-01 --today 2026-01-01} on, through
 * the launcher and through {@code java -jar} (none by default); {@code -Dbefore}: an earlier build's jar,
 * measured beside this one, plain and through the launcher; ROUNDS: 9 by default.
 */
public final class StartRatios {

    private static final String JAR = System.getProperty("aftersales.jar", "app/target/aftersales.jar");
    private static final String LAUNCHER = System.getProperty("aftersales.launcher", "app/target/bin/aftersales");
    private static final String EXAMPLE = System.getProperty("aftersales.example", "examples/gbt27922-form.json");

    private StartRatios() {
    }

    /**
     * What a run measures: per JDK, {@code java -version} and the commands measured against it, the launcher's first
     * run (timed once, apart: it makes the cache), and which earlier build's command each follows.
     */
    static final class Plan {
        final Path cache;
        final List<Measured> all = new ArrayList<>();
        final Map<Measured, Measured> baseline = new IdentityHashMap<>();
        final Map<Measured, Measured> beforeOf = new IdentityHashMap<>();
        final Set<Measured> once = java.util.Collections.newSetFromMap(new IdentityHashMap<>());

        private Plan(Path cache) {
            this.cache = cache;
        }

        void delete() throws IOException {
            deleteTree(cache);
        }
    }

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 9;
        Plan plan = prepare(jdks(), System.getProperty("register"), System.getProperty("before"));
        try {
            String loadBefore = Machine.load();
            measure(plan, rounds);
            String loadAfter = Machine.load();
            System.out.printf("%d rounds, interleaved; medians (the range in brackets). Load average before %s, after %s;"
                    + " %d cores, %s.%n%n", rounds, loadBefore, loadAfter, Runtime.getRuntime().availableProcessors(),
                    Machine.cpu());
            System.out.println("| JDK | command | median | range | × `java -version` | peak RSS |");
            System.out.println("|---|---|---|---|---|---|");
            for (Measured m : plan.all) {
                Measured base = plan.baseline.get(m);
                System.out.printf("| %s | %s | %s | %s–%s | %s | %s |%n", m.group(), m.what(), ms(m.median()),
                        ms(m.min()), ms(m.max()),
                        base == null ? "" : String.format("**%.1f**", (double) m.median() / base.median()),
                        Measured.mib(m.maxRss()));
            }
        } finally {
            plan.delete();
        }
    }

    /**
     * Plans, for each JDK, {@code java -version}, {@code evaluate} of one form through {@code java -jar} and through
     * the launcher (whose first run, making the cache, is run and timed here), and with {@code before} (an earlier
     * build's jar, or null) the same two of that jar; with {@code register} (a register's folder, or null),
     * {@code register due} through both.
     */
    static Plan prepare(List<Path> jdks, String register, String before) throws Exception {
        Plan plan = new Plan(Files.createTempDirectory("aftersales-start-cache"));
        for (Path jdk : jdks) {
            String name = "JDK " + version(jdk);
            String java = jdk.resolve("bin/java").toString();
            Map<String, String> launcherEnv = Map.of("JAVA_HOME", jdk.toString(), "AFTERSALES_CACHE_DIR",
                    plan.cache.toString());
            Measured version = new Measured(name, "`java -version`", List.of(java, "-version"), Map.of());
            Measured plain = new Measured(name, "`java -jar aftersales.jar evaluate` one form",
                    List.of(java, "-jar", JAR, "evaluate", EXAMPLE), Map.of());
            Measured launched = new Measured(name, "`bin/aftersales evaluate` one form (its cache made before)",
                    List.of(LAUNCHER, "evaluate", EXAMPLE), launcherEnv);
            plan.all.addAll(List.of(version, plain, launched));
            plan.baseline.put(plain, version);
            plan.baseline.put(launched, version);
            // the launcher's first run makes its cache: timed once, apart
            Measured first = new Measured(name, "`bin/aftersales evaluate`, its first run (makes the cache)",
                    launched.command(), launcherEnv);
            first.runOnce(ProcessBuilder.Redirect.DISCARD);
            plan.all.add(first);
            plan.once.add(first);
            plan.baseline.put(first, version);
            if (before != null) {
                // an earlier build's jar, side by side: plain, and through this launcher (AFTERSALES_JAR)
                Measured plainBefore = new Measured(name, "before (" + before + "): `java -jar` evaluate one form",
                        List.of(java, "-jar", before, "evaluate", EXAMPLE), Map.of());
                Map<String, String> beforeEnv = new java.util.HashMap<>(launcherEnv);
                beforeEnv.put("AFTERSALES_JAR", before);
                Measured launchedBefore = new Measured(name, "before: `bin/aftersales evaluate` one form",
                        launched.command(), beforeEnv);
                new Measured("", launched.command(), beforeEnv).runOnce(ProcessBuilder.Redirect.DISCARD); // its cache
                plan.all.addAll(List.of(plainBefore, launchedBefore));
                plan.baseline.put(plainBefore, version);
                plan.baseline.put(launchedBefore, version);
                plan.beforeOf.put(plain, plainBefore);
                plan.beforeOf.put(launched, launchedBefore);
            }
            if (register != null) {
                Measured due = new Measured(name, "`bin/aftersales register due` at " + register,
                        List.of(LAUNCHER, "register", "due", "--on", "2030-01-01", "--today", "2026-01-01",
                                "--register", register), launcherEnv);
                new Measured("", due.command(), launcherEnv).runOnce(ProcessBuilder.Redirect.DISCARD);
                Measured duePlain = new Measured(name, "`java -jar aftersales.jar register due` at " + register,
                        List.of(java, "-jar", JAR, "register", "due", "--on", "2030-01-01", "--today", "2026-01-01",
                                "--register", register), Map.of());
                plan.all.add(due);
                plan.all.add(duePlain);
            }
        }
        return plan;
    }

    /** Runs every command of the plan (but the first runs, already timed) once a round, round after round. */
    static void measure(Plan plan, int rounds) throws Exception {
        for (int r = 0; r < rounds; r++) {
            for (Measured m : plan.all) {
                if (!plan.once.contains(m)) {
                    m.runOnce(ProcessBuilder.Redirect.DISCARD);
                }
            }
        }
    }

    private static String ms(long nanos) {
        return nanos >= 10_000_000_000L ? String.format("%.1f s", nanos / 1e9) : String.format("%d ms", nanos / 1_000_000);
    }

    static List<Path> jdks() throws IOException {
        String given = System.getProperty("jdks");
        if (given != null && !given.isBlank()) {
            return Arrays.stream(given.split(",")).map(String::strip).map(Path::of).toList();
        }
        List<Path> jdks = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"))));
        Path jvms = Path.of("/usr/lib/jvm");
        if (feature(jdks.get(0)) < 25 && Files.isDirectory(jvms)) {
            try (Stream<Path> s = Files.list(jvms)) {
                s.sorted().filter(j -> feature(j) >= 25 && Files.isExecutable(j.resolve("bin/java"))).findFirst()
                        .ifPresent(jdks::add);
            }
        }
        return jdks;
    }

    private static String version(Path jdk) {
        try {
            for (String line : Files.readAllLines(jdk.resolve("release"))) {
                if (line.startsWith("JAVA_VERSION=")) {
                    return line.substring("JAVA_VERSION=".length()).replace("\"", "");
                }
            }
        } catch (IOException e) {
            // unknown
        }
        return jdk.toString();
    }

    private static int feature(Path jdk) {
        String v = version(jdk);
        int end = 0;
        while (end < v.length() && Character.isDigit(v.charAt(end))) {
            end++;
        }
        return end == 0 ? -1 : Integer.parseInt(v.substring(0, end));
    }

    private static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}

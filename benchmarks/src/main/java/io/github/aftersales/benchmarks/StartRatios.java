package io.github.aftersales.benchmarks;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
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

    /** One command measured: its runs' wall times and peak resident memory. */
    private record Measured(String jdk, String what, List<String> command, Map<String, String> env,
            List<Long> nanos, List<Long> rssKiB) {
        long median() {
            long[] s = nanos.stream().mapToLong(Long::longValue).sorted().toArray();
            return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
        }

        long maxRss() {
            return rssKiB.stream().mapToLong(Long::longValue).max().orElse(-1);
        }
    }

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 9;
        List<Path> jdks = jdks();
        String register = System.getProperty("register");
        String before = System.getProperty("before");
        Path cache = Files.createTempDirectory("aftersales-start-cache");
        List<Measured> all = new ArrayList<>();
        Map<Measured, Measured> baseline = new java.util.IdentityHashMap<>(); // a record's hash follows its lists
        for (Path jdk : jdks) {
            String name = "JDK " + version(jdk);
            String java = jdk.resolve("bin/java").toString();
            Map<String, String> launcherEnv = Map.of("JAVA_HOME", jdk.toString(), "AFTERSALES_CACHE_DIR",
                    cache.toString());
            Measured version = new Measured(name, "`java -version`", List.of(java, "-version"), Map.of(),
                    new ArrayList<>(), new ArrayList<>());
            Measured plain = new Measured(name, "`java -jar aftersales.jar evaluate` one form",
                    List.of(java, "-jar", JAR, "evaluate", EXAMPLE), Map.of(), new ArrayList<>(), new ArrayList<>());
            Measured launched = new Measured(name, "`bin/aftersales evaluate` one form (its cache made before)",
                    List.of(LAUNCHER, "evaluate", EXAMPLE), launcherEnv, new ArrayList<>(), new ArrayList<>());
            all.addAll(List.of(version, plain, launched));
            baseline.put(plain, version);
            baseline.put(launched, version);
            // the launcher's first run makes its cache: timed once, apart
            Measured first = new Measured(name, "`bin/aftersales evaluate`, its first run (makes the cache)",
                    launched.command(), launcherEnv, new ArrayList<>(), new ArrayList<>());
            runOnce(first);
            all.add(first);
            baseline.put(first, version);
            if (before != null) {
                // an earlier build's jar, side by side: plain, and through this launcher (AFTERSALES_JAR)
                Measured plainBefore = new Measured(name, "before (" + before + "): `java -jar` evaluate one form",
                        List.of(java, "-jar", before, "evaluate", EXAMPLE), Map.of(), new ArrayList<>(), new ArrayList<>());
                Map<String, String> beforeEnv = new java.util.HashMap<>(launcherEnv);
                beforeEnv.put("AFTERSALES_JAR", before);
                Measured launchedBefore = new Measured(name, "before: `bin/aftersales evaluate` one form",
                        launched.command(), beforeEnv, new ArrayList<>(), new ArrayList<>());
                runOnce(new Measured(name, "", launched.command(), beforeEnv, new ArrayList<>(), new ArrayList<>()));
                all.addAll(List.of(plainBefore, launchedBefore));
                baseline.put(plainBefore, version);
                baseline.put(launchedBefore, version);
            }
            if (register != null) {
                Measured due = new Measured(name, "`bin/aftersales register due` at " + register,
                        List.of(LAUNCHER, "register", "due", "--on", "2030-01-01", "--today", "2026-01-01",
                                "--register", register), launcherEnv, new ArrayList<>(), new ArrayList<>());
                runOnce(new Measured(name, "", due.command(), launcherEnv, new ArrayList<>(), new ArrayList<>()));
                Measured duePlain = new Measured(name, "`java -jar aftersales.jar register due` at " + register,
                        List.of(java, "-jar", JAR, "register", "due", "--on", "2030-01-01", "--today", "2026-01-01",
                                "--register", register), Map.of(), new ArrayList<>(), new ArrayList<>());
                all.add(due);
                all.add(duePlain);
            }
        }
        String loadBefore = Machine.load();
        for (int r = 0; r < rounds; r++) {
            for (Measured m : all) {
                if (!m.what().contains("first run")) {
                    runOnce(m);
                }
            }
        }
        String loadAfter = Machine.load();

        System.out.printf("%d rounds, interleaved; medians (the range in brackets). Load average before %s, after %s;"
                + " %d cores, %s.%n%n", rounds, loadBefore, loadAfter, Runtime.getRuntime().availableProcessors(), Machine.cpu());
        System.out.println("| JDK | command | median | range | × `java -version` | peak RSS |");
        System.out.println("|---|---|---|---|---|---|");
        for (Measured m : all) {
            Measured base = baseline.get(m);
            long[] sorted = m.nanos().stream().mapToLong(Long::longValue).sorted().toArray();
            System.out.printf("| %s | %s | %s | %s–%s | %s | %s |%n", m.jdk(), m.what(), ms(m.median()),
                    ms(sorted[0]), ms(sorted[sorted.length - 1]),
                    base == null ? "" : String.format("**%.1f**", (double) m.median() / base.median()),
                    m.maxRss() < 0 ? "n/a" : String.format("%d MiB", Math.round(m.maxRss() / 1024.0)));
        }
        deleteTree(cache);
    }

    private static String ms(long nanos) {
        return nanos >= 10_000_000_000L ? String.format("%.1f s", nanos / 1e9) : String.format("%d ms", nanos / 1_000_000);
    }

    private static void runOnce(Measured m) throws Exception {
        Machine.Run run = Machine.run(m.command(), m.env(), ProcessBuilder.Redirect.DISCARD);
        m.nanos().add(run.nanos());
        m.rssKiB().add(run.rssKiB());
    }

    private static List<Path> jdks() throws IOException {
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

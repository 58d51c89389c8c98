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
 * assessments of a scheme (written first by the app's own {@code generate}), each against {@link JacksonFloor},
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

    private EndToEndRatios() {
    }

    /** One command measured: its runs' wall times, CPU times and peak resident memory. */
    private record Measured(String what, List<String> command, List<Long> nanos, List<Long> cpuMillis,
            List<Long> rssKiB) {
        Measured(String what, List<String> command) {
            this(what, command, new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
        }

        long median() {
            return median(nanos);
        }

        long cpu() {
            return cpuMillis.contains(-1L) ? -1 : median(cpuMillis);
        }

        static long median(List<Long> values) {
            long[] s = values.stream().mapToLong(Long::longValue).sorted().toArray();
            return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
        }

        long maxRss() {
            return rssKiB.stream().mapToLong(Long::longValue).max().orElse(-1);
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
        List<String> schemes = Arrays.stream(System.getProperty("schemes", "gbt27922,zg025").split(","))
                .map(String::strip).toList();
        String before = System.getProperty("before");
        String javaBin = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String classPath = System.getProperty("java.class.path");
        Path dir = Files.createTempDirectory("aftersales-e2e");
        try {
            List<Measured> all = new ArrayList<>();
            Map<Measured, Measured> floorOf = new IdentityHashMap<>();
            Map<String, Long> sizes = new LinkedHashMap<>();
            for (String scheme : schemes) {
                Path book = dir.resolve(scheme + ".ndjson");
                run(List.of(javaBin, "-jar", JAR, "generate", "--scheme", scheme, "--count", Integer.toString(count),
                        "--seed", "1", "-o", book.toString()));
                sizes.put(scheme, Files.size(book));
                Measured floor = new Measured(scheme + ": floor, `JacksonFloor` (Jackson trees, line by line)",
                        List.of(javaBin, "-cp", classPath, JacksonFloor.class.getName(), book.toString()));
                all.add(floor);
                List<String> jars = before == null ? List.of(JAR) : List.of(JAR, before);
                for (String jar : jars) {
                    String who = jar.equals(JAR) ? "" : "before: ";
                    Measured summary = new Measured(scheme + ": " + who + "`evaluate FILE --format summary`",
                            List.of(javaBin, "-jar", jar, "evaluate", book.toString(), "--format", "summary"));
                    Measured ndjson = new Measured(scheme + ": " + who + "`evaluate FILE --format ndjson -o /dev/null`",
                            List.of(javaBin, "-jar", jar, "evaluate", book.toString(), "--format", "ndjson", "-o", "/dev/null"));
                    all.add(summary);
                    all.add(ndjson);
                    floorOf.put(summary, floor);
                    floorOf.put(ndjson, floor);
                }
            }
            String loadBefore = Machine.load();
            long started = System.nanoTime();
            for (int r = 0; r < rounds; r++) {
                for (Measured m : all) {
                    runOnce(m);
                }
            }
            String loadAfter = Machine.load();

            System.out.printf("%,d assessments a scheme (%s), %d rounds, interleaved, %.0f s; medians. Commit %s, jar %s;"
                    + " %s; %d cores, %s, %s; load average before %s, after %s.%n%n", count, sizes.entrySet().stream()
                    .map(e -> String.format("%s %,d MB", e.getKey(), e.getValue() / 1_000_000)).toList().toString()
                    .replaceAll("[\\[\\]]", ""), rounds, (System.nanoTime() - started) / 1e9, commit(), JAR,
                    System.getProperty("java.vm.name") + " " + System.getProperty("java.version"),
                    Runtime.getRuntime().availableProcessors(), Machine.cpu(), memory(), loadBefore, loadAfter);
            System.out.println("| what | product | floor | ratio | target | CPU: product / floor = ratio | peak RSS: product / floor |");
            System.out.println("|---|---|---|---|---|---|---|");
            for (Measured m : all) {
                Measured floor = floorOf.get(m);
                if (floor == null) {
                    continue;
                }
                double ratio = (double) m.median() / floor.median();
                double target = m.what().contains("summary") ? 2 : 3;
                String cpu = m.cpu() < 0 || floor.cpu() < 0 ? "n/a" : String.format("%s / %s = %.2f",
                        ms(m.cpu() * 1_000_000), ms(floor.cpu() * 1_000_000), (double) m.cpu() / floor.cpu());
                System.out.printf("| %s | %s (%s–%s) | %s | **%.2f** | ≤ %.0f: %s | %s | %s / %s |%n", m.what(),
                        ms(m.median()), ms(min(m.nanos())), ms(max(m.nanos())), ms(floor.median()), ratio, target,
                        ratio <= target ? "met" : "not met", cpu, mib(m.maxRss()), mib(floor.maxRss()));
            }
        } finally {
            try (Stream<Path> s = Files.walk(dir)) {
                for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(p);
                }
            }
        }
    }

    private static long min(List<Long> v) {
        return v.stream().mapToLong(Long::longValue).min().orElse(0);
    }

    private static long max(List<Long> v) {
        return v.stream().mapToLong(Long::longValue).max().orElse(0);
    }

    private static String ms(long nanos) {
        return String.format("%,d ms", nanos / 1_000_000);
    }

    private static String mib(long kib) {
        return kib < 0 ? "n/a" : String.format("%d MiB", Math.round(kib / 1024.0));
    }

    /** Runs a command to its end, its output discarded; fails the benchmark if it fails. */
    private static void run(List<String> command) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(ProcessBuilder.Redirect.INHERIT);
        clean(pb);
        int exit = pb.start().waitFor();
        if (exit != 0) {
            throw new IllegalStateException("exit " + exit + ": " + String.join(" ", command));
        }
    }

    private static void clean(ProcessBuilder pb) {
        pb.environment().remove("JAVA_TOOL_OPTIONS");
        pb.environment().remove("JDK_JAVA_OPTIONS");
        pb.environment().remove("_JAVA_OPTIONS");
    }

    /** Runs the command once, its output discarded; fails the benchmark if it fails. */
    private static void runOnce(Measured m) throws Exception {
        Machine.Run run = Machine.run(m.command(), Map.of(), ProcessBuilder.Redirect.INHERIT);
        m.nanos().add(run.nanos());
        m.cpuMillis().add(run.cpuMillis());
        m.rssKiB().add(run.rssKiB());
    }

    private static String commit() {
        try {
            Process p = new ProcessBuilder("git", "describe", "--always", "--dirty").redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            return p.waitFor() == 0 ? out : "unknown";
        } catch (IOException | InterruptedException e) {
            return "unknown";
        }
    }

    private static String memory() {
        try {
            return Files.readAllLines(Path.of("/proc/meminfo")).stream().filter(l -> l.startsWith("MemTotal:"))
                    .findFirst().map(l -> Math.round(Long.parseLong(l.replaceAll("[^0-9]", "")) / 1048576.0) + " GiB")
                    .orElse("unknown memory");
        } catch (IOException e) {
            return "unknown memory";
        }
    }
}

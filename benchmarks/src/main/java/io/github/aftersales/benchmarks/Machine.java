package io.github.aftersales.benchmarks;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What the whole-process measurements ({@link StartRatios}, {@link EndToEndRatios}, {@link PerformanceTable}) read of
 * this Linux machine, and how they run a process.
 */
final class Machine {

    private static final Path TIME = Path.of("/usr/bin/time");

    private Machine() {
    }

    /** One run of a process: its wall time, CPU time (user + system; -1 without /usr/bin/time) and peak memory. */
    record Run(long nanos, long cpuMillis, long rssKiB) {
    }

    /**
     * Runs {@code command} once, its output discarded, without the JVM options of this environment and with
     * {@code env} added; measured by {@code /usr/bin/time} where there is one, else its peak memory read from
     * {@code /proc} while it runs. A run that fails ends the measurement.
     */
    static Run run(List<String> command, Map<String, String> env, ProcessBuilder.Redirect err) throws Exception {
        Path stats = Files.createTempFile("aftersales-run", ".txt");
        try {
            List<String> line = new ArrayList<>();
            boolean time = Files.isExecutable(TIME);
            if (time) {
                line.addAll(List.of(TIME.toString(), "-f", "%M %U %S", "-o", stats.toString()));
            }
            line.addAll(command);
            ProcessBuilder pb = new ProcessBuilder(line).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .redirectError(err);
            pb.environment().remove("JAVA_TOOL_OPTIONS");
            pb.environment().remove("JDK_JAVA_OPTIONS");
            pb.environment().remove("_JAVA_OPTIONS");
            pb.environment().putAll(env);
            long start = System.nanoTime();
            Process p = pb.start();
            long peak = -1;
            if (!time) {
                while (p.isAlive()) {
                    peak = Math.max(peak, vmHwm(p.pid()));
                    Thread.sleep(2);
                }
            }
            int exit = p.waitFor();
            long nanos = System.nanoTime() - start;
            if (exit != 0) {
                throw new IllegalStateException("exit " + exit + ": " + String.join(" ", command));
            }
            long cpu = -1;
            if (time) {
                String[] lines = Files.readString(stats, StandardCharsets.UTF_8).strip().split("\n");
                String[] f = lines[lines.length - 1].strip().split(" ");
                peak = Long.parseLong(f[0]);
                cpu = Math.round((Double.parseDouble(f[1]) + Double.parseDouble(f[2])) * 1000);
            }
            return new Run(nanos, cpu, peak);
        } finally {
            Files.deleteIfExists(stats);
        }
    }

    /** A running process's peak resident memory in KiB ({@code VmHWM}), or -1 once it has ended. */
    static long vmHwm(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
                if (line.startsWith("VmHWM:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", ""));
                }
            }
        } catch (IOException | RuntimeException gone) {
            // ended meanwhile
        }
        return -1;
    }

    /** The load averages over 1, 5 and 15 minutes. */
    static String load() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return f[0] + " " + f[1] + " " + f[2];
        } catch (IOException e) {
            return "unknown";
        }
    }

    /** The processor's model name. */
    static String cpu() {
        try {
            return Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name"))
                    .findFirst().map(l -> l.substring(l.indexOf(':') + 1).strip()).orElse("unknown CPU");
        } catch (IOException e) {
            return "unknown CPU";
        }
    }

    /** The commit of the working tree ({@code git describe --always --dirty}), or "unknown". */
    static String commit() {
        try {
            Process p = new ProcessBuilder("git", "describe", "--always", "--dirty").redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            return p.waitFor() == 0 ? out : "unknown";
        } catch (IOException | InterruptedException e) {
            return "unknown";
        }
    }

    /** The machine's memory, e.g. "24 GiB". */
    static String memory() {
        try {
            return Files.readAllLines(Path.of("/proc/meminfo")).stream().filter(l -> l.startsWith("MemTotal:"))
                    .findFirst().map(l -> Math.round(Long.parseLong(l.replaceAll("[^0-9]", "")) / 1048576.0) + " GiB")
                    .orElse("unknown memory");
        } catch (IOException e) {
            return "unknown memory";
        }
    }
}

package io.github.aftersales.benchmarks;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One command of a whole-process measurement ({@link StartRatios}, {@link EndToEndRatios}, {@link PerformanceTable}),
 * run once a round: its runs' wall times, CPU times (user + system, -1 where {@code /usr/bin/time} is missing) and
 * peak resident memory. Identity matters (measurements are paired by identity), so it is a class, not a record.
 */
final class Measured {

    private final String group;
    private final String what;
    private final List<String> command;
    private final Map<String, String> env;
    private final List<Long> nanos = new ArrayList<>();
    private final List<Long> cpuMillis = new ArrayList<>();
    private final List<Long> rssKiB = new ArrayList<>();

    /**
     * @param group   what the command belongs to, for tables (a JDK, a book); may be empty
     * @param what    the command as a table names it
     * @param command the process to run
     * @param env     added to the environment (whose JVM options are removed)
     */
    Measured(String group, String what, List<String> command, Map<String, String> env) {
        this.group = group;
        this.what = what;
        this.command = List.copyOf(command);
        this.env = Map.copyOf(env);
    }

    Measured(String what, List<String> command) {
        this(what, command, Map.of());
    }

    Measured(String what, List<String> command, Map<String, String> env) {
        this("", what, command, env);
    }

    String group() {
        return group;
    }

    String what() {
        return what;
    }

    List<String> command() {
        return command;
    }

    Map<String, String> env() {
        return env;
    }

    List<Long> nanos() {
        return nanos;
    }

    /** Runs the command once and keeps what was measured; its standard error goes to {@code err}. */
    void runOnce(ProcessBuilder.Redirect err) throws Exception {
        Machine.Run run = Machine.run(command, env, err);
        nanos.add(run.nanos());
        cpuMillis.add(run.cpuMillis());
        rssKiB.add(run.rssKiB());
    }

    /** The median wall time in nanoseconds. */
    long median() {
        return median(nanos);
    }

    /** The median CPU time in milliseconds, or -1 if any run's is unknown. */
    long cpu() {
        return cpuMillis.isEmpty() || cpuMillis.contains(-1L) ? -1 : median(cpuMillis);
    }

    long min() {
        return nanos.stream().mapToLong(Long::longValue).min().orElse(0);
    }

    long max() {
        return nanos.stream().mapToLong(Long::longValue).max().orElse(0);
    }

    /** The highest peak resident memory of its runs in KiB, or -1 if unknown. */
    long maxRss() {
        return rssKiB.stream().mapToLong(Long::longValue).max().orElse(-1);
    }

    static long median(List<Long> values) {
        long[] s = values.stream().mapToLong(Long::longValue).sorted().toArray();
        if (s.length == 0) {
            return 0;
        }
        return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
    }

    /** Peak memory as a table shows it. */
    static String mib(long kib) {
        return kib < 0 ? "n/a" : String.format("%d MiB", Math.round(kib / 1024.0));
    }
}

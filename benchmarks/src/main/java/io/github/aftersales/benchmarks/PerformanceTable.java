package io.github.aftersales.benchmarks;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Issue 24's one table: every ratio of the command line as a user runs it, this build's beside an earlier build's,
 * measured in one run, with the machine and the commit. From the project root, after
 * {@code mvn -q -DskipTests package}:
 *
 * <pre>
 * java [-Dbefore=JAR] [-Dschemes=gbt27922,zg025] [-Djdks=JDK,JDK…] -cp benchmarks/target/benchmarks.jar \
 *     io.github.aftersales.benchmarks.PerformanceTable [--count N] [--rounds R] [--start-rounds R] [--dmn-count N]
 * </pre>
 *
 * <ol>
 * <li>the whole command against its floor ({@link EndToEndRatios}): {@code evaluate --format summary} and
 *     {@code --format ndjson -o /dev/null} of {@code --count} generated forms a scheme (100,000), against
 *     {@link JacksonFloor}, {@code --rounds} rounds (3);</li>
 * <li>the start ({@link StartRatios}): {@code evaluate} of one form through {@code java -jar} and through
 *     {@code bin/aftersales}, against the same JDK's {@code java -version}, on every JDK, {@code --start-rounds}
 *     rounds (9);</li>
 * <li>the decision-engine peer ({@link Ratios#dmnFigures}): the GB/T 27922 form graded by KIE's DMN engine against
 *     the platform, in this JVM's CPU time, the first {@code --dmn-count} forms (5,000).</li>
 * </ol>
 * <p>With {@code -Dbefore}, an earlier build's jar is measured beside this one in the same rounds of (1) and (2);
 * (3) is in process and has no before. Each part's commands run in turns, round after round, so that what else
 * the machine does falls on all of them alike; each figure is a median.
 */
public final class PerformanceTable {

    private PerformanceTable() {
    }

    public static void main(String[] args) throws Exception {
        int count = 100_000;
        int rounds = 3;
        int startRounds = 9;
        int dmnCount = 5_000;
        for (int i = 0; i < args.length; i++) {
            String value = i + 1 < args.length ? args[i + 1] : null;
            switch (args[i]) {
                case "--count" -> count = Integer.parseInt(value);
                case "--rounds" -> rounds = Integer.parseInt(value);
                case "--start-rounds" -> startRounds = Integer.parseInt(value);
                case "--dmn-count" -> dmnCount = Integer.parseInt(value);
                default -> throw new IllegalArgumentException("unknown argument " + args[i] + "; usage: PerformanceTable"
                        + " [--count N] [--rounds R] [--start-rounds R] [--dmn-count N]");
            }
            i++;
        }
        String before = System.getProperty("before");
        long started = System.nanoTime();
        String loadBefore = Machine.load();
        List<String> rows = new ArrayList<>();

        EndToEndRatios.Plan books = EndToEndRatios.prepare(EndToEndRatios.schemes(), count, before);
        try {
            EndToEndRatios.measure(books, rounds);
            for (Measured after : books.after()) {
                Measured floor = books.floorOf.get(after);
                rows.add(row(String.format("%s, %,d forms (%,d MB), whole process", after.what()
                                .replace(after.group() + ": ", after.group() + " "), count,
                                books.sizes.get(after.group()) / 1_000_000),
                        "`JacksonFloor` " + ms(floor.median()), books.beforeOf.get(after), after, floor,
                        EndToEndRatios.target(after)));
            }
        } finally {
            books.delete();
        }
        String loadMiddle = Machine.load();

        StartRatios.Plan start = StartRatios.prepare(StartRatios.jdks(), null, before);
        try {
            StartRatios.measure(start, startRounds);
            for (Measured m : start.all) {
                Measured base = start.baseline.get(m);
                if (base == null || start.beforeOf.containsValue(m)) {
                    continue;
                }
                boolean launcher = m.command().get(0).endsWith("aftersales");
                boolean first = start.once.contains(m);
                rows.add(row(m.group() + " " + m.what(), "`java -version` " + ms(base.median()), start.beforeOf.get(m),
                        m, base, first ? 0 : launcher ? 6 : 12));
            }
        } finally {
            start.delete();
        }
        String loadAfterStart = Machine.load();

        Ratios.DmnFigures dmn = Ratios.dmnFigures(dmnCount);
        String dmnWhat = "KIE DMN engine %s / the platform, per assessment, CPU time in one JVM, %,d GB/T 27922 forms"
                + " in turns, median of %d rounds (range)";
        rows.add(String.format("| " + dmnWhat + " | platform %s | — | %s: **%s** | ≥ 10: %s | — | n/a (one JVM) |",
                "(FEEL model)", dmnCount, dmn.rounds(), dmn.platform().micros(), micros(dmn.inline().median()),
                dmn.inlineRatio().ratio(), dmn.inlineRatio().median() >= 10 ? "met" : "not met"));
        rows.add(String.format("| " + dmnWhat + " | platform %s | — | %s: **%s** | ≥ 10: %s | — | n/a (one JVM) |",
                "(decision table)", dmnCount, dmn.rounds(), dmn.platform().micros(), micros(dmn.table().median()),
                dmn.tableRatio().ratio(), dmn.tableRatio().median() >= 10 ? "met" : "not met"));

        System.out.printf("%s, commit %s (jar %s)%s; %s %s; %d cores, %s, %s; load average before %s, after the whole"
                + " commands %s, after the start %s, at the end %s; %.0f s.%n%n", LocalDate.now(), Machine.commit(),
                System.getProperty("aftersales.jar", "app/target/aftersales.jar"),
                before == null ? "" : ", before: " + before, System.getProperty("java.vm.name"),
                System.getProperty("java.version"), Runtime.getRuntime().availableProcessors(), Machine.cpu(),
                Machine.memory(), loadBefore, loadMiddle, loadAfterStart, Machine.load(),
                (System.nanoTime() - started) / 1e9);
        System.out.println("| what | baseline (same run) | before: time, ratio | after: time, ratio | target |"
                + " CPU ratio: before → after | peak RSS: before → after (baseline) |");
        System.out.println("|---|---|---|---|---|---|---|");
        rows.forEach(System.out::println);
    }

    /** A row of the table; {@code target} 0 for none. */
    private static String row(String what, String baseline, Measured before, Measured after, Measured base,
            double target) {
        double ratio = (double) after.median() / base.median();
        String targetText = target == 0 ? "none" : String.format("≤ %.0f: %s", target,
                ratio <= target ? "met" : "not met");
        return String.format("| %s | %s | %s | %s: **%s** | %s | %s → %s | %s → %s (%s) |", what, baseline,
                before == null ? "—" : ms(before.median()) + ": **" + ratio(before, base) + "**", ms(after.median()),
                ratio(after, base), targetText, before == null ? "—" : cpuRatio(before, base), cpuRatio(after, base),
                before == null ? "—" : Measured.mib(before.maxRss()), Measured.mib(after.maxRss()),
                Measured.mib(base.maxRss()));
    }

    private static String ratio(Measured m, Measured base) {
        double r = (double) m.median() / base.median();
        return r >= 10 ? String.format("%.1f", r) : String.format("%.2f", r);
    }

    private static String cpuRatio(Measured m, Measured base) {
        return m.cpu() < 0 || base.cpu() <= 0 ? "n/a" : String.format("%.2f", (double) m.cpu() / base.cpu());
    }

    private static String ms(long nanos) {
        return String.format("%,d ms", nanos / 1_000_000);
    }

    private static String micros(double micros) {
        return String.format("%,.1f µs", micros);
    }
}

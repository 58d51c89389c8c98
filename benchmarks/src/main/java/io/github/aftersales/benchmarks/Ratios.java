package io.github.aftersales.benchmarks;

import io.github.aftersales.batch.Generator;
import io.github.aftersales.core.assessment.AssessmentReader;
import io.github.aftersales.core.evaluation.EvaluationOptions;
import io.github.aftersales.core.evaluation.Evaluator;
import io.github.aftersales.core.json.LocatedReader;
import io.github.aftersales.spi.Scheme;
import java.io.ByteArrayInputStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * Runs the benchmarks in one run and prints each as a ratio to its baseline measured in that same
 * run; then streams 1,000,000 generated assessments through reading and evaluation and shows the
 * heap after 10,000 and after 1,000,000. {@code java -jar benchmarks/target/benchmarks.jar [heap]}.
 */
public final class Ratios {

    private Ratios() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length > 0 && args[0].equals("records")) {
            records();
            return;
        }
        if (args.length > 0 && args[0].equals("dmn")) {
            dmn();
            return;
        }
        if (args.length > 0 && args[0].equals("dmn-interleaved")) {
            dmnInterleaved(args.length > 1 ? Integer.parseInt(args[1]) : 10_000);
            return;
        }
        if (args.length > 0 && args[0].equals("records-interleaved")) {
            recordsInterleaved();
            return;
        }
        if (args.length == 0 || !args[0].equals("heap")) {
            Collection<RunResult> results = new Runner(new OptionsBuilder()
                    .include(BatchBenchmark.class.getSimpleName())
                    .include(ColdStartBenchmark.class.getSimpleName())
                    .include(ExpressionBenchmark.class.getSimpleName())
                    .include(ExpressionStartBenchmark.class.getSimpleName())
                    .build()).run();
            Map<String, Double> score = new TreeMap<>();
            for (RunResult r : results) {
                String name = r.getParams().getBenchmark();
                score.put(name.substring(name.lastIndexOf('.') + 1), r.getPrimaryResult().getScore());
            }
            System.out.println();
            System.out.printf("batch: parse and evaluate %,.0f ms / parse only %,.0f ms = %.2f (target <= 1.5)%n",
                    score.get("parseAndEvaluate"), score.get("parseOnly"),
                    score.get("parseAndEvaluate") / score.get("parseOnly"));
            System.out.printf("expressions: grade on a derived rate %,.2f µs / on the rate stated as a fact %,.2f µs = %.2f"
                    + " (no target; what a scheme's expression costs)%n", score.get("derivedFigure"),
                    score.get("builtinCondition"), score.get("derivedFigure") / score.get("builtinCondition"));
            System.out.printf("expressions: grade on an expression condition %,.2f µs / on the rate stated as a fact %,.2f µs"
                    + " = %.2f (no target)%n", score.get("expressionCondition"), score.get("builtinCondition"),
                    score.get("expressionCondition") / score.get("builtinCondition"));
            System.out.printf("expressions alone: CEL %,.3f µs / ours %,.3f µs = %.2f; first expression in a fresh JVM:"
                    + " CEL %,.0f ms / ours %,.0f ms = %.1f%n", score.get("expressionAloneCel"),
                    score.get("expressionAloneOurs"), score.get("expressionAloneCel") / score.get("expressionAloneOurs"),
                    score.get("firstExpressionCel"), score.get("firstExpressionOurs"),
                    score.get("firstExpressionCel") / score.get("firstExpressionOurs"));
            System.out.printf("cold start: CLI --version %,.0f ms / java -version %,.0f ms = %.1f (target <= 3)%n",
                    score.get("cliVersion"), score.get("bareJvmVersion"),
                    score.get("cliVersion") / score.get("bareJvmVersion"));
            System.out.printf("cold start: CLI evaluate %s %,.0f ms / java -version = %.1f (no target; what an auditor waits for)%n",
                    ColdStartBenchmark.EXAMPLE, score.get("cliEvaluateExample"),
                    score.get("cliEvaluateExample") / score.get("bareJvmVersion"));
        }
        heap();
    }

    /**
     * Grading 100,000 generated GB/T 27922 forms: Apache KIE's DMN engine running the form's grading as a DMN model
     * (both encodings) against the platform, per assessment, in one run; with the allocation of each (JMH's gc
     * profiler).
     */
    static void dmn() throws Exception {
        Map<String, Double> score = new TreeMap<>();
        Map<String, Double> alloc = new TreeMap<>();
        for (RunResult r : new Runner(new OptionsBuilder().include(DmnBenchmark.class.getSimpleName())
                .addProfiler(org.openjdk.jmh.profile.GCProfiler.class).build()).run()) {
            String name = r.getParams().getBenchmark();
            name = name.substring(name.lastIndexOf('.') + 1);
            score.put(name, r.getPrimaryResult().getScore());
            var a = r.getSecondaryResults().get("gc.alloc.rate.norm");
            alloc.put(name, a == null ? Double.NaN : a.getScore());
        }
        double n = DmnBenchmark.COUNT;
        System.out.println();
        for (String name : List.of("platform", "platformExplained", "dmnInline", "dmnTable")) {
            System.out.printf("dmn: %-17s %,8.2f µs and %,7.1f KiB allocated per assessment%n", name,
                    score.get(name) * 1000 / n, alloc.get(name) / n / 1024);
        }
        for (String dmn : List.of("dmnInline", "dmnTable")) {
            System.out.printf("dmn: %s / platform = %.1f per assessment, / platform with its reasons = %.1f"
                    + " (target >= 10); allocation %.1f × the platform's%n", dmn, score.get(dmn) / score.get("platform"),
                    score.get(dmn) / score.get("platformExplained"), alloc.get(dmn) / alloc.get("platform"));
        }
    }

    /** Prints {@link #dmnFigures}: the medians per assessment and of the rounds' ratios. */
    static void dmnInterleaved(int count) {
        DmnFigures f = dmnFigures(count);
        System.out.printf("dmn, %,d forms, %d rounds in turns, CPU time of this process, medians (least to most):%n",
                count, f.rounds());
        System.out.printf("  platform %s, DMN inline %s, DMN table %s an assessment%n", f.platform().micros(),
                f.inline().micros(), f.table().micros());
        System.out.printf("  the rounds' ratios: DMN inline / platform %s, DMN table / platform %s, target >= 10%n",
                f.inlineRatio().ratio(), f.tableRatio().ratio());
    }

    /** A median of rounds with the least and the most. */
    record Spread(double median, double least, double most) {
        static Spread of(double[] rounds) {
            double[] s = rounds.clone();
            java.util.Arrays.sort(s);
            return new Spread(s[s.length / 2], s[0], s[s.length - 1]);
        }

        String micros() {
            return String.format("%,.1f µs (%,.1f to %,.1f)", median, least, most);
        }

        String ratio() {
            return String.format("%.1f (%.1f to %.1f)", median, least, most);
        }
    }

    /** What {@link #dmnFigures} measured: CPU µs an assessment, and the rounds' ratios to the platform. */
    record DmnFigures(int count, int rounds, Spread platform, Spread inline, Spread table, Spread inlineRatio,
            Spread tableRatio) {
    }

    /**
     * {@link #dmn}'s three gradings of the same forms (the first {@code count} of the benchmark's) taken in turns
     * in this JVM, one round to warm up, then 5, each timed in this process's CPU time (its compiler's and
     * collector's threads among it), which other processes on a shared machine do not move.
     */
    static DmnFigures dmnFigures(int count) {
        com.sun.management.OperatingSystemMXBean os = (com.sun.management.OperatingSystemMXBean)
                ManagementFactory.getOperatingSystemMXBean();
        List<io.github.aftersales.core.assessment.Assessment> forms = DmnBenchmark.forms(count, 1);
        List<DmnGrading.Input> inputs = forms.stream().map(a -> DmnGrading.input(a.parts().get(0))).toList();
        Evaluator evaluator = new Evaluator(Book.REGISTRY::find, Book.REGISTRY.ids());
        DmnGrading table = new DmnGrading(DmnGrading.Model.TABLE);
        DmnGrading inline = new DmnGrading(DmnGrading.Model.INLINE);
        int rounds = 5;
        double[][] m = new double[5][rounds]; // CPU µs an assessment: platform, inline, table; ratios inline, table
        long stars = 0;
        for (int i = -1; i < rounds; i++) {
            long c0 = os.getProcessCpuTime();
            for (io.github.aftersales.core.assessment.Assessment a : forms) {
                stars += evaluator.evaluate(a, EvaluationOptions.DEFAULTS).results().get(0).stars();
            }
            long c1 = os.getProcessCpuTime();
            for (DmnGrading.Input in : inputs) {
                stars += inline.grade(in).stars();
            }
            long c2 = os.getProcessCpuTime();
            for (DmnGrading.Input in : inputs) {
                stars += table.grade(in).stars();
            }
            long c3 = os.getProcessCpuTime();
            if (i >= 0) {
                m[0][i] = (c1 - c0) / 1e3 / count;
                m[1][i] = (c2 - c1) / 1e3 / count;
                m[2][i] = (c3 - c2) / 1e3 / count;
                m[3][i] = m[1][i] / m[0][i];
                m[4][i] = m[2][i] / m[0][i];
            }
        }
        if (stars < 0) {
            throw new IllegalStateException(); // keeps the gradings from being optimised away
        }
        return new DmnFigures(count, rounds, Spread.of(m[0]), Spread.of(m[1]), Spread.of(m[2]), Spread.of(m[3]),
                Spread.of(m[4]));
    }

    /** {@code records summary} on 1,000,000 records against a plain CSV parse of the same file, in one run. */
    static void records() throws Exception {
        Map<String, Double> score = new TreeMap<>();
        for (RunResult r : new Runner(new OptionsBuilder().include(RecordsBenchmark.class.getSimpleName()).build()).run()) {
            String name = r.getParams().getBenchmark();
            score.put(name.substring(name.lastIndexOf('.') + 1), r.getPrimaryResult().getScore());
        }
        System.out.println();
        System.out.printf("records: summary of %,d records %,.0f ms / plain CSV parse %,.0f ms = %.2f (target <= 2), heap -Xmx64m%n",
                RecordsBenchmark.RECORDS, score.get("summary"), score.get("plainParse"),
                score.get("summary") / score.get("plainParse"));
    }

    /**
     * The same two measurements taken in turns in this JVM (run it with {@code -Xmx64m}): 3 pairs to warm
     * up, then 11. Each pair's ratio is taken while the machine's load is the same for both, in wall-clock
     * time and in the CPU time of this process (its threads, the collector's and the compiler's among
     * them), which other processes on a shared machine do not move; prints the medians.
     */
    static void recordsInterleaved() throws Exception {
        java.nio.file.Path file = java.nio.file.Files.createTempFile("records-benchmark", ".csv");
        com.sun.management.OperatingSystemMXBean os = (com.sun.management.OperatingSystemMXBean)
                ManagementFactory.getOperatingSystemMXBean();
        try {
            ServiceRecordsGenerator.write(RecordsBenchmark.RECORDS, 2026, file);
            long sink = 0;
            int pairs = 11;
            double[][] m = new double[6][pairs]; // wall plain, wall summary, wall ratio, cpu plain, cpu summary, cpu ratio
            for (int i = -3; i < pairs; i++) {
                long t0 = System.nanoTime();
                long c0 = os.getProcessCpuTime();
                sink += RecordsBenchmark.plainParse(file);
                long t1 = System.nanoTime();
                long c1 = os.getProcessCpuTime();
                sink += RecordsBenchmark.summary(file);
                long t2 = System.nanoTime();
                long c2 = os.getProcessCpuTime();
                if (i >= 0) {
                    m[0][i] = (t1 - t0) / 1e6;
                    m[1][i] = (t2 - t1) / 1e6;
                    m[2][i] = m[1][i] / m[0][i];
                    m[3][i] = (c1 - c0) / 1e6;
                    m[4][i] = (c2 - c1) / 1e6;
                    m[5][i] = m[4][i] / m[3][i];
                }
            }
            for (double[] row : m) {
                java.util.Arrays.sort(row);
            }
            int mid = pairs / 2;
            System.out.printf("records, %d pairs in turns, medians (least to most):%n", pairs);
            System.out.printf("  wall: summary %,.0f ms (%,.0f to %,.0f) / plain CSV parse %,.0f ms (%,.0f to %,.0f);"
                    + " the pairs' ratio %.2f (%.2f to %.2f)%n", m[1][mid], m[1][0], m[1][pairs - 1], m[0][mid], m[0][0],
                    m[0][pairs - 1], m[2][mid], m[2][0], m[2][pairs - 1]);
            System.out.printf("  CPU:  summary %,.0f ms (%,.0f to %,.0f) / plain CSV parse %,.0f ms (%,.0f to %,.0f);"
                    + " the pairs' ratio %.2f (%.2f to %.2f), target <= 2 (%d)%n", m[4][mid], m[4][0], m[4][pairs - 1],
                    m[3][mid], m[3][0], m[3][pairs - 1], m[5][mid], m[5][0], m[5][pairs - 1], sink % 10);
        } finally {
            java.nio.file.Files.deleteIfExists(file);
        }
    }

    /** Heap in use after a full GC, after 10,000 and after 1,000,000 assessments read and evaluated one at a time. */
    static void heap() throws Exception {
        Evaluator evaluator = new Evaluator(Book.REGISTRY::find, Book.REGISTRY.ids());
        Scheme combined = Book.REGISTRY.find("zg025-combined").orElseThrow();
        Generator generator = new Generator(combined, combined.defaultVariant(), Book.REGISTRY::find, 7);
        long stars = 0;
        long[] marks = {10_000, 1_000_000};
        int next = 0;
        for (long i = 1; i <= marks[marks.length - 1]; i++) {
            byte[] line = generator.next().toString().getBytes(StandardCharsets.UTF_8);
            stars += evaluator.evaluate(AssessmentReader.read(new ByteArrayInputStream(line), "heap",
                    LocatedReader.Syntax.JSON), EvaluationOptions.DEFAULTS).results().get(2).stars();
            if (i == marks[next]) {
                System.out.printf("heap after %,9d assessments (GB/T form + ZG025 + combined): %,d KiB in use%n", i,
                        usedAfterGc() >> 10);
                next++;
            }
        }
        System.out.println("(stars given in all: " + stars + ")");
    }

    private static long usedAfterGc() throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(200);
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }
}

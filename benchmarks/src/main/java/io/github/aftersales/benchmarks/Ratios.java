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

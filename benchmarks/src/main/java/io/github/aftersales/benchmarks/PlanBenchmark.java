package io.github.aftersales.benchmarks;

import io.github.aftersales.batch.Generator;
import io.github.aftersales.core.assessment.AssessmentReader;
import io.github.aftersales.core.evaluation.EvaluationOptions;
import io.github.aftersales.core.evaluation.EvaluationResult;
import io.github.aftersales.core.evaluation.Evaluator;
import io.github.aftersales.core.evaluation.SchemeResult;
import io.github.aftersales.core.json.LocatedReader;
import io.github.aftersales.core.plan.Effort;
import io.github.aftersales.core.plan.Planner;
import io.github.aftersales.core.plan.SchemePlan;
import io.github.aftersales.spi.Scheme;
import io.github.aftersales.spi.Variant;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The path to each higher level ({@code evaluate --plan}) of the combined ZG025 form (GB/T 27922 form +
 * ZG025 items + the combined grade): the bundled example, and 256 generated forms in turn (the generator's
 * spread of lost points, from none to most). The results are graded once, in set-up: what is measured is
 * the plan alone. Target: under 50 ms an assessment (issue 21). {@code main} plans each generated form
 * once a round and prints the mean, the slowest and how many levels' plans were not proven the smallest:
 * {@code java -cp benchmarks/target/benchmarks.jar io.github.aftersales.benchmarks.PlanBenchmark}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class PlanBenchmark {

    Function<SchemeResult, Optional<Variant>> variants;
    EvaluationResult example;
    List<EvaluationResult> generated;
    int next;

    @Setup
    public void setUp() throws IOException {
        Evaluator evaluator = new Evaluator(Book.REGISTRY::find, Book.REGISTRY.ids());
        variants = s -> Book.REGISTRY.find(s.scheme()).flatMap(x -> x.variant(s.variant()));
        // run from the project's folder, as docs/performance.md says
        example = evaluator.evaluate(AssessmentReader.read(Path.of("examples/zg025-combined.json")),
                EvaluationOptions.DEFAULTS);
        Scheme combined = Book.REGISTRY.find("zg025-combined").orElseThrow();
        Generator g = new Generator(combined, combined.defaultVariant(), Book.REGISTRY::find, 21);
        generated = new ArrayList<>();
        for (int i = 0; i < 256; i++) {
            byte[] json = g.next().toString().getBytes(StandardCharsets.UTF_8);
            generated.add(evaluator.evaluate(AssessmentReader.read(new ByteArrayInputStream(json), "generated-" + i,
                    LocatedReader.Syntax.JSON), EvaluationOptions.DEFAULTS));
        }
    }

    @Benchmark
    public List<SchemePlan> bundledExample() {
        return Planner.plan(example, variants, Effort.NONE);
    }

    @Benchmark
    public List<SchemePlan> generatedForms() {
        EvaluationResult r = generated.get(next++ & 255);
        return Planner.plan(r, variants, Effort.NONE);
    }

    /** The slowest of the generated forms, planned once each after a warm-up: the worst case, not an average. */
    public static void main(String[] args) throws IOException {
        PlanBenchmark b = new PlanBenchmark();
        b.setUp();
        for (int round = 0; round < 3; round++) {
            long worst = 0;
            long all = 0;
            int unproven = 0;
            for (EvaluationResult r : b.generated) {
                long t = System.nanoTime();
                List<SchemePlan> plans = Planner.plan(r, b.variants, Effort.NONE);
                long took = System.nanoTime() - t;
                unproven += (int) plans.stream().flatMap(p -> p.levels().stream()).filter(l -> !l.proven()).count();
                worst = Math.max(worst, took);
                all += took;
            }
            System.out.printf("round %d: mean %.1f µs, slowest %.1f µs of %d forms; %d levels not proven%n", round,
                    all / 1e3 / b.generated.size(), worst / 1e3, b.generated.size(), unproven);
        }
    }
}

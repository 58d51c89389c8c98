package io.github.aftersales.benchmarks;

import io.github.aftersales.core.assessment.Assessment;
import io.github.aftersales.core.assessment.AssessmentReader;
import io.github.aftersales.core.evaluation.EvaluationOptions;
import io.github.aftersales.core.evaluation.Evaluator;
import io.github.aftersales.core.json.LocatedReader;
import io.github.aftersales.core.registry.SchemeRegistry;
import io.github.aftersales.spi.ResourceScheme;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;
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
 * One assessment graded on a level that needs a complaint resolution rate ≥ 97 %: stated as a fact
 * (a built-in condition, the baseline) and derived from two stated counts by an expression
 * (catalog format 0.2). Same catalog, same findings; the ratio is what an expression costs.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class ExpressionBenchmark {

    /** A rate stated as a fact. */
    public static final class Builtin extends ResourceScheme {
        public Builtin() {
            super("schemes/bench-builtin");
        }
    }

    /** The same rate derived from two counts. */
    public static final class Derived extends ResourceScheme {
        public Derived() {
            super("schemes/bench-derived");
        }
    }

    private static final String FINDINGS = "[{\"id\": \"A.1\", \"result\": \"conform\"}, {\"id\": \"A.2\", \"result\":"
            + " \"conform\"}, {\"id\": \"A.3\", \"result\": \"conform\", \"score\": 0.25}, {\"id\": \"A.4\", \"result\":"
            + " \"conform\"}, {\"id\": \"B\", \"score\": 3}]";
    private static final String FACTS = "{\"complaintsReceived\": 33, \"complaintsResolved\": 32, \"rate\": 96.96}";

    Evaluator evaluator;
    Assessment builtin;
    Assessment derived;

    @Setup
    public void setUp() {
        SchemeRegistry registry = SchemeRegistry.of(List.of(new Builtin(), new Derived()));
        evaluator = new Evaluator(registry::find, registry.ids());
        builtin = read("bench-builtin");
        derived = read("bench-derived");
    }

    static Assessment read(String scheme) {
        String text = "{\"organisation\": \"基准\", \"schemes\": [{\"scheme\": \"" + scheme + "\", \"findings\": " + FINDINGS
                + ", \"facts\": " + FACTS + "}]}";
        try {
            return AssessmentReader.read(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), scheme + ".json",
                    LocatedReader.Syntax.JSON);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Benchmark
    public Object builtinCondition() {
        return evaluator.evaluate(builtin, EvaluationOptions.DEFAULTS).results().get(0).gradeId();
    }

    @Benchmark
    public Object derivedFigure() {
        return evaluator.evaluate(derived, EvaluationOptions.DEFAULTS).results().get(0).gradeId();
    }
}

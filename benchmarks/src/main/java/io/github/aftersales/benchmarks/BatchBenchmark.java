package io.github.aftersales.benchmarks;

import io.github.aftersales.batch.BatchReader;
import io.github.aftersales.core.assessment.Assessment;
import io.github.aftersales.core.evaluation.EvaluationOptions;
import io.github.aftersales.core.evaluation.Evaluator;
import java.io.ByteArrayInputStream;
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
import org.openjdk.jmh.infra.Blackhole;

/**
 * 100,000 generated assessments of every scheme (a quarter each of gbt27922, zg025, cqm and
 * zg025-combined, whose lines hold both parts): parsed into the input objects only (the baseline),
 * and parsed and evaluated. One thread each, so the ratio is the cost of evaluating.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2)
@Measurement(iterations = 5)
@Fork(value = 1, jvmArgs = {"-Xmx2g"})
public class BatchBenchmark {

    static final int COUNT = 100_000;

    byte[] book;
    Evaluator evaluator;

    @Setup
    public void setUp() {
        book = Book.ndjson(COUNT, 1);
        evaluator = new Evaluator(Book.REGISTRY::find, Book.REGISTRY.ids());
    }

    @Benchmark
    public void parseOnly(Blackhole bh) {
        BatchReader.read(List.of("-"), new ByteArrayInputStream(book), entry -> {
            Assessment a = entry.assessment();
            bh.consume(a);
        });
    }

    @Benchmark
    public void parseAndEvaluate(Blackhole bh) {
        BatchReader.read(List.of("-"), new ByteArrayInputStream(book), entry ->
                bh.consume(evaluator.evaluate(entry.assessment(), EvaluationOptions.DEFAULTS)));
    }
}

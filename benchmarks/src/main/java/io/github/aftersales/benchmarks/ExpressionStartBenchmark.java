package io.github.aftersales.benchmarks;

import io.github.aftersales.core.evaluation.ConditionExpressions;
import java.math.BigDecimal;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What an expression language costs a scheme's loading: the first expression checked and worked out
 * in a fresh JVM (class loading, the language's set-up, parsing, checking), once per fork. This
 * platform's (EvalEx's parser, our type check and evaluation) against CEL's (compiler and runtime
 * built, the expression compiled into a program, evaluated). A CLI run loads its schemes once, so this
 * is paid by every command that grades.
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 0)
@Measurement(iterations = 1)
@Fork(10)
public class ExpressionStartBenchmark {

    @Benchmark
    public Object firstExpressionOurs() throws Exception {
        return ConditionExpressions.checked(ExpressionBenchmark.OURS, Map.of(
                "complaintsReceived", ConditionExpressions.Type.NUMBER,
                "complaintsResolved", ConditionExpressions.Type.NUMBER))
                .evaluate(Map.of("complaintsReceived", new BigDecimal(33), "complaintsResolved", new BigDecimal(32)));
    }

    @Benchmark
    public Object firstExpressionCel() throws Exception {
        return ExpressionBenchmark.celProgram().eval(Map.of("complaintsReceived", 33L, "complaintsResolved", 32L));
    }
}

package io.github.aftersales.benchmarks;

import io.github.aftersales.core.assessment.Assessment;
import io.github.aftersales.core.assessment.AssessmentReader;
import io.github.aftersales.core.evaluation.ConditionExpressions;
import io.github.aftersales.core.evaluation.EvaluationOptions;
import io.github.aftersales.core.evaluation.Evaluator;
import io.github.aftersales.core.json.LocatedReader;
import io.github.aftersales.core.registry.SchemeRegistry;
import io.github.aftersales.spi.ResourceScheme;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
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
 * (a built-in condition, the baseline), derived from two stated counts by an expression and compared
 * as a figure, and the same derived rate compared in an expression condition ({@code resolutionRate
 * >= 97}); catalog format 0.2. Same catalog, same findings; the ratios are what expressions cost.
 *
 * <p>Then the expression alone, without an assessment around it ({@code resolved * 100 / received >=
 * 97} on 32 of 33): this platform's expressions against CEL's ({@code dev.cel:cel}, which is on the
 * benchmarks' class path only, to be measured), each compiled once and evaluated many times.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 6, time = 2)
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

    /** The derived rate compared in an expression condition. */
    public static final class InExpression extends ResourceScheme {
        public InExpression() {
            super("schemes/bench-expression");
        }
    }

    /** The expression both languages evaluate alone; CEL's says its conversions (its numbers are int64 and double). */
    static final String OURS = "complaintsResolved * 100 / complaintsReceived >= 97";
    static final String CEL = "double(complaintsResolved) * 100.0 / double(complaintsReceived) >= 97.0";

    private static final String FINDINGS = "[{\"id\": \"A.1\", \"result\": \"conform\"}, {\"id\": \"A.2\", \"result\":"
            + " \"conform\"}, {\"id\": \"A.3\", \"result\": \"conform\", \"score\": 0.25}, {\"id\": \"A.4\", \"result\":"
            + " \"conform\"}, {\"id\": \"B\", \"score\": 3}]";
    private static final String FACTS = "{\"complaintsReceived\": 33, \"complaintsResolved\": 32, \"rate\": 96.96}";

    Evaluator evaluator;
    Assessment builtin;
    Assessment derived;
    Assessment expression;
    ConditionExpressions.Checked ours;
    Map<String, Object> oursFacts;
    dev.cel.runtime.CelRuntime.Program cel;
    Map<String, Object> celFacts;

    @Setup
    public void setUp() throws Exception {
        SchemeRegistry registry = SchemeRegistry.of(List.of(new Builtin(), new Derived(), new InExpression()));
        evaluator = new Evaluator(registry::find, registry.ids());
        builtin = read("bench-builtin");
        derived = read("bench-derived");
        expression = read("bench-expression");
        ours = ConditionExpressions.checked(OURS, Map.of("complaintsReceived", ConditionExpressions.Type.NUMBER,
                "complaintsResolved", ConditionExpressions.Type.NUMBER));
        oursFacts = Map.of("complaintsReceived", new BigDecimal(33), "complaintsResolved", new BigDecimal(32));
        cel = celProgram();
        celFacts = Map.of("complaintsReceived", 33L, "complaintsResolved", 32L);
        if (!Boolean.FALSE.equals(ours.evaluate(oursFacts)) || !Boolean.FALSE.equals(cel.eval(celFacts))) {
            throw new IllegalStateException("32 of 33 is below 97 % in both languages");
        }
    }

    /** CEL's compiler and runtime, the two counts declared as int64, the result as bool. */
    static dev.cel.runtime.CelRuntime.Program celProgram() throws Exception {
        dev.cel.compiler.CelCompiler compiler = dev.cel.compiler.CelCompilerFactory.standardCelCompilerBuilder()
                .addVar("complaintsReceived", dev.cel.common.types.SimpleType.INT)
                .addVar("complaintsResolved", dev.cel.common.types.SimpleType.INT)
                .setResultType(dev.cel.common.types.SimpleType.BOOL)
                .build();
        dev.cel.common.CelAbstractSyntaxTree ast = compiler.compile(CEL).getAst();
        return dev.cel.runtime.CelRuntimeFactory.standardCelRuntimeBuilder().build().createProgram(ast);
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

    @Benchmark
    public Object expressionCondition() {
        return evaluator.evaluate(expression, EvaluationOptions.DEFAULTS).results().get(0).gradeId();
    }

    @Benchmark
    public Object expressionAloneOurs() throws Exception {
        return ours.evaluate(oursFacts);
    }

    @Benchmark
    public Object expressionAloneCel() throws Exception {
        return cel.eval(celFacts);
    }
}

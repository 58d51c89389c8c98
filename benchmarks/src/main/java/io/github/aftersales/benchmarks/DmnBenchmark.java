package io.github.aftersales.benchmarks;

import io.github.aftersales.batch.Generator;
import io.github.aftersales.core.assessment.Assessment;
import io.github.aftersales.core.assessment.AssessmentReader;
import io.github.aftersales.core.evaluation.EvaluationOptions;
import io.github.aftersales.core.evaluation.Evaluator;
import io.github.aftersales.core.evaluation.SchemeResult;
import io.github.aftersales.core.json.LocatedReader;
import io.github.aftersales.spi.Scheme;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
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
import org.openjdk.jmh.annotations.Timeout;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Grading 100,000 generated GB/T 27922 self-assessment forms in process, one thread: the platform's engine
 * against Apache KIE's DMN engine running the same grading as a DMN model ({@link DmnGrading}). Both inputs are
 * made before the timer starts (the forms read into the platform's {@link Assessment}s, and from them the DMN
 * model's input: a list of maps, one a clause), so only grading is timed:
 *
 * <ul>
 * <li>{@code platform}: {@link Evaluator#evaluate} of each assessment (resolving its scheme and variant, checking
 * every finding, the exact sums, every level's conditions), reading each result's grade and total; the sentences
 * that explain it are written only when read, and are not read;</li>
 * <li>{@code platformExplained}: the same, and each result's reasons read (what each higher level needs, with the
 * points; what was excluded), so the platform does what the DMN engine cannot: say why;</li>
 * <li>{@code dmnTable}: for each form a new DMN context, its two inputs set, every decision of the model evaluated
 * ({@code evaluateAll}), its grade and total read; the model {@code dmn/gbt27922-form.dmn}, each clause scored by a
 * decision table;</li>
 * <li>{@code dmnInline}: the same with {@code dmn/gbt27922-form-inline.dmn}, that table's rows written as one FEEL
 * expression, the fastest encoding found for this engine.</li>
 * </ul>
 *
 * <p>One shot is 100,000 gradings, so one warm-up shot is enough for the compiler; three shots measured, as the
 * DMN table's take minutes. {@code java -jar benchmarks/target/benchmarks.jar dmn} prints the ratios
 * ({@link Ratios}).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 1)
@Measurement(iterations = 3)
@Fork(value = 1, jvmArgs = {"-Xmx3g"})
@Timeout(time = 30, timeUnit = TimeUnit.MINUTES) // a shot of the DMN table took 10 minutes on a loaded machine
public class DmnBenchmark {

    static final int COUNT = 100_000;

    List<Assessment> forms;
    List<DmnGrading.Input> inputs;
    Evaluator evaluator;
    DmnGrading table;
    DmnGrading inline;

    @Setup
    public void setUp() {
        forms = forms(COUNT, 1);
        inputs = forms.stream().map(a -> DmnGrading.input(a.parts().get(0))).toList();
        evaluator = new Evaluator(Book.REGISTRY::find, Book.REGISTRY.ids());
        table = new DmnGrading(DmnGrading.Model.TABLE);
        inline = new DmnGrading(DmnGrading.Model.INLINE);
    }

    /** Generated GB/T 27922 forms, each read as the command line reads a file. */
    static List<Assessment> forms(int count, long seed) {
        Scheme gbt = Book.REGISTRY.find("gbt27922").orElseThrow();
        Generator generator = new Generator(gbt, gbt.variant("form").orElseThrow(), Book.REGISTRY::find, seed);
        List<Assessment> forms = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            byte[] json = generator.next().toString().getBytes(StandardCharsets.UTF_8);
            try {
                forms.add(AssessmentReader.read(new ByteArrayInputStream(json), "generated " + (i + 1),
                        LocatedReader.Syntax.JSON));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return forms;
    }

    @Benchmark
    public void platform(Blackhole bh) {
        for (Assessment a : forms) {
            SchemeResult r = evaluator.evaluate(a, EvaluationOptions.DEFAULTS).results().get(0);
            bh.consume(r.gradeId());
            bh.consume(r.total());
        }
    }

    @Benchmark
    public void platformExplained(Blackhole bh) {
        for (Assessment a : forms) {
            SchemeResult r = evaluator.evaluate(a, EvaluationOptions.DEFAULTS).results().get(0);
            bh.consume(r.gradeId());
            bh.consume(r.total());
            for (String reason : r.reasons()) {
                bh.consume(reason);
            }
        }
    }

    @Benchmark
    public void dmnTable(Blackhole bh) {
        dmn(table, bh);
    }

    @Benchmark
    public void dmnInline(Blackhole bh) {
        dmn(inline, bh);
    }

    private void dmn(DmnGrading dmn, Blackhole bh) {
        for (DmnGrading.Input in : inputs) {
            DmnGrading.Grade g = dmn.grade(in);
            bh.consume(g.level());
            bh.consume(g.total());
        }
    }
}

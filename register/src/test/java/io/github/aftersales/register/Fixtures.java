package io.github.aftersales.register;

import io.github.aftersales.core.assessment.Assessment;
import io.github.aftersales.core.assessment.AssessmentReader;
import io.github.aftersales.core.evaluation.EvaluationOptions;
import io.github.aftersales.core.evaluation.EvaluationResult;
import io.github.aftersales.core.evaluation.Evaluator;
import io.github.aftersales.core.registry.SchemeRegistry;
import io.github.aftersales.spi.Variant;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Optional;

/** The real schemes and the bundled examples, evaluated as the CLI does. */
final class Fixtures {

    static final SchemeRegistry SCHEMES = SchemeRegistry.discover(Fixtures.class.getClassLoader());
    static final Evaluator EVALUATOR = new Evaluator(SCHEMES::find, SCHEMES.ids());

    private Fixtures() {
    }

    static Path example(String name) {
        Path here = Path.of("examples", name);
        return Files.exists(here) ? here : Path.of("..", "examples", name);
    }

    static EvaluatedAssessment evaluated(String example, String scheme) {
        return evaluated(example, scheme, null);
    }

    static EvaluatedAssessment evaluated(String example, String scheme, LocalDate date) {
        Path file = example(example);
        Assessment a = AssessmentReader.read(file);
        EvaluationResult r = EVALUATOR.evaluate(a, EvaluationOptions.DEFAULTS);
        try {
            return Evaluations.pick(file.getFileName().toString(), Files.readAllBytes(file), a, r, SCHEMES::find, scheme,
                    date, x -> "{\"grade\":\"" + x.grade() + "\"}");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** An example with its text edited (as an auditor would edit a copy), written into {@code dir} and evaluated. */
    static EvaluatedAssessment edited(String example, Path dir, java.util.function.UnaryOperator<String> edit) {
        try {
            String text = Files.readString(example(example));
            String changed = edit.apply(text);
            if (changed.equals(text)) {
                throw new IllegalArgumentException("the edit changed nothing in " + example);
            }
            Path file = Files.writeString(dir.resolve(example(example).getFileName()), changed);
            Assessment a = AssessmentReader.read(file);
            EvaluationResult r = EVALUATOR.evaluate(a, EvaluationOptions.DEFAULTS);
            return Evaluations.pick(file.getFileName().toString(), Files.readAllBytes(file), a, r, SCHEMES::find, null,
                    null, x -> "{\"grade\":\"" + x.grade() + "\"}");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Optional<Variant> variant(String scheme, String variant) {
        return SCHEMES.find(scheme).flatMap(s -> s.variant(variant));
    }

    static Variant variantOf(CertificateView c) {
        return variant(c.certificate().scheme(), c.certificate().variant()).orElseThrow();
    }
}

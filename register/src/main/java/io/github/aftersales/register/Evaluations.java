package io.github.aftersales.register;

import io.github.aftersales.core.assessment.Assessment;
import io.github.aftersales.core.assessment.SchemeAssessment;
import io.github.aftersales.core.evaluation.EvaluationResult;
import io.github.aftersales.core.evaluation.SchemeResult;
import io.github.aftersales.spi.Scheme;
import io.github.aftersales.spi.Variant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/** Picks the part of an evaluated file a certificate is about, and its date. */
public final class Evaluations {

    private Evaluations() {
    }

    /**
     * The part of an evaluated assessment file that a certificate entry is about.
     *
     * <p>The part: the one of {@code schemeId} when given; else the only part; else the only part
     * that combines others (a ZG025 combined assessment is for the combined grade). The date: the
     * variant's evaluation date fact when it declares one (CQM: the on-site date), which
     * {@code date} must then agree with; else {@code date}; else the file's own {@code date}.
     *
     * @param fileName   the file's name, for the history and messages
     * @param fileBytes  the file exactly as read
     * @param assessment the file read
     * @param result     its evaluation
     * @param schemes    the installed schemes by id
     * @param schemeId   the scheme asked for, or {@code null}
     * @param date       the date given by the user, or {@code null}
     * @param json       renders a part's result as JSON
     * @throws RegisterException when no part or several fit, or no date can be found
     */
    public static EvaluatedAssessment pick(String fileName, byte[] fileBytes, Assessment assessment,
            EvaluationResult result, Function<String, Optional<Scheme>> schemes, String schemeId, LocalDate date,
            Function<SchemeResult, String> json) {
        List<Integer> candidates = new ArrayList<>();
        List<String> all = new ArrayList<>();
        for (int i = 0; i < result.results().size(); i++) {
            SchemeResult r = result.results().get(i);
            all.add(r.scheme());
            if (schemeId != null ? schemeId.equals(r.scheme()) : result.results().size() == 1) {
                candidates.add(i);
            }
        }
        if (schemeId == null && candidates.isEmpty()) {
            for (int i = 0; i < result.results().size(); i++) {
                if (variant(result.results().get(i), schemes).combining()) {
                    candidates.add(i);
                }
            }
        }
        if (candidates.size() != 1) {
            throw new RegisterException(RegisterException.Kind.INPUT, fileName + ": " + (schemeId != null
                    ? "has no part of scheme " + schemeId + "; its parts are " + String.join(", ", all)
                    : "has parts of " + String.join(", ", all) + "; say which the certificate is for with --scheme"));
        }
        int index = candidates.get(0);
        SchemeResult r = result.results().get(index);
        SchemeAssessment part = assessment.parts().get(index);
        Variant variant = variant(r, schemes);
        return new EvaluatedAssessment(fileName, fileBytes, variant, part, r, json.apply(r),
                date(fileName, assessment, part, variant, date));
    }

    private static LocalDate date(String fileName, Assessment assessment, SchemeAssessment part, Variant variant,
            LocalDate given) {
        String fact = variant.inputs().evaluationDate();
        if (fact != null && part.facts().get(fact) != null) {
            LocalDate stated = LocalDate.parse(String.valueOf(part.facts().get(fact)));
            if (given != null && !given.equals(stated)) {
                throw new RegisterException(RegisterException.Kind.INPUT, fileName + ": " + part.path() + ".facts."
                        + fact + " says " + stated + ", but --date says " + given + "; the evaluation date is the"
                        + " file's");
            }
            return stated;
        }
        if (given != null) {
            return given;
        }
        if (assessment.date() != null) {
            try {
                return LocalDate.parse(assessment.date().strip());
            } catch (DateTimeParseException e) {
                throw new RegisterException(RegisterException.Kind.INPUT, fileName + ": its date '" + assessment.date()
                        + "' is not a date like 2026-11-20; give the evaluation date with --date");
            }
        }
        throw new RegisterException(RegisterException.Kind.INPUT, fileName + ": states no date; give the evaluation"
                + " date with --date");
    }

    private static Variant variant(SchemeResult r, Function<String, Optional<Scheme>> schemes) {
        return schemes.apply(r.scheme()).flatMap(s -> s.variant(r.variant())).orElseThrow(
                () -> new IllegalStateException("evaluated with a scheme that is not installed: " + r.scheme()));
    }
}

package io.github.aftersales.register;

import static java.util.Objects.requireNonNull;

import io.github.aftersales.core.assessment.SchemeAssessment;
import io.github.aftersales.core.evaluation.SchemeResult;
import io.github.aftersales.spi.Variant;
import java.time.LocalDate;

/**
 * An assessment file evaluated for one scheme variant, as the register stores it: the file's bytes
 * as they were, and the result as JSON beside the objects the rules read.
 *
 * @param fileName   the file's name, for the history
 * @param fileBytes  the file exactly as read
 * @param variant    the variant the part was evaluated under
 * @param part       the file's part for that variant
 * @param result     the part's result
 * @param resultJson the result as the CLI's JSON report gives it
 * @param date       the evaluation date
 * @param provenanceJson the result's provenance as the JSON result writes it (docs/result.schema.json), or
 *                   {@code null}: stored with the entry and sealed in its chain
 */
public record EvaluatedAssessment(String fileName, byte[] fileBytes, Variant variant, SchemeAssessment part,
        SchemeResult result, String resultJson, LocalDate date, String provenanceJson) {

    /** An evaluation without its provenance. */
    public EvaluatedAssessment(String fileName, byte[] fileBytes, Variant variant, SchemeAssessment part,
            SchemeResult result, String resultJson, LocalDate date) {
        this(fileName, fileBytes, variant, part, result, resultJson, date, null);
    }

    /** The same evaluation with its result's provenance. */
    public EvaluatedAssessment withProvenance(String json) {
        return new EvaluatedAssessment(fileName, fileBytes, variant, part, result, resultJson, date, json);
    }

    public EvaluatedAssessment {
        requireNonNull(fileName, "fileName is null");
        requireNonNull(fileBytes, "fileBytes is null");
        requireNonNull(variant, "variant is null");
        requireNonNull(part, "part is null");
        requireNonNull(result, "result is null");
        requireNonNull(resultJson, "resultJson is null");
        requireNonNull(date, "date is null");
    }

    /** The same evaluation on another date (a file evaluated for a later surveillance, in tests and tools). */
    public EvaluatedAssessment withDate(LocalDate other) {
        return new EvaluatedAssessment(fileName, fileBytes, variant, part, result, resultJson, other, provenanceJson);
    }
}

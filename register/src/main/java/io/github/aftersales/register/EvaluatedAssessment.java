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
 * @param readings   the readings of the standards chosen for the run the file was evaluated in
 *                   ({@code --reading KEY=VALUE}), by key, as written: a surveillance or re-evaluation decides
 *                   with them as the grade was worked out with them, before the file's {@code options.readings}
 */
public record EvaluatedAssessment(String fileName, byte[] fileBytes, Variant variant, SchemeAssessment part,
        SchemeResult result, String resultJson, LocalDate date, String provenanceJson,
        java.util.Map<String, String> readings) {

    /** An evaluation without its provenance, with no reading chosen for the run. */
    public EvaluatedAssessment(String fileName, byte[] fileBytes, Variant variant, SchemeAssessment part,
            SchemeResult result, String resultJson, LocalDate date) {
        this(fileName, fileBytes, variant, part, result, resultJson, date, null, java.util.Map.of());
    }

    /** An evaluation with no reading chosen for the run. */
    public EvaluatedAssessment(String fileName, byte[] fileBytes, Variant variant, SchemeAssessment part,
            SchemeResult result, String resultJson, LocalDate date, String provenanceJson) {
        this(fileName, fileBytes, variant, part, result, resultJson, date, provenanceJson, java.util.Map.of());
    }

    /** The same evaluation with its result's provenance. */
    public EvaluatedAssessment withProvenance(String json) {
        return new EvaluatedAssessment(fileName, fileBytes, variant, part, result, resultJson, date, json, readings);
    }

    /**
     * The same evaluation, made in a run that chose these readings (the {@code EvaluationOptions} it was
     * evaluated with).
     */
    public EvaluatedAssessment withReadings(java.util.Map<String, String> run) {
        return new EvaluatedAssessment(fileName, fileBytes, variant, part, result, resultJson, date, provenanceJson,
                run);
    }

    public EvaluatedAssessment {
        requireNonNull(fileName, "fileName is null");
        requireNonNull(fileBytes, "fileBytes is null");
        requireNonNull(variant, "variant is null");
        requireNonNull(part, "part is null");
        requireNonNull(result, "result is null");
        requireNonNull(resultJson, "resultJson is null");
        requireNonNull(date, "date is null");
        readings = java.util.Map.copyOf(readings);
    }

    /** The same evaluation on another date (a file evaluated for a later surveillance, in tests and tools). */
    public EvaluatedAssessment withDate(LocalDate other) {
        return new EvaluatedAssessment(fileName, fileBytes, variant, part, result, resultJson, other, provenanceJson,
                readings);
    }
}

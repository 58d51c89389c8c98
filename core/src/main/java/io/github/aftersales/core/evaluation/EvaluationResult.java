package io.github.aftersales.core.evaluation;

import java.util.List;

/**
 * The results of one assessment, a result per scheme part.
 *
 * @param source       the file evaluated
 * @param organisation the organisation, or {@code null}
 * @param date         the assessment date, or {@code null}
 * @param results      one per scheme part, in the file's order
 */
public record EvaluationResult(String source, String organisation, String date, List<SchemeResult> results) {
    public EvaluationResult {
        results = List.copyOf(results);
    }
}

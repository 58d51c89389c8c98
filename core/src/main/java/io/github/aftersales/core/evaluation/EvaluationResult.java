package io.github.aftersales.core.evaluation;

import java.util.List;

/**
 * The results of one assessment, a result per scheme part.
 *
 * @param source       the file evaluated
 * @param organisation the organisation, or {@code null}
 * @param date         the assessment date, or {@code null}
 * @param results      one per scheme part, in the file's order
 * @param line         the line of an NDJSON file the assessment was read from, or 0 for a whole file
 */
public record EvaluationResult(String source, String organisation, String date, List<SchemeResult> results, int line) {
    public EvaluationResult {
        results = List.copyOf(results);
    }

    /** The results of an assessment that is a whole file. */
    public EvaluationResult(String source, String organisation, String date, List<SchemeResult> results) {
        this(source, organisation, date, results, 0);
    }
}

package io.github.aftersales.core.evaluation;

import io.github.aftersales.spi.NotApplicablePolicy;

/**
 * Choices made for a whole run (on the command line), overriding what an assessment file says.
 *
 * @param notApplicable the reading of not-applicable clauses, or {@code null} to keep the file's or variant's
 * @param missingAsZero count a clause with no finding as 0 instead of rejecting the assessment
 */
public record EvaluationOptions(NotApplicablePolicy notApplicable, boolean missingAsZero) {
    public static final EvaluationOptions DEFAULTS = new EvaluationOptions(null, false);
}

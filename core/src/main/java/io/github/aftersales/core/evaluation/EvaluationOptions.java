package io.github.aftersales.core.evaluation;

import io.github.aftersales.spi.NotApplicablePolicy;

/**
 * Choices made for a whole run (on the command line), overriding what an assessment file says.
 *
 * @param notApplicable the reading of not-applicable clauses, or {@code null} to keep the file's or variant's
 * @param missingAsZero count a clause with no finding as 0 instead of rejecting the assessment
 * @param readings      readings of the standards chosen for the run ({@code --reading KEY=VALUE}), by key, as
 *                      written; a part takes those its variant declares
 */
public record EvaluationOptions(NotApplicablePolicy notApplicable, boolean missingAsZero,
        java.util.Map<String, String> readings) {
    public static final EvaluationOptions DEFAULTS = new EvaluationOptions(null, false);

    public EvaluationOptions {
        readings = java.util.Map.copyOf(readings);
    }

    /** Options that choose no reading. */
    public EvaluationOptions(NotApplicablePolicy notApplicable, boolean missingAsZero) {
        this(notApplicable, missingAsZero, java.util.Map.of());
    }
}

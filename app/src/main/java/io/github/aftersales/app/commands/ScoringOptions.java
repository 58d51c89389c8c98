package io.github.aftersales.app.commands;

import io.github.aftersales.core.evaluation.EvaluationOptions;
import io.github.aftersales.spi.NotApplicablePolicy;
import picocli.CommandLine.Option;

/** {@code --not-applicable} and {@code --missing-as-zero}, the same on every command that evaluates. */
public final class ScoringOptions {

    @Option(names = "--not-applicable", paramLabel = "READING",
            converter = EvaluateCommand.NotApplicableConverter.class,
            description = "What a clause marked not applicable is worth: 'prorate' (left out of the applicable total,"
                    + " score scaled back to the declared total) or 'full-points'. Overrides the file and the scheme's"
                    + " default.")
    NotApplicablePolicy notApplicable;

    @Option(names = "--missing-as-zero",
            description = "Count a clause with no result or score as 0 instead of rejecting the file.")
    boolean missingAsZero;

    /** The options as the engine takes them. */
    public EvaluationOptions options() {
        return new EvaluationOptions(notApplicable, missingAsZero);
    }
}

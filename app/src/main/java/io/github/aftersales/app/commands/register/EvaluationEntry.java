package io.github.aftersales.app.commands.register;

import io.github.aftersales.app.ExitCode;
import io.github.aftersales.app.UserException;
import io.github.aftersales.app.commands.OnSeriousConverter;
import io.github.aftersales.core.evaluation.EvaluationOptions;
import io.github.aftersales.register.EvaluatedAssessment;
import io.github.aftersales.register.Register;
import io.github.aftersales.spi.SurveillanceRules;
import java.nio.file.Path;
import java.time.LocalDate;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * What surveil and reevaluate take: a certificate, an assessment file, its date, how to score it and the
 * readings of the standard to grade and decide with.
 */
final class EvaluationEntry {
    @Parameters(index = "0", paramLabel = "CERTIFICATE", description = "The register's number or your reference.")
    String certificate;

    @Parameters(index = "1", paramLabel = "FILE", description = "The assessment of this evaluation.")
    Path file;

    @Option(names = "--date", paramLabel = "DATE",
            description = "The evaluation date, where the file states none (cqm files state onSiteDate).")
    LocalDate date;

    @Option(names = "--on-serious", paramLabel = "ACTION",
            converter = io.github.aftersales.app.commands.OnSeriousConverter.class,
            description = io.github.aftersales.app.commands.OnSeriousConverter.DESCRIPTION)
    SurveillanceRules.Action onSerious;

    @Mixin
    io.github.aftersales.app.commands.ScoringOptions scoring = new io.github.aftersales.app.commands.ScoringOptions();

    @Mixin
    io.github.aftersales.app.commands.ReadingOptions reading = new io.github.aftersales.app.commands.ReadingOptions();

    /**
     * How the file is evaluated and decided on: the scoring options and the run's readings, {@code --on-serious}
     * being another name for the reading of what a serious event leads to. Checked before the register is
     * opened: a wrong option is a usage error (exit 2).
     */
    EvaluationOptions options(RegisterSubcommand command) {
        EvaluationOptions scored = scoring.options();
        java.util.Map<String, String> readings = reading.chosen(command.schemes(), scored.notApplicable());
        try {
            readings = OnSeriousConverter.withReading(readings, onSerious, command.schemes().values());
        } catch (IllegalArgumentException e) {
            throw new UserException(ExitCode.USAGE, e.getMessage());
        }
        return new EvaluationOptions(scored.notApplicable(), scored.missingAsZero(), readings);
    }

    /** The file evaluated with {@code options} (from {@link #options}), carrying the run's readings. */
    EvaluatedAssessment evaluate(RegisterSubcommand command, Register register, EvaluationOptions options) {
        return command.evaluate(file, register.find(certificate), date, options);
    }
}

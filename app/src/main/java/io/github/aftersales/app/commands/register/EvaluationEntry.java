package io.github.aftersales.app.commands.register;

import io.github.aftersales.register.EvaluatedAssessment;
import io.github.aftersales.register.Register;
import io.github.aftersales.spi.SurveillanceRules;
import java.nio.file.Path;
import java.time.LocalDate;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** What surveil and reevaluate take: a certificate, an assessment file, its date and how to score it. */
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

    EvaluatedAssessment evaluate(RegisterSubcommand command, Register register) {
        return command.evaluate(file, register.find(certificate), date, scoring.options());
    }
}

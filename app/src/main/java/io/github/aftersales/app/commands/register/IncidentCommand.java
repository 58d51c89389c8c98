package io.github.aftersales.app.commands.register;

import io.github.aftersales.app.ExitCode;
import io.github.aftersales.app.UserException;
import io.github.aftersales.app.commands.VersionProvider;
import io.github.aftersales.core.evaluation.Evaluator;
import io.github.aftersales.register.CertificateView;
import io.github.aftersales.register.Register;
import io.github.aftersales.spi.Scheme;
import jakarta.inject.Inject;
import jakarta.inject.Provider;
import java.time.LocalDate;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code register incident}. */
@Command(name = "incident", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Note an incident against a certificate (an event type its scheme declares, e.g. cqm's"
                + " majorComplaint or responsibilityAccident). Where the scheme says so (CQM 5.1) it calls for an"
                + " extra evaluation, which 'due' lists; the grade is unchanged.")
final class IncidentCommand extends RegisterSubcommand {
    @Parameters(index = "0", paramLabel = "CERTIFICATE", description = "The register's number or your reference.")
    String certificate;

    @Option(names = "--type", required = true, paramLabel = "TYPE", description = "The event type.")
    String type;

    @Option(names = "--date", required = true, paramLabel = "DATE", description = "When it happened, yyyy-mm-dd.")
    LocalDate date;

    @Option(names = "--note", paramLabel = "TEXT", description = "What happened, for the history.")
    String note;

    @Inject
    IncidentCommand(Provider<Evaluator> evaluator, Provider<Map<String, Scheme>> schemes) {
        super(evaluator, schemes);
    }

    @Override
    public Integer call() {
        try (Register register = open(Register.Access.UPDATE)) {
            CertificateView after = register.incident(certificate, c -> variant(c.certificate().scheme(),
                    c.certificate().variant()).orElseThrow(() -> new UserException(ExitCode.INPUT, "certificate "
                            + c.label() + " is of " + c.certificate().scheme() + ", which is not installed")),
                    type, date, note);
            print(RegisterReport.change(after));
        }
        return ExitCode.OK;
    }
}

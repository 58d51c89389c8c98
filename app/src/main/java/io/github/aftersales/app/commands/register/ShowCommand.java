package io.github.aftersales.app.commands.register;

import io.github.aftersales.app.ExitCode;
import io.github.aftersales.app.UserException;
import io.github.aftersales.app.commands.VersionProvider;
import io.github.aftersales.core.evaluation.Evaluator;
import io.github.aftersales.register.CertificateView;
import io.github.aftersales.register.Register;
import io.github.aftersales.register.RegisterFormats;
import io.github.aftersales.reports.Json;
import io.github.aftersales.spi.Scheme;
import jakarta.inject.Inject;
import jakarta.inject.Provider;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code register show}. */
@Command(name = "show", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {"Show one certificate and its whole history, each entry with its reason.",
            "With --assessment SEQ, write the assessment file entry SEQ was recorded on, byte for byte."})
final class ShowCommand extends RegisterSubcommand {
    @Parameters(index = "0", paramLabel = "CERTIFICATE", description = "The register's number or your reference.")
    String certificate;

    @Option(names = "--format", defaultValue = "text", paramLabel = "FORMAT",
            description = "text or json (default: ${DEFAULT-VALUE}); json holds each evaluation's result.")
    Format format;

    @Option(names = "--assessment", paramLabel = "SEQ",
            description = "Write the stored assessment file of history entry SEQ (use with -o).")
    Integer assessment;

    @Mixin
    io.github.aftersales.app.commands.OutputOptionsAccess out;

    @Inject
    ShowCommand(Provider<Evaluator> evaluator, Provider<Map<String, Scheme>> schemes) {
        super(evaluator, schemes);
    }

    @Override
    public Integer call() {
        try (Register register = open(Register.Access.READ)) {
            refuseRegisterAsOutput(out.output(), register);
            CertificateView c = register.find(certificate);
            if (assessment != null) {
                byte[] bytes = register.assessment(c.number(), assessment).orElseThrow(() -> new UserException(
                        ExitCode.INPUT, "certificate " + c.label() + " has no assessment file at entry "
                                + assessment + " (entries with a file: " + c.history().stream()
                                        .filter(e -> e.assessmentName() != null).map(e -> "#" + e.seq())
                                        .reduce((a, b) -> a + ", " + b).orElse("none") + ")"));
                out.writeBytes(bytes, spec.commandLine());
                return ExitCode.OK;
            }
            String text = format == RegisterSubcommand.Format.json ? Json.pretty(RegisterFormats.certificateJson(c, true))
                    : RegisterReport.show(c);
            out.write(text, spec.commandLine());
        }
        return ExitCode.OK;
    }
}

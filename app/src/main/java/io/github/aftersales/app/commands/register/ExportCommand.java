package io.github.aftersales.app.commands.register;

import io.github.aftersales.app.ExitCode;
import io.github.aftersales.app.commands.VersionProvider;
import io.github.aftersales.app.output.Sink;
import io.github.aftersales.core.evaluation.Evaluator;
import io.github.aftersales.register.Register;
import io.github.aftersales.register.RegisterFormats;
import io.github.aftersales.spi.Scheme;
import jakarta.inject.Inject;
import jakarta.inject.Provider;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code register export}. */
@Command(name = "export", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {"Export the register: CSV (a row per certificate with its current state, or per history"
                + " entry with --events) or JSON (every certificate with its whole history and results).",
            "CSV cells that a spreadsheet would run as a formula (starting with = + - @) are prefixed with '."})
final class ExportCommand extends RegisterSubcommand {
    /** The export formats. */
    enum ExportFormat { csv, json }

    @Option(names = "--format", defaultValue = "csv", paramLabel = "FORMAT",
            description = "csv or json (default: ${DEFAULT-VALUE}).")
    ExportFormat format;

    @Option(names = "--events", description = "CSV: a row per history entry instead of per certificate.")
    boolean events;

    @Mixin
    io.github.aftersales.app.commands.OutputOptionsAccess out;

    @Inject
    ExportCommand(Provider<Evaluator> evaluator, Provider<Map<String, Scheme>> schemes) {
        super(evaluator, schemes);
    }

    @Override
    public Integer call() {
        try (Register register = open(Register.Access.READ)) {
            refuseRegisterAsOutput(out.output(), register);
            try (Sink sink = out.open(spec.commandLine())) {
                io.github.aftersales.register.Listing all = io.github.aftersales.register.Listing.all();
                if (format == ExportFormat.json) {
                    io.github.aftersales.reports.StreamedJson json = io.github.aftersales.reports.StreamedJson.object(
                            sink.writer(), "certificates", "format",
                            "aftersales-register-export-1", "exportedAt", java.time.Instant.now().toString());
                    register.forEach(all, true, c -> json.add(RegisterFormats.certificateJson(c, true)));
                    json.end();
                } else if (events) {
                    sink.all(RegisterFormats.eventsCsvHeader());
                    register.forEach(all, false, c -> sink.all(RegisterFormats.eventsCsv(c)));
                } else {
                    sink.all(RegisterFormats.certificatesCsvHeader());
                    register.forEach(all, false, c -> sink.all(RegisterFormats.certificateCsv(c)));
                }
                sink.commit();
            }
        }
        return ExitCode.OK;
    }
}

package io.github.aftersales.app.commands.register;

import io.github.aftersales.app.ExitCode;
import io.github.aftersales.app.commands.VersionProvider;
import io.github.aftersales.app.output.Sink;
import io.github.aftersales.core.evaluation.Evaluator;
import io.github.aftersales.register.Register;
import io.github.aftersales.register.RegisterFormats;
import io.github.aftersales.reports.Json;
import io.github.aftersales.spi.Scheme;
import jakarta.inject.Inject;
import jakarta.inject.Provider;
import java.time.LocalDate;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code register due}. */
@Command(name = "due", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {"List the surveillance, re-evaluations and extra evaluations due on or before DATE, and"
                + " which are overdue.",
            "ZG025 (and the combined grade): surveillance within 12 months of the last evaluation, a new"
                + " evaluation within 36 months of the cycle's start (4.4). CQM: an evaluation within 12 months,"
                + " and one after each accident or major complaint noted with 'incident' (5.1). GB/T 27922 gives"
                + " no interval: its certificates are listed as not scheduled."})
final class DueCommand extends RegisterSubcommand {
    @Option(names = "--on", required = true, paramLabel = "DATE", description = "The date asked about, yyyy-mm-dd.")
    LocalDate on;

    @Option(names = "--today", paramLabel = "DATE",
            description = "What counts as today for 'overdue' (default: the system's date).")
    LocalDate today;

    @Option(names = "--format", defaultValue = "text", paramLabel = "FORMAT",
            description = "text or json (default: ${DEFAULT-VALUE}).")
    Format format;

    @Inject
    DueCommand(Provider<Evaluator> evaluator, Provider<Map<String, Scheme>> schemes) {
        super(evaluator, schemes);
    }

    @Override
    public Integer call() {
        try (Register register = open(Register.Access.READ)) {
            var report = register.due(on, today == null ? LocalDate.now() : today, this::variant);
            try (Sink sink = Sink.open(null, false, true, spec.commandLine().getOut())) {
                if (format == RegisterSubcommand.Format.json) {
                    RegisterFormats.dueJson(report, Json.prettyWriter(), sink.writer());
                } else {
                    RegisterReport.due(report, sink::all);
                }
                sink.commit();
            }
        }
        return ExitCode.OK;
    }
}

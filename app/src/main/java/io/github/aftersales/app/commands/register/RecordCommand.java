package io.github.aftersales.app.commands.register;

import io.github.aftersales.app.ExitCode;
import io.github.aftersales.app.UserException;
import io.github.aftersales.app.commands.VersionProvider;
import io.github.aftersales.core.evaluation.EvaluationOptions;
import io.github.aftersales.core.evaluation.Evaluator;
import io.github.aftersales.register.CertificateView;
import io.github.aftersales.register.Register;
import io.github.aftersales.reports.Printable;
import io.github.aftersales.spi.Scheme;
import jakarta.inject.Inject;
import jakarta.inject.Provider;
import java.time.LocalDate;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code register record}. */
@Command(name = "record", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {"Record evaluated assessments as certificates. Each file is evaluated as by 'evaluate';"
                + " the file and its result are stored as they were.",
            "FILE may be a folder (read recursively), an NDJSON file (one assessment a line) or - (NDJSON on"
                + " standard input), and several may be given: each certificate is recorded in a transaction of"
                + " its own, and one refused is reported with its file and line and skipped. A batch run again"
                + " records only what it did not: a file whose exact bytes are already recorded for the same"
                + " organisation, scheme and issue date is refused by its line (exit 6).",
            "The part recorded: --scheme, else the only one, else the combined grade (zg025-combined). The issue"
                + " date: the scheme's evaluation date (cqm: onSiteDate), else --date, else the file's 'date'."})
final class RecordCommand extends RegisterSubcommand {
    @Parameters(index = "0..*", arity = "1..*", paramLabel = "FILE",
            description = "Assessments: files (JSON, YAML or an .xlsx form), folders, NDJSON files, or - for"
                    + " NDJSON on standard input.")
    java.util.List<String> files;

    @Option(names = "--scheme", paramLabel = "ID", description = "The scheme the certificates are for.")
    String scheme;

    @Option(names = "--organisation", paramLabel = "NAME",
            description = "The certified organisation (default: each file's 'organisation').")
    String organisation;

    @Option(names = "--reference", paramLabel = "REF",
            description = "Your own certificate number; unique in the register, not all digits; one file only.")
    String reference;

    @Option(names = "--date", paramLabel = "DATE", description = "The issue date, yyyy-mm-dd, where a file states none.")
    LocalDate date;

    @Mixin
    io.github.aftersales.app.commands.ScoringOptions scoring = new io.github.aftersales.app.commands.ScoringOptions();

    @Mixin
    io.github.aftersales.app.commands.ReadingOptions reading = new io.github.aftersales.app.commands.ReadingOptions();

    @Inject
    RecordCommand(Provider<Evaluator> evaluator, Provider<Map<String, Scheme>> schemes) {
        super(evaluator, schemes);
    }

    @Override
    public Integer call() {
        if (scheme != null && !schemes().containsKey(scheme)) {
            throw new UserException(ExitCode.USAGE, "unknown scheme '" + scheme + "'; installed: "
                    + String.join(", ", new java.util.TreeSet<>(schemes().keySet())));
        }
        if (files.stream().filter("-"::equals).count() > 1) {
            throw new UserException(ExitCode.USAGE, "standard input (-) can be read only once");
        }
        boolean batch = AssessmentInputs.batch(files);
        if (batch && reference != null) {
            throw new UserException(ExitCode.USAGE, "--reference names one certificate: give one assessment file"
                    + " with it");
        }
        EvaluationOptions scored = scoring.options();
        // the readings the certificates are graded with: in each entry's reason and its result's provenance
        EvaluationOptions options = new EvaluationOptions(scored.notApplicable(), scored.missingAsZero(),
                reading.chosen(schemes(), scored.notApplicable()));
        Batch run = new Batch(batch);
        try {
            AssessmentInputs.read(files, System.in, input -> run.record(input, options));
        } catch (RuntimeException e) {
            // the database or a scheme failed: what was recorded stays, and the user learns how much (the cause follows)
            if (run.recorded > 0) {
                spec.commandLine().getErr().println("error: stopped after recording " + run.recorded
                        + (run.recorded == 1 ? " certificate" : " certificates") + " (each listed above); the rest"
                        + " were not recorded");
            }
            throw e;
        } finally {
            if (run.register != null) {
                run.register.close();
            }
        }
        if (run.register != null) {
            print("  in " + Printable.of(run.register.settings().describe()) + "\n");
        }
        if (batch) {
            if (run.recorded + run.refused == 0) {
                spec.commandLine().getErr().println("error: no assessment found in " + Printable.of(
                        String.join(", ", files)));
                return ExitCode.INPUT;
            }
            print("recorded " + run.recorded + (run.recorded == 1 ? " certificate" : " certificates")
                    + (run.refused == 0 ? "" : "; " + run.refused + " refused (each named above) and not recorded")
                    + "\n");
        }
        return run.exit;
    }

    /** One run of record over its inputs: the register opened at the first certificate that may be recorded. */
    private final class Batch {
        final boolean batch;
        Register register;
        int recorded;
        int refused;
        int exit = ExitCode.OK;

        Batch(boolean batch) {
            this.batch = batch;
        }

        void record(AssessmentInputs.Input input, EvaluationOptions options) {
            try {
                Read read = read(input, scheme, date, options);
                String org = organisation != null ? organisation : read.assessment().organisation();
                // refused before the register is opened: a refused first record leaves no empty register behind
                Register.checkRecord(org, reference, read.evaluated(), java.time.Clock.systemDefaultZone());
                if (register == null) {
                    register = open(Register.Access.WRITE);
                }
                // a batch run again after it stopped midway records only what it had not: each file once
                CertificateView c = register.record(org, reference, read.evaluated(), batch);
                recorded++;
                print(Printable.of("recorded certificate " + c.label() + ": " + c.certificate().organisation()
                        + ", " + c.certificate().scheme() + " " + c.certificate().variant() + ", " + c.grade()
                        + " (" + io.github.aftersales.register.Stars.count(c.stars()) + "), issued "
                        + c.certificate().issuedOn()) + "\n");
            } catch (io.github.aftersales.core.json.LocatedException e) {
                refuse(input, e, ExitCode.INPUT);
            } catch (io.github.aftersales.register.RegisterException e) {
                if (e.kind() == io.github.aftersales.register.RegisterException.Kind.DATABASE) {
                    throw e; // the database failed: nothing after can be recorded either
                }
                refuse(input, e, e.kind() == io.github.aftersales.register.RegisterException.Kind.REFUSED
                        ? ExitCode.REFUSED : ExitCode.INPUT);
            }
        }

        /** One refused in a batch is said with its file (and line) and skipped; alone, it is the command's error. */
        private void refuse(AssessmentInputs.Input input, RuntimeException e, int code) {
            if (!batch) {
                throw e;
            }
            refused++;
            exit = Math.max(exit, code);
            // the place as the user named it (the file, and the line of an NDJSON file), said once
            String message = e.getMessage();
            if (message.startsWith(input.fileName() + ": ")) {
                message = message.substring(input.fileName().length() + 2);
            }
            spec.commandLine().getErr().println("error: " + Printable.of(message.startsWith(input.place())
                    ? message : input.place() + ": " + message));
        }
    }
}

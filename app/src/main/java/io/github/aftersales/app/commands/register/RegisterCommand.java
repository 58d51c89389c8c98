package io.github.aftersales.app.commands.register;

import io.github.aftersales.app.ExitCode;
import io.github.aftersales.app.UserException;
import io.github.aftersales.app.commands.VersionProvider;
import io.github.aftersales.app.output.Output;
import io.github.aftersales.app.output.RegisterReport;
import io.github.aftersales.core.assessment.Assessment;
import io.github.aftersales.core.assessment.AssessmentReader;
import io.github.aftersales.core.evaluation.EvaluationOptions;
import io.github.aftersales.core.evaluation.EvaluationResult;
import io.github.aftersales.core.evaluation.Evaluator;
import io.github.aftersales.register.CertificateView;
import io.github.aftersales.register.EvaluatedAssessment;
import io.github.aftersales.register.Evaluations;
import io.github.aftersales.register.Register;
import io.github.aftersales.register.RegisterSettings;
import io.github.aftersales.reports.Json;
import io.github.aftersales.reports.JsonReport;
import io.github.aftersales.reports.Printable;
import io.github.aftersales.spi.Scheme;
import io.github.aftersales.spi.SurveillanceRules;
import io.github.aftersales.spi.Variant;
import jakarta.inject.Inject;
import jakarta.inject.Provider;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/** {@code register}: certificates, their surveillance and history, in a database. */
@Command(name = "register", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {"The certificate register: record evaluated assessments as certificates, apply surveillance and"
                + " re-evaluations by each scheme's rules, list what is due, show and export the history.",
            "History is append-only: every change is a new entry with its reason; nothing is updated or deleted.",
            "The register is an H2 file in $XDG_DATA_HOME/aftersales (else ~/.local/share/aftersales) unless --register, $AFTERSALES_REGISTER or"
                + " 'url' in ~/.config/aftersales/register.properties says otherwise; a jdbc:postgresql:// URL shares"
                + " one register among auditors."},
        subcommands = {RegisterCommand.Record.class, RegisterCommand.ListCertificates.class,
            RegisterCommand.Search.class, RegisterCommand.Show.class, RegisterCommand.Due.class,
            RegisterCommand.Surveil.class, RegisterCommand.Reevaluate.class, RegisterCommand.Incident.class,
            RegisterCommand.Export.class, RegisterCommand.Copy.class})
public final class RegisterCommand implements Callable<Integer> {

    @Option(names = "--register", scope = ScopeType.INHERIT, paramLabel = "URL|DIR",
            description = "The register: a JDBC URL (jdbc:postgresql://host/db, jdbc:h2:…) or a directory for the"
                    + " embedded one (default: $AFTERSALES_REGISTER, else 'url' in"
                    + " ~/.config/aftersales/register.properties, else ~/.local/share/aftersales).")
    String location;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().getErr().println("error: name a register command: record, list, search, show, due,"
                + " surveil, reevaluate, incident, export or copy");
        spec.commandLine().usage(spec.commandLine().getErr());
        return ExitCode.USAGE;
    }

    RegisterSettings settings() {
        return RegisterLocation.resolve(location, System.getenv(), RegisterLocation.home(System.getenv()));
    }

    /** What the subcommands share: the register, the engine and the schemes. */
    abstract static class Base implements Callable<Integer> {
        // providers: the schemes (and so the plugins) are loaded when a command needs them, not for --help
        private final Provider<Evaluator> evaluator;
        private final Provider<Map<String, Scheme>> schemes;

        @ParentCommand
        RegisterCommand parent;

        @Spec
        CommandSpec spec;

        Base(Provider<Evaluator> evaluator, Provider<Map<String, Scheme>> schemes) {
            this.evaluator = evaluator;
            this.schemes = schemes;
        }

        Evaluator evaluator() {
            return evaluator.get();
        }

        Map<String, Scheme> schemes() {
            return schemes.get();
        }

        Register open(Register.Access access) {
            if (access != Register.Access.READ) {
                schemes(); // the plugins are loaded before the register is opened to be written, never during
            }
            return Register.open(parent.settings(), access);
        }

        Optional<Variant> variant(String scheme, String variant) {
            return Optional.ofNullable(schemes().get(scheme)).flatMap(s -> s.variant(variant));
        }

        /** Evaluates a file for a certificate of the register, whose scheme must be installed. */
        EvaluatedAssessment evaluate(Path file, CertificateView certificate, LocalDate date,
                io.github.aftersales.core.evaluation.EvaluationOptions options) {
            String scheme = certificate.certificate().scheme();
            if (!schemes().containsKey(scheme)) {
                throw new UserException(ExitCode.INPUT, "certificate " + certificate.label() + " is of scheme " + scheme
                        + ", which is not installed here ('aftersales schemes' lists what is; a plugin is loaded with"
                        + " --plugins DIR)");
            }
            return read(file, scheme, date, options).evaluated();
        }

        /** The file as read and its part evaluated for the register. */
        record Read(Assessment assessment, EvaluatedAssessment evaluated) {
        }

        Read read(Path file, String scheme, LocalDate date, io.github.aftersales.core.evaluation.EvaluationOptions options) {
            Assessment assessment = AssessmentReader.read(file);
            byte[] bytes;
            try {
                bytes = Files.readAllBytes(file);
            } catch (IOException e) {
                throw new UserException(ExitCode.INPUT, file + ": cannot be read: " + e.getMessage());
            }
            EvaluationResult result = evaluator().evaluate(assessment, options);
            return new Read(assessment, Evaluations.pick(file.getFileName().toString(), bytes, assessment, result,
                    id -> Optional.ofNullable(schemes().get(id)), scheme, date,
                    r -> Json.compact(JsonReport.scheme(r))));
        }

        /** Refuses an output file that is the register itself (as H2 names its file): --force must not destroy it. */
        void refuseRegisterAsOutput(Path output, Register register) {
            Optional<Path> registerFile = register.file();
            if (output != null && registerFile.isPresent() && (output.toAbsolutePath().normalize().equals(registerFile
                    .get()) || io.github.aftersales.app.commands.EvaluateCommand.sameFile(output, registerFile.get()))) {
                throw new UserException(ExitCode.OUTPUT, output + ": is the register's own file; choose another"
                        + " output file");
            }
        }

        void print(String text) {
            spec.commandLine().getOut().print(text);
            spec.commandLine().getOut().flush();
        }
    }

    /** The text or JSON choice of the commands that show. */
    public enum Format { text, json }

    @Command(name = "record", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
            description = {"Record an evaluated assessment as a certificate. The file is evaluated as by 'evaluate';"
                    + " the file and its result are stored as they were.",
                "The part recorded: --scheme, else the only one, else the combined grade (zg025-combined). The issue"
                    + " date: the scheme's evaluation date (cqm: onSiteDate), else --date, else the file's 'date'."})
    static final class Record extends Base {
        @Parameters(index = "0", paramLabel = "FILE", description = "The assessment (JSON, YAML or an .xlsx form).")
        Path file;

        @Option(names = "--scheme", paramLabel = "ID", description = "The scheme the certificate is for.")
        String scheme;

        @Option(names = "--organisation", paramLabel = "NAME",
                description = "The certified organisation (default: the file's 'organisation').")
        String organisation;

        @Option(names = "--reference", paramLabel = "REF",
                description = "Your own certificate number; unique in the register, not all digits.")
        String reference;

        @Option(names = "--date", paramLabel = "DATE", description = "The issue date, yyyy-mm-dd, where the file states none.")
        LocalDate date;

        @Mixin
        io.github.aftersales.app.commands.ScoringOptions scoring = new io.github.aftersales.app.commands.ScoringOptions();

        @Inject
        Record(Provider<Evaluator> evaluator, Provider<Map<String, Scheme>> schemes) {
            super(evaluator, schemes);
        }

        @Override
        public Integer call() {
            if (scheme != null && !schemes().containsKey(scheme)) {
                throw new UserException(ExitCode.USAGE, "unknown scheme '" + scheme + "'; installed: "
                        + String.join(", ", new java.util.TreeSet<>(schemes().keySet())));
            }
            Read read = read(file, scheme, date, scoring.options());
            String org = organisation != null ? organisation : read.assessment().organisation();
            // refused before the register is opened: a refused first record leaves no empty register behind
            Register.checkRecord(org, reference, read.evaluated(), java.time.Clock.systemDefaultZone());
            try (Register register = open(Register.Access.WRITE)) {
                CertificateView c = register.record(org, reference, read.evaluated());
                print(Printable.of("recorded certificate " + c.label() + ": " + c.certificate().organisation()
                        + ", " + c.certificate().scheme() + " " + c.certificate().variant() + ", " + c.grade() + " ("
                        + io.github.aftersales.register.Stars.count(c.stars()) + "), issued " + c.certificate().issuedOn()) + "\n  in "
                        + Printable.of(register.settings().describe()) + "\n");
            }
            return ExitCode.OK;
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
            description = "List the certificates with their current state.")
    static final class ListCertificates extends Base {
        @Mixin
        ListOptions options = new ListOptions();

        @Inject
        ListCertificates(Provider<Evaluator> evaluator, Provider<Map<String, Scheme>> schemes) {
            super(evaluator, schemes);
        }

        @Override
        public Integer call() {
            try (Register register = open(Register.Access.READ)) {
                print(options.render(register.list(null), null));
            }
            return ExitCode.OK;
        }
    }

    @Command(name = "search", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
            description = "List the certificates whose organisation or reference contains TEXT (any case).")
    static final class Search extends Base {
        @Parameters(index = "0", paramLabel = "TEXT")
        String text;

        @Mixin
        ListOptions options = new ListOptions();

        @Inject
        Search(Provider<Evaluator> evaluator, Provider<Map<String, Scheme>> schemes) {
            super(evaluator, schemes);
        }

        @Override
        public Integer call() {
            try (Register register = open(Register.Access.READ)) {
                print(options.render(register.list(text), text));
            }
            return ExitCode.OK;
        }
    }

    /** {@code --state}, {@code --scheme} and {@code --format}, the same on list and search. */
    static final class ListOptions {
        @Option(names = "--state", paramLabel = "STATE",
                description = "Only certificates in this state: active, suspended or revoked.")
        io.github.aftersales.register.State state;

        @Option(names = "--scheme", paramLabel = "ID", description = "Only certificates of this scheme.")
        String scheme;

        @Option(names = "--format", defaultValue = "text", paramLabel = "FORMAT",
                description = "text or json (default: ${DEFAULT-VALUE}).")
        Format format;

        String render(java.util.List<CertificateView> all, String text) {
            java.util.List<CertificateView> found = all.stream()
                    .filter(c -> state == null || c.state() == state)
                    .filter(c -> scheme == null || c.certificate().scheme().equals(scheme)).toList();
            if (format == Format.json) {
                return Json.pretty(RegisterReport.listJson(found));
            }
            if (found.isEmpty() && (state != null || scheme != null)) {
                return Printable.of("no certificate" + (text == null ? "" : " containing '" + text + "'") + " is"
                        + (state == null ? "" : " " + state.key()) + (scheme == null ? "" : " of scheme " + scheme))
                        + "\n";
            }
            return RegisterReport.list(found, text);
        }
    }

    @Command(name = "show", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
            description = {"Show one certificate and its whole history, each entry with its reason.",
                "With --assessment SEQ, write the assessment file entry SEQ was recorded on, byte for byte."})
    static final class Show extends Base {
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
        Show(Provider<Evaluator> evaluator, Provider<Map<String, Scheme>> schemes) {
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
                String text = format == Format.json ? Json.pretty(RegisterReport.certificateJson(c, true))
                        : RegisterReport.show(c);
                out.write(text, spec.commandLine());
            }
            return ExitCode.OK;
        }
    }

    @Command(name = "due", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
            description = {"List the surveillance, re-evaluations and extra evaluations due on or before DATE, and"
                    + " which are overdue.",
                "ZG025 (and the combined grade): surveillance within 12 months of the last evaluation, a new"
                    + " evaluation within 36 months of the cycle's start (4.4). CQM: an evaluation within 12 months,"
                    + " and one after each accident or major complaint noted with 'incident' (5.1). GB/T 27922 gives"
                    + " no interval: its certificates are listed as not scheduled."})
    static final class Due extends Base {
        @Option(names = "--on", required = true, paramLabel = "DATE", description = "The date asked about, yyyy-mm-dd.")
        LocalDate on;

        @Option(names = "--today", paramLabel = "DATE",
                description = "What counts as today for 'overdue' (default: the system's date).")
        LocalDate today;

        @Option(names = "--format", defaultValue = "text", paramLabel = "FORMAT",
                description = "text or json (default: ${DEFAULT-VALUE}).")
        Format format;

        @Inject
        Due(Provider<Evaluator> evaluator, Provider<Map<String, Scheme>> schemes) {
            super(evaluator, schemes);
        }

        @Override
        public Integer call() {
            try (Register register = open(Register.Access.READ)) {
                var report = register.due(on, today == null ? LocalDate.now() : today, this::variant);
                print(format == Format.json ? Json.pretty(RegisterReport.dueJson(report)) : RegisterReport.due(report));
            }
            return ExitCode.OK;
        }
    }

    @Command(name = "surveil", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
            description = {"Apply a surveillance assessment to a certificate by its scheme's rules: CQM 6.4 keeps,"
                    + " downgrades, suspends or revokes; ZG025 gives the new grade. A surveillance without serious"
                    + " events reinstates a suspended certificate."})
    static final class Surveil extends Base {
        @Mixin
        EvaluationEntry entry = new EvaluationEntry();

        @Inject
        Surveil(Provider<Evaluator> evaluator, Provider<Map<String, Scheme>> schemes) {
            super(evaluator, schemes);
        }

        @Override
        public Integer call() {
            try (Register register = open(Register.Access.UPDATE)) {
                print(RegisterReport.change(register.surveil(entry.certificate, entry.evaluate(this, register),
                        Optional.ofNullable(entry.onSerious))));
            }
            return ExitCode.OK;
        }
    }

    @Command(name = "reevaluate", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
            description = "Apply a full re-evaluation: its grade stands, higher or lower, and a new cycle starts;"
                    + " an assessment reaching no level revokes the certificate; serious events in it suspend or revoke"
                    + " it as on a surveillance (CQM 6.4).")
    static final class Reevaluate extends Base {
        @Mixin
        EvaluationEntry entry = new EvaluationEntry();

        @Inject
        Reevaluate(Provider<Evaluator> evaluator, Provider<Map<String, Scheme>> schemes) {
            super(evaluator, schemes);
        }

        @Override
        public Integer call() {
            try (Register register = open(Register.Access.UPDATE)) {
                print(RegisterReport.change(register.reevaluate(entry.certificate, entry.evaluate(this, register),
                        Optional.ofNullable(entry.onSerious))));
            }
            return ExitCode.OK;
        }
    }

    /** What surveil and reevaluate take: a certificate, an assessment file, its date and how to score it. */
    static final class EvaluationEntry {
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

        EvaluatedAssessment evaluate(Base command, Register register) {
            return command.evaluate(file, register.find(certificate), date, scoring.options());
        }
    }

    @Command(name = "incident", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
            description = "Note an incident against a certificate (an event type its scheme declares, e.g. cqm's"
                    + " majorComplaint or responsibilityAccident). Where the scheme says so (CQM 5.1) it calls for an"
                    + " extra evaluation, which 'due' lists; the grade is unchanged.")
    static final class Incident extends Base {
        @Parameters(index = "0", paramLabel = "CERTIFICATE", description = "The register's number or your reference.")
        String certificate;

        @Option(names = "--type", required = true, paramLabel = "TYPE", description = "The event type.")
        String type;

        @Option(names = "--date", required = true, paramLabel = "DATE", description = "When it happened, yyyy-mm-dd.")
        LocalDate date;

        @Option(names = "--note", paramLabel = "TEXT", description = "What happened, for the history.")
        String note;

        @Inject
        Incident(Provider<Evaluator> evaluator, Provider<Map<String, Scheme>> schemes) {
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

    @Command(name = "export", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
            description = {"Export the register: CSV (a row per certificate with its current state, or per history"
                    + " entry with --events) or JSON (every certificate with its whole history and results).",
                "CSV cells that a spreadsheet would run as a formula (starting with = + - @) are prefixed with '."})
    static final class Export extends Base {
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
        Export(Provider<Evaluator> evaluator, Provider<Map<String, Scheme>> schemes) {
            super(evaluator, schemes);
        }

        @Override
        public Integer call() {
            try (Register register = open(Register.Access.READ)) {
                refuseRegisterAsOutput(out.output(), register);
                java.util.List<CertificateView> all = format == ExportFormat.json ? register.listWithResults()
                        : register.list(null);
                String text = format == ExportFormat.json ? Json.pretty(RegisterReport.exportJson(all,
                        register.settings()))
                        : events ? RegisterReport.eventsCsv(all) : RegisterReport.certificatesCsv(all);
                out.write(text, spec.commandLine());
            }
            return ExitCode.OK;
        }
    }

    @Command(name = "copy", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
            description = {"Copy the whole register, every certificate and entry as recorded (numbers, files, results,"
                    + " who and when), into an empty register: how an embedded register moves to the PostgreSQL a body"
                    + " shares. One transaction: on failure the target stays empty. The source is only read.",
                "Then point --register / $AFTERSALES_REGISTER at the target."})
    static final class Copy extends Base {
        @Option(names = "--to", required = true, paramLabel = "URL|DIR",
                description = "The target: a JDBC URL (credentials in it, e.g."
                        + " jdbc:postgresql://host/db?user=u&password=p) or a directory for an embedded register.")
        String to;

        @Inject
        Copy(Provider<Evaluator> evaluator, Provider<Map<String, Scheme>> schemes) {
            super(evaluator, schemes);
        }

        @Override
        public Integer call() {
            if (to.isBlank()) {
                throw new UserException(ExitCode.USAGE, "--to needs a JDBC URL or a directory");
            }
            RegisterSettings target = RegisterLocation.resolve(to, Map.of(), RegisterLocation.home(System.getenv()));
            target = new RegisterSettings(target.url(), null, null, "--to");
            try (Register source = open(Register.Access.READ)) {
                if (source.settings().url().equals(target.url())) {
                    throw new UserException(ExitCode.USAGE, "--to names the register being copied");
                }
                try (Register into = Register.open(target, Register.Access.WRITE)) {
                    int n = source.copyTo(into);
                    print(Printable.of("copied " + n + (n == 1 ? " certificate" : " certificates") + " with"
                            + " their history from " + source.settings().describe() + " to "
                            + into.settings().describe()) + "\n");
                }
            }
            return ExitCode.OK;
        }
    }
}

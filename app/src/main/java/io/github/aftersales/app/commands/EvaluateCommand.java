package io.github.aftersales.app.commands;

import io.github.aftersales.app.ExitCode;
import io.github.aftersales.app.UserException;
import io.github.aftersales.app.output.Output;
import io.github.aftersales.app.output.Progress;
import io.github.aftersales.app.output.Sink;
import io.github.aftersales.batch.Pipeline;
import io.github.aftersales.core.assessment.AssessmentReader;
import io.github.aftersales.core.evaluation.EvaluationOptions;
import io.github.aftersales.core.evaluation.EvaluationResult;
import io.github.aftersales.core.evaluation.Evaluator;
import io.github.aftersales.core.evaluation.SchemeFailureException;
import io.github.aftersales.core.evaluation.SchemeResult;
import io.github.aftersales.core.plan.Effort;
import io.github.aftersales.core.plan.Planner;
import io.github.aftersales.core.plan.SchemePlan;
import io.github.aftersales.core.registry.SchemeRegistry;
import io.github.aftersales.reports.BatchSummary;
import io.github.aftersales.reports.HtmlReport;
import io.github.aftersales.reports.Json;
import io.github.aftersales.reports.JsonReport;
import io.github.aftersales.reports.Labels;
import io.github.aftersales.reports.MarkdownReport;
import io.github.aftersales.reports.Printable;
import io.github.aftersales.reports.StreamedJson;
import io.github.aftersales.reports.TextReport;
import io.github.aftersales.spi.NotApplicablePolicy;
import jakarta.inject.Inject;
import jakarta.inject.Provider;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Function;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code evaluate}: score and grade assessment files. */
@Command(name = "evaluate", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {"Score and grade assessments, one result per scheme in each file. Reads JSON (.json), YAML"
                + " (.yaml/.yml), NDJSON (.ndjson/.jsonl, one assessment a line) and a filled Excel form .xlsx (from"
                + " 'template --format xlsx'); a workbook saved as .ods, .xls or .numbers is named with how to save it as"
                + " .xlsx. A file that cannot be evaluated is reported with its place and skipped; the exit code is"
                + " then 3. Input files are only read."})
public final class EvaluateCommand implements Callable<Integer> {

    /** The output formats. */
    public enum Format { text, json, ndjson, summary, md, html }

    // providers: the schemes (and so the plugins) are loaded when the command runs, not for --help
    private final Provider<Evaluator> evaluator;
    private final Provider<SchemeRegistry> registry;

    @Spec
    CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "FILE",
            description = "Assessment files (JSON, YAML for .yaml/.yml, a filled Excel form .xlsx), directories (read"
                    + " recursively), NDJSON files (.ndjson/.jsonl: one assessment a line), or - for NDJSON on standard"
                    + " input. A file whose name starts with - goes after --.")
    List<String> files;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
            description = "text, json, ndjson (one result a line, streamed), summary (counts, grade distribution,"
                    + " pass rate, clauses losing points most often), md (Markdown) or html (one self-contained file with a"
                    + " chart per scheme) (default: ${DEFAULT-VALUE}).")
    Format format;

    @Option(names = "--lang", paramLabel = "LANG", defaultValue = "both",
            description = "The reports' words in zh or en (headings, labels, how each clause was scored, why the"
                    + " grade), or both (default: ${DEFAULT-VALUE}: headings in both, sentences in English as the"
                    + " result has them); the standards' texts stay as written.")
    String lang;

    @picocli.CommandLine.Mixin
    ScoringOptions scoring = new ScoringOptions();

    @picocli.CommandLine.Mixin
    ReadingOptions reading = new ReadingOptions();

    @picocli.CommandLine.Mixin
    OutputOptions out = new OutputOptions();

    @Option(names = "--plan", description = "After each result, the path to each higher level: for every level above"
            + " the one reached, the smallest set of changes that reaches it (a clause to conforming, an excluded clause"
            + " back in scope, a fact to a value), each with what it gains, and the conditions no change can meet now"
            + " with the date from which they stop binding; for a combined grade, which part to improve for each"
            + " star. Fewest changes, then fewest points (docs/plan.md).")
    boolean plan;

    @Option(names = "--effort", paramLabel = "FILE", description = "With --plan: an effort file (JSON, or YAML for"
            + " .yaml/.yml) giving days per clause, per category or by default; the plans are then the least total"
            + " effort (docs/plan.md).")
    Path effortFile;

    @Option(names = "--threads", paramLabel = "N", description = "Evaluate on N threads (default: the number of cores).")
    Integer threads;

    private final Provider<java.util.Map<String, io.github.aftersales.spi.Scheme>> schemes;

    @Inject
    EvaluateCommand(Provider<Evaluator> evaluator, Provider<SchemeRegistry> registry,
            Provider<java.util.Map<String, io.github.aftersales.spi.Scheme>> schemes) {
        this.evaluator = evaluator;
        this.registry = registry;
        this.schemes = schemes;
    }

    @Override
    public Integer call() throws Exception {
        if (files.stream().filter("-"::equals).count() > 1) {
            throw new UserException(ExitCode.USAGE, "standard input (-) can be read only once");
        }
        if (threads != null && (threads < 1 || threads > MAX_THREADS)) {
            throw new UserException(ExitCode.USAGE, "--threads must be between 1 and " + MAX_THREADS + ", not " + threads);
        }
        if (out.output != null) {
            for (String file : files) {
                if (file.equals("-")) {
                    continue;
                }
                if (sameFile(Path.of(file), out.output)) {
                    throw new UserException(ExitCode.OUTPUT, Printable.of(out.output.toString()) + ": is an input"
                            + " file; input files are never overwritten, choose another output file");
                }
                if (inside(out.output, Path.of(file))) {
                    throw new UserException(ExitCode.OUTPUT, Printable.of(out.output.toString()) + ": is inside the"
                            + " input folder " + Printable.of(file) + ", whose files are read as assessments; write"
                            + " the output outside it");
                }
            }
        }
        Labels labels;
        try {
            labels = Labels.parse(lang);
        } catch (IllegalArgumentException e) {
            throw new UserException(ExitCode.USAGE, "--lang: " + e.getMessage());
        }
        if (effortFile != null && !plan) {
            throw new UserException(ExitCode.USAGE, "--effort needs --plan");
        }
        Effort effort = effortFile == null ? Effort.NONE : readEffort(effortFile);
        Evaluator evaluator = this.evaluator.get(); // loads the plugins: before any output is opened
        BatchSummary summary = new BatchSummary();
        int[] exit = {ExitCode.OK};
        java.util.Map<String, io.github.aftersales.spi.Scheme> installed = schemes.get();
        EvaluationOptions scored = scoring.options();
        EvaluationOptions options = reading.readings.isEmpty() ? scored : new EvaluationOptions(scored.notApplicable(),
                scored.missingAsZero(), reading.chosen(installed, scored.notApplicable()));
        Function<SchemeResult, Optional<io.github.aftersales.spi.Variant>> variantOf =
                s -> Optional.ofNullable(installed.get(s.scheme())).flatMap(sc -> sc.variant(s.variant()));
        // every format is written as results come, in the order read: nothing grows with the batch
        try (Sink sink = Sink.open(out.output, out.force, true, spec.commandLine().getOut());
             Progress progress = Progress.start(spec.commandLine().getErr())) {
            int workers = threads != null ? Math.max(1, threads) : Runtime.getRuntime().availableProcessors();
            Function<EvaluationResult, List<SchemePlan>> plans = r -> Planner.plan(r, variantOf, effort);
            // NDJSON as its UTF-8 bytes, the rest as text
            Function<EvaluationResult, Object> render = switch (format) {
                // written straight to bytes, no tree made (JsonReport.write: the shape every JSON result has)
                case ndjson -> r -> {
                    List<SchemePlan> ps = plan ? plans.apply(r) : List.of();
                    return Json.compactBytes(g -> JsonReport.write(g, r, ps));
                };
                case text -> r -> plan ? TextReport.of(r, labels, plans.apply(r)) : TextReport.of(r, labels);
                case md -> r -> plan ? MarkdownReport.of(r, labels, plans.apply(r)) : MarkdownReport.of(r, labels);
                case html -> r -> plan ? HtmlReport.assessment(r, labels, variantOf, plans.apply(r))
                        : HtmlReport.assessment(r, labels, variantOf);
                // the summary counts lost points: their clauses are made here, on the evaluating thread
                case summary -> r -> {
                    r.results().forEach(SchemeResult::lostPoints);
                    return null;
                };
                case json -> r -> null;
            };
            StreamedJson[] json = {null};
            // only JSON shows the provenance, and so the digest of each input's bytes
            boolean digests = format == Format.json || format == Format.ndjson;
            Pipeline.run(files, System.in, evaluator, options, workers, digests, render, outcome -> {
                if (outcome.error() != null) {
                    exit[0] = Math.max(exit[0], outcome.error() instanceof SchemeFailureException
                            ? ExitCode.SCHEME : ExitCode.INPUT);
                    String message = outcome.error() instanceof SchemeFailureException f
                            ? outcome.source() + ": " + registry.get().describe(f)
                            : outcome.error().getMessage();
                    spec.commandLine().getErr().println("error: " + message);
                    if (Boolean.TRUE.equals(spec.root().findOption("--debug").getValue())) {
                        outcome.error().printStackTrace(spec.commandLine().getErr());
                    }
                    summary.reject(Printable.of(message)); // the summary prints it on a terminal too
                } else {
                    EvaluationResult r = outcome.result();
                    boolean first = summary.evaluated() == 0;
                    summary.add(r);
                    switch (format) {
                        case ndjson -> sink.line((byte[]) outcome.rendered());
                        case json -> {
                            if (first) {
                                json[0] = new StreamedJson(sink.writer());
                            }
                            List<SchemePlan> ps = plan ? plans.apply(r) : List.of();
                            json[0].add(g -> JsonReport.write(g, r, ps));
                        }
                        case text -> sink.all((first ? "" : "\n" + "─".repeat(60) + "\n\n") + (String) outcome.rendered());
                        case md -> sink.all((first ? "" : "\n---\n\n") + (String) outcome.rendered());
                        case html -> sink.all((first ? HtmlReport.head(r, labels) : "") + (String) outcome.rendered());
                        case summary -> { }
                    }
                }
                progress.tick(summary.evaluated(), summary.rejected());
            });
            if (summary.evaluated() + summary.rejected() == 0) {
                spec.commandLine().getErr().println("error: no assessment found in " + String.join(", ", files));
                return ExitCode.INPUT;
            }
            if (summary.evaluated() == 0 && out.output != null) {
                return exit[0]; // nothing to report: no file is written
            }
            switch (format) {
                case json -> {
                    if (json[0] == null) {
                        json[0] = new StreamedJson(sink.writer());
                    }
                    json[0].end();
                }
                case md -> sink.all(MarkdownReport.notEvaluated(summary, labels));
                case html -> sink.all((summary.evaluated() == 0 ? HtmlReport.head(null, labels) : "")
                        + HtmlReport.tail(labels, summary));
                case summary -> sink.all(summary.text(labels));
                case ndjson, text -> { }
            }
            sink.commit();
        }
        return exit[0];
    }

    /** Reads an effort file; a problem in it is the user's, named with its place. */
    private static Effort readEffort(Path file) {
        String name = file.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
        try (java.io.InputStream in = java.nio.file.Files.newInputStream(file)) {
            return Effort.read(in, Printable.of(file.toString()), name.endsWith(".yaml") || name.endsWith(".yml"));
        } catch (io.github.aftersales.core.json.LocatedException e) {
            throw new UserException(ExitCode.INPUT, e.getMessage());
        } catch (java.io.IOException e) {
            throw new UserException(ExitCode.INPUT, Printable.of(file.toString()) + ": cannot be read ("
                    + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()) + ")");
        }
    }

    /** More threads than this never help (each keeps eight assessments in flight), and far more overflow. */
    static final int MAX_THREADS = 1024;

    /** Whether {@code file} is (or would be) somewhere under the directory {@code dir}, links resolved. */
    static boolean inside(Path file, Path dir) {
        if (!java.nio.file.Files.isDirectory(dir)) {
            return false;
        }
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent == null || !java.nio.file.Files.isDirectory(parent)) {
                return false;
            }
            return parent.toRealPath().resolve(file.getFileName()).startsWith(dir.toRealPath());
        } catch (java.io.IOException e) {
            return file.toAbsolutePath().normalize().startsWith(dir.toAbsolutePath().normalize());
        }
    }

    public static boolean sameFile(Path a, Path b) {
        try {
            return java.nio.file.Files.exists(a) && java.nio.file.Files.exists(b) && java.nio.file.Files.isSameFile(a, b);
        } catch (java.io.IOException e) {
            return a.toAbsolutePath().normalize().equals(b.toAbsolutePath().normalize());
        }
    }

    /** Accepts {@code prorate} and {@code full-points}. */
    public static final class NotApplicableConverter implements picocli.CommandLine.ITypeConverter<NotApplicablePolicy> {
        @Override
        public NotApplicablePolicy convert(String value) {
            return NotApplicablePolicy.fromKey(value).orElseThrow(() ->
                    new picocli.CommandLine.TypeConversionException("'" + value + "' is not one of prorate, full-points"));
        }
    }
}

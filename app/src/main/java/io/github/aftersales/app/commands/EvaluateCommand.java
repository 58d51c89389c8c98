package io.github.aftersales.app.commands;

import io.github.aftersales.app.ExitCode;
import io.github.aftersales.app.UserException;
import io.github.aftersales.app.output.JsonReport;
import io.github.aftersales.app.output.Output;
import io.github.aftersales.app.output.TextReport;
import io.github.aftersales.core.assessment.AssessmentReader;
import io.github.aftersales.core.evaluation.EvaluationOptions;
import io.github.aftersales.core.evaluation.EvaluationResult;
import io.github.aftersales.core.evaluation.Evaluator;
import io.github.aftersales.core.evaluation.SchemeFailureException;
import io.github.aftersales.core.json.LocatedException;
import io.github.aftersales.spi.NotApplicablePolicy;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code evaluate}: score and grade assessment files. */
@Command(name = "evaluate", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {"Score and grade assessments (JSON, or YAML for .yaml/.yml files), one result per scheme in"
                + " each file. A file that cannot be evaluated is reported with its place and skipped; the exit code is"
                + " then 3. Input files are only read."})
public final class EvaluateCommand implements Callable<Integer> {

    /** The output formats. */
    public enum Format { text, json }

    private final Evaluator evaluator;

    @Spec
    CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "Assessment files.")
    List<Path> files;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
            description = "text or json (default: ${DEFAULT-VALUE}).")
    Format format;

    @Option(names = "--not-applicable", paramLabel = "READING",
            converter = NotApplicableConverter.class,
            description = "What a clause marked not applicable is worth: 'prorate' (left out of the applicable total,"
                    + " score scaled back to the declared total) or 'full-points'. Overrides the file and the scheme's"
                    + " default.")
    NotApplicablePolicy notApplicable;

    @Option(names = "--missing-as-zero",
            description = "Count a clause with no result or score as 0 instead of rejecting the file.")
    boolean missingAsZero;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Write to FILE instead of standard output.")
    Path output;

    @Option(names = "--force", description = "Overwrite the output file if it exists.")
    boolean force;

    @Inject
    EvaluateCommand(Evaluator evaluator) {
        this.evaluator = evaluator;
    }

    @Override
    public Integer call() {
        if (output != null) {
            for (Path file : files) {
                if (sameFile(file, output)) {
                    throw new UserException(ExitCode.OUTPUT, output + ": is an input file; input files are never"
                            + " overwritten, choose another output file");
                }
            }
        }
        EvaluationOptions options = new EvaluationOptions(notApplicable,
                missingAsZero);
        List<EvaluationResult> results = new ArrayList<>();
        int exit = ExitCode.OK;
        for (Path file : files) {
            try {
                results.add(evaluator.evaluate(AssessmentReader.read(file), options));
            } catch (LocatedException | SchemeFailureException e) {
                if (files.size() == 1) {
                    throw e;
                }
                spec.commandLine().getErr().println("error: " + (e instanceof SchemeFailureException
                        ? file + ": " : "") + e.getMessage());
                exit = Math.max(exit, e instanceof SchemeFailureException ? ExitCode.SCHEME : ExitCode.INPUT);
            }
        }
        String text;
        if (format == Format.json) {
            text = Output.json(JsonReport.of(results));
        } else {
            StringBuilder b = new StringBuilder();
            for (EvaluationResult r : results) {
                if (b.length() > 0) {
                    b.append("\n").append("─".repeat(60)).append("\n\n");
                }
                b.append(TextReport.of(r));
            }
            text = b.toString();
        }
        Output.write(text, output, force, spec.commandLine().getOut());
        return exit;
    }

    static boolean sameFile(Path a, Path b) {
        try {
            return java.nio.file.Files.exists(a) && java.nio.file.Files.exists(b) && java.nio.file.Files.isSameFile(a, b);
        } catch (java.io.IOException e) {
            return a.toAbsolutePath().normalize().equals(b.toAbsolutePath().normalize());
        }
    }

    /** Accepts {@code prorate} and {@code full-points}. */
    static final class NotApplicableConverter implements picocli.CommandLine.ITypeConverter<NotApplicablePolicy> {
        @Override
        public NotApplicablePolicy convert(String value) {
            return NotApplicablePolicy.fromKey(value).orElseThrow(() ->
                    new picocli.CommandLine.TypeConversionException("'" + value + "' is not one of prorate, full-points"));
        }
    }
}

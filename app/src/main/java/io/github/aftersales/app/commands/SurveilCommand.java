package io.github.aftersales.app.commands;

import io.github.aftersales.app.ExitCode;
import io.github.aftersales.app.UserException;
import io.github.aftersales.app.output.Output;
import io.github.aftersales.core.assessment.Assessment;
import io.github.aftersales.core.assessment.AssessmentReader;
import io.github.aftersales.core.assessment.SchemeAssessment;
import io.github.aftersales.core.evaluation.EvaluationOptions;
import io.github.aftersales.core.evaluation.EvaluationResult;
import io.github.aftersales.core.evaluation.Evaluator;
import io.github.aftersales.core.evaluation.SchemeResult;
import io.github.aftersales.core.evaluation.Surveillance;
import io.github.aftersales.core.evaluation.SurveillanceResult;
import io.github.aftersales.reports.Json;
import io.github.aftersales.reports.Labels;
import io.github.aftersales.reports.SurveillanceReport;
import io.github.aftersales.spi.Scheme;
import io.github.aftersales.spi.SurveillanceRules;
import io.github.aftersales.spi.Variant;
import jakarta.inject.Inject;
import jakarta.inject.Provider;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code surveil}: decide on a certificate from a surveillance assessment (CQM 6.4). */
@Command(name = "surveil", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {"Decide on a certificate from a surveillance assessment: keep, downgrade, suspend or revoke."
                + " The assessment is graded as by 'evaluate'; serious events (for cqm: a verified major complaint not"
                + " rectified, customer injury or death caused by the service, a government blacklist) suspend or"
                + " revoke the certificate whatever the grade. Input files are only read."})
public final class SurveilCommand implements Callable<Integer> {

    /** The output formats. */
    public enum Format { text, json }

    // providers: the schemes (and so the plugins) are loaded when the command runs, not for --help
    private final Provider<Evaluator> evaluator;
    private final Provider<Map<String, Scheme>> schemes;

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE", description = "The surveillance assessment.")
    Path file;

    @Option(names = "--level", required = true, paramLabel = "STARS",
            description = "The certificate's current level, in stars.")
    int level;

    @Option(names = "--scheme", paramLabel = "ID",
            description = "The scheme of the certificate, when the file holds more than one with surveillance rules.")
    String schemeId;

    @Option(names = "--on-serious", paramLabel = "ACTION", converter = OnSeriousConverter.class,
            description = OnSeriousConverter.DESCRIPTION)
    SurveillanceRules.Action onSerious;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
            description = "text or json (default: ${DEFAULT-VALUE}).")
    Format format;

    @Option(names = "--lang", paramLabel = "LANG", defaultValue = "both",
            description = "The text's words in zh or en (headings, the decision, why), or both (default: ${DEFAULT-VALUE}:"
                    + " headings in both, sentences in English as the decision has them); the standards' texts stay as"
                    + " written. JSON is the same in every language.")
    String lang;

    @picocli.CommandLine.Mixin
    OutputOptions out = new OutputOptions();

    @picocli.CommandLine.Mixin
    ReadingOptions reading = new ReadingOptions();

    @Inject
    SurveilCommand(Provider<Evaluator> evaluator, Provider<Map<String, Scheme>> schemes) {
        this.evaluator = evaluator;
        this.schemes = schemes;
    }

    @Override
    public Integer call() {
        Optional<SurveillanceRules.Action> action = Optional.ofNullable(onSerious);
        Labels labels;
        try {
            labels = Labels.parse(lang);
        } catch (IllegalArgumentException e) {
            throw new UserException(ExitCode.USAGE, "--lang: " + e.getMessage());
        }
        if (out.output != null && EvaluateCommand.sameFile(file, out.output)) {
            throw new UserException(ExitCode.OUTPUT, out.output + ": is the input file; choose another output file");
        }
        Assessment assessment = AssessmentReader.read(file);
        Evaluator engine = evaluator.get(); // loads the plugins
        Map<String, String> readings = reading.readings.isEmpty() ? Map.of() : reading.chosen(schemes.get(), null);
        try {
            readings = OnSeriousConverter.withReading(readings, onSerious, schemes.get().values());
        } catch (IllegalArgumentException e) {
            throw new UserException(ExitCode.USAGE, e.getMessage());
        }
        EvaluationResult result = engine.evaluate(assessment, new EvaluationOptions(null, false, readings));
        List<Integer> candidates = new java.util.ArrayList<>();
        for (int i = 0; i < result.results().size(); i++) {
            SchemeResult r = result.results().get(i);
            if ((schemeId == null || schemeId.equals(r.scheme())) && (variant(r).surveillance() != null || variant(r).cycle() != null)) {
                candidates.add(i);
            }
        }
        if (candidates.size() != 1) {
            throw new UserException(candidates.isEmpty() ? ExitCode.INPUT : ExitCode.USAGE, candidates.isEmpty()
                    ? file + ": no part of this file is of a scheme whose standard says how its certificates are surveilled"
                            + (schemeId == null ? "" : " named " + schemeId)
                    : file + ": several parts are of schemes with surveillance (" + candidates.stream().map(i -> result.results().get(i).scheme()).toList() + "); name one with --scheme");
        }
        int index = candidates.get(0);
        SchemeResult evaluation = result.results().get(index);
        SchemeAssessment part = assessment.parts().get(index);
        SurveillanceResult decision;
        try {
            decision = Surveillance.decide(variant(evaluation), part, evaluation, level, action, assessment.source(),
                    readings);
        } catch (IllegalArgumentException e) {
            throw new UserException(ExitCode.USAGE, e.getMessage());
        }
        String text = format == Format.json ? Json.pretty(SurveillanceReport.json(decision, assessment))
                : SurveillanceReport.text(decision, assessment, labels);
        Output.write(text, out.output, out.force, spec.commandLine().getOut());
        return ExitCode.OK;
    }

    private Variant variant(SchemeResult r) {
        return schemes.get().get(r.scheme()).variant(r.variant()).orElseThrow();
    }
}

package io.github.aftersales.app.commands;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.aftersales.app.ExitCode;
import io.github.aftersales.app.UserException;
import io.github.aftersales.app.output.Output;
import io.github.aftersales.core.assessment.Assessment;
import io.github.aftersales.core.assessment.AssessmentReader;
import io.github.aftersales.core.evaluation.EvaluationOptions;
import io.github.aftersales.core.evaluation.Evaluator;
import io.github.aftersales.core.registry.Messages;
import io.github.aftersales.mappings.Carry;
import io.github.aftersales.mappings.GapReport;
import io.github.aftersales.mappings.Mappings;
import io.github.aftersales.reports.Json;
import io.github.aftersales.reports.Printable;
import io.github.aftersales.spi.Scheme;
import io.github.aftersales.spi.Variant;
import jakarta.inject.Inject;
import jakarta.inject.Provider;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code carry}: an assessment of one scheme carried to another through the mapping sets, or the gap report. */
@Command(name = "carry", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {"Carry an assessment's findings to another scheme: writes a new assessment of the target"
                + " scheme (the input is only read) in which a finding is carried through an equal pair of clauses,"
                + " or a superset pair whose source conforms, its note saying where it came from; every other clause"
                + " is left blank for the auditor, its note listing the source findings that bear on it. With --gap,"
                + " the gap report instead: which clauses of the target the source covers, partly covers or does not"
                + " cover, with their points (docs/carry.md). The input must evaluate as it is."},
        footerHeading = "%nExit codes:%n",
        footer = {
            "  0   written",
            "  2   bad usage: an unknown scheme or variant in --to, no mapping from the file's scheme to it,",
            "      a format the mode does not write",
            "  3   the input cannot be read, is malformed or does not evaluate",
            "  4   the output file exists (use --force), is the input, or cannot be written",
            "  5   a scheme (a plugin) failed while the input was evaluated"})
public final class CarryCommand implements Callable<Integer> {

    /** The output formats: json or yaml for the assessment, text or json for the gap report. */
    public enum Format { json, yaml, text }

    // providers: the schemes (and so the plugins) are loaded when the command runs, not for --help
    private final Provider<Evaluator> evaluator;
    private final Provider<Map<String, Scheme>> installed;

    @Spec
    CommandSpec spec;

    @Option(names = "--from", required = true, paramLabel = "FILE",
            description = "The assessment to carry (JSON, YAML or a filled .xlsx form), graded under one scheme.")
    Path from;

    @Option(names = "--to", required = true, paramLabel = "SCHEME[/VARIANT]",
            description = "The target scheme, and its variant (default: the scheme's first), e.g. zg025 or"
                    + " zg025-combined/combined.")
    String to;

    @Option(names = "--gap", description = "Write the gap report instead of the carried assessment.")
    boolean gap;

    @Option(names = "--format", paramLabel = "FORMAT",
            description = "The assessment: json (default) or yaml; the gap report: text (default) or json.")
    Format format;

    @picocli.CommandLine.Mixin
    OutputOptions out = new OutputOptions();

    @Inject
    CarryCommand(Provider<Evaluator> evaluator, Provider<Map<String, Scheme>> installed) {
        this.evaluator = evaluator;
        this.installed = installed;
    }

    @Override
    public Integer call() {
        Format chosen = format != null ? format : gap ? Format.text : Format.json;
        if (gap && chosen == Format.yaml || !gap && chosen == Format.text) {
            throw new UserException(ExitCode.USAGE, "--format " + chosen + ": " + (gap
                    ? "the gap report is text or json" : "the carried assessment is json or yaml (text is for --gap)"));
        }
        if (out.output != null && EvaluateCommand.sameFile(from, out.output)) {
            throw new UserException(ExitCode.OUTPUT, Printable.of(out.output.toString())
                    + ": is the input file; input files are never overwritten, choose another output file");
        }
        Map<String, Scheme> schemes = installed.get();
        int slash = to.indexOf('/');
        String schemeId = slash < 0 ? to : to.substring(0, slash);
        Scheme scheme = schemes.get(schemeId);
        if (scheme == null) {
            throw new UserException(ExitCode.USAGE, "--to: " + Messages.unknownScheme(schemeId, schemes.keySet()));
        }
        Variant variant = slash < 0 ? scheme.defaultVariant() : scheme.variant(to.substring(slash + 1))
                .orElseThrow(() -> new UserException(ExitCode.USAGE, "--to: "
                        + Messages.unknownVariant(scheme, to.substring(slash + 1))));
        Assessment source = AssessmentReader.read(from);
        // the source must be one the tool grades: its ids, points and results are then the catalog's
        evaluator.get().evaluate(source, EvaluationOptions.DEFAULTS);
        Carry.Carried carried;
        try {
            carried = Carry.carry(source, scheme, variant, id -> Optional.ofNullable(schemes.get(id)),
                    Mappings.builtIn());
        } catch (IllegalArgumentException e) {
            throw new UserException(ExitCode.USAGE, Printable.of(from.toString()) + ": " + e.getMessage());
        }
        String text;
        if (gap) {
            text = chosen == Format.json ? Json.pretty(GapReport.json(carried)) : GapReport.text(carried);
        } else {
            ObjectNode assessment = carried.assessment();
            text = chosen == Format.yaml ? Json.yaml(assessment) : Json.pretty(assessment);
        }
        Output.write(text, out.output, out.force, spec.commandLine().getOut());
        return ExitCode.OK;
    }
}

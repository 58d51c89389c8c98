package io.github.aftersales.app.commands;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.aftersales.app.ExitCode;
import io.github.aftersales.app.UserException;
import io.github.aftersales.app.output.Output;
import io.github.aftersales.core.assessment.AssessmentFormat;
import io.github.aftersales.core.assessment.AssessmentFormats;
import io.github.aftersales.core.template.Templates;
import io.github.aftersales.reports.Json;
import io.github.aftersales.spi.Scheme;
import io.github.aftersales.spi.Variant;
import jakarta.inject.Inject;
import jakarta.inject.Provider;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code template}: a blank assessment to fill in, in the format {@code evaluate} reads. */
@Command(name = "template", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {"Write a blank assessment for a scheme: every clause with its id, title, points and the evidence"
                + " to provide, and empty result, score, note and evidence to fill in. Evaluate the filled file with"
                + " 'evaluate'."})
public final class TemplateCommand implements Callable<Integer> {

    /** The output syntaxes. */
    public enum Format { json, yaml, xlsx }

    // a provider: the schemes (and so the plugins) are loaded when the command runs, not for --help
    private final Provider<Map<String, Scheme>> installed;

    @Spec
    CommandSpec spec;

    @picocli.CommandLine.Mixin
    SchemeChoice choice = new SchemeChoice();

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "json",
            description = "json, yaml or xlsx (an Excel workbook to fill in; needs -o FILE) (default: ${DEFAULT-VALUE}).")
    Format format;

    @picocli.CommandLine.Mixin
    OutputOptions out = new OutputOptions();

    @Inject
    TemplateCommand(Provider<Map<String, Scheme>> installed) {
        this.installed = installed;
    }

    @Override
    public Integer call() {
        Map<String, Scheme> schemes = installed.get();
        SchemeChoice.Chosen chosen = choice.resolve(schemes);
        Scheme scheme = chosen.scheme();
        Variant variant = chosen.variant();
        if (format == Format.xlsx) {
            if (out.output == null) {
                throw new UserException(ExitCode.USAGE, "an xlsx form is written to a file: give -o FILE.xlsx");
            }
            // the forms module, found by ServiceLoader: the application is built with it, so its absence is a defect
            AssessmentFormat xlsx = AssessmentFormats.find("xlsx").orElseThrow(() -> new UserException(
                    ExitCode.INTERNAL, AssessmentFormats.missing("xlsx")));
            java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
            try {
                xlsx.writeTemplate(scheme, variant, id -> java.util.Optional.ofNullable(schemes.get(id)), bytes);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            } catch (IllegalArgumentException e) {
                throw new UserException(ExitCode.USAGE, e.getMessage());
            }
            try (io.github.aftersales.app.output.Sink sink = io.github.aftersales.app.output.Sink.open(out.output,
                    out.force, false, spec.commandLine().getOut())) {
                sink.bytes(bytes.toByteArray());
                sink.commit();
            }
            return ExitCode.OK;
        }
        ObjectNode template;
        try {
            template = Templates.blank(scheme, variant, id -> java.util.Optional.ofNullable(schemes.get(id)));
        } catch (IllegalArgumentException e) {
            throw new UserException(ExitCode.USAGE, e.getMessage());
        }
        String text = format == Format.yaml ? Json.yaml(template) : Json.pretty(template);
        Output.write(text, out.output, out.force, spec.commandLine().getOut());
        return ExitCode.OK;
    }
}

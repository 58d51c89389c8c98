package io.github.aftersales.app.commands.records;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.github.aftersales.app.ExitCode;
import io.github.aftersales.app.UserException;
import io.github.aftersales.app.commands.OutputOptionsAccess;
import io.github.aftersales.app.commands.VersionProvider;
import io.github.aftersales.records.Feeds;
import io.github.aftersales.records.RecordsSummary;
import io.github.aftersales.reports.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code records feed}: the figures as a part of an assessment. */
@Command(name = "feed", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {"The figures as what an assessment holds, each naming the export and its SHA-256:",
            "  --to annex-b  the GB/T 27922 Annex B checklist finding B.6.3.2 (顾客投诉解决率不能低于97%): conform or"
                + " not, with the counts",
            "  --to cqm      a CQM majorComplaint event for each major complaint: dated the day it was opened,"
                + " rectified when the records give a rectification date (by onSiteDate)",
            "Without --into, the finding or events are written as YAML to paste in. With --into ASSESSMENT, a copy of"
                + " the assessment with them put in its gbt27922 annex-b (or cqm) part is written to -o FILE (YAML when"
                + " its name ends .yaml or .yml, else JSON); the assessment itself is never changed."})
public final class RecordsFeedCommand implements Callable<Integer> {

    /** The schemes fed. */
    public enum Target { annex_b, cqm }

    @Spec
    CommandSpec spec;

    @Mixin
    RecordsInput input = new RecordsInput();

    @Option(names = "--to", required = true, paramLabel = "SCHEME", converter = TargetConverter.class,
            description = "annex-b or cqm.")
    Target target;

    @Option(names = "--into", paramLabel = "ASSESSMENT", description = "The assessment (JSON or YAML) to put them in;"
            + " written as a copy to -o.")
    Path into;

    @Option(names = "--on-site", paramLabel = "DATE", description = "CQM's onSiteDate (YYYY-MM-DD) when there is no"
            + " --into: a complaint opened after it is left out, and a rectification after it does not count.")
    java.time.LocalDate onSite;

    @Mixin
    OutputOptionsAccess out = new OutputOptionsAccess();

    /** {@code annex-b} as the enum's {@code annex_b}. */
    static final class TargetConverter implements picocli.CommandLine.ITypeConverter<Target> {
        @Override
        public Target convert(String value) {
            try {
                return Target.valueOf(value.strip().toLowerCase(Locale.ROOT).replace('-', '_'));
            } catch (IllegalArgumentException e) {
                throw new picocli.CommandLine.TypeConversionException("'" + value + "' is not annex-b or cqm");
            }
        }
    }

    @Override
    public Integer call() {
        JsonNode assessment = null;
        boolean yamlOut = false;
        if (into != null) {
            if (out.output() == null) {
                throw new UserException(ExitCode.USAGE, "--into writes a copy of the assessment: give -o FILE (the"
                        + " assessment itself is not changed)");
            }
            if (sameFile(into, out.output())) {
                throw new UserException(ExitCode.USAGE, "-o " + out.output() + " is the assessment given with --into:"
                        + " write the copy to another file");
            }
            assessment = readAssessment(into);
            String name = out.output().getFileName().toString().toLowerCase(Locale.ROOT);
            yamlOut = name.endsWith(".yaml") || name.endsWith(".yml");
        }
        RecordsSummary s = input.read(null, spec.commandLine().getErr());
        String onSiteDate = onSite == null ? null : onSite.toString();
        if (assessment != null && target == Target.cqm) {
            for (JsonNode part : assessment.path("schemes")) {
                if ("cqm".equals(part.path("scheme").asText()) && part.path("facts").path("onSiteDate").isTextual()) {
                    onSiteDate = part.path("facts").path("onSiteDate").asText();
                }
            }
        }
        ObjectNode finding = null;
        ArrayNode events = null;
        if (target == Target.annex_b) {
            finding = Feeds.annexB(s);
        } else {
            Feeds.Events e = Feeds.cqm(s, onSiteDate);
            events = e.events();
            for (String left : e.leftOut()) {
                spec.commandLine().getErr().println("warning: " + s.source() + ": the major complaint of " + left
                        + " is after onSiteDate " + onSiteDate + ": left out");
            }
        }
        String text;
        if (assessment == null) {
            ObjectNode snippet = JsonNodeFactory.instance.objectNode();
            if (finding != null) {
                snippet.putArray("findings").add(finding);
            } else {
                snippet.set("events", events);
            }
            text = Json.yaml(snippet);
        } else {
            ObjectNode merged;
            try {
                merged = Feeds.merge(assessment, target == Target.cqm ? "cqm" : "gbt27922",
                        target == Target.cqm ? null : "annex-b", finding, events);
            } catch (IllegalArgumentException e) {
                throw new UserException(ExitCode.INPUT, into + ": " + e.getMessage());
            }
            text = yamlOut ? Json.yaml(merged) : Json.pretty(merged);
        }
        out.write(text, spec.commandLine());
        return 0;
    }

    private static boolean sameFile(Path a, Path b) {
        try {
            return Files.exists(b) && Files.isSameFile(a, b);
        } catch (IOException e) {
            return a.toAbsolutePath().normalize().equals(b.toAbsolutePath().normalize());
        }
    }

    /** The assessment reader's own limit (docs/assessment-format.md). */
    private static final long MAX_ASSESSMENT = 32L << 20;

    private static JsonNode readAssessment(Path file) {
        try {
            if (Files.isRegularFile(file) && Files.size(file) > MAX_ASSESSMENT) {
                throw new UserException(ExitCode.INPUT, file + ": is " + (Files.size(file) >> 20) + " MiB; an assessment"
                        + " file is at most 32 MiB");
            }
            byte[] bytes = Files.readAllBytes(file);
            JsonNode node = new YAMLMapper().readTree(bytes);
            if (node == null || !node.isObject()) {
                throw new UserException(ExitCode.INPUT, file + ": is not an assessment (an object with 'schemes')");
            }
            return node;
        } catch (NoSuchFileException e) {
            throw new UserException(ExitCode.INPUT, file + ": no such file");
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new UserException(ExitCode.INPUT, file + (e.getLocation() == null ? "" : ":"
                    + e.getLocation().getLineNr() + ":" + e.getLocation().getColumnNr()) + ": malformed: "
                    + e.getOriginalMessage());
        } catch (IOException e) {
            throw new UserException(ExitCode.INPUT, file + ": cannot be read: " + e.getMessage());
        }
    }
}

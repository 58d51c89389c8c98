package io.github.aftersales.app.commands.records;

import io.github.aftersales.app.commands.OutputOptionsAccess;
import io.github.aftersales.app.commands.VersionProvider;
import io.github.aftersales.records.RecordsSummary;
import io.github.aftersales.records.SummaryHtml;
import io.github.aftersales.records.SummaryText;
import io.github.aftersales.reports.Json;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code records summary}: the figures of an export. */
@Command(name = "summary", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {"The indicators of an export, for all records and per type, channel and month opened: response"
                + " and resolution time (median, p90, mean), the share resolved within the promised time, first-contact"
                + " resolution, the satisfaction index, the complaint resolution rate, major complaints; as text, JSON"
                + " (docs/records.schema.json) or one HTML page with charts."})
public final class RecordsSummaryCommand implements Callable<Integer> {

    /** The output formats. */
    public enum Format { text, json, html }

    @Spec
    CommandSpec spec;

    @Mixin
    RecordsInput input = new RecordsInput();

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
            description = "text, json or html (default: ${DEFAULT-VALUE}).")
    Format format;

    @Mixin
    OutputOptionsAccess out = new OutputOptionsAccess();

    @Override
    public Integer call() {
        RecordsSummary s = input.read(null, spec.commandLine().getErr());
        String text = switch (format) {
            case text -> SummaryText.render(s);
            case json -> Json.pretty(s.json());
            case html -> SummaryHtml.render(s);
        };
        out.write(text, spec.commandLine());
        return 0;
    }
}

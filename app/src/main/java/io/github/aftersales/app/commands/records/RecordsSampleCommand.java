package io.github.aftersales.app.commands.records;

import io.github.aftersales.app.ExitCode;
import io.github.aftersales.app.UserException;
import io.github.aftersales.app.commands.OutputOptionsAccess;
import io.github.aftersales.app.commands.VersionProvider;
import io.github.aftersales.records.AuditSample;
import io.github.aftersales.records.Feeds;
import io.github.aftersales.records.RecordsSummary;
import io.github.aftersales.reports.Json;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code records sample}: a reproducible audit sample, and the finding it gives. */
@Command(name = "sample", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {"Draw N records for the auditor to check: the same seed and the same records give the same"
                + " sample, in any row order (docs/records.md says how to redraw it). Each record says whether the"
                + " records alone show it resolved within its promised time, later, or leave it to check by hand.",
            "With --finding ID, write instead the sampled finding for assessment item ID (YAML: samples checked and"
                + " non-conforming, with the seed and the export's SHA-256 in its evidence)."})
public final class RecordsSampleCommand implements Callable<Integer> {

    /** The output formats. */
    public enum Format { text, json }

    @Spec
    CommandSpec spec;

    @Mixin
    RecordsInput input = new RecordsInput();

    @Option(names = {"-n", "--size"}, required = true, paramLabel = "N", description = "How many records to draw.")
    int size;

    @Option(names = "--seed", required = true, paramLabel = "S", description = "The seed: written with the sample so it"
            + " can be drawn again.")
    long seed;

    @Option(names = "--stratify", description = "Draw from each type and month of opening its proportional share.")
    boolean stratify;

    @Option(names = "--finding", paramLabel = "ID", description = "Write the sampled finding for this item id (e.g. a"
            + " ZG025 item checked on samples) as YAML, for the assessment's findings.")
    String finding;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
            description = "text or json, for the sample itself (default: ${DEFAULT-VALUE}).")
    Format format;

    @Mixin
    OutputOptionsAccess out = new OutputOptionsAccess();

    @Override
    public Integer call() {
        if (size < 1 || size > 100_000) {
            throw new UserException(ExitCode.USAGE, "-n must be from 1 to 100000, not " + size);
        }
        AuditSample sample = new AuditSample(size, seed, stratify);
        RecordsSummary s = input.read(sample, spec.commandLine().getErr());
        String text;
        if (finding != null) {
            if (finding.isBlank()) {
                throw new UserException(ExitCode.USAGE, "--finding needs an item id");
            }
            text = Json.yaml(Feeds.sampled(s, sample, finding.strip()));
        } else if (format == Format.json) {
            text = Json.pretty(sample.json(s));
        } else {
            text = text(s, sample);
        }
        out.write(text, spec.commandLine());
        return 0;
    }

    private static String text(RecordsSummary s, AuditSample sample) {
        StringBuilder b = new StringBuilder();
        java.util.List<AuditSample.Entry> entries = sample.entries();
        b.append("sample of ").append(entries.size()).append(" from ").append(s.records()).append(" records of ")
                .append(printable(s.source())).append(" (sha256 ").append(s.sha256()).append("), seed ")
                .append(sample.seed()).append(sample.stratified() ? ", stratified by type and month" : "").append('\n');
        b.append("decided by the records: ").append(sample.decided()).append(", resolved later than promised: ")
                .append(sample.nonConforming()).append('\n').append('\n');
        for (AuditSample.Entry e : entries) {
            b.append(String.format("line %-8d %-20s %-13s opened %s  %s%n", e.line(), printable(e.id()), e.type().word(),
                    e.opened(), e.withinPromise() == null ? "check by hand" : e.withinPromise() ? "within promise"
                            : "resolved later than promised (" + e.resolved() + ", " + e.promisedHours() + " h)"));
        }
        return b.toString();
    }

    private static String printable(String s) {
        return io.github.aftersales.records.Text.printable(s);
    }
}

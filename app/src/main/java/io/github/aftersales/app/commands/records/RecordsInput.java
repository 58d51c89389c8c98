package io.github.aftersales.app.commands.records;

import io.github.aftersales.app.ExitCode;
import io.github.aftersales.app.UserException;
import io.github.aftersales.records.AuditSample;
import io.github.aftersales.records.Mapping;
import io.github.aftersales.records.RecordReader;
import io.github.aftersales.records.RecordsSummary;
import io.github.aftersales.records.RowProblem;
import java.io.PrintWriter;
import java.nio.file.Path;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** The export, its mapping and what to do with bad rows: the same for every records command. */
public final class RecordsInput {

    /** Skipped rows said one a line on standard error; the rest counted. */
    static final int WARNED = 20;

    @Parameters(index = "0", paramLabel = "EXPORT", description = "The service-record export: CSV, or an xlsx workbook.")
    Path export;

    @Option(names = "--mapping", paramLabel = "FILE", description = "A YAML or JSON file mapping the export's own column"
            + " names, type words, encoding and score scale (docs/records.md); default: the documented columns.")
    Path mapping;

    @Option(names = "--strict", description = "Exit 3 when any row is bad, after saying which (default: skip them and"
            + " warn).")
    boolean strict;

    /** Reads the export in one pass, with {@code sample} drawn in it when not null; warns of skipped rows. */
    RecordsSummary read(AuditSample sample, PrintWriter err) {
        Mapping m = mapping == null ? Mapping.defaults() : Mapping.read(mapping);
        RecordsSummary s;
        try (RecordReader reader = RecordReader.open(export, m)) {
            s = RecordsSummary.read(reader, m, mapping == null ? null : mapping.toString(), sample);
        }
        int said = 0;
        for (RowProblem p : s.problems()) {
            if (said++ < WARNED) {
                err.println("warning: " + p.describe(s.source()) + " (row skipped)");
            }
        }
        if (s.skipped() > WARNED) {
            err.println("warning: " + s.source() + ": " + s.skipped() + " rows skipped in all, the first " + WARNED
                    + " said above");
        }
        if (strict && s.skipped() > 0) {
            throw new UserException(ExitCode.INPUT, s.source() + ": " + s.skipped() + " bad rows (--strict)");
        }
        return s;
    }
}

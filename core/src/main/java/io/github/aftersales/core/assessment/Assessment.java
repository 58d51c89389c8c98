package io.github.aftersales.core.assessment;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * One assessment of one organisation, possibly against several schemes at once.
 *
 * @param source       the file it was read from, for messages
 * @param organisation the organisation assessed, or {@code null}
 * @param date         the assessment date as written, or {@code null}
 * @param assessor     who assessed, or {@code null}
 * @param parts        one part a scheme, at least one
 * @param line         the line of an NDJSON file it was read from, or 0 for a whole file
 */
public record Assessment(String source, String organisation, String date, String assessor, List<SchemeAssessment> parts,
        int line) {
    public Assessment {
        requireNonNull(source, "source is null");
        parts = List.copyOf(parts);
    }

    /** An assessment that is a whole file. */
    public Assessment(String source, String organisation, String date, String assessor, List<SchemeAssessment> parts) {
        this(source, organisation, date, assessor, parts, 0);
    }

    /** The same assessment named by another source: an upload read from a temporary file is named as the upload. */
    public Assessment withSource(String name) {
        return new Assessment(name, organisation, date, assessor, parts, line);
    }
}

package io.github.aftersales.core.assessment;

import static java.util.Objects.requireNonNull;

import io.github.aftersales.core.json.Located;
import io.github.aftersales.spi.NotApplicablePolicy;
import java.util.List;
import java.util.Map;

/**
 * The part of an assessment that concerns one scheme: its findings, facts and events.
 *
 * @param scheme        the scheme id
 * @param variant       the variant id, or {@code null} for the scheme's default
 * @param schemeVersion the scheme version the file was made for (a template states it), or {@code null}
 * @param notApplicable the reading of not-applicable clauses chosen here, or {@code null} for the variant's default
 * @param missingAsZero whether a clause with no finding counts as 0 instead of being an error
 * @param findings      the auditor's findings, in the file's order
 * @param facts         stated facts (audit outcome, survey figures, dates): {@link java.math.BigDecimal},
 *                      {@link Boolean} or {@link String} values
 * @param factPositions where each fact is in the file
 * @param events        dated events
 * @param position      where the part starts in the file
 * @param where         where it is in the file (its path, for messages)
 * @param readings      readings of the standard chosen in the part's {@code options.readings}, by key, as
 *                      written (a number as its text)
 * @param readingPositions where each chosen reading is in the file
 */
public record SchemeAssessment(
        String scheme, String variant, String schemeVersion, NotApplicablePolicy notApplicable, boolean missingAsZero,
        List<Finding> findings, Map<String, Object> facts, Map<String, Located.Position> factPositions, List<Event> events,
        Located.Position position, Located.Where where, Map<String, String> readings,
        Map<String, Located.Position> readingPositions) {

    /** A part that chooses no reading. */
    public SchemeAssessment(
            String scheme, String variant, String schemeVersion, NotApplicablePolicy notApplicable, boolean missingAsZero,
            List<Finding> findings, Map<String, Object> facts, Map<String, Located.Position> factPositions,
            List<Event> events, Located.Position position, Located.Where where) {
        this(scheme, variant, schemeVersion, notApplicable, missingAsZero, findings, facts, factPositions, events,
                position, where, Map.of(), Map.of());
    }

    public SchemeAssessment {
        readings = Map.copyOf(readings);
        readingPositions = Map.copyOf(readingPositions);
        requireNonNull(scheme, "scheme is null");
        findings = List.copyOf(findings);
        facts = Map.copyOf(facts);
        factPositions = Map.copyOf(factPositions);
        events = List.copyOf(events);
    }

    /** Its path in the file, e.g. {@code schemes[0]}, for messages. */
    public String path() {
        return where.toString();
    }
}

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
 */
public record SchemeAssessment(
        String scheme, String variant, String schemeVersion, NotApplicablePolicy notApplicable, boolean missingAsZero,
        List<Finding> findings, Map<String, Object> facts, Map<String, Located.Position> factPositions, List<Event> events,
        Located.Position position, Located.Where where) {

    public SchemeAssessment {
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

package io.github.aftersales.core.evaluation;

import io.github.aftersales.core.assessment.Conformity;
import java.math.BigDecimal;
import java.util.List;

/**
 * What one clause (or category scored as a whole) came to.
 *
 * @param id         clause or category id
 * @param title      title as written
 * @param titleEn    English title
 * @param points     the points it carries, or {@code null} for a checklist item
 * @param score      the points awarded, or {@code null} when excluded or a checklist item
 * @param result     the auditor's conclusion, or {@code null}
 * @param applicable whether it counts in the applicable total
 * @param note       the auditor's note, or {@code null}
 * @param evidence   evidence references
 * @param how        how the score was arrived at ("score given", "conform: full points", …)
 */
public record ClauseResult(
        String id, String title, String titleEn, BigDecimal points, BigDecimal score, Conformity result,
        boolean applicable, String note, List<String> evidence, String how) {

    public ClauseResult {
        evidence = List.copyOf(evidence);
    }

    /** Points lost, zero when none or not scored. */
    public BigDecimal lost() {
        if (points == null || score == null || !applicable) {
            return BigDecimal.ZERO;
        }
        return points.subtract(score);
    }

    /** Whether this is a checklist item without points of its own. */
    public boolean checklist() {
        return points == null;
    }
}

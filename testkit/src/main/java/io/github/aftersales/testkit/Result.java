package io.github.aftersales.testkit;

import java.math.BigDecimal;
import java.util.List;

/**
 * What the platform made of a test assessment, as plain values: the test kit's own view of a
 * result, so that a scheme's tests depend on the SPI and the test kit, never on the engine's types.
 *
 * @param scheme         the scheme id
 * @param variant        the variant id
 * @param grade          the level reached as written (e.g. {@code 四星级}), or the table's "none"
 * @param gradeId        the level's id, or {@code null} when no level is reached
 * @param stars          the grade's stars, 0 when not rated
 * @param passed         whether a level was reached
 * @param score          points awarded
 * @param maxScore       the applicable total (the declared total less excluded clauses, when prorated)
 * @param total          the score on the catalog's declared scale
 * @param percent        score / maxScore × 100
 * @param clauses        every scored clause and checklist item, in catalog order
 * @param reasons        why the grade is what it is and not higher, in the sentences a user reads
 * @param nextLevelNeeds what the level above needs that this assessment lacks, one sentence per condition
 * @since 0.1
 */
public record Result(String scheme, String variant, String grade, String gradeId, int stars, boolean passed,
        BigDecimal score, BigDecimal maxScore, BigDecimal total, BigDecimal percent, List<ClauseOutcome> clauses,
        List<String> reasons, List<String> nextLevelNeeds) {

    public Result {
        clauses = List.copyOf(clauses);
        reasons = List.copyOf(reasons);
        nextLevelNeeds = List.copyOf(nextLevelNeeds);
    }

    /** The clauses that lost points, in catalog order. */
    public List<ClauseOutcome> lostPoints() {
        return clauses.stream().filter(c -> c.lost().signum() > 0).toList();
    }

    /** The clauses excluded as not applicable. */
    public List<ClauseOutcome> excluded() {
        return clauses.stream().filter(c -> !c.applicable()).toList();
    }

    /**
     * One clause's outcome.
     *
     * @param id         the clause id, e.g. {@code 5.2.4.3}
     * @param title      its title as written
     * @param points     the points it is worth, {@code null} for a checklist item
     * @param score      the points awarded, {@code null} for a checklist item
     * @param lost       the points lost (zero when none, or for a checklist item)
     * @param applicable false when excluded as not applicable
     * @param how        how it was scored, in words, or {@code null}
     */
    public record ClauseOutcome(String id, String title, BigDecimal points, BigDecimal score, BigDecimal lost,
            boolean applicable, String how) {
    }
}

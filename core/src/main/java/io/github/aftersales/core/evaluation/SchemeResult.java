package io.github.aftersales.core.evaluation;

import io.github.aftersales.spi.NotApplicablePolicy;
import io.github.aftersales.spi.Variant;
import java.math.BigDecimal;
import java.util.List;

/**
 * The result of one scheme on one assessment; it explains itself (lost points, category shares,
 * the conditions of every level and which of them bind).
 *
 * @param scheme        scheme id
 * @param schemeVersion the standard's version
 * @param variant       variant id
 * @param variantTitle  variant title as written
 * @param score         points awarded
 * @param maxScore      the applicable total (declared total less excluded clauses under {@code prorate})
 * @param declaredMax   the catalog's declared total
 * @param total         the score on the declared scale: {@code score × declaredMax / maxScore}
 * @param percent       score / maxScore × 100
 * @param grade         the level reached, or the table's "none"
 * @param gradeEn       its English name
 * @param gradeId       the level id, or {@code null} when no level is reached
 * @param stars         stars of the grade, 0 when not rated or pass/fail only
 * @param passed        whether a level was reached
 * @param notApplicable the reading of not-applicable clauses used
 * @param categories    every category, parents before children
 * @param clauses       every scored clause (or category scored as a whole) and checklist item
 * @param levels        every level of the table, lowest first, with its checks
 * @param reasons       why the grade is what it is and not higher, and what was excluded, in sentences
 * @param parts         for a combining scheme: the parts whose results it combines (their results are
 *                      beside it in the same assessment); then {@code score} and {@code total} are the sum
 *                      of the parts' stars and {@code maxScore} the most they can sum to. Empty otherwise.
 * @param readings      the readings of the standard the result depended on ({@link ReadingUsed}), in the
 *                      scheme's order
 */
public record SchemeResult(
        String scheme, String schemeVersion, String variant, String variantTitle,
        BigDecimal score, BigDecimal maxScore, BigDecimal declaredMax, BigDecimal total, BigDecimal percent,
        String grade, String gradeEn, String gradeId, int stars, boolean passed, NotApplicablePolicy notApplicable,
        List<CategoryResult> categories, List<ClauseResult> clauses, List<LevelCheck> levels, List<String> reasons,
        List<Variant.PartRef> parts, List<ReadingUsed> readings) {

    /** A result that depended on no reading. */
    public SchemeResult(
            String scheme, String schemeVersion, String variant, String variantTitle,
            BigDecimal score, BigDecimal maxScore, BigDecimal declaredMax, BigDecimal total, BigDecimal percent,
            String grade, String gradeEn, String gradeId, int stars, boolean passed, NotApplicablePolicy notApplicable,
            List<CategoryResult> categories, List<ClauseResult> clauses, List<LevelCheck> levels, List<String> reasons,
            List<Variant.PartRef> parts) {
        this(scheme, schemeVersion, variant, variantTitle, score, maxScore, declaredMax, total, percent, grade, gradeEn,
                gradeId, stars, passed, notApplicable, categories, clauses, levels, reasons, parts, List.of());
    }

    public SchemeResult {
        readings = List.copyOf(readings);
        categories = List.copyOf(categories);
        clauses = clauses instanceof LazyList ? clauses : List.copyOf(clauses); // made when first read
        levels = List.copyOf(levels);
        reasons = reasons instanceof LazyList ? reasons : List.copyOf(reasons); // written when first read
        parts = List.copyOf(parts);
    }

    /** The scored clauses that lost points, in catalog order. */
    public List<ClauseResult> lostPoints() {
        // a loop, not a stream: a batch's summary asks this of every result, and the stream asked the list made
        // when first read for its size again and again
        List<ClauseResult> lost = new java.util.ArrayList<>();
        for (int i = 0, n = clauses.size(); i < n; i++) {
            ClauseResult c = clauses.get(i);
            if (c.lost().signum() > 0) {
                lost.add(c);
            }
        }
        return java.util.Collections.unmodifiableList(lost);
    }

    /** The clauses excluded as not applicable. */
    public List<ClauseResult> excluded() {
        return clauses.stream().filter(c -> !c.applicable()).toList();
    }

    /** The level just above the grade (the lowest level when none is reached), if there is one. */
    public java.util.Optional<LevelCheck> nextLevel() {
        int reached = -1;
        for (int i = 0; i < levels.size(); i++) {
            if (levels.get(i).id().equals(gradeId)) {
                reached = i;
            }
        }
        return reached + 1 < levels.size() ? java.util.Optional.of(levels.get(reached + 1)) : java.util.Optional.empty();
    }

    /** What the next level needs, in sentences ("total 88.5 &lt; 90 needed for 四星级 (four stars): 1.5 more points"). */
    public List<String> nextLevelNeeds() {
        return nextLevel().map(l -> l.shortfalls().stream()
                .map(s -> s.what() + " needed for " + l.name() + " (" + l.nameEn() + ")"
                        + (s.gap() == null ? "" : ": " + s.gap()))
                .toList()).orElse(List.of());
    }

    /** The top-level categories. */
    public List<CategoryResult> topCategories() {
        return categories.stream().filter(c -> c.depth() == 0).toList();
    }
}

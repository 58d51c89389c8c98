package io.github.aftersales.core.evaluation;

import io.github.aftersales.spi.NotApplicablePolicy;
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
 */
public record SchemeResult(
        String scheme, String schemeVersion, String variant, String variantTitle,
        BigDecimal score, BigDecimal maxScore, BigDecimal declaredMax, BigDecimal total, BigDecimal percent,
        String grade, String gradeEn, String gradeId, int stars, boolean passed, NotApplicablePolicy notApplicable,
        List<CategoryResult> categories, List<ClauseResult> clauses, List<LevelCheck> levels, List<String> reasons) {

    public SchemeResult {
        categories = List.copyOf(categories);
        clauses = List.copyOf(clauses);
        levels = List.copyOf(levels);
        reasons = List.copyOf(reasons);
    }

    /** The scored clauses that lost points, in catalog order. */
    public List<ClauseResult> lostPoints() {
        return clauses.stream().filter(c -> c.lost().signum() > 0).toList();
    }

    /** The clauses excluded as not applicable. */
    public List<ClauseResult> excluded() {
        return clauses.stream().filter(c -> !c.applicable()).toList();
    }

    /** The top-level categories. */
    public List<CategoryResult> topCategories() {
        return categories.stream().filter(c -> c.depth() == 0).toList();
    }
}

package io.github.aftersales.core.evaluation;

import io.github.aftersales.core.assessment.Conformity;
import io.github.aftersales.core.assessment.Finding;
import io.github.aftersales.spi.NotApplicablePolicy;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * What a run found for each unit and checklist item, from which their {@link ClauseResult}s are made
 * when first read: a batch that only grades never makes them.
 *
 * @param findings the finding of each unit and checklist item by ordinal ({@link VariantIndex#ids}), null for none
 * @param scaled   each scored unit's score times {@code scale}
 * @param excluded whether each scored unit is excluded from the applicable total
 */
record ClauseTable(VariantIndex index, Finding[] findings, BigDecimal[] scaled, BigDecimal scale, boolean[] excluded,
                   NotApplicablePolicy policy, String policySource) {

    List<ClauseResult> all() {
        List<ClauseResult> all = new ArrayList<>(findings.length);
        for (int o = 0; o < findings.length; o++) {
            all.add(o < index.scoredCount ? scored(o) : checklistItem(o - index.scoredCount));
        }
        return all;
    }

    String notApplicableHow(boolean isExcluded) {
        return isExcluded ? "not applicable: excluded from the applicable total (" + policy.key() + ", " + policySource + ")"
                : "not applicable: full points (" + policy.key() + ", " + policySource + ")";
    }

    private ClauseResult scored(int o) {
        ScoredUnit unit = index.scoredUnitList.get(o);
        String id = index.ids.get(o);
        BigDecimal points = unit.points();
        Finding f = findings[o];
        if (f == null || f.isBlank()) {
            return new ClauseResult(id, unit.title(), unit.titleEn(), points, BigDecimal.ZERO, null, true,
                    f == null ? null : f.note(), f == null ? List.of() : f.evidence(), "no finding: counted as 0");
        }
        if (f.result() == Conformity.NOT_APPLICABLE) {
            return new ClauseResult(id, unit.title(), unit.titleEn(), points, excluded[o] ? null : points, f.result(),
                    !excluded[o], f.note(), f.evidence(), notApplicableHow(excluded[o]));
        }
        if (f.scoreForms() > 0) {
            return ClauseResult.derived(id, unit.title(), unit.titleEn(), points, scaled[o], scale, f);
        }
        boolean conform = f.result() == Conformity.CONFORM;
        return new ClauseResult(id, unit.title(), unit.titleEn(), points, conform ? points : BigDecimal.ZERO, f.result(),
                true, f.note(), f.evidence(), conform ? "conform: full points" : "not conform: no points");
    }

    private ClauseResult checklistItem(int item) {
        Finding f = findings[index.scoredCount + item];
        return new ClauseResult(index.ids.get(index.scoredCount + item), index.checklistTitles[item],
                index.checklistTitlesEn[item], null, null, f == null ? null : f.result(), true,
                f == null ? null : f.note(), f == null ? List.of() : f.evidence(), index.checklistHows[item]);
    }
}

package io.github.aftersales.core.plan;

import java.util.List;

/**
 * For one scheme part of an assessment: the path to each level above the one reached, lowest first
 * (empty when the highest level is reached).
 *
 * @param scheme  the scheme id
 * @param variant the variant id
 * @param levels  one plan per level above the grade
 * @param note    why no plan was made (a condition the planner does not plan), or {@code null}
 */
public record SchemePlan(String scheme, String variant, List<LevelPlan> levels, String note) {
    public SchemePlan {
        levels = List.copyOf(levels);
    }
}

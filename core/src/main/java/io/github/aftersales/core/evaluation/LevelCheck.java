package io.github.aftersales.core.evaluation;

import java.util.List;

/**
 * A level of the grading table and whether each of its conditions holds.
 *
 * @param id         level id
 * @param name       name as written
 * @param nameEn     English name
 * @param stars      stars of the level, 0 for a pass/fail level
 * @param reached    whether all conditions hold
 * @param conditions the checks
 */
public record LevelCheck(String id, String name, String nameEn, int stars, boolean reached, List<ConditionCheck> conditions) {
    public LevelCheck {
        conditions = List.copyOf(conditions);
    }

    /** The shortfalls of this level's conditions. */
    public List<ConditionCheck.Shortfall> shortfalls() {
        return conditions.stream().flatMap(c -> c.shortfalls().stream()).toList();
    }
}

package io.github.aftersales.core.plan;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * The smallest set of changes that reaches one level above the grade.
 *
 * @param levelId the level's id
 * @param name    its name as written
 * @param nameEn  its English name
 * @param stars   its stars
 * @param status  whether the changes reach it now, only from a date, or not at all
 * @param from    for {@link Status#FROM}: the first date from which the waits stop binding; else {@code null}
 * @param changes the changes, fewest first (then fewest points, or least effort with an effort file), in
 *                the catalog's order, facts last
 * @param points  the points the clause changes gain
 * @param effort  their effort, or {@code null} when no effort file was given
 * @param waits   the conditions no action can change now, each with when it stops binding
 * @param routes  for a combined grade: the ways to reach it, cheapest first (the changes are the first's);
 *                empty otherwise
 * @param why     for {@link Status#NEVER}: why no change reaches it; for {@link Status#UNPLANNED}: the condition not
 *                modelled; else {@code null}
 * @param proven  whether the search proved the set the smallest; false only when it ran out of its budget
 *                (scores finer than half points on many clauses), the set then being the smallest it found
 */
public record LevelPlan(String levelId, String name, String nameEn, int stars, Status status, LocalDate from,
        List<Change> changes, BigDecimal points, BigDecimal effort, List<Wait> waits, List<Route> routes, String why,
        boolean proven) {

    public LevelPlan {
        changes = List.copyOf(changes);
        waits = List.copyOf(waits);
        routes = List.copyOf(routes);
    }

    /** Whether the level can be reached. */
    public enum Status {
        /** The changes reach it now. */
        NOW("now"),
        /** The changes reach it once the waits stop binding. */
        FROM("from"),
        /** No change reaches it. */
        NEVER("never"),
        /**
         * Not planned: a condition of it is of a kind the planner does not model (a derived figure or an expression,
         * which the changes may move); it may or may not be reachable ({@code why} says which condition).
         */
        UNPLANNED("unplanned");

        private final String key;

        Status(String key) {
            this.key = key;
        }

        public String key() {
            return key;
        }
    }
}

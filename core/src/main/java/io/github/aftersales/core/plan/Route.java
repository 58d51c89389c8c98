package io.github.aftersales.core.plan;

import java.math.BigDecimal;
import java.util.List;

/**
 * For a grade combining parts (ZG025 6.3): one way to reach a combined level, a level of each part.
 *
 * @param parts   the part's target levels, one a part, in the combination's order
 * @param changes the changes the route takes in all
 * @param points  the points they gain
 * @param effort  their effort, or {@code null} when no effort file was given
 */
public record Route(List<PartTarget> parts, int changes, BigDecimal points, BigDecimal effort) {
    public Route {
        parts = List.copyOf(parts);
    }

    /**
     * One part's target in a route.
     *
     * @param scheme  the part's scheme
     * @param levelId its target level's id, or {@code null} to keep its grade
     * @param name    the level's name as written
     * @param nameEn  its English name
     * @param stars   its stars
     * @param changes the changes it takes (0 to keep the part's grade)
     * @param points  the points they gain
     */
    public record PartTarget(String scheme, String levelId, String name, String nameEn, int stars, int changes,
            BigDecimal points) {
    }
}

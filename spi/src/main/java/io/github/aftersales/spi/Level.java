package io.github.aftersales.spi;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * One grade of a {@link GradingTable}.
 *
 * @param id         id unique within the table, e.g. {@code four-star}
 * @param name       name as written in the standard, e.g. {@code 四星级}
 * @param nameEn     our English name
 * @param stars      the stars this level gives, or {@code null} for a pass/fail level
 * @param conditions the conditions that must all hold, at least one
 *
 * @since 0.1
 */
@Api(status = Api.Status.STABLE, since = "0.1")
public record Level(String id, String name, String nameEn, Integer stars, List<Condition> conditions) {

    public Level {
        requireNonNull(id, "id is null");
        requireNonNull(name, "name is null");
        requireNonNull(nameEn, "nameEn is null");
        conditions = List.copyOf(conditions);
        if (conditions.isEmpty()) {
            throw new IllegalArgumentException("level " + id + " has no conditions");
        }
    }

    /** The stars, 0 for a level without stars. */
    public int starCount() {
        return stars == null ? 0 : stars;
    }
}

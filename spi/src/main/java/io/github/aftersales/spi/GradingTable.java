package io.github.aftersales.spi;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * A scheme's grades as data: ordered levels, each with the conditions it needs. The grade is the
 * highest level whose conditions all hold; when none holds, the grade is {@link #none()}.
 *
 * <p>This one rule gives star bands (one condition a level), pass rules (a single level with
 * several conditions) and "lowest level wins" tables (every condition per level), and it tells
 * which condition binds.
 *
 * @param levels levels from the lowest to the highest, at least one
 * @param none   the name of the result when no level is reached
 *
 * @since 0.1
 */
@Api(status = Api.Status.STABLE, since = "0.1")
public record GradingTable(List<Level> levels, LevelName none) {

    public GradingTable {
        levels = List.copyOf(levels);
        requireNonNull(none, "none is null");
        if (levels.isEmpty()) {
            throw new IllegalArgumentException("a grading table needs at least one level");
        }
    }

    /** The name of a grade, in Chinese as written and in English. */
    public record LevelName(String name, String nameEn) {
        public LevelName {
            requireNonNull(name, "name is null");
            requireNonNull(nameEn, "nameEn is null");
        }
    }
}

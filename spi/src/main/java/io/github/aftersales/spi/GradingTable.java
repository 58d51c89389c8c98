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
 * @param levels  levels from the lowest to the highest, at least one
 * @param none    the name of the result when no level is reached
 * @param figures the figures its conditions may name besides the built-in ones (since 0.2), ids unique
 *
 * @since 0.1
 */
@Api(status = Api.Status.STABLE, since = "0.1")
public record GradingTable(List<Level> levels, LevelName none, List<DerivedFigure> figures) {

    public GradingTable {
        levels = List.copyOf(levels);
        requireNonNull(none, "none is null");
        figures = List.copyOf(figures);
        if (levels.isEmpty()) {
            throw new IllegalArgumentException("a grading table needs at least one level");
        }
        java.util.Set<String> ids = new java.util.HashSet<>();
        for (DerivedFigure f : figures) {
            if (!ids.add(f.id())) {
                throw new IllegalArgumentException("figure '" + f.id() + "' is declared twice");
            }
        }
    }

    /** A table whose conditions name only the built-in figures. */
    public GradingTable(List<Level> levels, LevelName none) {
        this(levels, none, List.of());
    }

    /** The derived figure {@code id}, if the table declares it. */
    public java.util.Optional<DerivedFigure> figure(String id) {
        return figures.stream().filter(f -> f.id().equals(id)).findFirst();
    }

    /** The name of a grade, in Chinese as written and in English. */
    public record LevelName(String name, String nameEn) {
        public LevelName {
            requireNonNull(name, "name is null");
            requireNonNull(nameEn, "nameEn is null");
        }
    }
}

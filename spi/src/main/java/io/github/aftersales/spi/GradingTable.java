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
 * @param decided the checklist items whose result the table decides with an expression (since 0.2), items unique
 *
 * @since 0.1
 */
@Api(status = Api.Status.STABLE, since = "0.1")
public record GradingTable(List<Level> levels, LevelName none, List<DerivedFigure> figures,
        List<DecidedItem> decided) {

    public GradingTable {
        levels = List.copyOf(levels);
        requireNonNull(none, "none is null");
        figures = List.copyOf(figures);
        decided = List.copyOf(decided);
        java.util.Set<String> items = new java.util.HashSet<>();
        for (DecidedItem d : decided) {
            if (!items.add(d.item())) {
                throw new IllegalArgumentException("item '" + d.item() + "' is decided twice");
            }
        }
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
        this(levels, none, List.of(), List.of());
    }

    /** A table that decides no item's result (as before {@code decided} existed). */
    public GradingTable(List<Level> levels, LevelName none, List<DerivedFigure> figures) {
        this(levels, none, figures, List.of());
    }

    /** How the table decides {@code item}'s result, if it does. */
    public java.util.Optional<DecidedItem> decided(String item) {
        return decided.stream().filter(d -> d.item().equals(item)).findFirst();
    }

    /**
     * A checklist item (no points of its own) whose result is decided by an expression when the
     * assessment states every fact the expression names, as where a standard gives the item as a
     * figure and its threshold (GB/T 27922 B.6.3.2 "顾客投诉解决率不能低于97%": it conforms when
     * {@code resolutionRate >= 97}). When those facts are not stated, the item is the auditor's, as
     * before. The expression is written and checked as an {@link Condition.OnExpression}'s.
     *
     * @param item         the item's id in the catalog
     * @param conformsWhen the expression: true, the item conforms; false, it does not
     *
     * @since 0.2
     */
    public record DecidedItem(String item, String conformsWhen) {
        public DecidedItem {
            requireNonNull(item, "item is null");
            requireNonNull(conformsWhen, "conformsWhen is null");
        }
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

package io.github.aftersales.core.definition;

import io.github.aftersales.core.json.LocatedException;
import io.github.aftersales.spi.Catalog;
import io.github.aftersales.spi.Condition;
import io.github.aftersales.spi.GradingTable;
import io.github.aftersales.spi.Level;

/** Checks that a grading table refers only to what its catalog has. */
public final class GradingValidator {

    private GradingValidator() {
    }

    public static void validate(GradingTable table, Catalog catalog, String source) {
        Integer previousStars = null;
        for (Level level : table.levels()) {
            for (Condition c : level.conditions()) {
                if (c instanceof Condition.OnFigure f && f.category() != null
                        && !Condition.EVERY_TOP_LEVEL_CATEGORY.equals(f.category())
                        && catalog.category(f.category()).isEmpty()) {
                    throw new LocatedException(source, null, "level " + level.id()
                            + " names category " + f.category() + ", which the catalog does not have");
                }
            }
            if (level.stars() != null) {
                if (level.stars() < 0) {
                    throw new LocatedException(source, null, "level " + level.id() + " has negative stars");
                }
                if (previousStars != null && level.stars() <= previousStars) {
                    throw new LocatedException(source, null, "levels are listed from the lowest to the highest,"
                            + " but " + level.id() + " has " + level.stars() + " stars after a level with "
                            + previousStars);
                }
                previousStars = level.stars();
            }
        }
    }
}

package io.github.aftersales.core.definition;

import io.github.aftersales.core.json.Located;
import io.github.aftersales.core.evaluation.Decimals;
import io.github.aftersales.core.json.LocatedException;
import io.github.aftersales.spi.Catalog;
import io.github.aftersales.spi.Category;
import io.github.aftersales.spi.Clause;
import java.math.BigDecimal;
import java.util.HashSet;
import java.util.Set;

/**
 * Checks a catalog's size ({@link Limits}), arithmetic and ids: ids unique, children add up to
 * their parent, the top-level categories add up to the declared total.
 */
public final class CatalogValidator {

    private CatalogValidator() {
    }

    /**
     * Validates a catalog.
     *
     * @param catalog the catalog
     * @param source  the resource it came from, for messages
     * @param root    its root node, for positions (may be {@code null})
     * @throws LocatedException naming the resource and the clause or category at fault
     */
    public static void validate(Catalog catalog, String source, Located root) {
        Limits.catalog(catalog, source); // first: what follows recurses and counts without bounds
        Set<String> ids = new HashSet<>();
        BigDecimal sum = BigDecimal.ZERO;
        for (Category c : catalog.categories()) {
            check(c, source, ids);
            if (c.points() != null) {
                sum = sum.add(c.points());
            }
        }
        if (sum.compareTo(catalog.totalPoints()) != 0) {
            throw new LocatedException(source, root == null ? null : root.position(),
                    "the top-level categories add up to " + Decimals.text(sum) + " points, but totalPoints is "
                            + Decimals.text(catalog.totalPoints()));
        }
    }

    private static void check(Category c, String source, Set<String> ids) {
        unique(c.id(), source, ids);
        for (Clause cl : c.clauses()) {
            unique(cl.id(), source, ids);
        }
        for (Category sub : c.categories()) {
            check(sub, source, ids);
        }
        if (c.scoring() != Category.Scoring.BY_CLAUSES) {
            return;
        }
        BigDecimal children = BigDecimal.ZERO;
        for (Clause cl : c.clauses()) {
            children = children.add(cl.points());
        }
        for (Category sub : c.categories()) {
            if (sub.points() == null) {
                // the engine sums a scored category's sub-categories; a checklist has nothing to add
                throw new LocatedException(source, null, "category " + sub.id() + " carries no points (a checklist)"
                        + " but is inside category " + c.id() + ", which is scored by its clauses: put the checklist"
                        + " at the top level, or make " + c.id() + " scored as a whole");
            }
            children = children.add(sub.points());
        }
        if (children.compareTo(c.points()) != 0) {
            throw new LocatedException(source, null, "category " + c.id() + " declares " + Decimals.text(c.points())
                    + " points but its clauses and sub-categories add up to " + Decimals.text(children));
        }
    }

    private static void unique(String id, String source, Set<String> ids) {
        if (!ids.add(id)) {
            throw new LocatedException(source, null, "id " + id + " appears more than once");
        }
    }
}

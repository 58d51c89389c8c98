package io.github.aftersales.spi;

import java.util.List;

/**
 * What a walk of a catalog ({@link Catalog#walk}, {@link Category#walk}) meets, depth first in the
 * standard's order: a category, then what it holds in the order of {@link Category#children()}, then
 * the category again as it is left. Every program that lists a catalog's clauses (templates, forms,
 * the engine's order of results) walks it this way, so they all list the clauses in the same order.
 *
 * <p>{@code parents} are the categories enclosing the item, outermost first (empty for a top-level
 * category). It is a read-only view that the walk changes as it goes: copy it to keep it.
 *
 * @since 0.2
 */
@Api(status = Api.Status.EXPERIMENTAL, since = "0.2")
public interface CatalogVisitor {

    /**
     * A category, before what it holds.
     *
     * @return whether to walk what it holds ({@code false}: its children and its {@link #leave} are skipped)
     */
    default boolean enter(Category category, List<Category> parents) {
        return true;
    }

    /** A clause; {@code parents} ends with the category that holds it. */
    default void clause(Clause clause, List<Category> parents) {
    }

    /** A category, after what it holds. */
    default void leave(Category category, List<Category> parents) {
    }

    /**
     * The category whose checklist an item with these enclosing categories belongs to: the outermost
     * of them that is not scored by its clauses (one scored as a whole, or a checklist without points),
     * or {@code null} when every one is scored by its clauses (the item is scored itself).
     */
    static Category checklistOwner(List<Category> parents) {
        for (Category c : parents) {
            if (c.scoring() != Category.Scoring.BY_CLAUSES) {
                return c;
            }
        }
        return null;
    }
}

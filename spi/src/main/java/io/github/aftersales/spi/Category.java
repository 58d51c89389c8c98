package io.github.aftersales.spi;

import static java.util.Objects.requireNonNull;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * A category of a catalog (a heading of the standard), holding sub-categories and clauses.
 *
 * @param id            id exactly as printed in the standard, e.g. {@code 5.1.2}
 * @param title         title as written (Chinese)
 * @param titleEn       our English title
 * @param points        the points the standard gives the category; {@code null} when it carries none
 *                      ({@link Scoring#NOT_SCORED})
 * @param scoring       how the category is scored
 * @param categories    sub-categories, in the standard's order
 * @param clauses       clauses directly under this category, in the standard's order
 * @param children      its clauses and sub-categories together, in the standard's order (each of them
 *                      once, nothing else); a catalog without an order of its own lists the clauses
 *                      first, then the sub-categories
 *
 * @since 0.1
 */
@Api(status = Api.Status.STABLE, since = "0.1")
public record Category(
        String id, String title, String titleEn, BigDecimal points, Scoring scoring,
        List<Category> categories, List<Clause> clauses, List<CatalogItem> children) implements CatalogItem {

    /** A category whose clauses come before its sub-categories, as catalogs without an order of their own read. */
    public Category(String id, String title, String titleEn, BigDecimal points, Scoring scoring,
            List<Category> categories, List<Clause> clauses) {
        this(id, title, titleEn, points, scoring, categories, clauses, clausesFirst(categories, clauses));
    }

    public Category {
        requireNonNull(id, "id is null");
        requireNonNull(title, "title is null");
        requireNonNull(titleEn, "titleEn is null");
        requireNonNull(scoring, "scoring is null");
        categories = List.copyOf(categories);
        clauses = List.copyOf(clauses);
        children = List.copyOf(children);
        checkChildren(id, categories, clauses, children);
        if ((points == null) != (scoring == Scoring.NOT_SCORED)) {
            throw new IllegalArgumentException("category " + id + ": points are "
                    + (points == null ? "missing" : "given") + " but it is " + scoring);
        }
    }

    /** How a category is scored. */
    public enum Scoring {
        /** Its points are the sum of its clauses' and sub-categories' points. */
        BY_CLAUSES,
        /**
         * The auditor scores the category itself, because the standard gives points only per
         * category; its clauses are a checklist without points.
         */
        AS_WHOLE,
        /**
         * It carries no points: a checklist (a management audit's clauses, or a group of checklist
         * items inside a category scored as a whole).
         */
        NOT_SCORED
    }

    /** Whether the auditor scores this category itself. */
    public boolean scoredAsWhole() {
        return scoring == Scoring.AS_WHOLE;
    }

    /** Walks this category and everything under it, in the standard's order, as if it were at the top. */
    public void walk(CatalogVisitor visitor) {
        walk(visitor, new ArrayList<>());
    }

    void walk(CatalogVisitor visitor, List<Category> path) {
        List<Category> parents = Collections.unmodifiableList(path);
        if (!visitor.enter(this, parents)) {
            return;
        }
        path.add(this);
        for (CatalogItem child : children) {
            if (child instanceof Category sub) {
                sub.walk(visitor, path);
            } else {
                visitor.clause((Clause) child, parents);
            }
        }
        path.remove(path.size() - 1);
        visitor.leave(this, parents);
    }

    private static List<CatalogItem> clausesFirst(List<Category> categories, List<Clause> clauses) {
        List<CatalogItem> out = new ArrayList<>(clauses);
        out.addAll(categories);
        return out;
    }

    private static void checkChildren(String id, List<Category> categories, List<Clause> clauses,
            List<CatalogItem> children) {
        Map<CatalogItem, Boolean> held = new IdentityHashMap<>();
        clauses.forEach(c -> held.put(c, Boolean.FALSE));
        categories.forEach(c -> held.put(c, Boolean.FALSE));
        for (CatalogItem child : children) {
            Boolean seen = held.get(child);
            if (seen == null) {
                throw new IllegalArgumentException("category " + id + ": its children list " + child.id()
                        + ", which is none of its clauses and sub-categories");
            }
            if (seen) {
                throw new IllegalArgumentException("category " + id + ": its children list " + child.id() + " twice");
            }
            held.put(child, Boolean.TRUE);
        }
        if (children.size() != held.size()) {
            throw new IllegalArgumentException("category " + id + ": its children leave out "
                    + held.entrySet().stream().filter(e -> !e.getValue()).map(e -> e.getKey().id()).toList());
        }
    }
}

package io.github.aftersales.spi;

import static java.util.Objects.requireNonNull;

import java.math.BigDecimal;
import java.util.List;

/**
 * A category of a catalog (a heading of the standard), holding sub-categories and clauses.
 *
 * @param id            id exactly as printed in the standard, e.g. {@code 5.1.2}
 * @param title         title as written (Chinese)
 * @param titleEn       our English title
 * @param points        the points the standard gives the category
 * @param scoredAsWhole whether the auditor scores the category itself because the standard gives
 *                      points only per category; its clauses are then a checklist without points
 * @param categories    sub-categories, in the standard's order
 * @param clauses       clauses directly under this category, in the standard's order
 */
public record Category(
        String id, String title, String titleEn, BigDecimal points, boolean scoredAsWhole,
        List<Category> categories, List<Clause> clauses) {

    public Category {
        requireNonNull(id, "id is null");
        requireNonNull(title, "title is null");
        requireNonNull(titleEn, "titleEn is null");
        categories = List.copyOf(categories);
        clauses = List.copyOf(clauses);
    }

    void collectClauses(List<Clause> out) {
        out.addAll(clauses);
        for (Category c : categories) {
            c.collectClauses(out);
        }
    }

    void collectCategories(List<Category> out) {
        out.add(this);
        for (Category c : categories) {
            c.collectCategories(out);
        }
    }
}

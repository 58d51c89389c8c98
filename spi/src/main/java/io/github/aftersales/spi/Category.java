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
 * @param points        the points the standard gives the category; {@code null} when it carries none
 *                      ({@link Scoring#NOT_SCORED})
 * @param scoring       how the category is scored
 * @param categories    sub-categories, in the standard's order
 * @param clauses       clauses directly under this category, in the standard's order
 *
 * @since 0.1
 */
@Api(status = Api.Status.STABLE, since = "0.1")
public record Category(
        String id, String title, String titleEn, BigDecimal points, Scoring scoring,
        List<Category> categories, List<Clause> clauses) {

    public Category {
        requireNonNull(id, "id is null");
        requireNonNull(title, "title is null");
        requireNonNull(titleEn, "titleEn is null");
        requireNonNull(scoring, "scoring is null");
        categories = List.copyOf(categories);
        clauses = List.copyOf(clauses);
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

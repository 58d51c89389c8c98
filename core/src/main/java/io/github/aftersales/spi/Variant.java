package io.github.aftersales.spi;

import static java.util.Objects.requireNonNull;

/**
 * One way of assessing against a scheme (for GB/T 27922: the 100-point form, or one of the
 * annexes' category tables), with its own catalog and grading table.
 *
 * @param id           variant id, unique within the scheme, e.g. {@code form}
 * @param title        title as written in the standard
 * @param titleEn      our English title
 * @param catalog      the criteria
 * @param grading      the grading table
 * @param notApplicable default reading of a clause marked not applicable; an assessment may override it
 */
public record Variant(
        String id, String title, String titleEn, Catalog catalog, GradingTable grading,
        NotApplicablePolicy notApplicable) {

    public Variant {
        requireNonNull(id, "id is null");
        requireNonNull(title, "title is null");
        requireNonNull(titleEn, "titleEn is null");
        requireNonNull(catalog, "catalog is null");
        requireNonNull(grading, "grading is null");
        requireNonNull(notApplicable, "notApplicable is null");
    }
}

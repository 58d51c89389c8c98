package io.github.aftersales.spi;

import static java.util.Objects.requireNonNull;

import java.math.BigDecimal;
import java.util.List;

/**
 * A clause of the standard: what is assessed, what it is worth and what evidence it needs.
 *
 * @param id                id exactly as printed in the standard, e.g. {@code 5.2.2.1}
 * @param title             the clause's text as written (Chinese)
 * @param titleEn           our English title
 * @param points            the points, exact; {@code null} for a checklist item inside a category
 *                          scored as a whole (the standard gives it no points of its own)
 * @param requiredEvidence  the evidence the standard asks for, one entry a line; may be empty
 * @param asksApplicability whether the standard asks "is this clause applicable?"
 * @param row               the row (序号) of the standard's form, or {@code null}
 * @param note              a note (注) printed under the clause, or {@code null}
 *
 * @since 0.1
 */
@Api(status = Api.Status.STABLE, since = "0.1")
public record Clause(
        String id, String title, String titleEn, BigDecimal points, List<String> requiredEvidence,
        boolean asksApplicability, Integer row, String note) implements CatalogItem {

    public Clause {
        requireNonNull(id, "id is null");
        requireNonNull(title, "title is null");
        requireNonNull(titleEn, "titleEn is null");
        requiredEvidence = List.copyOf(requiredEvidence);
    }
}

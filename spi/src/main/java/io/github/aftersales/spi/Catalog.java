package io.github.aftersales.spi;

import static java.util.Objects.requireNonNull;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The criteria of one variant: categories (any depth) holding clauses with points.
 *
 * @param title                  title as written in the standard
 * @param titleEn                our English title
 * @param totalPoints            the total the standard declares
 * @param categories             top-level categories, in the standard's order
 * @param anyClauseMayBeExcluded whether any clause may be marked not applicable (ZG025 删减), or
 *                               only those that ask about applicability
 * @param scoringGuide           the standard's guidance for scoring an item as a percentage (ZG025
 *                               Table 1), one entry a band, shown in templates; may be empty
 *
 * @since 0.1
 */
@Api(status = Api.Status.STABLE, since = "0.1")
public record Catalog(
        String title, String titleEn, BigDecimal totalPoints, List<Category> categories,
        boolean anyClauseMayBeExcluded, List<String> scoringGuide) {

    public Catalog {
        requireNonNull(title, "title is null");
        requireNonNull(titleEn, "titleEn is null");
        requireNonNull(totalPoints, "totalPoints is null");
        categories = List.copyOf(categories);
        scoringGuide = List.copyOf(scoringGuide);
    }

    /**
     * Walks the catalog depth first in the standard's order (each category's {@link Category#children()}).
     *
     * @since 0.2
     */
    public void walk(CatalogVisitor visitor) {
        for (Category c : categories) {
            c.walk(visitor, new ArrayList<>());
        }
    }

    /** Every clause, depth first in the standard's order. */
    public List<Clause> clauses() {
        List<Clause> out = new ArrayList<>();
        walk(new CatalogVisitor() {
            @Override
            public void clause(Clause clause, List<Category> parents) {
                out.add(clause);
            }
        });
        return List.copyOf(out);
    }

    /** Every category, depth first, parents before children. */
    public List<Category> allCategories() {
        List<Category> out = new ArrayList<>();
        walk(new CatalogVisitor() {
            @Override
            public boolean enter(Category category, List<Category> parents) {
                out.add(category);
                return true;
            }
        });
        return List.copyOf(out);
    }

    /** The categories the auditor scores as a whole, depth first. */
    public List<Category> wholeScoredCategories() {
        return allCategories().stream().filter(Category::scoredAsWhole).toList();
    }

    /** The clause with this id. */
    public Optional<Clause> clause(String id) {
        return clauses().stream().filter(c -> c.id().equals(id)).findFirst();
    }

    /** The category with this id. */
    public Optional<Category> category(String id) {
        return allCategories().stream().filter(c -> c.id().equals(id)).findFirst();
    }
}

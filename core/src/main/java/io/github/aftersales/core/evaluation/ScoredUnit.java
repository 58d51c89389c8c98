package io.github.aftersales.core.evaluation;

import io.github.aftersales.spi.Category;
import io.github.aftersales.spi.Clause;
import java.math.BigDecimal;

/**
 * What a finding scores: a clause with points, or a category the standard scores only as a whole
 * (its clauses then being a checklist). Sealed, so each kind is handled wherever units are, and a
 * new kind does not compile until every place handles it.
 */
sealed interface ScoredUnit permits ScoredUnit.OfClause, ScoredUnit.WholeCategory {

    String id();

    String title();

    String titleEn();

    BigDecimal points();

    /** Whether the clause itself asks "is this applicable?" (a category scored whole never does). */
    boolean asksApplicability();

    static ScoredUnit of(Clause clause) {
        return new OfClause(clause);
    }

    static ScoredUnit of(Category category) {
        return new WholeCategory(category);
    }

    /** A clause with points of its own. */
    record OfClause(Clause clause) implements ScoredUnit {
        @Override
        public String id() {
            return clause.id();
        }

        @Override
        public String title() {
            return clause.title();
        }

        @Override
        public String titleEn() {
            return clause.titleEn();
        }

        @Override
        public BigDecimal points() {
            return clause.points();
        }

        @Override
        public boolean asksApplicability() {
            return clause.asksApplicability();
        }
    }

    /** A category scored as a whole. */
    record WholeCategory(Category category) implements ScoredUnit {
        @Override
        public String id() {
            return category.id();
        }

        @Override
        public String title() {
            return category.title();
        }

        @Override
        public String titleEn() {
            return category.titleEn();
        }

        @Override
        public BigDecimal points() {
            return category.points();
        }

        @Override
        public boolean asksApplicability() {
            return false;
        }
    }
}

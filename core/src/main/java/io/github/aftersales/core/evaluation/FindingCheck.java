package io.github.aftersales.core.evaluation;

import static io.github.aftersales.core.evaluation.Decimals.text;

import io.github.aftersales.core.assessment.Conformity;
import io.github.aftersales.core.assessment.Finding;
import io.github.aftersales.core.assessment.SchemeAssessment;
import io.github.aftersales.core.json.LocatedException;
import io.github.aftersales.core.json.Suggestions;
import io.github.aftersales.spi.Category;
import io.github.aftersales.spi.Scheme;
import io.github.aftersales.spi.Variant;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Checks the findings of one part against its variant's catalog: known ids, scores within points, a
 * result that agrees with its score, not applicable only where the standard allows it and with a
 * note, every scored unit given a finding. What it finds wrong is the user's, with the place.
 */
final class FindingCheck {

    private final Scheme scheme;
    private final Variant variant;
    private final VariantIndex index;
    private final String source;

    FindingCheck(Scheme scheme, Variant variant, VariantIndex index, String source) {
        this.scheme = scheme;
        this.variant = variant;
        this.index = index;
        this.source = source;
    }

    /**
     * Checks one finding (of the unit at {@code ordinal}, or -1 for none) against the catalog.
     *
     * @return the unit's score times {@code scale} when the finding gives one (a score, samples or a
     *         percentage), else {@code null} (the result alone gives it, or the finding scores nothing)
     */
    BigDecimal check(Finding f, int ordinal, BigDecimal scale) {
        ScoredUnit unit = ordinal >= 0 && ordinal < index.scoredCount ? index.scoredUnitList.get(ordinal) : null;
        if (unit == null) {
            checkUnscored(f, ordinal);
            return null;
        }
        BigDecimal points = unit.points();
        if (f.declaredPoints() != null && f.declaredPoints().compareTo(points) != 0) {
            throw problem(f, f.id() + " says it carries " + text(f.declaredPoints()) + " points but "
                    + scheme.id() + " " + variant.id() + " gives it " + text(points)
                    + ": was this file made from a template of another version?");
        }
        if (f.result() == Conformity.NOT_APPLICABLE) {
            checkNotApplicable(f, unit);
            return null;
        }
        if (f.scoreForms() > 1) {
            throw problem(f, f.id() + " is given more than one of score, samples and percent; give one");
        }
        if (unit instanceof ScoredUnit.WholeCategory whole && f.scoreForms() == 0 && !f.isBlank()) {
            throw problem(f, whole.id() + " " + whole.title() + " is scored as a whole: give it a score of its "
                    + text(points) + " points (a result alone does not say how many)");
        }
        if (f.score() != null) {
            if (f.score().signum() < 0) {
                throw problem(f, "score of " + f.id() + " is negative: " + f.score().toPlainString());
            }
            if (f.score().compareTo(points) > 0) {
                throw problem(f, "score of " + f.id() + " is " + f.score().toPlainString() + ", above its "
                        + text(points) + " points");
            }
        }
        BigDecimal derived = Scores.scaled(f, points, scale);
        if (derived != null && f.result() == Conformity.NOT_CONFORM && points.signum() > 0
                && derived.compareTo(Decimals.times(points, scale)) == 0) {
            throw problem(f, f.id() + " is marked not conform but given its full " + text(points)
                    + " points; lower the score or mark it conform");
        }
        if (derived != null && f.result() == Conformity.CONFORM && points.signum() > 0
                && derived.signum() == 0) {
            throw problem(f, f.id() + " is marked conform but given 0 of its " + text(points)
                    + " points; raise the score or mark it not conform");
        }
        return derived;
    }

    /** A finding on a checklist item (a result and a note only), or on nothing this variant scores. */
    private void checkUnscored(Finding f, int ordinal) {
        Category owner = ordinal >= index.scoredCount ? index.checklistOwnerList.get(ordinal - index.scoredCount) : null;
        if (owner != null) {
            if (f.scoreForms() > 0 || f.result() == Conformity.NOT_APPLICABLE) {
                throw problem(f, f.id() + " is a checklist item of " + owner.id() + " " + owner.title()
                        + (owner.scoredAsWhole()
                                ? ", which the standard scores only as a whole: give the score to " + owner.id()
                                : ", which carries no points: give it a result and a note only"));
            }
            return;
        }
        Category category = index.categories.get(f.id());
        if (category != null) {
            throw problem(f, f.id() + " is a category; score its clauses (" + String.join(", ", idsUnder(category))
                    + ")");
        }
        Set<String> ids = new HashSet<>(index.scoredUnits.keySet());
        ids.addAll(index.checklistOwner.keySet());
        throw problem(f, "unknown clause id '" + f.id() + "' in " + scheme.id() + " " + variant.id()
                + Suggestions.didYouMean(f.id(), ids));
    }

    private void checkNotApplicable(Finding f, ScoredUnit unit) {
        if (!variant.catalog().anyClauseMayBeExcluded() && !unit.asksApplicability()) {
            List<String> asking = index.askingApplicability;
            throw problem(f, f.id() + " cannot be marked not applicable: " + scheme.id() + " " + variant.id()
                    + (asking.isEmpty() ? " has no clause that may be marked not applicable"
                            : " asks about applicability only for " + String.join(", ", asking)));
        }
        if (f.scoreForms() > 0) {
            throw problem(f, f.id() + " is marked not applicable and also given a score; give one or the other");
        }
        if (f.note() == null) {
            throw problem(f, f.id() + " is marked not applicable without a note: say why it does not apply");
        }
        if (Notes.saysNothing(f.note())) {
            // a zero-width or ideographic space looks like a note and says nothing
            throw problem(f, f.id() + " is marked not applicable with a note of invisible characters only ("
                    + Notes.codes(f.note()) + "): say why it does not apply");
        }
    }

    /**
     * Every scored unit has a finding, unless missing ones count as 0: the error names the first few
     * and points at the first blank finding when there is one (a template's row, a form's cell).
     */
    void requireEveryUnitScored(Finding[] byOrdinal, SchemeAssessment part, boolean missingAsZero) {
        if (missingAsZero) {
            return;
        }
        List<String> missing = new ArrayList<>();
        for (int o = 0; o < index.scoredCount; o++) {
            Finding f = byOrdinal[o];
            if (f == null || f.isBlank()) {
                missing.add(index.ids.get(o));
            }
        }
        if (missing.isEmpty()) {
            return;
        }
        String list = missing.size() <= 12 ? String.join(", ", missing)
                : String.join(", ", missing.subList(0, 12)) + " and " + (missing.size() - 12) + " more";
        Finding firstBlank = missing.stream().map(id -> byOrdinal[index.ordinals.get(id)]).filter(Objects::nonNull)
                .findFirst().orElse(null);
        throw new LocatedException(source, firstBlank == null ? part.position() : firstBlank.position(),
                (firstBlank == null ? part.path() : firstBlank.path()) + ": " + missing.size() + " of "
                + index.scoredUnits.size() + " " + scheme.id() + " " + variant.id() + " items have no score or result: "
                + list + " (give each a result or score, or pass --missing-as-zero to count them as 0)");
    }

    /** A finding scored twice. */
    LocatedException twice(Finding f, Finding earlier) {
        return problem(f, f.id() + " is scored twice (first at line " + earlier.position().line() + ")");
    }

    private static List<String> idsUnder(Category c) {
        List<String> ids = new ArrayList<>();
        c.walk(new io.github.aftersales.spi.CatalogVisitor() {
            @Override
            public void clause(io.github.aftersales.spi.Clause cl, List<Category> parents) {
                ids.add(cl.id());
            }
        });
        return ids;
    }

    private LocatedException problem(Finding f, String message) {
        return new LocatedException(source, f.position(), f.path() + ": " + message);
    }
}

package io.github.aftersales.testkit;

import io.github.aftersales.core.evaluation.LevelCheck;
import io.github.aftersales.core.evaluation.SchemeResult;
import io.github.aftersales.spi.Comparison;
import io.github.aftersales.spi.Condition;
import io.github.aftersales.spi.Inputs;
import io.github.aftersales.spi.Level;
import io.github.aftersales.spi.Scheme;
import io.github.aftersales.spi.Variant;
import io.github.aftersales.testkit.AssessmentBuilder.ScoredItem;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Searches, for every level of a variant, for an assessment whose grade reaches it: every item at the
 * same share of its points (0, ¼, ½, ¾, all), with the facts and events the level's own conditions
 * ask for and the kit's best-case defaults for the rest. A level none of them reaches is reported, and
 * so is an assessment that reaches a level but not one below it (the grade is the highest level whose
 * conditions hold, so levels must be monotone). A search, not a proof: the catalog checks at load time
 * refuse what can be shown wrong from the files alone.
 */
final class LevelSearch {

    private static final LocalDate EVALUATED = LocalDate.of(2026, 1, 1); // the kit's default evaluation date

    private final Scheme scheme;
    private final Variant variant;
    private final List<ScoredItem> items;

    LevelSearch(Scheme scheme, Variant variant, List<ScoredItem> items) {
        this.scheme = scheme;
        this.variant = variant;
        this.items = items;
    }

    void check(List<ContractViolation> out) {
        if (variant.grading().levels().stream().flatMap(l -> l.conditions().stream())
                .anyMatch(c -> c instanceof Condition.OnExpression || c instanceof Condition.OnDerivedFigure)) {
            // the facts a derived figure's or a condition's expression needs, and values that meet it, are not
            // searched for (a figure used only to decide an item is no level's concern)
            return;
        }
        List<Level> levels = variant.grading().levels();
        for (int l = 0; l < levels.size(); l++) {
            Level level = levels.get(l);
            boolean reached = false;
            for (int quarters = 4; quarters >= 0; quarters--) {
                SchemeResult r = assessment(level, quarters).engineResult();
                LevelCheck check = r.levels().get(l);
                if (!check.reached()) {
                    continue;
                }
                reached = true;
                for (int below = 0; below < l; below++) {
                    if (!r.levels().get(below).reached()) {
                        out.add(new ContractViolation(ContractRule.LEVELS_REACHABLE, variant.id(), "an assessment"
                                + " reaches level " + level.id() + " but not " + levels.get(below).id() + " below it"
                                + " (every item at " + quarters * 25 + " % of its points, with the facts and events"
                                + " its conditions ask for)"));
                        return;
                    }
                }
            }
            if (!reached && !boundedAbove(level)) {
                out.add(new ContractViolation(ContractRule.LEVELS_REACHABLE, variant.id(), "no assessment the kit tried"
                        + " reaches level " + level.id() + " (" + level.name() + "): every item at 0, 25, 50, 75 and"
                        + " 100 % of its points, with the facts and events its conditions ask for"));
            }
        }
    }

    /** Every item at {@code quarters}/4 of its points, with inputs that meet the level's conditions on them. */
    private AssessmentBuilder assessment(Level level, int quarters) {
        AssessmentBuilder b = new AssessmentBuilder(scheme, variant);
        for (ScoredItem i : items) {
            b.score(i.id(), i.points().multiply(BigDecimal.valueOf(quarters)).divide(BigDecimal.valueOf(4))
                    .stripTrailingZeros().toPlainString());
        }
        for (Condition c : level.conditions()) {
            if (c instanceof Condition.OnFact f) {
                Comparison cmp = f.comparison();
                b.fact(f.fact(), cmp.word() != null ? cmp.word() : meeting(cmp, isPercent(f.fact())));
            } else if (c instanceof Condition.OnDuration d && c.comparison().number() != null) {
                long months = wholeAtLeast(meeting(c.comparison(), false));
                b.fact(d.to(), EVALUATED.toString());
                b.fact(d.from(), EVALUATED.minusMonths(Math.max(0, months)).toString());
            } else if (c instanceof Condition.OnEventCount e && c.comparison().number() != null) {
                Comparison.Operator op = c.comparison().operator();
                // the fewest events that meet it: none under an upper bound
                long count = op == Comparison.Operator.AT_MOST || op == Comparison.Operator.BELOW ? 0
                        : wholeAtLeast(meeting(c.comparison(), false));
                List<String> attributes = new ArrayList<>();
                for (String attribute : variant.inputs().events().stream().filter(s -> s.type().equals(e.eventType()))
                        .findFirst().map(Inputs.EventSpec::attributes).orElse(List.of())) {
                    attributes.add(attribute);
                    attributes.add(e.where().getOrDefault(attribute, "true"));
                }
                for (long n = 0; n < count; n++) {
                    b.event(e.eventType(), EVALUATED.toString(), attributes.toArray(String[]::new));
                }
            }
        }
        return b;
    }

    /**
     * Whether a level caps a figure (at most so many points): items at one share cannot show it
     * unreachable, as a mix of shares may reach it, so the search says nothing of such a level.
     */
    private static boolean boundedAbove(Level level) {
        return level.conditions().stream().anyMatch(c -> c instanceof Condition.OnFigure
                && (c.comparison().operator() == Comparison.Operator.AT_MOST
                        || c.comparison().operator() == Comparison.Operator.BELOW));
    }

    /** The whole number at or above a value (months and counts are whole; a threshold of 2.5 needs 3). */
    private static long wholeAtLeast(BigDecimal value) {
        return value.setScale(0, java.math.RoundingMode.CEILING).longValue();
    }

    private boolean isPercent(String fact) {
        return variant.inputs().facts().stream()
                .anyMatch(f -> f.name().equals(fact) && f.type() == Inputs.FactSpec.Type.PERCENT);
    }

    /** A value that meets the comparison, as near its threshold as whole numbers go (half-way for a percentage). */
    private static BigDecimal meeting(Comparison cmp, boolean percent) {
        BigDecimal t = cmp.number();
        BigDecimal step = percent && t.add(BigDecimal.ONE).compareTo(BigDecimal.valueOf(100)) > 0
                ? BigDecimal.valueOf(100).subtract(t).divide(BigDecimal.valueOf(2)) : BigDecimal.ONE;
        return switch (cmp.operator()) {
            case AT_LEAST, AT_MOST, EQUALS -> t;
            case ABOVE -> t.add(step);
            case BELOW -> t.subtract(BigDecimal.ONE).max(BigDecimal.ZERO);
        };
    }
}

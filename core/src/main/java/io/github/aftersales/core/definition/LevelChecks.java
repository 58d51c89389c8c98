package io.github.aftersales.core.definition;

import io.github.aftersales.core.json.LocatedException;
import io.github.aftersales.spi.Catalog;
import io.github.aftersales.spi.Category;
import io.github.aftersales.spi.Comparison;
import io.github.aftersales.spi.Condition;
import io.github.aftersales.spi.GradingTable;
import io.github.aftersales.spi.Inputs;
import io.github.aftersales.spi.Level;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What makes a grading table wrong though every file in it reads: a level no assessment can reach
 * (a threshold beyond what its figure can be), a condition that always holds (on a checklist
 * category, which carries no points), and levels out of order (one easier to reach than a level
 * below it). The grade is the highest level whose conditions all hold, so levels must be monotone:
 * an assessment that reaches a level reaches every level below it. That is checked as a rule an
 * author can follow: each condition of a level is required, at least as strictly, by the level above.
 */
final class LevelChecks {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private final GradingTable table;
    private final Catalog catalog;
    private final boolean combining;
    private final Inputs inputs;
    private final String source;

    private LevelChecks(GradingTable table, Catalog catalog, boolean combining, Inputs inputs, String source) {
        this.table = table;
        this.catalog = catalog;
        this.combining = combining;
        this.inputs = inputs;
        this.source = source;
    }

    static void check(GradingTable table, Catalog catalog, boolean combining, Inputs inputs, String source) {
        new LevelChecks(table, catalog, combining, inputs, source).check();
    }

    private void check() {
        List<Level> levels = table.levels();
        for (int i = 0; i < levels.size(); i++) {
            Level level = levels.get(i);
            for (int j = 0; j < level.conditions().size(); j++) {
                Condition c = level.conditions().get(j);
                checkMeasured(c, level, i, j);
                checkReachable(c, level, i, j);
                for (int k = 0; k < j; k++) {
                    Condition earlier = level.conditions().get(k);
                    if (contradict(earlier, c)) {
                        throw problem(name(level) + " needs both " + Describe.of(earlier) + " (" + path(i, k) + ") and "
                                + Describe.of(c) + " (" + path(i, j) + "), which no figure meets at once: no"
                                + " assessment can reach " + level.id());
                    }
                }
            }
        }
        for (int i = 1; i < levels.size(); i++) {
            Level lower = levels.get(i - 1);
            Level higher = levels.get(i);
            for (int j = 0; j < lower.conditions().size(); j++) {
                Condition c = lower.conditions().get(j);
                if (!alwaysHolds(c) && !impliedByAll(higher, c)
                        && higher.conditions().stream().noneMatch(d -> implies(d, c))) {
                    Comparison.Operator op = c.comparison().operator();
                    boolean ceiling = op == Comparison.Operator.AT_MOST || op == Comparison.Operator.BELOW;
                    throw problem("levels are listed from the lowest to the highest, but " + name(higher)
                            + " does not require " + Describe.of(c) + " (" + path(i - 1, j) + "), which "
                            + name(lower) + " below it does, so an assessment reaching " + higher.id()
                            + " need not reach " + lower.id() + ". " + (ceiling
                                    ? "Drop that bound from " + lower.id() + ": the grade is the highest level whose"
                                            + " conditions all hold, so a level needs no ceiling (with one, an"
                                            + " assessment above it that misses " + higher.id() + " reaches no level)"
                                    : "Require it, at least as strictly, in " + higher.id()));
                }
            }
        }
    }

    /** A condition on a category's share needs a category that carries points: a checklist's share is not measured. */
    private void checkMeasured(Condition c, Level level, int i, int j) {
        if (c instanceof Condition.OnFigure f && f.figure() == Condition.Figure.CATEGORY_PERCENT
                && !Condition.EVERY_TOP_LEVEL_CATEGORY.equals(f.category())) {
            Optional<Category> category = catalog.category(f.category());
            if (category.isPresent() && category.get().points() == null) {
                throw problem(name(level) + " needs " + Describe.of(c) + " (" + path(i, j) + "), but category "
                        + f.category() + " carries no points (a checklist): its share is not measured, so the"
                        + " condition would always hold. Put it on a category with points, or on the items' results");
            }
        }
    }

    private void checkReachable(Condition c, Level level, int i, int j) {
        Comparison cmp = c.comparison();
        if (cmp.number() == null) {
            return;
        }
        Range range = range(c);
        if (range != null && !range.allows(cmp)) {
            throw problem(name(level) + " needs " + Describe.of(c) + " (" + path(i, j) + "), but " + range.what
                    + ": no assessment can reach " + level.id());
        }
    }

    /** Whether a condition holds whatever its figure is (percentage ≥ 0): no level needs to restate it. */
    private boolean alwaysHolds(Condition c) {
        Range range = c.comparison().number() == null ? null : range(c);
        return range != null && range.always(c.comparison());
    }

    /** What the measure of a condition can be; {@code null} when nothing bounds it. */
    private Range range(Condition c) {
        return c.accept(new Condition.Visitor<Range>() {
            @Override
            public Range figure(Condition.OnFigure f) {
                return switch (f.figure()) {
                    case TOTAL, SCORE -> combining ? null : new Range(BigDecimal.ZERO, catalog.totalPoints(),
                            "the " + f.figure().key() + " is at most the catalog's " + plain(catalog.totalPoints())
                                    + " points and at least 0");
                    case PERCENT, CATEGORY_PERCENT -> new Range(BigDecimal.ZERO, HUNDRED,
                            "a percentage is from 0 to 100");
                    case PART_STARS -> new Range(BigDecimal.ZERO, null, "stars are 0 or more");
                };
            }

            @Override
            public Range fact(Condition.OnFact f) {
                Optional<Inputs.FactSpec> spec = inputs.facts().stream().filter(s -> s.name().equals(f.fact())).findFirst();
                if (spec.isEmpty()) {
                    return null;
                }
                return switch (spec.get().type()) {
                    case PERCENT -> new Range(BigDecimal.ZERO, HUNDRED, "fact " + f.fact() + " is a percentage, from 0 to"
                            + " 100");
                    case COUNT -> new Range(BigDecimal.ZERO, null, "fact " + f.fact() + " is a count, 0 or more");
                    case DATE, CHOICE, NUMBER -> null;
                };
            }

            @Override
            public Range eventCount(Condition.OnEventCount e) {
                return new Range(BigDecimal.ZERO, null, "a count of events is 0 or more");
            }

            @Override
            public Range part(Condition.OnPart p) {
                return p.figure() == Condition.PartFigure.STARS ? new Range(BigDecimal.ZERO, null, "stars are 0 or more")
                        : null;
            }

            @Override
            public Range duration(Condition.OnDuration d) {
                return new Range(BigDecimal.ZERO, null, "months from " + d.from() + " to " + d.to() + " are 0 or more");
            }

            @Override
            public Range derivedFigure(Condition.OnDerivedFigure d) {
                return null; // what an expression can give is not worked out
            }

            @Override
            public Range expression(Condition.OnExpression e) {
                return null; // true or false, compared with true
            }
        });
    }

    /** A closed interval a measure lies in ({@code null}: unbounded on that side), and how to say it. */
    private record Range(BigDecimal low, BigDecimal high, String what) {
        boolean allows(Comparison cmp) {
            BigDecimal t = cmp.number();
            return switch (cmp.operator()) {
                case AT_LEAST -> high == null || t.compareTo(high) <= 0;
                case ABOVE -> high == null || t.compareTo(high) < 0;
                case AT_MOST -> low == null || t.compareTo(low) >= 0;
                case BELOW -> low == null || t.compareTo(low) > 0;
                case EQUALS -> (low == null || t.compareTo(low) >= 0) && (high == null || t.compareTo(high) <= 0);
            };
        }

        boolean always(Comparison cmp) {
            BigDecimal t = cmp.number();
            return switch (cmp.operator()) {
                case AT_LEAST -> low != null && t.compareTo(low) <= 0;
                case ABOVE -> low != null && t.compareTo(low) < 0;
                case AT_MOST -> high != null && t.compareTo(high) >= 0;
                case BELOW -> high != null && t.compareTo(high) > 0;
                case EQUALS -> low != null && high != null && low.compareTo(high) == 0 && t.compareTo(low) == 0;
            };
        }
    }

    /** Whether every assessment meeting {@code d} meets {@code c}: the same measure, at least as strictly. */
    private boolean implies(Condition d, Condition c) {
        if (d instanceof Condition.OnFigure df && c instanceof Condition.OnFigure cf) {
            if (onTotal(df) && onTotal(cf)) {
                // total = percent × declared / 100, exactly, with exclusions or without
                return implies(inTotalPoints(df), inTotalPoints(cf));
            }
            return df.figure() == cf.figure() && sameCategory(df.category(), cf.category())
                    && implies(d.comparison(), c.comparison());
        }
        if (d instanceof Condition.OnFact df && c instanceof Condition.OnFact cf) {
            return df.fact().equals(cf.fact()) && implies(d.comparison(), c.comparison());
        }
        if (d instanceof Condition.OnExpression de && c instanceof Condition.OnExpression ce) {
            // what an expression requires is not worked out: the level above states the same expression
            return de.expression().replaceAll("\\s+", "").equals(ce.expression().replaceAll("\\s+", ""));
        }
        if (d instanceof Condition.OnDerivedFigure dd && c instanceof Condition.OnDerivedFigure cd) {
            return dd.figure().equals(cd.figure()) && implies(d.comparison(), c.comparison());
        }
        if (d instanceof Condition.OnDuration dd && c instanceof Condition.OnDuration cd) {
            return dd.from().equals(cd.from()) && dd.to().equals(cd.to()) && implies(d.comparison(), c.comparison());
        }
        if (d instanceof Condition.OnPart dp && c instanceof Condition.OnPart cp) {
            return dp.figure() == cp.figure() && (dp.part().equals(cp.part())
                    || Condition.EVERY_TOP_LEVEL_CATEGORY.equals(dp.part())) && implies(d.comparison(), c.comparison());
        }
        if (d instanceof Condition.OnEventCount de && c instanceof Condition.OnEventCount ce) {
            if (!de.eventType().equals(ce.eventType()) || !de.before().equals(ce.before())
                    || !implies(d.comparison(), c.comparison())) {
                return false;
            }
            Comparison.Operator cop = c.comparison().operator();
            boolean atMost = (cop == Comparison.Operator.AT_MOST || cop == Comparison.Operator.BELOW)
                    && isUpper(d.comparison().operator());
            boolean atLeast = (cop == Comparison.Operator.AT_LEAST || cop == Comparison.Operator.ABOVE)
                    && isLower(d.comparison().operator());
            // few events in a wider window, of a wider kind, are few in the narrower; many, the other way
            if (atMost) {
                return de.withinMonths() >= ce.withinMonths() && filters(ce.where(), de.where());
            }
            if (atLeast) {
                return de.withinMonths() <= ce.withinMonths() && filters(de.where(), ce.where());
            }
            return de.withinMonths() == ce.withinMonths() && de.where().equals(ce.where());
        }
        return false;
    }

    private boolean onTotal(Condition.OnFigure f) {
        return !combining && catalog.totalPoints().signum() > 0
                && (f.figure() == Condition.Figure.TOTAL || f.figure() == Condition.Figure.PERCENT);
    }

    /** A condition on the total or the percentage as one on the total (a percentage times the total / 100, exact). */
    private Comparison inTotalPoints(Condition.OnFigure f) {
        Comparison c = f.comparison();
        return f.figure() == Condition.Figure.TOTAL || c.number() == null ? c
                : Comparison.of(c.operator(), c.number().multiply(catalog.totalPoints()).movePointLeft(2));
    }

    /**
     * Whether a condition on every top-level category is met by the level's conditions on each of them
     * (category A ≥ 90 and category B ≥ 60 together require every category ≥ 50).
     */
    private boolean impliedByAll(Level higher, Condition c) {
        if (!(c instanceof Condition.OnFigure f) || f.figure() != Condition.Figure.CATEGORY_PERCENT
                || !Condition.EVERY_TOP_LEVEL_CATEGORY.equals(f.category())) {
            return false;
        }
        return catalog.categories().stream().filter(top -> top.points() != null).allMatch(top -> higher.conditions()
                .stream().anyMatch(d -> d instanceof Condition.OnFigure df
                        && df.figure() == Condition.Figure.CATEGORY_PERCENT && top.id().equals(df.category())
                        && implies(d.comparison(), c.comparison())));
    }

    /** Whether no value meets both conditions, which measure the same thing. */
    private boolean contradict(Condition a, Condition b) {
        Comparison ca;
        Comparison cb;
        if (a instanceof Condition.OnFigure fa && b instanceof Condition.OnFigure fb) {
            if (onTotal(fa) && onTotal(fb)) {
                ca = inTotalPoints(fa);
                cb = inTotalPoints(fb);
            } else if (fa.figure() == fb.figure() && java.util.Objects.equals(fa.category(), fb.category())) {
                ca = a.comparison();
                cb = b.comparison();
            } else {
                return false;
            }
        } else if (a instanceof Condition.OnFact fa && b instanceof Condition.OnFact fb && fa.fact().equals(fb.fact())
                || a instanceof Condition.OnDerivedFigure ga && b instanceof Condition.OnDerivedFigure gb
                        && ga.figure().equals(gb.figure())
                || a instanceof Condition.OnDuration da && b instanceof Condition.OnDuration db
                        && da.from().equals(db.from()) && da.to().equals(db.to())
                || a instanceof Condition.OnEventCount ea && b instanceof Condition.OnEventCount eb
                        && ea.eventType().equals(eb.eventType()) && ea.before().equals(eb.before())
                        && ea.withinMonths() == eb.withinMonths() && ea.where().equals(eb.where())
                || a instanceof Condition.OnPart pa && b instanceof Condition.OnPart pb && pa.part().equals(pb.part())
                        && pa.figure() == pb.figure()) {
            ca = a.comparison();
            cb = b.comparison();
        } else {
            return false;
        }
        if (ca.word() != null || cb.word() != null) {
            return ca.word() != null && cb.word() != null && !ca.word().equalsIgnoreCase(cb.word());
        }
        Bound low = Bound.tighter(Bound.lower(ca), Bound.lower(cb), true);
        Bound high = Bound.tighter(Bound.upper(ca), Bound.upper(cb), false);
        if (low == null || high == null) {
            return false;
        }
        int cmp = low.value.compareTo(high.value);
        return cmp > 0 || (cmp == 0 && !(low.inclusive && high.inclusive));
    }

    /** One end of the values a comparison allows. */
    private record Bound(BigDecimal value, boolean inclusive) {
        static Bound lower(Comparison c) {
            return switch (c.operator()) {
                case AT_LEAST, EQUALS -> new Bound(c.number(), true);
                case ABOVE -> new Bound(c.number(), false);
                case AT_MOST, BELOW -> null;
            };
        }

        static Bound upper(Comparison c) {
            return switch (c.operator()) {
                case AT_MOST, EQUALS -> new Bound(c.number(), true);
                case BELOW -> new Bound(c.number(), false);
                case AT_LEAST, ABOVE -> null;
            };
        }

        /** The stricter of two lower ({@code lower}) or upper bounds; {@code null} is no bound. */
        static Bound tighter(Bound a, Bound b, boolean lower) {
            if (a == null || b == null) {
                return a == null ? b : a;
            }
            int cmp = a.value.compareTo(b.value);
            if (cmp == 0) {
                return a.inclusive ? b : a;
            }
            return (cmp > 0) == lower ? a : b;
        }
    }

    /** Whether category {@code d} (a condition's) covers {@code c}: the same one, or every top-level one covers each. */
    private boolean sameCategory(String d, String c) {
        if (d == null || c == null) {
            return d == c;
        }
        return d.equals(c) || (Condition.EVERY_TOP_LEVEL_CATEGORY.equals(d)
                && catalog.categories().stream().anyMatch(top -> top.id().equals(c) && top.points() != null));
    }

    /** Whether events matching {@code narrow} are all among those matching {@code wide}. */
    private static boolean filters(Map<String, String> narrow, Map<String, String> wide) {
        return wide.entrySet().stream().allMatch(w -> w.getValue().equalsIgnoreCase(narrow.get(w.getKey())));
    }

    private static boolean isUpper(Comparison.Operator op) {
        return op == Comparison.Operator.AT_MOST || op == Comparison.Operator.BELOW || op == Comparison.Operator.EQUALS;
    }

    private static boolean isLower(Comparison.Operator op) {
        return op == Comparison.Operator.AT_LEAST || op == Comparison.Operator.ABOVE || op == Comparison.Operator.EQUALS;
    }

    /** Whether every value satisfying {@code d} satisfies {@code c}. */
    static boolean implies(Comparison d, Comparison c) {
        if (d.word() != null || c.word() != null) {
            return d.word() != null && c.word() != null && d.word().equalsIgnoreCase(c.word());
        }
        int cmp = d.number().compareTo(c.number()); // d's threshold against c's
        Comparison.Operator dop = d.operator();
        return switch (c.operator()) {
            case AT_LEAST -> (dop == Comparison.Operator.AT_LEAST || dop == Comparison.Operator.ABOVE
                    || dop == Comparison.Operator.EQUALS) && cmp >= 0;
            case ABOVE -> dop == Comparison.Operator.ABOVE ? cmp >= 0
                    : (dop == Comparison.Operator.AT_LEAST || dop == Comparison.Operator.EQUALS) && cmp > 0;
            case AT_MOST -> (dop == Comparison.Operator.AT_MOST || dop == Comparison.Operator.BELOW
                    || dop == Comparison.Operator.EQUALS) && cmp <= 0;
            case BELOW -> dop == Comparison.Operator.BELOW ? cmp <= 0
                    : (dop == Comparison.Operator.AT_MOST || dop == Comparison.Operator.EQUALS) && cmp < 0;
            case EQUALS -> dop == Comparison.Operator.EQUALS && cmp == 0;
        };
    }

    private static String name(Level level) {
        return "level " + level.id() + " (" + level.name() + ")";
    }

    private static String path(int level, int condition) {
        return "levels[" + level + "].conditions[" + condition + "]";
    }

    private static String plain(BigDecimal n) {
        return n.stripTrailingZeros().toPlainString();
    }

    private LocatedException problem(String message) {
        return new LocatedException(source, null, message);
    }
}

package io.github.aftersales.core.evaluation;

import static io.github.aftersales.core.evaluation.Decimals.text;

import io.github.aftersales.core.assessment.Event;
import io.github.aftersales.core.evaluation.ConditionCheck.Shortfall;
import io.github.aftersales.core.json.LocatedException;
import io.github.aftersales.spi.Comparison;
import io.github.aftersales.spi.Condition;
import io.github.aftersales.spi.DerivedFigure;
import io.github.aftersales.spi.GradingTable;
import io.github.aftersales.spi.Level;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The one grading rule: the grade is the highest level whose conditions all hold. Every level is
 * checked, so the result tells which conditions bind and what each higher level would need.
 */
final class Grader {

    private Grader() {
    }

    /** The outcome of grading. */
    record Grade(String levelId, String name, String nameEn, int stars, boolean passed, List<LevelCheck> levels,
                 List<String> reasons) {
    }

    static Grade grade(GradingTable table, Measurements m, Measurements.Stated stated) {
        Checker checker = new Checker(m, stated, table);
        List<LevelCheck> checks = new ArrayList<>(table.levels().size());
        for (Level level : table.levels()) {
            List<Condition> conditions = level.conditions();
            ConditionCheck[] cs = new ConditionCheck[conditions.size()];
            boolean reached = true;
            for (int i = 0; i < cs.length; i++) {
                cs[i] = conditions.get(i).accept(checker);
                reached &= cs[i].holds();
            }
            checks.add(new LevelCheck(level.id(), level.name(), level.nameEn(), level.starCount(), reached,
                    java.util.Arrays.asList(cs)));
        }
        int reached = -1;
        for (int i = checks.size() - 1; i >= 0; i--) {
            if (checks.get(i).reached()) {
                reached = i;
                break;
            }
        }
        int above = reached + 1;
        // a combining scheme's levels are named as such: its 五星级 is not a part's own five stars
        String neededFor = m.parts().isEmpty() ? " needed for " : " needed for the combined grade ";
        List<String> reasons = LazyList.of(checker.scheme, () -> shortfallsAbove(checks, above, neededFor));
        if (reached < 0) {
            return new Grade(null, table.none().name(), table.none().nameEn(), 0, false, checks, reasons);
        }
        LevelCheck level = checks.get(reached);
        return new Grade(level.id(), level.name(), level.nameEn(), level.stars(), true, checks, reasons);
    }

    /** What each level from {@code from} up needs; a shortfall already named for a lower level is not repeated. */
    private static List<String> shortfallsAbove(List<LevelCheck> checks, int from, String neededFor) {
        List<String> reasons = new ArrayList<>();
        java.util.Set<String> named = new java.util.HashSet<>();
        for (int i = from; i < checks.size(); i++) {
            LevelCheck higher = checks.get(i);
            for (Shortfall s : higher.shortfalls()) {
                if (named.add(s.what())) {
                    reasons.add(s.what() + neededFor + higher.name() + " (" + higher.nameEn() + ")"
                            + (s.gap() == null ? "" : ": " + s.gap()));
                }
            }
        }
        return reasons;
    }

    /** The date facts of one assessment, each parsed once however many conditions count from it. */
    private static final class Dates {
        private final Measurements.Stated stated;
        private final Map<String, LocalDate> parsed = new java.util.HashMap<>(4);

        Dates(Measurements.Stated stated) {
            this.stated = stated;
        }

        LocalDate get(String name, String neededFor) {
            LocalDate date = parsed.get(name);
            if (date == null) {
                date = dateFact(name, neededFor, stated);
                parsed.put(name, date);
            }
            return date;
        }
    }

    /**
     * Checks each kind of condition: whether it holds is decided here, exactly; the sentences are
     * written when first read ({@link ConditionCheck#explainedLater}), from the same figures. A visitor,
     * so a new kind of condition does not compile until it is graded.
     */
    private static final class Checker implements Condition.Visitor<ConditionCheck> {
        private final Measurements m;
        private final Measurements.Stated stated;
        private final Dates dates;
        private final String scheme;
        private final GradingTable table;

        Checker(Measurements m, Measurements.Stated stated, GradingTable table) {
            this.m = m;
            this.stated = stated;
            this.dates = new Dates(stated);
            this.scheme = stated.part().scheme();
            this.table = table;
        }

        @Override
        public ConditionCheck figure(Condition.OnFigure f) {
            Comparison cmp = f.comparison();
            Measurements.Exact exact = m.exact();
            return switch (f.figure()) {
                // total = score × declared / applicable: compared as score × declared against threshold × applicable
                case TOTAL -> {
                    boolean holds = cmp.test(exact.scaledScore().multiply(m.declared()),
                            Decimals.times(m.applicable(), exact.scale()));
                    yield ConditionCheck.explainedLater(scheme, holds, () -> quotient("total", m.total(), holds, cmp, "",
                            pointsGap(cmp, m.applicable(), m.declared(), exact.scale(), exact.scaledScore(), null)));
                }
                case SCORE -> {
                    boolean holds = cmp.test(exact.scaledScore(), exact.scale());
                    yield ConditionCheck.explainedLater(scheme, holds, () -> quotient("score", m.score(), holds, cmp, "",
                            pointsGap(cmp, BigDecimal.ONE, BigDecimal.ONE, exact.scale(), exact.scaledScore(), null)));
                }
                case PERCENT -> percent(scheme, m, cmp);
                case CATEGORY_PERCENT -> categories(scheme, f.category(), m, cmp);
                case PART_STARS -> partStars(scheme, m, cmp);
            };
        }

        @Override
        public ConditionCheck fact(Condition.OnFact f) {
            return Grader.fact(scheme, f, stated, f.comparison());
        }

        @Override
        public ConditionCheck eventCount(Condition.OnEventCount e) {
            return events(scheme, e, stated, e.comparison(), dates);
        }

        @Override
        public ConditionCheck part(Condition.OnPart p) {
            return Grader.part(scheme, p, m);
        }

        @Override
        public ConditionCheck duration(Condition.OnDuration d) {
            return Grader.duration(scheme, d, stated, d.comparison(), dates);
        }

        @Override
        public ConditionCheck derivedFigure(Condition.OnDerivedFigure d) {
            return Grader.derived(scheme, table.figure(d.figure()).orElseThrow(), m, stated, d.comparison());
        }

        @Override
        public ConditionCheck expression(Condition.OnExpression e) {
            return Grader.expression(scheme, e, table, m, stated, dates);
        }
    }

    /** An expression worked out: its value ({@code null} when it cannot be), why not, and the values it read. */
    record Worked(Boolean holds, String failure, Map<String, Object> read) {
    }

    /** Works out an expression the scheme's loading checked, on this assessment's figures. */
    static Worked work(String expression, GradingTable table, Measurements m, Measurements.Stated stated) {
        return work(ConditionExpressions.root(expression), new ExpressionValues(table, m, stated, new Dates(stated)));
    }

    private static Worked work(com.ezylang.evalex.parser.ASTNode root, ExpressionValues values) {
        Map<String, Object> read = new java.util.LinkedHashMap<>();
        try {
            return new Worked((Boolean) ConditionExpressions.value(root, values, read), null, read);
        } catch (ConditionExpressions.Problem p) {
            return new Worked(null, p.getMessage(), read);
        }
    }

    /**
     * A condition written as an expression: whether it holds is worked out exactly; the sentences name
     * each value it read, and for each part of an {@code &&} that fails, what that part needed ("complaint
     * resolution rate (顾客投诉解决率) 96.96 % (complaintsReceived = 33, complaintsResolved = 32) < 97 %").
     */
    private static ConditionCheck expression(String scheme, Condition.OnExpression e, GradingTable table,
            Measurements m, Measurements.Stated stated, Dates dates) {
        ExpressionValues values = new ExpressionValues(table, m, stated, dates);
        com.ezylang.evalex.parser.ASTNode root = ConditionExpressions.root(e.expression());
        Worked w = work(root, values);
        boolean holds = Boolean.TRUE.equals(w.holds());
        return ConditionCheck.explainedLater(scheme, holds, () -> {
            boolean named = !e.nameEn().isEmpty();
            String label = named ? e.nameEn() + " (" + (e.name().isEmpty() ? e.nameEn() : e.name()) + ")"
                    : e.expression().strip();
            String measured = shownValues(w.read(), table);
            if (holds) {
                return new ConditionCheck.Explanation(label, measured, List.of());
            }
            String shownMeasured = w.holds() == null ? "cannot be worked out" : measured;
            if (named) {
                return new ConditionCheck.Explanation(label, shownMeasured, List.of(new Shortfall(w.holds() == null
                        ? label + " cannot be worked out (" + w.failure() + (measured.isEmpty() ? "" : "; " + measured)
                                + "), so it does not hold"
                        : label + " does not hold (" + e.expression().strip() + (measured.isEmpty() ? "" : "; "
                                + measured) + ")", null)));
            }
            // each part of a top-level && that fails or cannot be worked out, on its own
            List<Shortfall> shortfalls = new ArrayList<>();
            for (com.ezylang.evalex.parser.ASTNode part : ConditionExpressions.conjuncts(root)) {
                Worked pw = work(part, values);
                if (!Boolean.TRUE.equals(pw.holds())) {
                    shortfalls.add(new Shortfall(why(part, pw, table, values), null));
                }
            }
            if (shortfalls.isEmpty()) {
                shortfalls.add(new Shortfall(why(root, w, table, values), null));
            }
            return new ConditionCheck.Explanation(label, shownMeasured, shortfalls);
        });
    }

    /**
     * What one part of an expression gave, in the words of the built-in conditions where it can be
     * ("complaint resolution rate (顾客投诉解决率) 96.96 % (complaintsReceived = 33, complaintsResolved = 32)
     * < 97 %", "sampled 25 < 30"); otherwise the part and the values it read.
     */
    private static String why(com.ezylang.evalex.parser.ASTNode part, Worked w, GradingTable table,
            ExpressionValues ev) {
        String text = ConditionExpressions.render(part);
        String values = shownValues(w.read(), table);
        if (w.holds() == null) {
            return text + " cannot be worked out (" + w.failure() + (values.isEmpty() ? "" : "; " + values)
                    + "), so it does not hold";
        }
        boolean holds = w.holds();
        Comparison cmp = ConditionExpressions.threshold(part);
        if (cmp != null) {
            com.ezylang.evalex.parser.ASTNode left = part.getParameters().get(0);
            Object v = w.read().get(ConditionExpressions.render(left));
            String symbol = holds ? cmp.operator().symbol() : cmp.operator().negatedSymbol();
            if (v instanceof BigDecimal n) {
                String shown = Decimals.shown(n, cmp, holds).toPlainString();
                var derived = table.figure(ConditionExpressions.render(left));
                if (derived.isPresent()) {
                    DerivedFigure f = derived.get();
                    String unit = unit(f);
                    String facts = derivedValue(f, ev.m, ev.stated).named();
                    return f.nameEn() + " (" + f.name() + ") " + shown + unit + (facts.isEmpty() ? "" : " (" + facts + ")")
                            + " " + symbol + " " + cmp.thresholdText() + unit;
                }
                return ConditionExpressions.render(left) + " " + shown + " " + symbol + " " + cmp.thresholdText();
            }
        }
        return text + (holds ? " holds (" : " does not hold (") + values + ")";
    }

    /** What an expression gave, as {@link #why} says it: the sentence of an item the table decides. */
    static String decision(String expression, GradingTable table, Measurements m, Measurements.Stated stated, Worked w) {
        return why(ConditionExpressions.root(expression), w, table, new ExpressionValues(table, m, stated,
                new Dates(stated)));
    }

    private static String unit(DerivedFigure f) {
        return f.unit().isEmpty() ? "" : f.unit().equals("%") ? " %" : " " + f.unit();
    }

    private static String shown(Object v) {
        return v instanceof BigDecimal n ? Decimals.shown(n).toPlainString() : String.valueOf(v);
    }

    /** The values an expression read, as "name = value" (a derived figure with its unit). */
    private static String shownValues(Map<String, Object> read, GradingTable table) {
        StringBuilder b = new StringBuilder();
        for (Map.Entry<String, Object> r : read.entrySet()) {
            b.append(b.length() == 0 ? "" : ", ").append(r.getKey()).append(" = ").append(shown(r.getValue()))
                    .append(table.figure(r.getKey()).map(Grader::unit).orElse(""));
        }
        return b.toString();
    }

    /** What an expression reads, from one assessment's figures and statements. */
    private static final class ExpressionValues implements ConditionExpressions.Values {
        private final GradingTable table;
        private final Measurements m;
        private final Measurements.Stated stated;
        private final Dates dates;

        ExpressionValues(GradingTable table, Measurements m, Measurements.Stated stated, Dates dates) {
            this.table = table;
            this.m = m;
            this.stated = stated;
            this.dates = dates;
        }

        @Override
        public BigDecimal figure(String name) {
            return Grader.figure(name, m);
        }

        @Override
        public Object fact(String name) {
            if (table.figure(name).isPresent()) {
                return null;
            }
            Object value = stated.facts().get(name);
            if (value == null) {
                throw new LocatedException(stated.source(), stated.part().position(), stated.part().path()
                        + ": the grading table needs the fact '" + name + "', which the assessment does not state"
                        + " (add it under facts)");
            }
            return value;
        }

        @Override
        public BigDecimal derived(String id) throws ConditionExpressions.Problem {
            DerivedValue d = derivedValue(table.figure(id).orElseThrow(), m, stated);
            if (d.value() == null) {
                throw new ConditionExpressions.Problem(id + ": " + d.failure()
                        + (d.named().isEmpty() ? "" : "; " + d.named()));
            }
            return d.value();
        }

        private CategoryResult category(String id) {
            for (CategoryResult c : m.categories()) {
                if (c.id().equals(id)) {
                    return c;
                }
            }
            throw new IllegalStateException("category " + id + " was checked when its scheme loaded");
        }

        @Override
        public BigDecimal categoryPercent(String id) {
            CategoryResult c = category(id);
            return c.applicablePoints().signum() == 0 ? BigDecimal.ZERO : c.scaledScore().multiply(Decimals.HUNDRED)
                    .divide(Decimals.times(c.applicablePoints(), m.exact().scale()), FigureExpressions.PRECISION);
        }

        @Override
        public BigDecimal categoryScore(String id) {
            return category(id).scaledScore().divide(m.exact().scale(), FigureExpressions.PRECISION);
        }

        @Override
        public boolean conforms(String id) {
            return m.items().result().apply(id) == io.github.aftersales.core.assessment.Conformity.CONFORM;
        }

        @Override
        public int notConforming(String id) {
            int[] count = {0};
            m.items().catalog().category(id).orElseThrow().walk(new io.github.aftersales.spi.CatalogVisitor() {
                @Override
                public boolean enter(io.github.aftersales.spi.Category c, List<io.github.aftersales.spi.Category> p) {
                    if (!c.id().equals(id) && m.items().result().apply(c.id())
                            == io.github.aftersales.core.assessment.Conformity.NOT_CONFORM) {
                        count[0]++;
                    }
                    return true;
                }

                @Override
                public void clause(io.github.aftersales.spi.Clause c, List<io.github.aftersales.spi.Category> p) {
                    if (m.items().result().apply(c.id()) == io.github.aftersales.core.assessment.Conformity.NOT_CONFORM) {
                        count[0]++;
                    }
                }
            });
            return count[0];
        }

        @Override
        public int events(String type, int months, String before) {
            LocalDate end = dates.get(before, "counts events before");
            LocalDate start = end.minusMonths(months);
            int count = 0;
            for (Event ev : stated.events()) {
                if (ev.type().equals(type) && !ev.date().isBefore(start) && !ev.date().isAfter(end)) {
                    count++;
                }
            }
            return count;
        }
    }

    /** One of the figures {@code score applicable total percent}, exact (34 digits where a quotient does not end). */
    private static BigDecimal figure(String name, Measurements m) {
        if (!FigureExpressions.FIGURES.contains(name)) {
            return null;
        }
        Measurements.Exact exact = m.exact();
        BigDecimal score = exact.scaledScore().divide(exact.scale(), FigureExpressions.PRECISION);
        boolean none = m.applicable().signum() == 0;
        return switch (name) {
            case "score" -> score;
            case "applicable" -> m.applicable();
            case "total" -> none ? BigDecimal.ZERO
                    : score.multiply(m.declared()).divide(m.applicable(), FigureExpressions.PRECISION);
            case "percent" -> none ? BigDecimal.ZERO
                    : score.multiply(BigDecimal.valueOf(100)).divide(m.applicable(), FigureExpressions.PRECISION);
            default -> null;
        };
    }

    private static String needs(Comparison cmp) {
        return cmp.operator().symbol() + " " + cmp.thresholdText();
    }

    /** A condition that one figure, shown as {@code measured}, does or does not meet. */
    private static ConditionCheck.Explanation single(String condition, String measured, boolean holds, String shortfall) {
        return new ConditionCheck.Explanation(condition, measured, holds ? List.of() : List.of(new Shortfall(shortfall, null)));
    }

    private static ConditionCheck duration(String scheme, Condition.OnDuration d, Measurements.Stated m, Comparison cmp, Dates dates) {
        LocalDate from = dates.get(d.from(), "counts months from");
        LocalDate to = dates.get(d.to(), "counts months to");
        if (from.isAfter(to)) {
            throw new LocatedException(m.source(), m.part().position(), m.part().path() + ": " + d.from() + " (" + from
                    + ") is after " + d.to() + " (" + to + ")");
        }
        long months = java.time.Period.between(from, to).toTotalMonths();
        boolean holds = cmp.test(BigDecimal.valueOf(months));
        return ConditionCheck.explainedLater(scheme, holds, () -> {
            String what = "months from " + d.from() + " (" + from + ") to " + d.to() + " (" + to + ")";
            return single(what + " " + needs(cmp), Long.toString(months), holds,
                    what + ": " + months + " " + cmp.operator().negatedSymbol() + " " + cmp.thresholdText());
        });
    }

    /**
     * A figure the table derives: its expression worked out on the exact figures and the stated number
     * facts it names. One it cannot work out (a division by zero) does not meet any threshold, and says why.
     */
    /** A derived figure's value ({@code null} when it cannot be worked out), why not, and the facts it used. */
    record DerivedValue(BigDecimal value, String failure, String named) {
    }

    static DerivedValue derivedValue(DerivedFigure f, Measurements m, Measurements.Stated stated) {
        java.util.Set<String> names;
        try {
            names = FigureExpressions.names(f.expression());
        } catch (FigureExpressions.Problem e) {
            throw new IllegalStateException("figure " + f.id() + " was checked when its scheme loaded", e);
        }
        // only the figures the expression names are worked out
        Map<String, BigDecimal> values = new java.util.HashMap<>();
        for (String name : names) {
            BigDecimal v = figure(name, m);
            if (v != null) {
                values.put(name, v);
            }
        }
        StringBuilder named = new StringBuilder();
        for (String name : names) {
            if (FigureExpressions.FIGURES.contains(name)) {
                continue;
            }
            // a fact the figure needs and the assessment does not state is the assessment's fault, as for a condition on it
            if (!(stated.facts().get(name) instanceof BigDecimal n)) {
                throw new LocatedException(stated.source(), stated.part().position(), stated.part().path()
                        + ": the grading table's figure " + f.id() + " (" + f.expression() + ") needs the number fact '"
                        + name + "', which the assessment does not state (add it under facts)");
            }
            values.put(name, n);
            named.append(named.length() == 0 ? "" : ", ").append(name).append(" = ")
                    .append(n.stripTrailingZeros().toPlainString());
        }
        try {
            return new DerivedValue(FigureExpressions.value(f.expression(), values), null, named.toString());
        } catch (FigureExpressions.Problem e) {
            return new DerivedValue(null, e.getMessage(), named.toString());
        }
    }

    private static ConditionCheck derived(String scheme, DerivedFigure f, Measurements m,
            Measurements.Stated stated, Comparison cmp) {
        DerivedValue d = derivedValue(f, m, stated);
        BigDecimal value = d.value();
        String failure = d.failure();
        String named = d.named();
        String unit = f.unit().isEmpty() ? "" : f.unit().equals("%") ? " %" : " " + f.unit();
        String what = f.nameEn() + " (" + f.name() + ")";
        if (value == null) {
            String why = failure;
            return ConditionCheck.explainedLater(scheme, false, () -> single(what + " " + needs(cmp) + unit,
                    "cannot be worked out", false, what + " cannot be worked out (" + why + (named.length() == 0 ? ""
                            : "; " + named) + "), so it is not " + needs(cmp) + unit));
        }
        BigDecimal exactValue = value;
        boolean holds = cmp.test(value);
        return ConditionCheck.explainedLater(scheme, holds, () -> {
            String measured = Decimals.shown(exactValue, cmp, holds).toPlainString();
            return single(what + " " + needs(cmp) + unit, measured + unit, holds, what + " " + measured + unit
                    + (named.length() == 0 ? "" : " (" + named + ")") + " " + cmp.operator().negatedSymbol() + " "
                    + cmp.thresholdText() + unit);
        });
    }

    private static ConditionCheck fact(String scheme, Condition.OnFact f, Measurements.Stated m, Comparison cmp) {
        Object value = m.facts().get(f.fact());
        if (value == null) {
            throw new LocatedException(m.source(), m.part().position(), m.part().path()
                    + ": the grading table needs the fact '" + f.fact() + "', which the assessment does not state"
                    + " (add it under facts)");
        }
        boolean holds;
        if (value instanceof BigDecimal n && cmp.number() != null) {
            holds = cmp.test(n);
        } else {
            holds = cmp.test(value instanceof BigDecimal n ? n.toPlainString() : value.toString());
        }
        return ConditionCheck.explainedLater(scheme, holds, () -> {
            String measured = value instanceof BigDecimal n ? Decimals.shown(n, cmp, holds).toPlainString()
                    : value.toString();
            return single(f.fact() + " " + needs(cmp), measured, holds,
                    f.fact() + " " + measured + " " + cmp.operator().negatedSymbol() + " " + cmp.thresholdText());
        });
    }

    private static ConditionCheck events(String scheme, Condition.OnEventCount e, Measurements.Stated m, Comparison cmp, Dates dates) {
        LocalDate end = dates.get(e.before(), "counts events before");
        // both ends count: an event exactly N months before the date is inside the window (the
        // reading that never lets an event slip through on its anniversary)
        String chosen = e.reading() == null ? null : m.readings().get(e.reading());
        // a reading set to "none" counts every event up to the date (loading keeps it out of defaults)
        Integer months = chosen == null ? Integer.valueOf(e.withinMonths())
                : chosen.equals(io.github.aftersales.spi.Reading.NO_WINDOW) ? null : Integer.valueOf(chosen);
        LocalDate start = months == null ? LocalDate.MIN : end.minusMonths(months);
        long count = 0;
        for (Event ev : m.events()) {
            if (ev.is(e.eventType(), e.where()) && !ev.date().isBefore(start) && !ev.date().isAfter(end)) {
                count++;
            }
        }
        long counted = count;
        boolean holds = cmp.test(BigDecimal.valueOf(count));
        return ConditionCheck.explainedLater(scheme, holds, () -> {
            String what = e.eventType() + Event.whereText(e.where()) + (months == null ? " at any time up to " : " in the "
                    + months + " months before ") + e.before() + " (" + end + ")";
            return single(what + " " + needs(cmp), Long.toString(counted), holds,
                    what + ": " + counted + " " + cmp.operator().negatedSymbol() + " " + cmp.thresholdText());
        });
    }

    private static LocalDate dateFact(String name, String neededFor, Measurements.Stated m) {
        Object value = m.facts().get(name);
        if (value == null) {
            throw new LocatedException(m.source(), m.part().position(), m.part().path()
                    + ": the grading table " + neededFor + " the date '" + name
                    + "', which the assessment does not state (add it under facts as YYYY-MM-DD)");
        }
        try {
            return IsoDates.parse(value);
        } catch (DateTimeParseException ex) {
            throw new LocatedException(m.source(), m.part().position(), m.part().path() + ": fact '" + name
                    + "' must be a date as YYYY-MM-DD, not '" + value + "'");
        }
    }

    /**
     * The sentences of a check on a figure whose exact comparison was decided by the caller;
     * {@code value} is shown as {@link Decimals#shown(BigDecimal, Comparison, boolean)} cuts it, so a
     * value below a threshold never prints as the threshold.
     */
    private static ConditionCheck.Explanation quotient(String name, BigDecimal value, boolean holds, Comparison cmp,
            String unit, String gap) {
        String shown = Decimals.shown(value, cmp, holds).toPlainString();
        return new ConditionCheck.Explanation(name + " " + cmp.operator().symbol() + " " + cmp.thresholdText() + unit,
                shown + unit, holds ? List.of()
                        : List.of(new Shortfall(name + " " + shown + unit + " " + cmp.operator().negatedSymbol()
                                + " " + cmp.thresholdText() + unit, gap)));
    }

    private static ConditionCheck percent(String scheme, Measurements m, Comparison cmp) {
        // percent = score × 100 / applicable: compared as score × 100 against threshold × applicable
        boolean holds = cmp.test(m.exact().scaledScore().multiply(Decimals.HUNDRED),
                Decimals.times(m.applicable(), m.exact().scale()));
        return ConditionCheck.explainedLater(scheme, holds, () -> quotient("percentage", m.percent(), holds, cmp, " %",
                pointsGap(cmp, m.applicable(), Decimals.HUNDRED, m.exact().scale(), m.exact().scaledScore(),
                        m.applicable())));
    }

    private static boolean isTarget(CategoryResult c, String which, boolean every) {
        return c.hasPercent() && (every ? c.depth() == 0 : c.id().equals(which));
    }

    private static boolean meets(CategoryResult c, Measurements m, Comparison cmp) {
        BigDecimal scaled = c.scaledScore();
        return cmp.test(scaled.multiply(Decimals.HUNDRED), Decimals.times(c.applicablePoints(), m.exact().scale()));
    }

    private static ConditionCheck categories(String scheme, String which, Measurements m, Comparison cmp) {
        boolean every = Condition.EVERY_TOP_LEVEL_CATEGORY.equals(which);
        boolean holds = true;
        for (CategoryResult c : m.categories()) {
            if (isTarget(c, which, every) && !meets(c, m, cmp)) {
                holds = false;
                break;
            }
        }
        return ConditionCheck.explainedLater(scheme, holds, () -> {
            List<Shortfall> shortfalls = new ArrayList<>();
            List<String> measured = new ArrayList<>();
            for (CategoryResult c : m.categories()) {
                if (!isTarget(c, which, every)) {
                    continue;
                }
                boolean meets = meets(c, m, cmp);
                String percent = Decimals.shown(c.percent(), cmp, meets).toPlainString();
                measured.add(c.id() + " " + percent + " %");
                if (!meets) {
                    shortfalls.add(new Shortfall("category " + c.id() + " " + c.title() + " at " + percent
                            + " % (" + text(c.score()) + " of " + text(c.applicablePoints()) + ") "
                            + cmp.operator().negatedSymbol() + " " + cmp.thresholdText() + " %",
                            pointsGap(cmp, c.applicablePoints(), Decimals.HUNDRED, m.exact().scale(),
                                    c.scaledScore(), c.applicablePoints())));
                }
            }
            String label = every ? "every category" : "category " + which;
            return new ConditionCheck.Explanation(label + " " + needs(cmp) + " % of its points",
                    String.join(", ", measured), shortfalls);
        });
    }

    private static ConditionCheck partStars(String scheme, Measurements m, Comparison cmp) {
        int sum = 0;
        for (SchemeResult r : m.parts().values()) {
            sum += r.stars();
        }
        boolean holds = cmp.test(BigDecimal.valueOf(sum));
        int total = sum;
        return ConditionCheck.explainedLater(scheme, holds, () -> {
            List<String> terms = m.parts().values().stream().map(r -> Integer.toString(r.stars())).toList();
            String measured = String.join(" + ", terms) + " = " + total;
            return single("stars of the parts " + needs(cmp), measured, holds, "stars of the parts " + measured + " "
                    + cmp.operator().negatedSymbol() + " " + cmp.thresholdText());
        });
    }

    private static boolean partHolds(Condition.OnPart p, SchemeResult r) {
        return p.figure() == Condition.PartFigure.PASSED ? p.comparison().test(Boolean.toString(r.passed()))
                : p.comparison().test(BigDecimal.valueOf(r.stars()));
    }

    private static ConditionCheck part(String scheme, Condition.OnPart p, Measurements m) {
        boolean every = Condition.EVERY_TOP_LEVEL_CATEGORY.equals(p.part());
        boolean holds = true;
        for (SchemeResult r : m.parts().values()) {
            if ((every || r.scheme().equals(p.part())) && !partHolds(p, r)) {
                holds = false;
                break;
            }
        }
        return ConditionCheck.explainedLater(scheme, holds, () -> {
            List<Shortfall> shortfalls = new ArrayList<>();
            List<String> measured = new ArrayList<>();
            for (SchemeResult r : m.parts().values()) {
                if (!every && !r.scheme().equals(p.part())) {
                    continue;
                }
                String name = r.scheme() + " " + r.variant();
                if (p.figure() == Condition.PartFigure.PASSED) {
                    measured.add(name + " " + (r.passed() ? "passed" : "not passed"));
                    if (!partHolds(p, r)) {
                        // say which part fails and by how much: the part's own first reason
                        String why = r.reasons().isEmpty() ? r.grade() : r.reasons().get(0);
                        shortfalls.add(new Shortfall(name + " " + (r.passed() ? "passed" : "not passed (" + why + ")"),
                                null));
                    }
                } else {
                    measured.add(name + " " + r.stars());
                    if (!partHolds(p, r)) {
                        shortfalls.add(new Shortfall(name + " stars " + r.stars() + " "
                                + p.comparison().operator().negatedSymbol() + " " + p.comparison().thresholdText(), null));
                    }
                }
            }
            String label = (every ? "every part" : "part " + p.part()) + " " + p.figure().key();
            return new ConditionCheck.Explanation(label + " " + needs(p.comparison()), String.join(", ", measured),
                    shortfalls);
        });
    }

    /**
     * How many more points would make the score ({@code scaledScore / scale}) reach the threshold
     * turned into points ({@code threshold × numerator / denominator}), worked out exactly and rounded
     * up to two decimals so the amount always suffices; {@code null} when the comparison is not a
     * lower bound or the score already reaches it.
     */
    private static String pointsGap(Comparison cmp, BigDecimal numerator, BigDecimal denominator, BigDecimal scale,
            BigDecimal scaledScore, BigDecimal of) {
        if (cmp.number() == null || (cmp.operator() != Comparison.Operator.AT_LEAST
                && cmp.operator() != Comparison.Operator.ABOVE)) {
            return null;
        }
        // threshold × numerator / denominator − scaledScore / scale, over one common denominator
        BigDecimal gap = cmp.number().multiply(numerator).multiply(scale).subtract(scaledScore.multiply(denominator));
        if (gap.signum() < 0) {
            return null;
        }
        BigDecimal shown = Decimals.shownNeeded(gap, denominator.multiply(scale));
        String amount = (cmp.operator() == Comparison.Operator.ABOVE ? "more than " : "") + shown.toPlainString();
        boolean one = shown.compareTo(BigDecimal.ONE) == 0 && cmp.operator() == Comparison.Operator.AT_LEAST;
        return amount + " more point" + (one ? "" : "s") + (of == null ? "" : " of " + text(of));
    }
}

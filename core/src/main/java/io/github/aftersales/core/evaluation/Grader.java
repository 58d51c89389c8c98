package io.github.aftersales.core.evaluation;

import static io.github.aftersales.core.evaluation.Decimals.text;

import io.github.aftersales.core.assessment.Event;
import io.github.aftersales.core.evaluation.ConditionCheck.Shortfall;
import io.github.aftersales.core.json.LocatedException;
import io.github.aftersales.spi.Comparison;
import io.github.aftersales.spi.Condition;
import io.github.aftersales.spi.GradingTable;
import io.github.aftersales.spi.Level;
import java.math.BigDecimal;
import java.math.RoundingMode;
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

    static Grade grade(GradingTable table, Measurements m) {
        List<LevelCheck> checks = new ArrayList<>();
        for (Level level : table.levels()) {
            List<ConditionCheck> cs = new ArrayList<>();
            for (Condition c : level.conditions()) {
                cs.add(check(c, m));
            }
            checks.add(new LevelCheck(level.id(), level.name(), level.nameEn(), level.starCount(),
                    cs.stream().allMatch(ConditionCheck::holds), cs));
        }
        int reached = -1;
        for (int i = checks.size() - 1; i >= 0; i--) {
            if (checks.get(i).reached()) {
                reached = i;
                break;
            }
        }
        // what each higher level needs; a shortfall already named for a lower level is not repeated
        List<String> reasons = new ArrayList<>();
        java.util.Set<String> named = new java.util.HashSet<>();
        for (int i = reached + 1; i < checks.size(); i++) {
            LevelCheck higher = checks.get(i);
            for (Shortfall s : higher.shortfalls()) {
                if (named.add(s.what())) {
                    reasons.add(s.what() + " needed for " + higher.name() + " (" + higher.nameEn() + ")"
                            + (s.gap() == null ? "" : ": " + s.gap()));
                }
            }
        }
        if (reached < 0) {
            return new Grade(null, table.none().name(), table.none().nameEn(), 0, false, checks, reasons);
        }
        LevelCheck level = checks.get(reached);
        return new Grade(level.id(), level.name(), level.nameEn(), level.stars(), true, checks, reasons);
    }

    private static ConditionCheck check(Condition condition, Measurements m) {
        Comparison cmp = condition.comparison();
        String needs = cmp.operator().symbol() + " " + cmp.thresholdText();
        if (condition instanceof Condition.OnFigure f) {
            return switch (f.figure()) {
                // total = score × declared / applicable: compared as score × declared against threshold × applicable
                case TOTAL -> quotient("total", m.total(),
                        cmp.test(m.exact().scaledScore().multiply(m.declared()), m.applicable().multiply(m.exact().scale())),
                        cmp, "", pointsGap(cmp, Decimals.scale(cmp.number(), m.applicable(), m.declared()), m.exact(),
                                m.exact().scaledScore(), null));
                case SCORE -> quotient("score", m.score(), cmp.test(m.exact().scaledScore(), m.exact().scale()), cmp, "",
                        pointsGap(cmp, cmp.number(), m.exact(), m.exact().scaledScore(), null));
                case PERCENT -> percent(m, cmp, needs);
                case CATEGORY_PERCENT -> categories(f.category(), m, cmp, needs);
                case PART_STARS -> partStars(m, cmp, needs);
            };
        }
        if (condition instanceof Condition.OnPart p) {
            return part(p, m, needs);
        }
        if (condition instanceof Condition.OnFact f) {
            return fact(f, m, cmp, needs);
        }
        if (condition instanceof Condition.OnDuration d) {
            return duration(d, m, cmp, needs);
        }
        return events((Condition.OnEventCount) condition, m, cmp, needs);
    }

    private static ConditionCheck duration(Condition.OnDuration d, Measurements m, Comparison cmp, String needs) {
        LocalDate from = dateFact(d.from(), m);
        LocalDate to = dateFact(d.to(), m);
        if (from.isAfter(to)) {
            throw new LocatedException(m.source(), m.part().position(), m.part().path() + ": " + d.from() + " (" + from
                    + ") is after " + d.to() + " (" + to + ")");
        }
        long months = java.time.Period.between(from, to).toTotalMonths();
        String what = "months from " + d.from() + " (" + from + ") to " + d.to() + " (" + to + ")";
        boolean holds = cmp.test(BigDecimal.valueOf(months));
        return new ConditionCheck(what + " " + needs, Long.toString(months), holds, holds ? List.of()
                : List.of(new Shortfall(what + ": " + months + " " + cmp.operator().negatedSymbol() + " "
                        + cmp.thresholdText(), null)));
    }

    private static ConditionCheck fact(Condition.OnFact f, Measurements m, Comparison cmp, String needs) {
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
        String measured = value instanceof BigDecimal n ? text(n) : value.toString();
        return new ConditionCheck(f.fact() + " " + needs, measured, holds, holds ? List.of()
                : List.of(new Shortfall(f.fact() + " " + measured + " " + cmp.operator().negatedSymbol() + " "
                        + cmp.thresholdText(), null)));
    }

    private static ConditionCheck events(Condition.OnEventCount e, Measurements m, Comparison cmp, String needs) {
        LocalDate end = dateFact(e.before(), m);
        // both ends count: an event exactly N months before the date is inside the window (the
        // reading that never lets an event slip through on its anniversary)
        LocalDate start = end.minusMonths(e.withinMonths());
        long count = m.events().stream()
                .filter(ev -> ev.type().equals(e.eventType()))
                .filter(ev -> !ev.date().isBefore(start) && !ev.date().isAfter(end))
                .filter(ev -> matches(ev, e.where()))
                .count();
        String what = e.eventType() + (e.where().isEmpty() ? "" : " " + e.where()) + " in the " + e.withinMonths()
                + " months before " + e.before() + " (" + end + ")";
        boolean holds = cmp.test(BigDecimal.valueOf(count));
        return new ConditionCheck(what + " " + needs, Long.toString(count), holds, holds ? List.of()
                : List.of(new Shortfall(what + ": " + count + " " + cmp.operator().negatedSymbol() + " "
                        + cmp.thresholdText(), null)));
    }

    private static boolean matches(Event ev, Map<String, String> where) {
        return where.entrySet().stream().allMatch(w -> w.getValue().equalsIgnoreCase(ev.attributes().get(w.getKey())));
    }

    private static LocalDate dateFact(String name, Measurements m) {
        Object value = m.facts().get(name);
        if (value == null) {
            throw new LocatedException(m.source(), m.part().position(), m.part().path()
                    + ": the grading table counts events before the date '" + name
                    + "', which the assessment does not state (add it under facts as YYYY-MM-DD)");
        }
        try {
            return LocalDate.parse(value.toString());
        } catch (DateTimeParseException ex) {
            throw new LocatedException(m.source(), m.part().position(), m.part().path() + ": fact '" + name
                    + "' must be a date as YYYY-MM-DD, not '" + value + "'");
        }
    }

    /**
     * A check on a figure whose exact comparison was decided by the caller; {@code shown} is only
     * for people (cut to two decimals, so a value below a threshold never prints as the threshold).
     */
    private static ConditionCheck quotient(String name, BigDecimal shown, boolean holds, Comparison cmp, String unit,
            String gap) {
        return new ConditionCheck(name + " " + cmp.operator().symbol() + " " + cmp.thresholdText() + unit,
                text(shown) + unit, holds, holds ? List.of()
                        : List.of(new Shortfall(name + " " + text(shown) + unit + " " + cmp.operator().negatedSymbol()
                                + " " + cmp.thresholdText() + unit, gap)));
    }

    private static ConditionCheck percent(Measurements m, Comparison cmp, String needs) {
        // percent = score × 100 / applicable: compared as score × 100 against threshold × applicable
        boolean holds = cmp.test(m.exact().scaledScore().multiply(Decimals.HUNDRED),
                m.applicable().multiply(m.exact().scale()));
        String gap = pointsGap(cmp, Decimals.scale(cmp.number(), m.applicable(), Decimals.HUNDRED), m.exact(),
                m.exact().scaledScore(), m.applicable());
        return quotient("percentage", m.percent(), holds, cmp, " %", gap);
    }

    private static ConditionCheck categories(String which, Measurements m, Comparison cmp, String needs) {
        boolean every = Condition.EVERY_TOP_LEVEL_CATEGORY.equals(which);
        List<CategoryResult> targets = m.categories().stream()
                .filter(c -> every ? c.depth() == 0 : c.id().equals(which))
                .filter(c -> c.percent() != null)
                .toList();
        List<Shortfall> shortfalls = new ArrayList<>();
        List<String> measured = new ArrayList<>();
        for (CategoryResult c : targets) {
            measured.add(c.id() + " " + text(c.percent()) + " %");
            BigDecimal scaled = m.exact().scaledCategories().get(c.id());
            if (!cmp.test(scaled.multiply(Decimals.HUNDRED), c.applicablePoints().multiply(m.exact().scale()))) {
                shortfalls.add(new Shortfall("category " + c.id() + " " + c.title() + " at " + text(c.percent()) + " % ("
                        + text(c.score()) + " of " + text(c.applicablePoints()) + ") "
                        + cmp.operator().negatedSymbol() + " " + cmp.thresholdText() + " %",
                        pointsGap(cmp, Decimals.scale(cmp.number(), c.applicablePoints(), Decimals.HUNDRED), m.exact(),
                                scaled, c.applicablePoints())));
            }
        }
        String label = every ? "every category" : "category " + which;
        return new ConditionCheck(label + " " + needs + " % of its points", String.join(", ", measured),
                shortfalls.isEmpty(), shortfalls);
    }

    private static ConditionCheck partStars(Measurements m, Comparison cmp, String needs) {
        int sum = m.parts().values().stream().mapToInt(SchemeResult::stars).sum();
        List<String> terms = m.parts().values().stream().map(r -> Integer.toString(r.stars())).toList();
        String measured = String.join(" + ", terms) + " = " + sum;
        boolean holds = cmp.test(BigDecimal.valueOf(sum));
        return new ConditionCheck("stars of the parts " + needs, measured, holds, holds ? List.of()
                : List.of(new Shortfall("stars of the parts " + measured + " " + cmp.operator().negatedSymbol() + " "
                        + cmp.thresholdText(), null)));
    }

    private static ConditionCheck part(Condition.OnPart p, Measurements m, String needs) {
        boolean every = Condition.EVERY_TOP_LEVEL_CATEGORY.equals(p.part());
        List<SchemeResult> targets = m.parts().values().stream()
                .filter(r -> every || r.scheme().equals(p.part())).toList();
        List<Shortfall> shortfalls = new ArrayList<>();
        List<String> measured = new ArrayList<>();
        for (SchemeResult r : targets) {
            String name = r.scheme() + " " + r.variant();
            if (p.figure() == Condition.PartFigure.PASSED) {
                measured.add(name + " " + (r.passed() ? "passed" : "not passed"));
                if (!p.comparison().test(Boolean.toString(r.passed()))) {
                    // say which part fails and by how much: the part's own first reason
                    String why = r.reasons().isEmpty() ? r.grade() : r.reasons().get(0);
                    shortfalls.add(new Shortfall(name + " " + (r.passed() ? "passed" : "not passed (" + why + ")"), null));
                }
            } else {
                measured.add(name + " " + r.stars());
                if (!p.comparison().test(BigDecimal.valueOf(r.stars()))) {
                    shortfalls.add(new Shortfall(name + " stars " + r.stars() + " "
                            + p.comparison().operator().negatedSymbol() + " " + p.comparison().thresholdText(), null));
                }
            }
        }
        String label = (every ? "every part" : "part " + p.part()) + " " + p.figure().key();
        return new ConditionCheck(label + " " + needs, String.join(", ", measured), shortfalls.isEmpty(), shortfalls);
    }

    /**
     * How many more points would make {@code score} reach {@code neededScore} (the threshold turned
     * into points), rounded up to two decimals so the amount always suffices; {@code null} when the
     * comparison is not a lower bound or points cannot close the gap.
     */
    private static String pointsGap(Comparison cmp, BigDecimal neededScore, Measurements.Exact exact, BigDecimal scaledScore,
            BigDecimal of) {
        if (cmp.number() == null || (cmp.operator() != Comparison.Operator.AT_LEAST
                && cmp.operator() != Comparison.Operator.ABOVE)) {
            return null;
        }
        // needed − score, from the exact scaled score; neededScore is itself a quotient carried far enough
        BigDecimal gap = neededScore.multiply(exact.scale()).subtract(scaledScore).divide(exact.scale(), Decimals.QUOTIENT);
        if (gap.signum() < 0) {
            return null;
        }
        BigDecimal shown = gap.setScale(2, RoundingMode.CEILING).stripTrailingZeros();
        String amount = (cmp.operator() == Comparison.Operator.ABOVE ? "more than " : "")
                + (shown.scale() < 0 ? shown.setScale(0) : shown).toPlainString();
        boolean one = shown.compareTo(BigDecimal.ONE) == 0 && cmp.operator() == Comparison.Operator.AT_LEAST;
        return amount + " more point" + (one ? "" : "s") + (of == null ? "" : " of " + text(of));
    }
}

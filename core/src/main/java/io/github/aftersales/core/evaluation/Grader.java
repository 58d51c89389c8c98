package io.github.aftersales.core.evaluation;

import static io.github.aftersales.core.evaluation.Decimals.text;

import io.github.aftersales.core.assessment.Event;
import io.github.aftersales.core.json.LocatedException;
import io.github.aftersales.spi.Comparison;
import io.github.aftersales.spi.Condition;
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
        List<String> reasons = new ArrayList<>();
        for (int i = reached + 1; i < checks.size(); i++) {
            LevelCheck higher = checks.get(i);
            for (String failure : higher.failures()) {
                reasons.add(failure + " needed for " + higher.name() + " (" + higher.nameEn() + ")");
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
                case TOTAL -> number("total", m.total(), cmp, needs);
                case SCORE -> number("score", m.score(), cmp, needs);
                case PERCENT -> percent("percentage", m.percent(), cmp, needs);
                case CATEGORY_PERCENT -> categories(f.category(), m, cmp, needs);
            };
        }
        if (condition instanceof Condition.OnFact f) {
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
            return new ConditionCheck(f.fact() + " " + needs, measured, holds,
                    holds ? List.of() : List.of(f.fact() + " " + measured + " " + cmp.operator().negatedSymbol() + " "
                            + cmp.thresholdText()));
        }
        Condition.OnEventCount e = (Condition.OnEventCount) condition;
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
        BigDecimal n = BigDecimal.valueOf(count);
        boolean holds = cmp.test(n);
        return new ConditionCheck(what + " " + needs, Long.toString(count), holds,
                holds ? List.of() : List.of(what + ": " + count + " " + cmp.operator().negatedSymbol() + " "
                        + cmp.thresholdText()));
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

    private static ConditionCheck number(String name, BigDecimal value, Comparison cmp, String needs) {
        boolean holds = cmp.test(value);
        return new ConditionCheck(name + " " + needs, text(value), holds,
                holds ? List.of() : List.of(name + " " + text(value) + " " + cmp.operator().negatedSymbol() + " "
                        + cmp.thresholdText()));
    }

    private static ConditionCheck percent(String name, BigDecimal value, Comparison cmp, String needs) {
        boolean holds = cmp.test(value);
        return new ConditionCheck(name + " " + needs + " %", text(value) + " %", holds,
                holds ? List.of() : List.of(name + " " + text(value) + " % " + cmp.operator().negatedSymbol() + " "
                        + cmp.thresholdText() + " %"));
    }

    private static ConditionCheck categories(String which, Measurements m, Comparison cmp, String needs) {
        boolean every = Condition.EVERY_TOP_LEVEL_CATEGORY.equals(which);
        List<CategoryResult> targets = m.categories().stream()
                .filter(c -> every ? c.depth() == 0 : c.id().equals(which))
                .filter(c -> c.percent() != null)
                .toList();
        List<String> failures = new ArrayList<>();
        List<String> measured = new ArrayList<>();
        for (CategoryResult c : targets) {
            measured.add(c.id() + " " + text(c.percent()) + " %");
            if (!cmp.test(c.percent())) {
                failures.add("category " + c.id() + " " + c.title() + " at " + text(c.percent()) + " % ("
                        + text(c.score()) + " of " + text(c.applicablePoints()) + ") "
                        + cmp.operator().negatedSymbol() + " " + cmp.thresholdText() + " %");
            }
        }
        String label = every ? "every category" : "category " + which;
        return new ConditionCheck(label + " " + needs + " % of its points", String.join(", ", measured),
                failures.isEmpty(), failures);
    }
}

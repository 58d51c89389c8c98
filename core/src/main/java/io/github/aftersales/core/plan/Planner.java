package io.github.aftersales.core.plan;

import io.github.aftersales.core.assessment.Event;
import io.github.aftersales.core.evaluation.ClauseResult;
import io.github.aftersales.core.evaluation.ConditionCheck;
import io.github.aftersales.core.evaluation.Decimals;
import io.github.aftersales.core.evaluation.EvaluationResult;
import io.github.aftersales.core.evaluation.LevelCheck;
import io.github.aftersales.core.evaluation.ReadingUsed;
import io.github.aftersales.core.evaluation.SchemeResult;
import io.github.aftersales.spi.Category;
import io.github.aftersales.spi.Clause;
import io.github.aftersales.spi.Comparison;
import io.github.aftersales.spi.Condition;
import io.github.aftersales.spi.Inputs;
import io.github.aftersales.spi.Level;
import io.github.aftersales.spi.Reading;
import io.github.aftersales.spi.Variant;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The path to each level above the one reached: for every scheme part, the smallest set of changes an
 * organisation can act on (a clause to conforming, an excluded clause back in scope, a fact to a value)
 * that reaches each higher level, and the conditions no action can change now with the date from which
 * they stop binding. It reads the same grading table the grade was given by (its levels and their
 * conditions), so every scheme has it; it never changes a grade.
 *
 * <p>"Smallest" is the fewest changes, then the fewest points gained (the least to fix); with an effort
 * file ({@link Effort}) the least total effort, then the fewest changes, then the fewest points. The search
 * is exact ({@link Search}).
 */
public final class Planner {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
    private static final BigDecimal THOUSAND = BigDecimal.valueOf(1000);

    private Planner() {
    }

    /**
     * The plans of every part of an evaluated assessment, in the result's order; a part whose variant is not
     * found (a scheme no longer installed) has none.
     */
    public static List<SchemePlan> plan(EvaluationResult result, Function<SchemeResult, Optional<Variant>> variants,
            Effort effort) {
        Map<String, SchemePlan> plans = new LinkedHashMap<>();
        Map<String, SchemeResult> byScheme = new HashMap<>();
        for (SchemeResult r : result.results()) {
            byScheme.put(r.scheme(), r);
        }
        for (SchemeResult r : result.results()) {
            if (r.parts().isEmpty()) {
                variants.apply(r).ifPresent(v -> plans.put(r.scheme(), part(r, v, facts(result, r.scheme()),
                        result.events(r.scheme()), effort)));
            }
        }
        List<SchemePlan> out = new ArrayList<>();
        for (SchemeResult r : result.results()) {
            if (!r.parts().isEmpty()) {
                variants.apply(r).ifPresent(v -> plans.put(r.scheme(), combined(r, v, plans, byScheme)));
            }
            SchemePlan p = plans.get(r.scheme());
            if (p != null) {
                out.add(p);
            }
        }
        return out;
    }

    private static Map<String, Object> facts(EvaluationResult result, String scheme) {
        Map<String, Object> facts = new LinkedHashMap<>();
        for (EvaluationResult.Fact f : result.facts(scheme)) {
            facts.put(f.name(), f.value());
        }
        return facts;
    }

    // ---------------------------------------------------------------------------------------------
    // one part with a catalog of its own

    /** A scored unit: a clause with points, or a category scored as a whole. */
    private record Unit(String id, String title, BigDecimal points, List<String> scopes, boolean whole,
            List<String> enclosing, ClauseResult result, int order) {
    }

    /** One linear constraint: {@code sign × (alpha × S − beta × A − gamma) ≥ strict} over a scope. */
    private record Linear(String scope, BigDecimal alpha, BigDecimal beta, BigDecimal gamma, int sign, int strict,
            String text, Comparison percentOfCategory) {
    }

    /**
     * The plan of one part graded on its own catalog.
     *
     * @param facts  the facts the part states
     * @param events the events the part states
     */
    public static SchemePlan part(SchemeResult r, Variant v, Map<String, Object> facts, List<Event> events,
            Effort effort) {
        List<Level> levels = v.grading().levels();
        int reached = reachedIndex(r);
        if (reached == levels.size() - 1) {
            return new SchemePlan(r.scheme(), r.variant(), List.of(), null);
        }
        Map<String, ClauseResult> byId = new HashMap<>();
        Map<String, Integer> orderOf = new HashMap<>();
        List<ClauseResult> clauses = r.clauses();
        for (int i = 0; i < clauses.size(); i++) {
            byId.put(clauses.get(i).id(), clauses.get(i));
            orderOf.put(clauses.get(i).id(), i);
        }
        List<Unit> units = new ArrayList<>();
        for (Category c : v.catalog().categories()) {
            units(c, new ArrayList<>(), byId, orderOf, units);
        }
        BigDecimal scale = BigDecimal.ONE;
        for (Unit u : units) {
            if (u.result().scale().compareTo(scale) > 0) {
                scale = u.result().scale();
            }
        }
        List<LevelPlan> plans = new ArrayList<>();
        for (int i = reached + 1; i < levels.size(); i++) {
            LevelPlan p = level(r, v, levels.get(i), r.levels().get(i), units, scale, facts, events, effort);
            if (p == null) {
                return new SchemePlan(r.scheme(), r.variant(), List.of(), "the planner's figures differ from the"
                        + " grading's for " + levels.get(i).id() + "; no plan is made");
            }
            plans.add(p);
        }
        return new SchemePlan(r.scheme(), r.variant(), plans, null);
    }

    private static int reachedIndex(SchemeResult r) {
        int reached = -1;
        for (int i = 0; i < r.levels().size(); i++) {
            if (r.levels().get(i).id().equals(r.gradeId())) {
                reached = i;
            }
        }
        return reached;
    }

    private static void units(Category c, List<Category> parents, Map<String, ClauseResult> byId,
            Map<String, Integer> orderOf, List<Unit> out) {
        List<Category> chain = new ArrayList<>(parents);
        chain.add(c);
        if (c.scoredAsWhole()) {
            add(c.id(), c.title(), c.points(), chain, byId, orderOf, out);
        } else if (c.scoring() == Category.Scoring.BY_CLAUSES) {
            for (Clause cl : c.clauses()) {
                if (cl.points() != null) {
                    add(cl.id(), cl.title(), cl.points(), chain, byId, orderOf, out);
                }
            }
        }
        for (Category sub : c.categories()) {
            units(sub, chain, byId, orderOf, out);
        }
    }

    private static void add(String id, String title, BigDecimal points, List<Category> chain,
            Map<String, ClauseResult> byId, Map<String, Integer> orderOf, List<Unit> out) {
        ClauseResult result = byId.get(id);
        if (result == null || points == null) {
            return;
        }
        // a unit counts in each enclosing category up to the first that carries no points, and in the
        // whole when that chain reaches the top
        List<String> scopes = new ArrayList<>();
        boolean whole = false;
        for (int i = chain.size() - 1; i >= 0; i--) {
            if (chain.get(i).points() == null) {
                break;
            }
            scopes.add(chain.get(i).id());
            whole = i == 0;
        }
        List<String> enclosing = chain.stream().map(Category::id).toList();
        out.add(new Unit(id, title, points, scopes, whole, enclosing, result, orderOf.get(id)));
    }

    /** A unit's score times {@code scale}, exact; {@code null} when excluded. */
    private static BigDecimal scaled(Unit u, BigDecimal scale) {
        ClauseResult c = u.result();
        if (!c.applicable() || c.scaledScore() == null) {
            return null;
        }
        return c.scale().compareTo(scale) == 0 ? c.scaledScore() : c.scaledScore().multiply(scale.divide(c.scale()));
    }

    /** A possible change of a unit: its effect on the score and the applicable total of its scopes. */
    private record Action(Unit unit, boolean inScope, BigDecimal deltaScaled, BigDecimal deltaApplicable,
            BigDecimal effort) {
    }

    private static LevelPlan level(SchemeResult r, Variant v, Level level, LevelCheck check, List<Unit> units,
            BigDecimal scale, Map<String, Object> facts, List<Event> events, Effort effort) {
        List<Linear> linears = new ArrayList<>();
        Map<String, List<Comparison>> factConditions = new LinkedHashMap<>();
        java.util.Set<String> failingFacts = new java.util.LinkedHashSet<>();
        List<Wait> waits = new ArrayList<>();
        List<String> never = new ArrayList<>();
        List<String> unmodelled = new ArrayList<>(); // conditions of kinds the planner does not model: no plan
        List<Condition> conditions = level.conditions();
        // the current state by scope, from the clauses' exact scores
        Map<String, BigDecimal[]> state = new HashMap<>();
        for (Unit u : units) {
            BigDecimal s = scaled(u, scale);
            if (s == null) {
                continue;
            }
            for (String scope : scopes(u)) {
                BigDecimal[] sa = state.computeIfAbsent(scope, k -> new BigDecimal[] {BigDecimal.ZERO, BigDecimal.ZERO});
                sa[0] = sa[0].add(s);
                sa[1] = sa[1].add(u.points());
            }
        }
        for (int k = 0; k < conditions.size(); k++) {
            Condition c = conditions.get(k);
            ConditionCheck cc = check.conditions().get(k);
            if (c instanceof Condition.OnFigure f && f.figure() != Condition.Figure.PART_STARS) {
                List<Linear> ls = linear(f, r, scale);
                linears.addAll(ls);
                if (holdsNow(ls, state) != cc.holds()) {
                    return null; // the model and the grading disagree: no plan rather than a wrong one
                }
            } else if (c instanceof Condition.OnFact f) {
                factConditions.computeIfAbsent(f.fact(), x -> new ArrayList<>()).add(f.comparison());
                if (!cc.holds()) {
                    failingFacts.add(f.fact());
                }
            } else if (c instanceof Condition.OnEventCount e) {
                if (!cc.holds()) {
                    waits.add(eventWait(e, r, facts, events));
                }
            } else if (c instanceof Condition.OnDuration d) {
                if (!cc.holds()) {
                    waits.add(durationWait(d, facts));
                }
            } else if (!cc.holds()) {
                // a condition on the parts, on a derived figure or an expression: changes the planner does not model
                unmodelled.add(cc.condition() + ": the planner does not plan this kind of condition");
            } else if (c instanceof Condition.OnDerivedFigure || c instanceof Condition.OnExpression) {
                // an expression may read clause results and category scores, which the changes move
                unmodelled.add(cc.condition() + ": a derived figure or expression the changes may move");
            }
        }
        for (Wait w : waits) {
            if (w.from() == null) {
                never.add(w.why());
            }
        }
        // facts: one change each, to a value meeting every condition of the level on the fact
        List<Change> factChanges = new ArrayList<>();
        for (String fact : failingFacts) {
            List<Comparison> cmps = factConditions.get(fact);
            List<Change> items = checklistItems(r, v, fact, cmps, facts, effort);
            if (items != null) {
                factChanges.addAll(items); // a derived fact is not stated: its checklist is what changes
                continue;
            }
            Object value = factValue(cmps);
            if (value == null) {
                never.add("the conditions on " + fact + " (" + text(cmps) + ") cannot all hold");
                continue;
            }
            Object now = facts.get(fact);
            factChanges.add(new Change(r.scheme(), Change.Kind.FACT, fact, null,
                    now == null ? "not stated" : now instanceof BigDecimal n ? n.toPlainString() : now.toString(),
                    text(cmps), null, effort.given() ? effort.fact(r.scheme(), fact) : null, value));
        }
        // clause changes: the exact search over the linear constraints
        List<Action> actions = new ArrayList<>();
        for (Unit u : units) {
            ClauseResult c = u.result();
            BigDecimal full = u.points().multiply(scale);
            BigDecimal e = effort.given() ? effort.clause(r.scheme(), u.id(), u.enclosing()) : BigDecimal.ZERO;
            if (!c.applicable()) {
                actions.add(new Action(u, true, full, u.points(), e));
            } else {
                BigDecimal s = scaled(u, scale);
                if (s.compareTo(full) < 0) {
                    actions.add(new Action(u, false, full.subtract(s), BigDecimal.ZERO, e));
                }
            }
        }
        // a category with nothing applicable has no percentage, so its condition holds; bringing any of its
        // clauses back in scope (at full points) makes it 100 %: then the condition holds iff it holds at 100
        java.util.Set<String> forbidden = new java.util.HashSet<>();
        List<Linear> active = new ArrayList<>();
        for (Linear l : linears) {
            if (!vacuous(l, state)) {
                active.add(l);
            } else if (!l.percentOfCategory().test(HUNDRED)) {
                forbidden.add(l.scope());
            }
        }
        linears = active;
        actions.removeIf(a -> scopes(a.unit()).stream().anyMatch(forbidden::contains));
        List<Action> chosen = List.of();
        boolean[] proven = {true};
        if (!linears.isEmpty() && never.isEmpty() && unmodelled.isEmpty()) {
            chosen = search(linears, state, actions, scale, proven);
            if (chosen == null) {
                List<String> failing = new ArrayList<>();
                for (int k = 0; k < conditions.size(); k++) {
                    if (conditions.get(k) instanceof Condition.OnFigure && !check.conditions().get(k).holds()) {
                        failing.add(check.conditions().get(k).condition());
                    }
                }
                never.add("even with every clause conforming and in scope, " + String.join(" and ", failing)
                        + " does not hold");
            }
        }
        if (!never.isEmpty()) {
            return new LevelPlan(level.id(), level.name(), level.nameEn(), level.starCount(), LevelPlan.Status.NEVER,
                    null, List.of(), BigDecimal.ZERO, null, waits, List.of(), String.join("; ", never), true);
        }
        if (!unmodelled.isEmpty()) {
            return new LevelPlan(level.id(), level.name(), level.nameEn(), level.starCount(),
                    LevelPlan.Status.UNPLANNED, null, List.of(), BigDecimal.ZERO, null, waits, List.of(),
                    String.join("; ", unmodelled), true);
        }
        List<Change> changes = new ArrayList<>();
        BigDecimal points = BigDecimal.ZERO;
        BigDecimal total = BigDecimal.ZERO;
        for (Action a : chosen.stream().sorted(Comparator.comparingInt(a -> a.unit().order())).toList()) {
            ClauseResult c = a.unit().result();
            BigDecimal gain = a.inScope() ? a.unit().points() : c.lost();
            points = points.add(gain);
            total = total.add(a.effort());
            String from = a.inScope() ? "not applicable (excluded)"
                    : (c.result() != null ? c.result().key() : c.how() != null && c.how().startsWith("no finding")
                            ? "no finding" : "scored") + " (" + Decimals.text(c.score()) + " of "
                            + Decimals.text(a.unit().points()) + ")";
            String to = (a.inScope() ? "in scope, conform (" : "conform (") + Decimals.text(a.unit().points()) + " of "
                    + Decimals.text(a.unit().points()) + ")";
            changes.add(new Change(r.scheme(), a.inScope() ? Change.Kind.IN_SCOPE : Change.Kind.CLAUSE, a.unit().id(),
                    a.unit().title(), from, to, gain, effort.given() ? a.effort() : null, null));
        }
        for (Change f : factChanges) {
            changes.add(f);
            total = total.add(f.effort() == null ? BigDecimal.ZERO : f.effort());
        }
        LocalDate from = waits.stream().map(Wait::from).max(Comparator.naturalOrder()).orElse(null);
        return new LevelPlan(level.id(), level.name(), level.nameEn(), level.starCount(),
                waits.isEmpty() ? LevelPlan.Status.NOW : LevelPlan.Status.FROM, from, changes, points,
                effort.given() ? total : null, waits, List.of(), null, proven[0]);
    }

    /**
     * Where {@code fact} is derived from a checklist ({@link Inputs.FactSpec.Concludes}, outcome derived by the
     * scheme or by its reading in this result), the changes to its checklist that derive the value the level
     * needs: each item not conforming to conforming, and, when the stated value would not do either, each item
     * left blank (a checklist with a blank item decides nothing, and the stated value is graded). {@code null}
     * when the fact is not derived here, or the conforming value does not meet the level's conditions on it.
     */
    private static List<Change> checklistItems(SchemeResult r, Variant v, String fact, List<Comparison> cmps,
            Map<String, Object> facts, Effort effort) {
        Inputs.FactSpec spec = v.inputs().facts().stream().filter(f -> f.name().equals(fact)).findFirst().orElse(null);
        Inputs.FactSpec.Concludes c = spec == null ? null : spec.concludes();
        if (c == null || c.notConforming() == null) {
            return null;
        }
        String outcome = c.outcome();
        if (c.outcomeReading() != null) {
            outcome = r.readings().stream().filter(u -> u.key().equals(c.outcomeReading())).map(ReadingUsed::value)
                    .findFirst().orElseGet(() -> v.reading(c.outcomeReading()).map(Reading::defaultValue)
                            .orElse(c.outcome()));
        }
        Object needed = factValue(cmps);
        Category checklist = find(v.catalog().categories(), c.checklist());
        if (!Inputs.FactSpec.Concludes.DERIVED.equals(outcome) || checklist == null
                || !(needed instanceof String word) || !word.equalsIgnoreCase(c.conforming())) {
            return null;
        }
        Map<String, ClauseResult> byId = new HashMap<>();
        r.clauses().forEach(cr -> byId.put(cr.id(), cr));
        Object stated = facts.get(fact);
        boolean statedWillDo = stated != null && c.conforming().equalsIgnoreCase(stated.toString());
        String to = "conform (" + fact + " derived " + c.conforming() + (c.outcomeReading() == null ? ""
                : ", " + c.outcomeReading() + " = " + outcome) + ")";
        List<Change> out = new ArrayList<>();
        checklistItems(checklist, new ArrayList<>(), (item, enclosing) -> {
            ClauseResult cr = byId.get(item[0]);
            io.github.aftersales.core.assessment.Conformity result = cr == null ? null : cr.result();
            BigDecimal e = effort.given() ? effort.clause(r.scheme(), item[0], enclosing) : null;
            if (result == io.github.aftersales.core.assessment.Conformity.NOT_CONFORM) {
                out.add(new Change(r.scheme(), Change.Kind.ITEM, item[0], item[1], result.key(), to, null, e, null));
            } else if (result == null && item[2] == null) {
                out.add(new Change(r.scheme(), Change.Kind.ITEM, item[0], item[1], "no finding", to, null, e, null));
            }
        });
        if (statedWillDo && out.stream().anyMatch(ch -> !ch.from().equals("no finding"))) {
            // once no item fails, blank items leave the stated value graded, and it is the one needed
            out.removeIf(ch -> ch.from().equals("no finding"));
        }
        return out.isEmpty() ? null : out;
    }

    /** The category with this id, at any depth; {@code null} when there is none. */
    private static Category find(List<Category> categories, String id) {
        for (Category c : categories) {
            Category found = c.id().equals(id) ? c : find(c.categories(), id);
            if (found != null) {
                return found;
            }
        }
        return null;
    }

    /**
     * Each item of a checklist in the catalog's order, as {id, title, "group" for a category inside it (whose
     * own result is optional) or null}, with the ids of the categories around it.
     */
    private static void checklistItems(Category c, List<String> enclosing,
            java.util.function.BiConsumer<String[], List<String>> each) {
        List<String> around = new ArrayList<>(enclosing);
        around.add(c.id());
        for (Clause cl : c.clauses()) {
            each.accept(new String[] {cl.id(), cl.title(), null}, around);
        }
        for (Category sub : c.categories()) {
            each.accept(new String[] {sub.id(), sub.title(), "group"}, around);
            checklistItems(sub, around, each);
        }
    }

    private static List<String> scopes(Unit u) {
        List<String> s = new ArrayList<>(u.scopes().size() + 1);
        for (String id : u.scopes()) {
            s.add("category:" + id);
        }
        if (u.whole()) {
            s.add("whole");
        }
        return s;
    }

    /** The linear constraints of a condition on a figure the scoring engine measures. */
    private static List<Linear> linear(Condition.OnFigure f, SchemeResult r, BigDecimal scale) {
        Comparison cmp = f.comparison();
        BigDecimal t = cmp.number() == null ? BigDecimal.ZERO : cmp.number();
        List<String> scopes = new ArrayList<>();
        BigDecimal alpha;
        BigDecimal beta;
        BigDecimal gamma = BigDecimal.ZERO;
        switch (f.figure()) {
            case TOTAL -> {
                scopes.add("whole");
                alpha = r.declaredMax();
                beta = t.multiply(scale);
            }
            case SCORE -> {
                scopes.add("whole");
                alpha = BigDecimal.ONE;
                beta = BigDecimal.ZERO;
                gamma = t.multiply(scale);
            }
            case PERCENT -> {
                scopes.add("whole");
                alpha = HUNDRED;
                beta = t.multiply(scale);
            }
            default -> {
                alpha = HUNDRED;
                beta = t.multiply(scale);
                if (Condition.EVERY_TOP_LEVEL_CATEGORY.equals(f.category())) {
                    r.categories().stream().filter(c -> c.depth() == 0 && c.points() != null)
                            .forEach(c -> scopes.add("category:" + c.id()));
                } else {
                    scopes.add("category:" + f.category());
                }
            }
        }
        String text = f.figure().key() + (f.category() == null ? "" : " " + f.category()) + " "
                + cmp.operator().symbol() + " " + cmp.thresholdText();
        Comparison ofCategory = f.figure() == Condition.Figure.CATEGORY_PERCENT ? cmp : null;
        List<Linear> out = new ArrayList<>();
        for (String scope : scopes) {
            switch (cmp.operator()) {
                case AT_LEAST -> out.add(new Linear(scope, alpha, beta, gamma, 1, 0, text, ofCategory));
                case ABOVE -> out.add(new Linear(scope, alpha, beta, gamma, 1, 1, text, ofCategory));
                case AT_MOST -> out.add(new Linear(scope, alpha, beta, gamma, -1, 0, text, ofCategory));
                case BELOW -> out.add(new Linear(scope, alpha, beta, gamma, -1, 1, text, ofCategory));
                case EQUALS -> {
                    out.add(new Linear(scope, alpha, beta, gamma, 1, 0, text, ofCategory));
                    out.add(new Linear(scope, alpha, beta, gamma, -1, 0, text, ofCategory));
                }
            }
        }
        return out;
    }

    /** alpha × S − beta × A − gamma for the scope's current state. */
    private static BigDecimal value(Linear l, Map<String, BigDecimal[]> state) {
        BigDecimal[] sa = state.getOrDefault(l.scope(), new BigDecimal[] {BigDecimal.ZERO, BigDecimal.ZERO});
        return l.alpha().multiply(sa[0]).subtract(l.beta().multiply(sa[1])).subtract(l.gamma());
    }

    /** Whether a condition on a category's percentage is void: nothing in the category applies, so it has none. */
    private static boolean vacuous(Linear l, Map<String, BigDecimal[]> state) {
        BigDecimal[] sa = state.get(l.scope());
        return l.percentOfCategory() != null && (sa == null || sa[1].signum() == 0);
    }

    private static boolean holdsNow(List<Linear> ls, Map<String, BigDecimal[]> state) {
        for (Linear l : ls) {
            if (vacuous(l, state)) {
                continue;
            }
            int s = value(l, state).signum() * l.sign();
            if (l.strict() == 1 ? s <= 0 : s < 0) {
                return false;
            }
        }
        return true;
    }

    /** The cheapest set of actions meeting every constraint, or {@code null} when none does. */
    private static List<Action> search(List<Linear> linears, Map<String, BigDecimal[]> state, List<Action> actions,
            BigDecimal scale, boolean[] proven) {
        int m = linears.size();
        int n = actions.size();
        // exact weights, then each constraint scaled to whole numbers by its own power of ten
        BigDecimal[][] exact = new BigDecimal[n][m];
        BigDecimal[] needExact = new BigDecimal[m];
        for (int j = 0; j < m; j++) {
            Linear l = linears.get(j);
            BigDecimal sign = BigDecimal.valueOf(l.sign());
            needExact[j] = BigDecimal.valueOf(l.strict()).subtract(sign.multiply(value(l, state)));
            int digits = Math.max(0, needExact[j].stripTrailingZeros().scale());
            for (int k = 0; k < n; k++) {
                Action a = actions.get(k);
                boolean in = scopes(a.unit()).contains(l.scope());
                exact[k][j] = in ? sign.multiply(l.alpha().multiply(a.deltaScaled())
                        .subtract(l.beta().multiply(a.deltaApplicable()))) : BigDecimal.ZERO;
                digits = Math.max(digits, exact[k][j].stripTrailingZeros().scale());
            }
            // strict: a whole number above zero after scaling means "> 0" only at the scaled grid
            if (l.strict() == 1) {
                needExact[j] = needExact[j].subtract(BigDecimal.ONE).add(BigDecimal.ONE.movePointLeft(digits));
            }
            needExact[j] = needExact[j].movePointRight(digits);
            for (int k = 0; k < n; k++) {
                exact[k][j] = exact[k][j].movePointRight(digits);
            }
        }
        // points gained (scaled) and effort (thousandths), then classes of interchangeable actions
        int pointDigits = 0;
        for (Action a : actions) {
            pointDigits = Math.max(pointDigits, points(a).stripTrailingZeros().scale());
        }
        Map<String, List<Integer>> classes = new LinkedHashMap<>();
        long[] need = new long[m];
        try {
            for (int j = 0; j < m; j++) {
                need[j] = needExact[j].setScale(0, java.math.RoundingMode.CEILING).longValueExact();
            }
            List<long[]> ws = new ArrayList<>();
            List<Long> ps = new ArrayList<>();
            List<Long> es = new ArrayList<>();
            for (int k = 0; k < n; k++) {
                long[] wk = new long[m];
                boolean useful = false;
                for (int j = 0; j < m; j++) {
                    wk[j] = exact[k][j].longValueExact();
                    useful |= wk[j] > 0 && need[j] > 0;
                }
                if (!useful) {
                    continue; // a change that helps no failing condition is never in a smallest set
                }
                long p = points(actions.get(k)).movePointRight(pointDigits).longValueExact();
                long e = actions.get(k).effort().multiply(THOUSAND).longValueExact();
                String key = java.util.Arrays.toString(wk) + "/" + p + "/" + e;
                List<Integer> members = classes.get(key);
                if (members == null) {
                    classes.put(key, members = new ArrayList<>());
                    ws.add(wk);
                    ps.add(p);
                    es.add(e);
                }
                members.add(k);
            }
            List<List<Integer>> members = new ArrayList<>(classes.values());
            int[] mult = members.stream().mapToInt(List::size).toArray();
            Search s = new Search(ws.toArray(long[][]::new), mult, ps.stream().mapToLong(Long::longValue).toArray(),
                    es.stream().mapToLong(Long::longValue).toArray(), m);
            int[] take = s.solve(need);
            proven[0] = s.proven;
            if (take == null) {
                return null;
            }
            List<Action> out = new ArrayList<>();
            for (int c = 0; c < take.length; c++) {
                for (int i = 0; i < take[c]; i++) {
                    out.add(actions.get(members.get(c).get(i)));
                }
            }
            return out;
        } catch (ArithmeticException e) {
            throw new IllegalStateException("figures too fine for the planner's whole numbers", e);
        }
    }

    /** The points a change gains, times the part's scale (exact). */
    private static BigDecimal points(Action a) {
        return a.deltaScaled();
    }

    // ---------------------------------------------------------------------------------------------
    // facts and dated conditions

    /** A value meeting every comparison, or {@code null} when none does. */
    static Object factValue(List<Comparison> cmps) {
        String word = null;
        BigDecimal lo = null;
        BigDecimal hi = null;
        BigDecimal eq = null;
        for (Comparison c : cmps) {
            if (c.word() != null) {
                if (word != null && !word.equalsIgnoreCase(c.word())) {
                    return null;
                }
                word = c.word();
                continue;
            }
            BigDecimal t = c.number();
            switch (c.operator()) {
                case AT_LEAST -> lo = lo == null || t.compareTo(lo) > 0 ? t : lo;
                case ABOVE -> {
                    BigDecimal above = t.add(new BigDecimal("0.01"));
                    lo = lo == null || above.compareTo(lo) > 0 ? above : lo;
                }
                case AT_MOST -> hi = hi == null || t.compareTo(hi) < 0 ? t : hi;
                case BELOW -> {
                    BigDecimal below = t.subtract(new BigDecimal("0.01"));
                    hi = hi == null || below.compareTo(hi) < 0 ? below : hi;
                }
                case EQUALS -> eq = t;
            }
        }
        Object value = word != null ? (Object) word : eq != null ? eq : lo != null ? lo : hi;
        if (word != null && (lo != null || hi != null || eq != null)) {
            return null;
        }
        for (Comparison c : cmps) {
            boolean ok = value instanceof BigDecimal n ? c.number() != null && c.test(n) : c.test(value.toString());
            if (!ok) {
                return null;
            }
        }
        return value instanceof String s && (s.equalsIgnoreCase("true") || s.equalsIgnoreCase("false"))
                ? Boolean.valueOf(s.toLowerCase(java.util.Locale.ROOT)) : value;
    }

    private static String text(List<Comparison> cmps) {
        return String.join(" and ", cmps.stream().map(c -> c.operator().symbol() + " " + c.thresholdText())
                .distinct().toList());
    }

    private static LocalDate date(Map<String, Object> facts, String name) {
        Object v = facts.get(name);
        if (v instanceof LocalDate d) {
            return d;
        }
        try {
            return v == null ? null : LocalDate.parse(v.toString());
        } catch (java.time.format.DateTimeParseException e) {
            return null;
        }
    }

    /** The first window end from which an event of {@code date} is no longer counted in a window of {@code months}. */
    static LocalDate leaves(LocalDate date, int months) {
        LocalDate end = date.plusMonths(months);
        while (!end.minusMonths(months).isAfter(date)) {
            end = end.plusDays(1);
        }
        return end;
    }

    private static Wait eventWait(Condition.OnEventCount e, SchemeResult r, Map<String, Object> facts,
            List<Event> events) {
        Integer months = e.withinMonths();
        if (e.reading() != null) {
            for (ReadingUsed u : r.readings()) {
                if (u.key().equals(e.reading())) {
                    months = u.value().equals(Reading.NO_WINDOW) ? null : Integer.valueOf(u.value());
                }
            }
        }
        String what = e.eventType() + Event.whereText(e.where()) + (months == null ? " at any time before " : " in the "
                + months + " months before ") + e.before() + " " + e.comparison().operator().symbol() + " "
                + e.comparison().thresholdText();
        LocalDate end = date(facts, e.before());
        Comparison cmp = e.comparison();
        if (end == null || months == null || cmp.number() == null
                || (cmp.operator() != Comparison.Operator.AT_MOST && cmp.operator() != Comparison.Operator.BELOW)) {
            return new Wait(what, e.before(), null, what + " does not hold, and no date makes it hold");
        }
        // move the window's end until few enough events are in it (events after today's end may come in)
        LocalDate at = end;
        for (int round = 0; round < 10_000; round++) {
            List<LocalDate> in = new ArrayList<>();
            for (Event ev : events) {
                if (ev.is(e.eventType(), e.where()) && !ev.date().isAfter(at)
                        && !ev.date().isBefore(at.minusMonths(months))) {
                    in.add(ev.date());
                }
            }
            if (cmp.test(BigDecimal.valueOf(in.size()))) {
                List<String> leaving = new ArrayList<>();
                for (Event ev : events) {
                    if (ev.is(e.eventType(), e.where()) && !ev.date().isAfter(end)
                            && !ev.date().isBefore(end.minusMonths(months)) && !in.contains(ev.date())) {
                        leaving.add(ev.date().toString());
                    }
                }
                java.util.Collections.sort(leaving);
                return new Wait(what, e.before(), at, "the " + e.eventType() + " of " + String.join(", ", leaving)
                        + (leaving.size() == 1 ? " stops" : " stop") + " counting when " + e.before() + " is " + at
                        + " or later");
            }
            in.sort(Comparator.naturalOrder());
            at = leaves(in.get(0), months);
        }
        return new Wait(what, e.before(), null, what + " does not hold, and no date makes it hold");
    }

    private static Wait durationWait(Condition.OnDuration d, Map<String, Object> facts) {
        Comparison cmp = d.comparison();
        String what = "months from " + d.from() + " to " + d.to() + " " + cmp.operator().symbol() + " "
                + cmp.thresholdText();
        LocalDate from = date(facts, d.from());
        if (from == null || cmp.number() == null
                || (cmp.operator() != Comparison.Operator.AT_LEAST && cmp.operator() != Comparison.Operator.ABOVE)) {
            return new Wait(what, d.to(), null, what + " does not hold, and no date makes it hold");
        }
        LocalDate at = date(facts, d.to());
        at = at == null ? from : at;
        for (int i = 0; i < 100_000 && !cmp.test(BigDecimal.valueOf(Period.between(from, at).toTotalMonths())); i++) {
            at = at.plusDays(1);
        }
        return new Wait(what, d.to(), at, what + " holds when " + d.to() + " is " + at + " or later");
    }

    // ---------------------------------------------------------------------------------------------
    // a grade combining parts (ZG025 6.3)

    /** One part's option in a route: keep its grade, or reach one of its levels by its plan. */
    private record Option(String scheme, LevelPlan plan, String levelId, String name, String nameEn, int stars,
            boolean passed) {
        int count() {
            return plan == null ? 0 : plan.changes().size();
        }

        BigDecimal points() {
            return plan == null ? BigDecimal.ZERO : plan.points();
        }

        BigDecimal effort() {
            return plan == null || plan.effort() == null ? BigDecimal.ZERO : plan.effort();
        }
    }

    private static SchemePlan combined(SchemeResult r, Variant v, Map<String, SchemePlan> plans,
            Map<String, SchemeResult> results) {
        List<Level> levels = v.grading().levels();
        int reached = reachedIndex(r);
        List<List<Option>> options = new ArrayList<>();
        String partUnplanned = null; // a part's level left out of the routes because it was not planned
        for (Variant.PartRef ref : v.combines()) {
            SchemeResult p = results.get(ref.scheme());
            SchemePlan plan = plans.get(ref.scheme());
            if (p == null || plan == null || plan.note() != null) {
                return new SchemePlan(r.scheme(), r.variant(), List.of(), "no plan for the part " + ref.scheme());
            }
            List<Option> os = new ArrayList<>();
            os.add(new Option(p.scheme(), null, p.gradeId(), p.grade(), p.gradeEn(), p.stars(), p.passed()));
            for (LevelPlan lp : plan.levels()) {
                if (lp.status() == LevelPlan.Status.NOW || lp.status() == LevelPlan.Status.FROM) {
                    os.add(new Option(p.scheme(), lp, lp.levelId(), lp.name(), lp.nameEn(), lp.stars(), true));
                } else if (lp.status() == LevelPlan.Status.UNPLANNED) {
                    partUnplanned = ref.scheme() + " " + lp.name() + " is not planned (" + lp.why() + ")";
                }
            }
            options.add(os);
        }
        boolean effortGiven = plans.values().stream().flatMap(p -> p.levels().stream())
                .anyMatch(l -> l.effort() != null);
        List<LevelPlan> out = new ArrayList<>();
        for (int i = reached + 1; i < levels.size(); i++) {
            Level level = levels.get(i);
            LevelCheck check = r.levels().get(i);
            List<List<Option>> routes = new ArrayList<>();
            String unplanned = null;
            for (int k = 0; k < level.conditions().size(); k++) {
                Condition c = level.conditions().get(k);
                boolean onParts = c instanceof Condition.OnPart
                        || c instanceof Condition.OnFigure f && f.figure() == Condition.Figure.PART_STARS;
                if (!onParts && !check.conditions().get(k).holds()) {
                    unplanned = check.conditions().get(k).condition() + ": the planner does not plan this kind of"
                            + " condition";
                } else if (c instanceof Condition.OnDerivedFigure || c instanceof Condition.OnExpression) {
                    // as for a part: the changes may move what it reads
                    unplanned = check.conditions().get(k).condition() + ": a derived figure or expression the"
                            + " changes may move";
                }
            }
            if (unplanned == null) {
                combine(options, 0, new ArrayList<>(), level, routes);
            }
            // the least first: effort (with an effort file), changes, points; then the parts' order
            Comparator<List<Option>> cheapest = Comparator
                    .comparing((List<Option> route) -> route.stream().map(Option::effort).reduce(BigDecimal.ZERO, BigDecimal::add))
                    .thenComparingInt(route -> route.stream().mapToInt(Option::count).sum())
                    .thenComparing(route -> route.stream().map(Option::points).reduce(BigDecimal.ZERO, BigDecimal::add));
            routes.sort(cheapest);
            // besides the cheapest, only routes that cannot keep a part lower and still reach the level
            List<List<Option>> shown = new ArrayList<>();
            for (List<Option> route : routes) {
                if (shown.isEmpty() || routes.stream().noneMatch(other -> other != route && below(other, route))) {
                    shown.add(route);
                }
            }
            if (unplanned != null || shown.isEmpty() && partUnplanned != null) {
                // not "never": a condition, or a part's level, the planner does not model might still be met
                out.add(new LevelPlan(level.id(), level.name(), level.nameEn(), level.starCount(),
                        LevelPlan.Status.UNPLANNED, null, List.of(), BigDecimal.ZERO, null, List.of(), List.of(),
                        unplanned != null ? unplanned : partUnplanned, true));
                continue;
            }
            if (shown.isEmpty()) {
                out.add(new LevelPlan(level.id(), level.name(), level.nameEn(), level.starCount(),
                        LevelPlan.Status.NEVER, null, List.of(), BigDecimal.ZERO, null, List.of(), List.of(),
                        "no level the parts can reach adds up to it", true));
                continue;
            }
            List<Option> best = shown.get(0);
            List<Change> changes = new ArrayList<>();
            List<Wait> waits = new ArrayList<>();
            for (Option o : best) {
                if (o.plan() != null) {
                    changes.addAll(o.plan().changes());
                    waits.addAll(o.plan().waits());
                }
            }
            LocalDate from = waits.stream().map(Wait::from).max(Comparator.naturalOrder()).orElse(null);
            List<Route> rs = shown.stream().map(route -> new Route(route.stream().map(o -> new Route.PartTarget(
                    o.scheme(), o.plan() == null ? null : o.levelId(), o.name(), o.nameEn(), o.stars(), o.count(),
                    o.points())).toList(), route.stream().mapToInt(Option::count).sum(),
                    route.stream().map(Option::points).reduce(BigDecimal.ZERO, BigDecimal::add),
                    effortGiven ? route.stream().map(Option::effort).reduce(BigDecimal.ZERO, BigDecimal::add) : null))
                    .toList();
            Route first = rs.get(0);
            out.add(new LevelPlan(level.id(), level.name(), level.nameEn(), level.starCount(),
                    waits.isEmpty() ? LevelPlan.Status.NOW : LevelPlan.Status.FROM, from, changes, first.points(),
                    first.effort(), waits, rs, null, best.stream().allMatch(o -> o.plan() == null || o.plan().proven())));
        }
        return new SchemePlan(r.scheme(), r.variant(), out, null);
    }

    /** Whether route {@code a} takes every part to at most the level {@code b} takes it to, one strictly lower. */
    private static boolean below(List<Option> a, List<Option> b) {
        boolean lower = false;
        for (int i = 0; i < a.size(); i++) {
            int sa = rank(a.get(i));
            int sb = rank(b.get(i));
            if (sa > sb) {
                return false;
            }
            lower |= sa < sb;
        }
        return lower;
    }

    private static int rank(Option o) {
        return o.plan() == null ? -1 : o.stars() * 1000 + o.count();
    }

    private static void combine(List<List<Option>> options, int at, List<Option> route, Level level,
            List<List<Option>> out) {
        if (at == options.size()) {
            if (reaches(route, level)) {
                out.add(List.copyOf(route));
            }
            return;
        }
        for (Option o : options.get(at)) {
            route.add(o);
            combine(options, at + 1, route, level, out);
            route.remove(route.size() - 1);
        }
    }

    private static boolean reaches(List<Option> route, Level level) {
        for (Condition c : level.conditions()) {
            if (c instanceof Condition.OnPart p) {
                for (Option o : route) {
                    if (!p.part().equals(Condition.EVERY_TOP_LEVEL_CATEGORY) && !p.part().equals(o.scheme())) {
                        continue;
                    }
                    boolean holds = p.figure() == Condition.PartFigure.PASSED
                            ? p.comparison().test(Boolean.toString(o.passed()))
                            : p.comparison().test(BigDecimal.valueOf(o.stars()));
                    if (!holds) {
                        return false;
                    }
                }
            } else if (c instanceof Condition.OnFigure f && f.figure() == Condition.Figure.PART_STARS) {
                int sum = route.stream().mapToInt(Option::stars).sum();
                if (!f.comparison().test(BigDecimal.valueOf(sum))) {
                    return false;
                }
            }
        }
        return true;
    }
}

package io.github.aftersales.properties;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.aftersales.core.assessment.Assessment;
import io.github.aftersales.core.assessment.Finding;
import io.github.aftersales.core.assessment.SchemeAssessment;
import io.github.aftersales.core.evaluation.ClauseResult;
import io.github.aftersales.core.evaluation.EvaluationOptions;
import io.github.aftersales.core.evaluation.EvaluationResult;
import io.github.aftersales.core.evaluation.Evaluator;
import io.github.aftersales.core.evaluation.SchemeResult;
import io.github.aftersales.core.json.Located;
import io.github.aftersales.core.plan.Change;
import io.github.aftersales.core.plan.Effort;
import io.github.aftersales.core.plan.LevelPlan;
import io.github.aftersales.core.plan.Planner;
import io.github.aftersales.core.plan.SchemePlan;
import io.github.aftersales.core.plan.Wait;
import io.github.aftersales.spi.Variant;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The planner's oracle, independent of its search: changes are applied to the assessment itself and it
 * is graded again by the evaluator; smaller sets are tried by brute force.
 */
final class PlanOracle {

    private PlanOracle() {
    }

    /** A candidate change: a clause that lost points or is excluded, or one of the plan's fact changes. */
    record Item(String scheme, String id, boolean fact, Object value, BigDecimal gain, BigDecimal points) {
    }

    /**
     * Checks every property of the plans of one assessment; brute force when at most {@code brute}
     * candidates. Returns how many levels were checked by brute force.
     */
    static int check(Evaluator evaluator, Function<SchemeResult, Optional<Variant>> variants, Assessment a, int brute) {
        EvaluationResult r = evaluator.evaluate(a, EvaluationOptions.DEFAULTS);
        List<SchemePlan> plans = Planner.plan(r, variants, Effort.NONE);
        Map<String, SchemeResult> results = new HashMap<>();
        r.results().forEach(s -> results.put(s.scheme(), s));
        int bruteForced = 0;
        for (SchemePlan p : plans) {
            SchemeResult s = results.get(p.scheme());
            assertThat(p.note()).as("no plan for %s", p.scheme()).isNull();
            // a level already reached has no plan: the plans are exactly the levels above the grade
            int reached = -1;
            for (int i = 0; i < s.levels().size(); i++) {
                if (s.levels().get(i).id().equals(s.gradeId())) {
                    reached = i;
                }
            }
            List<String> above = s.levels().subList(reached + 1, s.levels().size()).stream().map(l -> l.id()).toList();
            assertThat(p.levels().stream().map(LevelPlan::levelId).toList()).isEqualTo(above);
            List<Item> candidates = candidates(s.parts().isEmpty() ? List.of(s)
                    : s.parts().stream().map(ref -> results.get(ref.scheme())).toList());
            for (int li = 0; li < p.levels().size(); li++) {
                LevelPlan lp = p.levels().get(li);
                int index = reached + 1 + li;
                // the plan never touches a clause that cannot change the result
                for (Change c : lp.changes()) {
                    if (c.kind() != Change.Kind.FACT) {
                        assertThat(candidates).as("%s changes %s", lp.levelId(), c.id())
                                .anyMatch(i -> i.scheme().equals(c.scheme()) && i.id().equals(c.id()) && !i.fact());
                    }
                }
                if (lp.status() == LevelPlan.Status.UNPLANNED) {
                    continue; // no plan is claimed
                }
                if (lp.status() == LevelPlan.Status.NEVER) {
                    if (lp.why().startsWith("even with every clause")) {
                        // every clause conforming and in scope, every fact stated to the best: still not reached
                        assertThat(reaches(evaluator, a, p.scheme(), index, candidates, List.of())).as(lp.why()).isFalse();
                    }
                    continue;
                }
                List<Item> planned = items(lp.changes(), candidates);
                // applying the plan reaches the level
                assertThat(reaches(evaluator, a, p.scheme(), index, planned, lp.waits()))
                        .as("%s %s with %s", p.scheme(), lp.levelId(), lp.changes()).isTrue();
                // no smaller set does, nor one as small with fewer points
                List<Item> all = new ArrayList<>(candidates);
                planned.stream().filter(Item::fact).forEach(all::add);
                if (all.size() <= brute) {
                    bruteForced++;
                    assertThat(lp.proven()).as("a search this small is never cut").isTrue();
                    BigDecimal planPoints = planned.stream().filter(i -> !i.fact()).map(Item::gain)
                            .reduce(BigDecimal.ZERO, BigDecimal::add);
                    int n = all.size();
                    for (int mask = 0; mask < (1 << n); mask++) {
                        int size = Integer.bitCount(mask);
                        if (size > planned.size()) {
                            continue;
                        }
                        List<Item> subset = new ArrayList<>();
                        BigDecimal points = BigDecimal.ZERO;
                        for (int b = 0; b < n; b++) {
                            if ((mask & (1 << b)) != 0) {
                                subset.add(all.get(b));
                                points = all.get(b).fact() ? points : points.add(all.get(b).gain());
                            }
                        }
                        boolean cheaper = size < planned.size()
                                || points.compareTo(planPoints.subtract(new BigDecimal("1e-9"))) < 0;
                        if (cheaper) {
                            assertThat(reaches(evaluator, a, p.scheme(), index, subset, lp.waits()))
                                    .as("%s %s: %s is smaller than the plan %s", p.scheme(), lp.levelId(), subset,
                                            lp.changes()).isFalse();
                        }
                    }
                }
            }
        }
        return bruteForced;
    }

    /** The clauses of these results that lost points or are excluded. */
    static List<Item> candidates(List<SchemeResult> parts) {
        List<Item> out = new ArrayList<>();
        for (SchemeResult s : parts) {
            for (ClauseResult c : s.clauses()) {
                if (c.points() != null && (!c.applicable() || c.lost().signum() > 0)) {
                    out.add(new Item(s.scheme(), c.id(), false, null, c.applicable() ? c.lost() : c.points(), c.points()));
                }
            }
        }
        return out;
    }

    private static List<Item> items(List<Change> changes, List<Item> candidates) {
        List<Item> out = new ArrayList<>();
        for (Change c : changes) {
            if (c.kind() == Change.Kind.FACT) {
                out.add(new Item(c.scheme(), c.id(), true, c.value(), BigDecimal.ZERO, null));
            } else {
                out.add(candidates.stream().filter(i -> i.scheme().equals(c.scheme()) && i.id().equals(c.id()))
                        .findFirst().orElseThrow());
            }
        }
        return out;
    }

    /** Whether the assessment with {@code items} applied (and the waits' dates) reaches level {@code index} of {@code scheme}. */
    static boolean reaches(Evaluator evaluator, Assessment a, String scheme, int index, List<Item> items, List<Wait> waits) {
        EvaluationResult r = evaluator.evaluate(apply(a, items, waits), EvaluationOptions.DEFAULTS);
        return r.results().stream().filter(s -> s.scheme().equals(scheme)).findFirst().orElseThrow()
                .levels().get(index).reached();
    }

    static Assessment apply(Assessment a, List<Item> items, List<Wait> waits) {
        List<SchemeAssessment> parts = new ArrayList<>();
        for (SchemeAssessment p : a.parts()) {
            Map<String, Item> clauses = new HashMap<>();
            Map<String, Object> facts = new LinkedHashMap<>(p.facts());
            for (Item i : items) {
                if (i.scheme().equals(p.scheme())) {
                    if (i.fact()) {
                        facts.put(i.id(), i.value());
                    } else {
                        clauses.put(i.id(), i);
                    }
                }
            }
            for (Wait w : waits) {
                if (w.from() != null && p.facts().containsKey(w.fact())) {
                    facts.put(w.fact(), w.from().toString());
                }
            }
            List<Finding> findings = new ArrayList<>();
            java.util.Set<String> seen = new java.util.HashSet<>();
            for (Finding f : p.findings()) {
                seen.add(f.id());
                findings.add(clauses.containsKey(f.id()) ? conform(clauses.get(f.id()), f.position(), f.where()) : f);
            }
            for (Item i : clauses.values()) {
                if (!seen.contains(i.id())) { // a clause without a finding (counted as 0)
                    findings.add(conform(i, p.position(), p.where()));
                }
            }
            parts.add(new SchemeAssessment(p.scheme(), p.variant(), p.schemeVersion(), p.notApplicable(),
                    p.missingAsZero(), findings, facts, p.factPositions(), p.events(), p.position(), p.where(),
                    p.readings(), p.readingPositions()));
        }
        return new Assessment(a.source(), a.organisation(), a.date(), a.assessor(), parts, a.line());
    }

    /** Conforming, with its full points as the score (a category scored as a whole needs a score). */
    private static Finding conform(Item i, Located.Position position, Located.Where where) {
        return new Finding(i.id(), null, i.points(), null, null, null, List.of(), null, position, where);
    }
}

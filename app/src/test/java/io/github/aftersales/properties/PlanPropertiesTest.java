package io.github.aftersales.properties;

import io.github.aftersales.core.assessment.Assessment;
import io.github.aftersales.core.assessment.AssessmentReader;
import io.github.aftersales.core.assessment.Conformity;
import io.github.aftersales.core.assessment.Finding;
import io.github.aftersales.core.assessment.SchemeAssessment;
import io.github.aftersales.core.evaluation.EvaluationOptions;
import io.github.aftersales.core.evaluation.Evaluator;
import io.github.aftersales.core.evaluation.SchemeResult;
import io.github.aftersales.core.json.Located;
import io.github.aftersales.spi.Catalog;
import io.github.aftersales.spi.Category;
import io.github.aftersales.spi.Clause;
import io.github.aftersales.spi.Comparison;
import io.github.aftersales.spi.Condition;
import io.github.aftersales.spi.GradingTable;
import io.github.aftersales.spi.Inputs;
import io.github.aftersales.spi.Level;
import io.github.aftersales.spi.NotApplicablePolicy;
import io.github.aftersales.spi.Scheme;
import io.github.aftersales.spi.Variant;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;

/**
 * The path to each higher level ({@code evaluate --plan}) as properties, checked by {@link PlanOracle}
 * against the evaluator itself: applying a plan reaches its level; no smaller set of changes does (brute
 * force), nor one as small with fewer points; a level already reached has no plan; a plan never touches a
 * clause that cannot change the result. On small random catalogs (half-point clauses, levels on the total,
 * the percentage, every category's percentage and a stated fact) and on every bundled example with a few
 * clauses losing points. 300 tries each here; {@link PlanPropertiesThoroughTest} tries 10,000.
 */
class PlanPropertiesTest {

    static final int TRIES = 300;

    @Property(tries = TRIES)
    void plansOfSmallRandomCatalogsAreTheSmallest(@ForAll("seeds") long seed) {
        randomCatalog(seed);
        coverage();
    }

    @Property(tries = TRIES)
    void plansOfTheBundledExamplesAreTheSmallest(@ForAll("seeds") long seed) {
        bundled(seed);
        coverage();
    }

    /** Most tries check some level by brute force (not only assessments at their table's top). */
    static void coverage() {
        Statistics.label("levels brute-forced").coverage(c -> c.check(0).percentage(p -> p < 50));
    }

    @Provide
    Arbitrary<Long> seeds() {
        return Arbitraries.longs();
    }

    // ---- small random catalogs --------------------------------------------------------------------

    static void randomCatalog(long seed) {
        Random rnd = new Random(seed);
        List<Category> categories = new ArrayList<>();
        List<Clause> clauses = new ArrayList<>();
        int tops = 1 + rnd.nextInt(3);
        for (int t = 0; t < tops; t++) {
            List<Clause> own = new ArrayList<>();
            int n = 1 + rnd.nextInt(3);
            for (int i = 0; i < n; i++) {
                own.add(clause("C" + t + "." + i, half(rnd, 1, 10)));
            }
            List<Category> subs = new ArrayList<>();
            if (rnd.nextInt(3) == 0) {
                List<Clause> subClauses = List.of(clause("C" + t + ".s.0", half(rnd, 1, 10)),
                        clause("C" + t + ".s.1", half(rnd, 1, 10)));
                subs.add(new Category("C" + t + ".s", "子" + t, "sub " + t, sum(subClauses, List.of()),
                        Category.Scoring.BY_CLAUSES, List.of(), subClauses));
                clauses.addAll(subClauses);
            }
            clauses.addAll(own);
            categories.add(new Category("C" + t, "类" + t, "category " + t, sum(own, subs), Category.Scoring.BY_CLAUSES,
                    subs, own));
        }
        BigDecimal total = categories.stream().map(Category::points).reduce(BigDecimal.ZERO, BigDecimal::add);
        Catalog catalog = new Catalog("随机", "random", total, categories, true, List.of());
        List<Level> levels = new ArrayList<>();
        int nLevels = 1 + rnd.nextInt(3);
        int threshold = 40 + rnd.nextInt(30);
        for (int l = 0; l < nLevels; l++) {
            List<Condition> conditions = new ArrayList<>();
            conditions.add(new Condition.OnFigure(Condition.Figure.TOTAL, null,
                    Comparison.of(Comparison.Operator.AT_LEAST, total.multiply(BigDecimal.valueOf(threshold))
                            .divide(BigDecimal.valueOf(100)))));
            if (rnd.nextBoolean()) {
                conditions.add(new Condition.OnFigure(Condition.Figure.CATEGORY_PERCENT, "*",
                        Comparison.of(rnd.nextInt(4) == 0 ? Comparison.Operator.ABOVE : Comparison.Operator.AT_LEAST,
                                BigDecimal.valueOf(threshold - 10 + rnd.nextInt(20)))));
            }
            if (rnd.nextInt(3) == 0) {
                conditions.add(new Condition.OnFigure(Condition.Figure.PERCENT, null,
                        Comparison.of(Comparison.Operator.AT_LEAST, BigDecimal.valueOf(threshold + rnd.nextInt(10)))));
            }
            if (rnd.nextInt(3) == 0) {
                conditions.add(new Condition.OnFact("S", Comparison.of(Comparison.Operator.AT_LEAST,
                        BigDecimal.valueOf(60 + 10 * l))));
            }
            levels.add(new Level("L" + l, "等级" + l, "level " + l, l + 1, conditions));
            threshold += 5 + rnd.nextInt(15);
        }
        GradingTable grading = new GradingTable(levels, new GradingTable.LevelName("无", "none"));
        Inputs inputs = new Inputs(List.of(new Inputs.FactSpec("S", "满意度", "satisfaction", Inputs.FactSpec.Type.PERCENT,
                List.of())), List.of(), null);
        Variant v = new Variant("v", "随机", "random", catalog, grading, NotApplicablePolicy.PRORATE, false, List.of(),
                inputs, null);
        Scheme scheme = new Scheme() {
            @Override
            public String id() {
                return "random";
            }

            @Override
            public String version() {
                return "1";
            }

            @Override
            public String title() {
                return "随机";
            }

            @Override
            public String titleEn() {
                return "random";
            }

            @Override
            public List<Variant> variants() {
                return List.of(v);
            }
        };
        Evaluator evaluator = new Evaluator(id -> id.equals("random") ? Optional.of(scheme) : Optional.empty(),
                Set.of("random"));
        Located.Position at = new Located.Position(1, 1);
        List<Finding> findings = new ArrayList<>();
        boolean anyIn = false;
        for (int i = 0; i < clauses.size(); i++) {
            Clause c = clauses.get(i);
            int kind = rnd.nextInt(10);
            if (kind < 4 || (i == clauses.size() - 1 && !anyIn)) {
                findings.add(new Finding(c.id(), Conformity.CONFORM, null, null, null, null, List.of(), null, at,
                        Located.Where.named(c.id())));
                anyIn = true;
            } else if (kind < 6) {
                findings.add(new Finding(c.id(), Conformity.NOT_CONFORM, null, null, null, null, List.of(), null, at,
                        Located.Where.named(c.id())));
                anyIn = true;
            } else if (kind < 9) {
                BigDecimal score = half(rnd, 0, c.points().multiply(BigDecimal.valueOf(2)).intValue());
                findings.add(new Finding(c.id(), null, score, null, null, null, List.of(), null, at,
                        Located.Where.named(c.id())));
                anyIn = true;
            } else {
                findings.add(new Finding(c.id(), Conformity.NOT_APPLICABLE, null, null, null, "n/a", List.of(), null,
                        at, Located.Where.named(c.id())));
            }
        }
        Map<String, Object> facts = new HashMap<>();
        facts.put("S", BigDecimal.valueOf(50 + rnd.nextInt(40)));
        SchemeAssessment part = new SchemeAssessment("random", "v", null, null, false, findings, facts, Map.of(),
                List.of(), at, Located.Where.named("schemes[0]"));
        Assessment a = new Assessment("random.json", null, null, null, List.of(part), 0);
        int checked = PlanOracle.check(evaluator, s -> Optional.of(v), a, 13);
        Statistics.label("levels brute-forced").collect(Math.min(checked, 2));
    }

    private static Clause clause(String id, BigDecimal points) {
        return new Clause(id, "条" + id, "clause " + id, points, List.of(), true, null, null);
    }

    /** A number of half points from {@code lo}/2 to {@code hi}/2. */
    private static BigDecimal half(Random rnd, int lo, int hi) {
        return BigDecimal.valueOf(lo + rnd.nextInt(hi - lo + 1)).divide(BigDecimal.valueOf(2)).stripTrailingZeros();
    }

    private static BigDecimal sum(List<Clause> clauses, List<Category> subs) {
        return clauses.stream().map(Clause::points).reduce(BigDecimal.ZERO, BigDecimal::add)
                .add(subs.stream().map(Category::points).reduce(BigDecimal.ZERO, BigDecimal::add));
    }

    // ---- the bundled examples, a few clauses losing points -----------------------------------------

    static final List<String> EXAMPLES = List.of("examples/gbt27922-form.json", "examples/gbt27922-annex-b.yaml",
            "examples/zg025-combined.json", "examples/cqm/cqm-five-star.json",
            "examples/cqm/note1-example1-face-to-face-75.json", "examples/cqm/note1-example2-rectified-complaint.json");
    static final Map<String, Assessment> READ = new HashMap<>();

    static synchronized Assessment example(String file) {
        return READ.computeIfAbsent(file, f -> AssessmentReader.read(Path.of(f)));
    }

    static void bundled(long seed) {
        Random rnd = new Random(seed);
        Assessment base = example(EXAMPLES.get(rnd.nextInt(EXAMPLES.size())));
        Evaluator evaluator = GradingPropertiesTest.EVALUATOR;
        List<SchemeResult> results = evaluator.evaluate(base, EvaluationOptions.DEFAULTS).results();
        List<SchemeAssessment> parts = new ArrayList<>();
        for (SchemeAssessment p : base.parts()) {
            SchemeResult r = results.stream().filter(x -> x.scheme().equals(p.scheme())).findFirst().orElseThrow();
            if (!r.parts().isEmpty()) {
                parts.add(p);
                continue;
            }
            Variant v = GradingPropertiesTest.REGISTRY.find(p.scheme()).orElseThrow().variant(r.variant()).orElseThrow();
            List<GradingPropertiesTest.Item> items = GradingPropertiesTest.items(v);
            // every scored item full, but a few: a share in quarters of its points, or excluded
            Map<String, Finding> changed = new HashMap<>();
            int few = rnd.nextInt(base.parts().size() > 1 ? 4 : 6) + 1;
            for (int k = 0; k < few; k++) {
                GradingPropertiesTest.Item it = items.get(rnd.nextInt(items.size()));
                Located.Position at = p.position();
                if (it.excludable() && rnd.nextInt(4) == 0) {
                    changed.put(it.id(), new Finding(it.id(), Conformity.NOT_APPLICABLE, null, null, null, "n/a",
                            List.of(), null, at, p.where()));
                } else {
                    BigDecimal score = it.points().multiply(BigDecimal.valueOf(rnd.nextInt(4)))
                            .divide(BigDecimal.valueOf(4)).stripTrailingZeros();
                    changed.put(it.id(), new Finding(it.id(), null, score, null, null, null, List.of(), null, at,
                            p.where()));
                }
            }
            Map<String, Boolean> isItem = new HashMap<>();
            items.forEach(i -> isItem.put(i.id(), true));
            List<Finding> findings = new ArrayList<>();
            for (Finding f : p.findings()) {
                if (changed.containsKey(f.id())) {
                    findings.add(changed.remove(f.id()));
                } else if (isItem.containsKey(f.id())) {
                    findings.add(new Finding(f.id(), null, itemPoints(items, f.id()), null, null, null, List.of(), null,
                            f.position(), f.where()));
                } else {
                    findings.add(f);
                }
            }
            findings.addAll(changed.values());
            Map<String, Object> facts = new HashMap<>(p.facts());
            // survey figures near the levels' thresholds
            for (String fact : List.of("S", "S当面")) {
                if (facts.containsKey(fact)) {
                    facts.put(fact, BigDecimal.valueOf(65 + 5 * rnd.nextInt(7)));
                }
            }
            parts.add(new SchemeAssessment(p.scheme(), p.variant(), p.schemeVersion(), p.notApplicable(),
                    p.missingAsZero(), findings, facts, p.factPositions(), p.events(), p.position(), p.where(),
                    p.readings(), p.readingPositions()));
        }
        Assessment a = new Assessment(base.source(), base.organisation(), base.date(), base.assessor(), parts,
                base.line());
        int checked = PlanOracle.check(evaluator, s -> GradingPropertiesTest.REGISTRY.find(s.scheme())
                .flatMap(x -> x.variant(s.variant())), a, 11);
        Statistics.label("levels brute-forced").collect(Math.min(checked, 2));
    }

    private static BigDecimal itemPoints(List<GradingPropertiesTest.Item> items, String id) {
        return items.stream().filter(i -> i.id().equals(id)).findFirst().orElseThrow().points();
    }
}

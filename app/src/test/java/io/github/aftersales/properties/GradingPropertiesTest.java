package io.github.aftersales.properties;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.github.aftersales.core.assessment.AssessmentReader;
import io.github.aftersales.core.evaluation.CategoryResult;
import io.github.aftersales.core.evaluation.ClauseResult;
import io.github.aftersales.core.evaluation.EvaluationOptions;
import io.github.aftersales.core.evaluation.EvaluationResult;
import io.github.aftersales.core.evaluation.Evaluator;
import io.github.aftersales.core.evaluation.SchemeResult;
import io.github.aftersales.core.json.LocatedReader;
import io.github.aftersales.core.registry.SchemeRegistry;
import io.github.aftersales.spi.Category;
import io.github.aftersales.spi.Clause;
import io.github.aftersales.spi.Level;
import io.github.aftersales.spi.Scheme;
import io.github.aftersales.spi.Variant;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Properties of the grading rules over every installed scheme, each tried 10,000 times
 * (jqwik.properties). Oracles are worked out here from the standards' bands, independently of the
 * grading tables: a wrong table or a wrong engine both fail.
 */
class GradingPropertiesTest {

    static final SchemeRegistry REGISTRY = SchemeRegistry.discover(GradingPropertiesTest.class.getClassLoader());
    static final Evaluator EVALUATOR = new Evaluator(REGISTRY::find, REGISTRY.ids());
    static final ObjectMapper JSON = new ObjectMapper();

    /** A scored item: a clause with points or a category scored as a whole. */
    record Item(String id, BigDecimal points, boolean excludable) {
    }

    static List<Item> items(Variant v) {
        List<Item> out = new ArrayList<>();
        for (Category c : v.catalog().categories()) {
            collect(c, out, v.catalog().anyClauseMayBeExcluded());
        }
        return out;
    }

    private static void collect(Category c, List<Item> out, boolean any) {
        if (c.scoredAsWhole()) {
            out.add(new Item(c.id(), c.points(), any));
        } else if (c.scoring() == Category.Scoring.BY_CLAUSES) {
            for (Clause cl : c.clauses()) {
                out.add(new Item(cl.id(), cl.points(), any || cl.asksApplicability()));
            }
            c.categories().forEach(sub -> collect(sub, out, any));
        }
    }

    /** One generated assessment part: a share in 400ths of each item's points, and the items excluded. */
    record Filling(String scheme, String variant, List<Integer> shares, List<Boolean> excluded, long order) {

        Variant v() {
            return REGISTRY.find(scheme).orElseThrow().variant(variant).orElseThrow();
        }

        BigDecimal score(int i) {
            Item item = items(v()).get(i);
            return item.points().multiply(BigDecimal.valueOf(shares.get(i))).divide(BigDecimal.valueOf(400))
                    .stripTrailingZeros();
        }

        String findingsJson() {
            return findingsJson(BigDecimal::toPlainString);
        }

        String findingsJson(java.util.function.Function<BigDecimal, String> format) {
            List<Item> items = items(v());
            List<String> out = new ArrayList<>();
            for (int i = 0; i < items.size(); i++) {
                Item it = items.get(i);
                if (excluded.get(i)) {
                    out.add("{\"id\": \"" + it.id() + "\", \"result\": \"not-applicable\", \"note\": \"n/a\"}");
                } else {
                    out.add("{\"id\": \"" + it.id() + "\", \"score\": " + format.apply(score(i)) + "}");
                }
            }
            Collections.shuffle(out, new Random(order));
            return String.join(", ", out);
        }

        String partJson(String facts) {
            return "{\"scheme\": \"" + scheme + "\", \"variant\": \"" + variant + "\", \"findings\": [" + findingsJson()
                    + "]" + (facts.isEmpty() ? "" : ", \"facts\": {" + facts + "}") + "}";
        }

        Filling with(int i, int share, boolean exclude) {
            List<Integer> s = new ArrayList<>(shares);
            List<Boolean> e = new ArrayList<>(excluded);
            s.set(i, share);
            e.set(i, exclude);
            return new Filling(scheme, variant, s, e, order);
        }
    }

    static Arbitrary<Filling> fillings(String scheme, String variant) {
        Variant v = REGISTRY.find(scheme).orElseThrow().variant(variant).orElseThrow();
        List<Item> items = items(v);
        int n = items.size();
        // shares skewed toward full marks, as real books are, so every band is reached
        Arbitrary<Integer> share = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(6, Arbitraries.just(400)),
                net.jqwik.api.Tuple.of(3, Arbitraries.integers().between(0, 400)),
                net.jqwik.api.Tuple.of(1, Arbitraries.just(0)));
        Arbitrary<List<Integer>> shares = share.list().ofSize(n);
        Arbitrary<List<Boolean>> excluded = Arbitraries.integers().between(0, 30).list().ofSize(n)
                .map(l -> {
                    List<Boolean> out = new ArrayList<>();
                    for (int i = 0; i < n; i++) {
                        out.add(items.get(i).excludable() && l.get(i) == 0);
                    }
                    if (out.stream().allMatch(b -> b)) {
                        out.set(0, false);
                    }
                    return out;
                });
        return Combinators.combine(shares, excluded, Arbitraries.longs())
                .as((s, e, o) -> new Filling(scheme, variant, s, e, o));
    }

    static EvaluationResult evaluate(String json) {
        try {
            return EVALUATOR.evaluate(AssessmentReader.read(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)),
                    "property.json", LocatedReader.Syntax.JSON), EvaluationOptions.DEFAULTS);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static SchemeResult evaluate(Filling f) {
        return evaluate("{\"schemes\": [" + f.partJson("") + "]}").results().get(0);
    }

    static int rank(Variant v, SchemeResult r) {
        List<Level> levels = v.grading().levels();
        for (int i = levels.size() - 1; i >= 0; i--) {
            if (levels.get(i).id().equals(r.gradeId())) {
                return i;
            }
        }
        return -1;
    }

    /** score × 100 ≥ threshold × applicable, exactly. */
    static boolean reaches(SchemeResult r, int threshold) {
        return r.score().multiply(BigDecimal.valueOf(100)).compareTo(BigDecimal.valueOf(threshold).multiply(r.maxScore())) >= 0;
    }

    // ---- GB/T 27922 form ------------------------------------------------------------------------

    @Provide
    Arbitrary<Filling> gbtForm() {
        return fillings("gbt27922", "form");
    }

    @Property
    void gbtFormStarsFollowTheBandsOfTheTotal(@ForAll("gbtForm") Filling f) {
        SchemeResult r = evaluate(f);
        int expected = reaches(r, 95) ? 5 : reaches(r, 90) ? 4 : reaches(r, 80) ? 3 : reaches(r, 70) ? 2 : 0;
        assertThat(r.stars()).as("%s of %s", r.score(), r.maxScore()).isEqualTo(expected);
        bounds(r, 5);
    }

    @Property
    void gbtFormRaisingAScoreNeverLowersTheGrade(@ForAll("gbtForm") Filling f, @ForAll("index") int pick,
            @ForAll("share") int raise) {
        raisingNeverLowers(f, pick, raise);
    }

    @Property
    void gbtFormExcludingAnItemOnlyRemovesItFromTheDenominator(@ForAll("gbtForm") Filling f, @ForAll("index") int pick) {
        exclusionOnlyDenominator(f, pick);
    }

    // ---- ZG025 ----------------------------------------------------------------------------------

    @Provide
    Arbitrary<Filling> zg025() {
        return fillings("zg025", "items");
    }

    @Property
    void zg025StarsFollowTheBandsOfCompleteness(@ForAll("zg025") Filling f) {
        SchemeResult r = evaluate(f);
        int expected = reaches(r, 80) ? 7 : reaches(r, 75) ? 6 : reaches(r, 70) ? 5 : reaches(r, 65) ? 4
                : reaches(r, 60) ? 3 : 0;
        assertThat(r.stars()).isEqualTo(expected);
        bounds(r, 7);
    }

    @Property
    void zg025RaisingAScoreNeverLowersTheGrade(@ForAll("zg025") Filling f, @ForAll("index") int pick,
            @ForAll("share") int raise) {
        raisingNeverLowers(f, pick, raise);
    }

    @Property
    void zg025ExcludingAnItemOnlyRemovesItFromTheDenominator(@ForAll("zg025") Filling f, @ForAll("index") int pick) {
        exclusionOnlyDenominator(f, pick);
    }

    @Property
    void combinedGradeIsTheSumOfThePartsAtMost12AndAbsentWhenAPartFails(@ForAll("gbtForm") Filling gbt,
            @ForAll("zg025") Filling zg) {
        EvaluationResult all = evaluate("{\"schemes\": [" + gbt.partJson("") + ", " + zg.partJson("")
                + ", {\"scheme\": \"zg025-combined\"}]}");
        SchemeResult a = all.results().get(0);
        SchemeResult b = all.results().get(1);
        SchemeResult sum = all.results().get(2);
        int expected = a.passed() && b.passed() ? a.stars() + b.stars() : 0;
        assertThat(sum.stars()).isEqualTo(expected).isLessThanOrEqualTo(12);
        assertThat(sum.passed()).isEqualTo(a.passed() && b.passed());
        if (!sum.passed()) {
            assertThat(sum.reasons()).isNotEmpty().allSatisfy(reason -> assertThat(reason).contains("not passed"));
        }
    }

    // ---- GB/T 27922 annexes ---------------------------------------------------------------------

    @Provide
    Arbitrary<Filling> annex() {
        return Arbitraries.of("annex-a1", "annex-a2", "annex-b").flatMap(v -> fillings("gbt27922", v));
    }

    @Property
    void annexPassRuleIsTotal70AndEveryCategoryHalf(@ForAll("annex") Filling f) {
        SchemeResult r = evaluate(f);
        boolean categories = r.topCategories().stream().allMatch(c -> c.score().multiply(BigDecimal.valueOf(100))
                .compareTo(BigDecimal.valueOf(50).multiply(c.applicablePoints())) >= 0);
        assertThat(r.passed()).isEqualTo(reaches(r, 70) && categories);
        assertThat(r.stars()).isZero();
        bounds(r, 0);
    }

    // ---- decimal exactness, order, syntax ---------------------------------------------------------

    @Property(tries = 2000)
    void neitherTheOrderOfFindingsNorYamlChangesTheResult(@ForAll("gbtForm") Filling f, @ForAll long otherOrder)
            throws IOException {
        SchemeResult r = evaluate(f);
        Filling reordered = new Filling(f.scheme(), f.variant(), f.shares(), f.excluded(), otherOrder);
        assertThat(evaluate(reordered)).isEqualTo(r);
        String json = "{\"schemes\": [" + f.partJson("") + "]}";
        String yaml = new YAMLMapper().writeValueAsString(JSON.readTree(json));
        SchemeResult fromYaml = EVALUATOR.evaluate(AssessmentReader.read(new ByteArrayInputStream(
                yaml.getBytes(StandardCharsets.UTF_8)), "property.json", LocatedReader.Syntax.YAML),
                EvaluationOptions.DEFAULTS).results().get(0);
        assertThat(fromYaml).isEqualTo(r);
    }

    @Property(tries = 2000)
    void theNumberFormatDoesNotChangeTheResult(@ForAll("gbtForm") Filling f) {
        SchemeResult r = evaluate(f);
        // 1.25 written as 1.25000 and as 125E-2; 3 as 3.00000 and 3E0
        java.util.function.Function<BigDecimal, String> padded = d -> d.setScale(d.scale() + 3).toPlainString();
        java.util.function.Function<BigDecimal, String> exponent = d -> d.unscaledValue() + "E" + (-d.scale());
        for (var format : List.of(padded, exponent)) {
            String json = "{\"schemes\": [{\"scheme\": \"gbt27922\", \"variant\": \"form\", \"findings\": ["
                    + f.findingsJson(format) + "]}]}";
            SchemeResult other = evaluate(json).results().get(0);
            assertThat(other.stars()).isEqualTo(r.stars());
            assertThat(other.score()).isEqualByComparingTo(r.score());
            assertThat(other.percent()).isEqualByComparingTo(r.percent());
        }
    }

    @Property(tries = 2000)
    void aResultSerialisedAndReadBackSaysTheSame(@ForAll("zg025") Filling f) throws IOException {
        SchemeResult r = evaluate(f);
        com.fasterxml.jackson.databind.JsonNode back = JSON.readTree(JSON.writeValueAsString(
                io.github.aftersales.reports.JsonReport.scheme(r)));
        assertThat(back.get("stars").asInt()).isEqualTo(r.stars());
        assertThat(back.get("passed").asBoolean()).isEqualTo(r.passed());
        assertThat(back.get("grade").asText()).isEqualTo(r.grade());
        assertThat(back.get("score").decimalValue()).isEqualByComparingTo(
                io.github.aftersales.core.evaluation.Decimals.shown(r.score()));
        assertThat(back.get("maxScore").decimalValue()).isEqualByComparingTo(r.maxScore());
        List<String> lost = new ArrayList<>();
        back.get("lostPoints").forEach(c -> lost.add(c.get("id").asText()));
        assertThat(lost).isEqualTo(r.lostPoints().stream().map(ClauseResult::id).toList());
        List<String> reasons = new ArrayList<>();
        back.get("reasons").forEach(x -> reasons.add(x.asText()));
        assertThat(reasons).isEqualTo(r.reasons());
    }

    // ---- shared checks ----------------------------------------------------------------------------

    @Provide
    Arbitrary<Integer> index() {
        return Arbitraries.integers().between(0, 10_000);
    }

    @Provide
    Arbitrary<Integer> share() {
        return Arbitraries.integers().between(0, 400);
    }

    static void bounds(SchemeResult r, int maxStars) {
        assertThat(r.score()).isBetween(BigDecimal.ZERO, r.maxScore());
        assertThat(r.percent()).isBetween(BigDecimal.ZERO, BigDecimal.valueOf(100));
        assertThat(r.stars()).isBetween(0, maxStars);
        for (CategoryResult c : r.categories()) {
            if (c.points() != null) {
                assertThat(c.score()).isBetween(BigDecimal.ZERO, c.applicablePoints());
            }
        }
    }

    static void raisingNeverLowers(Filling f, int pick, int raise) {
        int i = pick % f.shares().size();
        if (f.excluded().get(i) || raise <= f.shares().get(i)) {
            return;
        }
        SchemeResult before = evaluate(f);
        SchemeResult after = evaluate(f.with(i, raise, false));
        assertThat(after.score()).isGreaterThanOrEqualTo(before.score());
        assertThat(rank(f.v(), after)).isGreaterThanOrEqualTo(rank(f.v(), before));
    }

    static void exclusionOnlyDenominator(Filling f, int pick) {
        List<Item> items = items(f.v());
        int i = pick % items.size();
        if (!items.get(i).excludable() || f.excluded().get(i)
                || f.excluded().stream().filter(b -> !b).count() < 2) {
            return;
        }
        SchemeResult with = evaluate(f);
        SchemeResult without = evaluate(f.with(i, f.shares().get(i), true));
        assertThat(without.maxScore()).isEqualByComparingTo(with.maxScore().subtract(items.get(i).points()));
        assertThat(without.score()).isEqualByComparingTo(with.score().subtract(f.score(i)));
        List<ClauseResult> others = with.clauses().stream().filter(c -> !c.id().equals(items.get(i).id()))
                .collect(Collectors.toList());
        assertThat(without.clauses().stream().filter(c -> !c.id().equals(items.get(i).id()))).containsExactlyElementsOf(others);
        // the grade follows the percentage: a higher percentage never gives a lower grade
        int cmp = without.score().multiply(with.maxScore()).compareTo(with.score().multiply(without.maxScore()));
        if (cmp >= 0) {
            assertThat(rank(f.v(), without)).isGreaterThanOrEqualTo(rank(f.v(), with));
        }
        if (cmp <= 0) {
            assertThat(rank(f.v(), without)).isLessThanOrEqualTo(rank(f.v(), with));
        }
    }

    static Scheme scheme(String id) {
        return REGISTRY.find(id).orElseThrow();
    }
}

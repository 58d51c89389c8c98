package io.github.aftersales.scheme.zg025;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.aftersales.core.assessment.AssessmentReader;
import io.github.aftersales.core.evaluation.EvaluationOptions;
import io.github.aftersales.core.evaluation.EvaluationResult;
import io.github.aftersales.core.evaluation.Evaluator;
import io.github.aftersales.core.evaluation.SchemeResult;
import io.github.aftersales.core.json.LocatedException;
import io.github.aftersales.core.json.LocatedReader;
import io.github.aftersales.core.registry.SchemeRegistry;
import io.github.aftersales.spi.Catalog;
import io.github.aftersales.spi.Category;
import io.github.aftersales.spi.Clause;
import io.github.aftersales.spi.NotApplicablePolicy;
import io.github.aftersales.spi.Scheme;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** CTS Q/ZG025-2022: the 88 items, scoring (6.2), its star levels and the combined grade (6.3). */
class Zg025Test {

    /** Found through ServiceLoader as the application finds them, GB/T 27922 beside them. */
    static final SchemeRegistry REGISTRY = SchemeRegistry.discover(Zg025Test.class.getClassLoader());
    static final Scheme ZG025 = REGISTRY.find("zg025").orElseThrow();
    static final Catalog ITEMS = ZG025.defaultVariant().catalog();
    static final Evaluator EVALUATOR = new Evaluator(REGISTRY::find, REGISTRY.ids());

    static EvaluationResult evaluateAll(String json, EvaluationOptions options) {
        try {
            return EVALUATOR.evaluate(AssessmentReader.read(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)),
                    "test.json", LocatedReader.Syntax.JSON), options);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static SchemeResult evaluate(String json) {
        return evaluateAll(json, EvaluationOptions.DEFAULTS).results().get(0);
    }

    static String ids(List<Clause> clauses) {
        return clauses.stream().map(Clause::id).collect(Collectors.joining(","));
    }

    /**
     * The ZG025 part's findings losing {@code lost} points: whole items not conforming, the fraction
     * on one item scored as a percentage; the given items excluded.
     */
    static String zg025Findings(BigDecimal lost, String... excluded) {
        List<String> out = new ArrayList<>();
        BigDecimal toLose = lost;
        for (Clause c : ITEMS.clauses()) {
            if (List.of(excluded).contains(c.id())) {
                out.add("{\"id\": \"" + c.id() + "\", \"result\": \"not-applicable\", \"note\": \"不涉及\"}");
            } else if (toLose.compareTo(BigDecimal.ONE) >= 0) {
                out.add("{\"id\": \"" + c.id() + "\", \"result\": \"not-conform\"}");
                toLose = toLose.subtract(BigDecimal.ONE);
            } else if (toLose.signum() > 0) {
                out.add("{\"id\": \"" + c.id() + "\", \"percent\": " + BigDecimal.ONE.subtract(toLose).movePointRight(2)
                        .stripTrailingZeros().toPlainString() + "}");
                toLose = BigDecimal.ZERO;
            } else {
                out.add("{\"id\": \"" + c.id() + "\", \"result\": \"conform\"}");
            }
        }
        return String.join(",\n", out);
    }

    static String zg025Part(String findings) {
        return "{\"scheme\": \"zg025\", \"findings\": [" + findings + "]}";
    }

    static String assessment(String... parts) {
        return "{\"organisation\": \"测试\", \"schemes\": [" + String.join(",\n", parts) + "]}";
    }

    /** A GB/T 27922 form part losing {@code lost} points from the first clauses. */
    static String gbtPart(BigDecimal lost) {
        Catalog form = REGISTRY.find("gbt27922").orElseThrow().variant("form").orElseThrow().catalog();
        List<String> out = new ArrayList<>();
        BigDecimal toLose = lost;
        for (Clause c : form.clauses()) {
            BigDecimal take = toLose.min(c.points());
            toLose = toLose.subtract(take);
            out.add("{\"id\": \"" + c.id() + "\", \"score\": " + c.points().subtract(take).toPlainString() + "}");
        }
        return "{\"scheme\": \"gbt27922\", \"variant\": \"form\", \"findings\": [" + String.join(",\n", out) + "]}";
    }

    // ---- the catalog -------------------------------------------------------------------------

    @Test
    void eightyEightOnePointItemsWithTheirLetters() {
        List<Clause> items = ITEMS.clauses();
        assertThat(items).hasSize(88);
        assertThat(items).allSatisfy(c -> {
            assertThat(c.id()).matches("5(\\.\\d+)+ [a-z]\\)");
            assertThat(c.points()).isEqualByComparingTo("1");
        });
        assertThat(items.stream().map(Clause::id).collect(Collectors.toSet())).hasSize(88);
        assertThat(ITEMS.totalPoints()).isEqualByComparingTo("88");
        assertThat(ITEMS.categories().stream().map(c -> c.id() + "=" + c.points().toPlainString()))
                .containsExactly("5.1=11", "5.2=9", "5.3=18", "5.4=29", "5.5=13", "5.6=8");
        assertThat(ITEMS.anyClauseMayBeExcluded()).isTrue();
    }

    @Test
    void itemsAsPrintedAndDashesBelongToTheirItem() {
        Category repair = ITEMS.category("5.4.5").orElseThrow();
        assertThat(repair.clauses()).extracting(Clause::id).containsExactly(
                "5.4.5 a)", "5.4.5 b)", "5.4.5 c)", "5.4.5 d)", "5.4.5 e)", "5.4.5 f)", "5.4.5 g)", "5.4.5 h)", "5.4.5 i)");
        assertThat(ITEMS.clause("5.4.5 h)").orElseThrow().title()).isEqualTo("制定服务失败的补救措施，确保遇到难以修复的产品，处理后使客户满意。");
        assertThat(ids(ITEMS.category("5.4.4").orElseThrow().clauses())).isEqualTo("5.4.4 a),5.4.4 b),5.4.4 c),5.4.4 d)");
        assertThat(ITEMS.clause("5.4.4 c)").orElseThrow().title()).startsWith("对系统性缺陷产品：")
                .contains("对系统性缺陷产品的免费维修不应设立截至日期、使用年限等限制。");
        assertThat(ids(ITEMS.category("5.5.2").orElseThrow().clauses())).isEqualTo("5.5.2 a),5.5.2 b),5.5.2 c),5.5.2 d)");
        assertThat(ITEMS.clause("5.5.2 d)").orElseThrow().title()).startsWith("投诉处理要求").contains("减少客户投诉的发生");
        assertThat(ITEMS.scoringGuide()).hasSize(5).first().asString().startsWith("0%-20%");
    }

    // ---- scoring and levels --------------------------------------------------------------------

    @ParameterizedTest(name = "{0} % → {1} stars")
    @CsvSource({
        "100,   7", "80,    7", "79.99, 6", "75,    6", "74.99, 5", "70,    5",
        "69.99, 4", "65,    4", "64.99, 3", "60,    3", "59.99, 0", "0,     0",
    })
    void levelsAtEveryBoundary(String percent, int stars) {
        // score = percent × 88 / 100; lose the rest
        BigDecimal lost = new BigDecimal("88").subtract(new BigDecimal(percent).multiply(new BigDecimal("0.88")));
        SchemeResult r = evaluate(assessment(zg025Part(zg025Findings(lost))));
        assertThat(r.percent()).isEqualByComparingTo(percent);
        assertThat(r.stars()).isEqualTo(stars);
        assertThat(r.passed()).isEqualTo(stars > 0);
        if (stars == 0) {
            assertThat(r.grade()).isEqualTo("评价不合格");
        }
    }

    @Test
    void samplingDeductsTheNonConformingShare() {
        // 5.3.2 c) staff competence: 2 of 5 samples not conforming → 1 × 3/5 = 0.6; everything else conforms
        String findings = zg025Findings(BigDecimal.ZERO).replace("{\"id\": \"5.3.2 c)\", \"result\": \"conform\"}",
                "{\"id\": \"5.3.2 c)\", \"samples\": {\"checked\": 5, \"nonConforming\": 2}}");
        SchemeResult r = evaluate(assessment(zg025Part(findings)));
        assertThat(r.clauses().stream().filter(c -> c.id().equals("5.3.2 c)")).findFirst().orElseThrow().score())
                .isEqualByComparingTo("0.6");
        assertThat(r.score()).isEqualByComparingTo("87.6");
    }

    @Test
    void thirdsOfSamplesAddUpExactlyAtABoundary() {
        // 88 items: 3 excluded (85 applicable), 3 with 2 of 3 samples not conforming (1/3 each, exactly 1
        // together), 32 not conforming, 50 conforming: 50 + 1 = 51 of 85 = 60 % exactly → three stars,
        // which rounding each third to 0.3333 would have failed (50.9999 of 85)
        List<Clause> items = ITEMS.clauses();
        List<String> out = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            String id = items.get(i).id();
            if (i < 3) {
                out.add("{\"id\": \"" + id + "\", \"result\": \"not-applicable\", \"note\": \"不涉及\"}");
            } else if (i < 6) {
                out.add("{\"id\": \"" + id + "\", \"samples\": {\"checked\": 3, \"nonConforming\": 2}}");
            } else if (i < 38) {
                out.add("{\"id\": \"" + id + "\", \"result\": \"not-conform\"}");
            } else {
                out.add("{\"id\": \"" + id + "\", \"result\": \"conform\"}");
            }
        }
        SchemeResult r = evaluate(assessment(zg025Part(String.join(",\n", out))));
        assertThat(r.maxScore()).isEqualByComparingTo("85");
        assertThat(r.score()).isEqualByComparingTo("51");
        assertThat(r.stars()).isEqualTo(3);
    }

    @Test
    void sixtyPercentLessAHairIsShownBelowSixty() {
        // 88 items: one excluded (87 applicable, 60 % of which is 52.2); one checked on 259 samples with
        // one not conforming (258/259 = 1 − 0.003861003861003861…); one scored at 20.3861003861 %
        // (0.203861003861); 51 conforming; 34 not conforming. Score 52.2 − 0.000000000000003861…, so
        // 59.99999999999999556… %: 评价不合格, shown as 59.99 (rounded to 16 digits it was 60).
        List<Clause> items = ITEMS.clauses();
        List<String> out = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            String id = items.get(i).id();
            if (i == 0) {
                out.add("{\"id\": \"" + id + "\", \"result\": \"not-applicable\", \"note\": \"不涉及\"}");
            } else if (i == 1) {
                out.add("{\"id\": \"" + id + "\", \"samples\": {\"checked\": 259, \"nonConforming\": 1}}");
            } else if (i == 2) {
                out.add("{\"id\": \"" + id + "\", \"percent\": 20.3861003861}");
            } else if (i < 54) {
                out.add("{\"id\": \"" + id + "\", \"result\": \"conform\"}");
            } else {
                out.add("{\"id\": \"" + id + "\", \"result\": \"not-conform\"}");
            }
        }
        SchemeResult r = evaluate(assessment(zg025Part(String.join(",\n", out))));
        assertThat(r.maxScore()).isEqualByComparingTo("87");
        assertThat(r.percent()).isLessThan(new BigDecimal("60"));
        assertThat(r.stars()).isZero();
        assertThat(r.grade()).isEqualTo("评价不合格");
        assertThat(io.github.aftersales.core.evaluation.Decimals.text(r.percent())).isEqualTo("59.99");
        assertThat(r.reasons()).first().asString().startsWith("percentage 59.99 % < 60 % needed for 三星级");
    }

    @Test
    void exclusionsLeaveTheApplicableTotal() {
        // 8 items excluded, 16 lost: 64 of 80 = 80 % → seven stars (64 of 88 would be 72.7 %, five)
        String[] excluded = ITEMS.category("5.6").orElseThrow().categories().stream()
                .flatMap(c -> c.clauses().stream()).map(Clause::id).toArray(String[]::new);
        assertThat(excluded).hasSize(8);
        SchemeResult r = evaluate(assessment(zg025Part(zg025Findings(new BigDecimal("16"), excluded))));
        assertThat(r.maxScore()).isEqualByComparingTo("80");
        assertThat(r.score()).isEqualByComparingTo("64");
        assertThat(r.percent()).isEqualByComparingTo("80");
        assertThat(r.stars()).isEqualTo(7);
        assertThat(r.excluded()).hasSize(8);
        assertThat(r.notApplicable()).isEqualTo(NotApplicablePolicy.PRORATE);
    }

    @Test
    void theReadingOfExclusionsIsFixedByTheStandard() {
        String part = "{\"scheme\": \"zg025\", \"options\": {\"notApplicable\": \"full-points\"}, \"findings\": ["
                + zg025Findings(BigDecimal.ZERO, "5.1.1 a)") + "]}";
        assertThatThrownBy(() -> evaluate(assessment(part))).isInstanceOf(LocatedException.class)
                .hasMessageEndingWith("schemes[0]: zg025 items fixes the reading of excluded items as prorate;"
                        + " options.notApplicable cannot change it");
        SchemeResult r = evaluateAll(assessment(zg025Part(zg025Findings(BigDecimal.ZERO, "5.1.1 a)"))),
                new EvaluationOptions(NotApplicablePolicy.FULL_POINTS, false)).results().get(0);
        assertThat(r.maxScore()).isEqualByComparingTo("87");
        assertThat(r.reasons()).anySatisfy(s -> assertThat(s).contains("fixed by zg025 items; the command line's"
                + " choice does not apply to it"));
    }

    @Test
    void everyItemExcludedIsAnErrorNotADivisionByZero() {
        String[] all = ITEMS.clauses().stream().map(Clause::id).toArray(String[]::new);
        assertThatThrownBy(() -> evaluate(assessment(zg025Part(zg025Findings(BigDecimal.ZERO, all)))))
                .isInstanceOf(LocatedException.class)
                .hasMessage("test.json:1:40: schemes[0]: every item of zg025 items is excluded or worth 0 points:"
                        + " there is nothing to grade");
    }

    @Test
    void anExclusionNeedsAReasonAndCannotAlsoBeScored() {
        String noReason = zg025Findings(BigDecimal.ZERO).replace("{\"id\": \"5.1.1 a)\", \"result\": \"conform\"}",
                "{\"id\": \"5.1.1 a)\", \"result\": \"not-applicable\"}");
        assertThatThrownBy(() -> evaluate(assessment(zg025Part(noReason))))
                .hasMessageEndingWith("5.1.1 a) is marked not applicable without a note: say why it does not apply");
        String scored = zg025Findings(BigDecimal.ZERO).replace("{\"id\": \"5.1.1 a)\", \"result\": \"conform\"}",
                "{\"id\": \"5.1.1 a)\", \"result\": \"not-applicable\", \"note\": \"x\", \"score\": 1}");
        assertThatThrownBy(() -> evaluate(assessment(zg025Part(scored))))
                .hasMessageEndingWith("5.1.1 a) is marked not applicable and also given a score; give one or the other");
    }

    @Test
    void theResultSaysWhatTheNextStarNeeds() {
        // 65 of 88 = 73.86 %: five stars; six needs 75 % = 66 points: 1 more
        SchemeResult r = evaluate(assessment(zg025Part(zg025Findings(new BigDecimal("23")))));
        assertThat(r.stars()).isEqualTo(5);
        assertThat(r.nextLevelNeeds()).containsExactly(
                "percentage 73.86 % < 75 % needed for 六星级 (six stars): 1 more point of 88");
    }

    // ---- the combined grade (6.3) ---------------------------------------------------------------

    private static SchemeResult combined(BigDecimal gbtLost, BigDecimal zgLost) {
        EvaluationResult all = evaluateAll(assessment(gbtPart(gbtLost), zg025Part(zg025Findings(zgLost)),
                "{\"scheme\": \"zg025-combined\"}"), EvaluationOptions.DEFAULTS);
        assertThat(all.results()).extracting(SchemeResult::scheme).containsExactly("gbt27922", "zg025", "zg025-combined");
        return all.results().get(2);
    }

    @Test
    void combinedCorners() {
        // GB/T 70 → 达标 (2) + ZG025 60 % (52.8 of 88) → 3 = 5
        SchemeResult low = combined(new BigDecimal("30"), new BigDecimal("35.2"));
        assertThat(low.stars()).isEqualTo(5);
        assertThat(low.grade()).isEqualTo("五星级");
        assertThat(low.score()).isEqualByComparingTo("5");
        // GB/T 95 → 5 + ZG025 80 % (70.4) → 7 = 12, the most there is
        SchemeResult high = combined(new BigDecimal("5"), new BigDecimal("17.6"));
        assertThat(high.stars()).isEqualTo(12);
        assertThat(high.grade()).isEqualTo("十二星级");
        assertThat(high.maxScore()).isEqualByComparingTo("12");
        assertThat(high.reasons()).isEmpty();
        // full marks in both parts is still 12
        assertThat(combined(BigDecimal.ZERO, BigDecimal.ZERO).stars()).isEqualTo(12);
    }

    @Test
    void aFailingPartGivesNoCombinedGradeAndSaysWhichAndByHowMuch() {
        SchemeResult gbtFails = combined(new BigDecimal("31"), BigDecimal.ZERO);
        assertThat(gbtFails.passed()).isFalse();
        assertThat(gbtFails.stars()).isZero();
        assertThat(gbtFails.grade()).isEqualTo("无综合评价等级");
        assertThat(gbtFails.reasons()).first().isEqualTo("gbt27922 form not passed (total 69 < 70 needed for"
                + " 达标级（二星级） (qualified (two stars)): 1 more point) needed for the combined grade 五星级 (five stars)");
        SchemeResult zgFails = combined(BigDecimal.ZERO, new BigDecimal("35.21"));
        assertThat(zgFails.passed()).isFalse();
        assertThat(zgFails.reasons()).first().asString().startsWith("zg025 items not passed (percentage 59.98 % < 60 %"
                + " needed for 三星级 (three stars): 0.01 more points of 88)");
    }

    @Test
    void aCombiningPartTakesNoFactsAndNoOptions() {
        assertThatThrownBy(() -> evaluate(assessment(gbtPart(BigDecimal.ZERO), zg025Part(zg025Findings(BigDecimal.ZERO)),
                "{\"scheme\": \"zg025-combined\", \"facts\": {\"x\": 1}}")))
                .hasMessageEndingWith("schemes[2].facts.x: zg025-combined combined takes no facts");
        assertThatThrownBy(() -> evaluate(assessment(gbtPart(BigDecimal.ZERO), zg025Part(zg025Findings(BigDecimal.ZERO)),
                "{\"scheme\": \"zg025-combined\", \"options\": {\"notApplicable\": \"full-points\"}}")))
                .hasMessageEndingWith("zg025-combined combined combines other parts and scores no clause; options belong in"
                        + " those parts");
    }

    @Test
    void aPartsNonDefaultReadingIsNamedInTheCombinedResult() {
        // GB/T 27922 with 5.2.5.5 not applicable, counted at full points on the command line
        String gbt = gbtPart(BigDecimal.ZERO).replace("{\"id\": \"5.2.5.5\", \"score\": 2}",
                "{\"id\": \"5.2.5.5\", \"result\": \"not-applicable\", \"note\": \"非贸易型企业\"}");
        EvaluationResult all = evaluateAll(assessment(gbt, zg025Part(zg025Findings(BigDecimal.ZERO)),
                "{\"scheme\": \"zg025-combined\"}"), new EvaluationOptions(NotApplicablePolicy.FULL_POINTS, false));
        assertThat(all.results().get(2).reasons()).contains(
                "gbt27922 form counted its not-applicable clauses as full-points, not its default prorate");
    }

    @Test
    void itemsScoredOnSamplesOrAsAPercentage() {
        String bad = zg025Findings(BigDecimal.ZERO).replace("{\"id\": \"5.5.2 b)\", \"result\": \"conform\"}",
                "{\"id\": \"5.5.2 b)\", \"samples\": {\"checked\": 4, \"nonConforming\": 5}}");
        assertThatThrownBy(() -> evaluate(assessment(zg025Part(bad))))
                .hasMessageEndingWith("5 samples not conforming out of 4 checked: there cannot be more non-conforming"
                        + " samples than samples");
        // 5.6.2 b) scored 45 % (Table 1's 41–60 % band): 87.45 of 88
        String percent = zg025Findings(BigDecimal.ZERO).replace("{\"id\": \"5.6.2 b)\", \"result\": \"conform\"}",
                "{\"id\": \"5.6.2 b)\", \"percent\": 45}");
        assertThat(evaluate(assessment(zg025Part(percent))).score()).isEqualByComparingTo("87.45");
    }

    @Test
    void theCombinationNeedsItsPartsInTheSameAssessment() {
        assertThatThrownBy(() -> evaluate(assessment(zg025Part(zg025Findings(BigDecimal.ZERO)),
                "{\"scheme\": \"zg025-combined\"}"))).isInstanceOf(LocatedException.class)
                .hasMessageEndingWith("schemes[1]: zg025-combined combines gbt27922 form and zg025 items, but this"
                        + " assessment has no gbt27922 part");
        String annex = "{\"scheme\": \"gbt27922\", \"variant\": \"annex-a2\", \"findings\": []}";
        assertThatThrownBy(() -> evaluate(assessment(annex, zg025Part(zg025Findings(BigDecimal.ZERO)),
                "{\"scheme\": \"zg025-combined\"}"))).isInstanceOf(LocatedException.class)
                .hasMessageEndingWith("schemes[0]: zg025-combined combines gbt27922 form, but this part is gbt27922 annex-a2");
        assertThatThrownBy(() -> evaluate(assessment(gbtPart(BigDecimal.ZERO), zg025Part(zg025Findings(BigDecimal.ZERO)),
                "{\"scheme\": \"zg025-combined\", \"findings\": [{\"id\": \"5.1.1 a)\", \"result\": \"conform\"}]}")))
                .hasMessageEndingWith("it has no findings of its own (put them in those parts)");
    }

    @Test
    void theBundledCombinedExample() {
        // examples/zg025-combined.json. GB/T 27922 form: as examples/gbt27922-form.json, 91 of 98 → 92.857 → 4 stars.
        // ZG025: 2 items excluded (86 applicable); 21 not conforming (−21), 5.3.2 c) 2 of 5 samples (−0.4),
        // 5.5.2 b) 1 of 10 (−0.1), 5.6.2 b) and 5.4.1.1 c) at 50 % (−0.5 each): 86 − 22.5 = 63.5;
        // 63.5 / 86 = 73.837 % → 5 stars. Combined 4 + 5 = 9.
        EvaluationResult all = EVALUATOR.evaluate(AssessmentReader.read(Path.of("../examples/zg025-combined.json")),
                EvaluationOptions.DEFAULTS);
        SchemeResult gbt = all.results().get(0);
        SchemeResult zg = all.results().get(1);
        SchemeResult sum = all.results().get(2);
        assertThat(gbt.stars()).isEqualTo(4);
        assertThat(zg.maxScore()).isEqualByComparingTo("86");
        assertThat(zg.score()).isEqualByComparingTo("63.5");
        assertThat(zg.percent().setScale(3, RoundingMode.DOWN)).isEqualByComparingTo("73.837");
        assertThat(zg.stars()).isEqualTo(5);
        assertThat(sum.stars()).isEqualTo(9);
        assertThat(sum.grade()).isEqualTo("九星级");
        assertThat(sum.reasons()).first().isEqualTo("stars of the parts 4 + 5 = 9 < 10 needed for the combined grade 十星级 (ten stars)");
        assertThat(zg.nextLevelNeeds()).containsExactly(
                "percentage 73.83 % < 75 % needed for 六星级 (six stars): 1 more point of 86");
        assertThat(sum.parts().stream().map(p -> p.scheme())).containsExactly("gbt27922", "zg025");
    }
}

package io.github.aftersales.core;

import static io.github.aftersales.core.Fixtures.allConform;
import static io.github.aftersales.core.Fixtures.demo;
import static io.github.aftersales.core.Fixtures.evaluate;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.aftersales.core.evaluation.CategoryResult;
import io.github.aftersales.core.evaluation.ClauseResult;
import io.github.aftersales.core.evaluation.EvaluationOptions;
import io.github.aftersales.core.evaluation.SchemeResult;
import io.github.aftersales.spi.NotApplicablePolicy;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Scoring and grading on the demo scheme (10 points: A = 2 + 3 + 0.5 + 0.5, B = 4 scored as a whole). */
class EvaluatorTest {

    private static BigDecimal d(String s) {
        return new BigDecimal(s);
    }

    @Test
    void fullMarksReachTheHighestLevelAndExplainNothingMissing() {
        SchemeResult r = evaluate(demo(allConform("4")));
        assertThat(r.score()).isEqualByComparingTo("10");
        assertThat(r.maxScore()).isEqualByComparingTo("10");
        assertThat(r.percent()).isEqualByComparingTo("100");
        assertThat(r.gradeId()).isEqualTo("gold");
        assertThat(r.stars()).isEqualTo(3);
        assertThat(r.passed()).isTrue();
        assertThat(r.lostPoints()).isEmpty();
        assertThat(r.reasons()).isEmpty();
    }

    @Test
    void conformWithoutScoreIsFullPointsAndNotConformIsZero() {
        SchemeResult r = evaluate(demo("""
                {"id": "A.1", "result": "not-conform", "note": "无记录"},
                {"id": "A.2", "result": "符合"},
                {"id": "A.3", "result": "conform", "score": 0.25},
                {"id": "A.4", "result": "不符合"},
                {"id": "B", "score": 4}"""));
        // 0 + 3 + 0.25 + 0 + 4 = 7.25 of 10
        assertThat(r.score()).isEqualByComparingTo("7.25");
        assertThat(r.lostPoints()).extracting(ClauseResult::id).containsExactly("A.1", "A.3", "A.4");
        assertThat(r.lostPoints().get(0).lost()).isEqualByComparingTo("2");
        assertThat(r.lostPoints().get(0).note()).isEqualTo("无记录");
        CategoryResult a = r.categories().get(0);
        assertThat(a.id()).isEqualTo("A");
        assertThat(a.score()).isEqualByComparingTo("3.25");
        // 3.25 / 6 = 54.1666…: shown cut to two decimals
        assertThat(io.github.aftersales.core.evaluation.Decimals.shown(a.percent())).isEqualByComparingTo("54.16");
        // 72.5 % >= 60 and audit passed: bronze; silver needs 80 %
        assertThat(r.gradeId()).isEqualTo("bronze");
        assertThat(r.reasons()).contains("percentage 72.5 % < 80 % needed for 二星 (two stars): 0.75 more points of 10");
    }

    @ParameterizedTest(name = "B = {0} gives {1}")
    @CsvSource({
        // A = 6 of 6; percent = (6 + B) × 10
        "2,    silver", // 80 % exactly, B at 50 % exactly: both boundaries hold
        "1.99, bronze", // 79.9 %, B at 49.75 %
        "0,    bronze", // 60 % exactly
    })
    void boundariesAreExact(String b, String level) {
        assertThat(evaluate(demo(allConform(b))).gradeId()).isEqualTo(level);
    }

    @Test
    void belowTheLowestLevelIsNotRatedAndSaysWhy() {
        SchemeResult r = evaluate(demo("""
                {"id": "A.1", "result": "conform"},
                {"id": "A.2", "score": 2.99},
                {"id": "A.3", "result": "not-conform"},
                {"id": "A.4", "result": "not-conform"},
                {"id": "B", "score": 1}"""));
        // 2 + 2.99 + 0 + 0 + 1 = 5.99 → 59.9 %
        assertThat(r.passed()).isFalse();
        assertThat(r.stars()).isZero();
        assertThat(r.grade()).isEqualTo("不合格");
        assertThat(r.gradeId()).isNull();
        assertThat(r.reasons()).first().isEqualTo("percentage 59.9 % < 60 % needed for 一星 (one star): 0.01 more points of 10");
    }

    @Test
    void everyCategoryConditionNamesTheCategoryThatFails() {
        SchemeResult r = evaluate(demo(allConform("1.99")));
        assertThat(r.reasons()).contains(
                "category B 乙 at 49.75 % (1.99 of 4) < 50 % needed for 二星 (two stars): 0.01 more points of 4");
    }

    @Test
    void notApplicableIsProratedByDefault() {
        SchemeResult r = evaluate(demo("""
                {"id": "A.1", "score": 1},
                {"id": "A.2", "result": "not-applicable", "note": "不涉及"},
                {"id": "A.3", "result": "conform"},
                {"id": "A.4", "result": "conform"},
                {"id": "B", "score": 4}"""));
        // 1 + 0.5 + 0.5 + 4 = 6 of 7 applicable; total on the 10-point scale 60/7 = 8.571…
        assertThat(r.notApplicable()).isEqualTo(NotApplicablePolicy.PRORATE);
        assertThat(r.score()).isEqualByComparingTo("6");
        assertThat(r.maxScore()).isEqualByComparingTo("7");
        assertThat(r.declaredMax()).isEqualByComparingTo("10");
        assertThat(r.total().setScale(6, java.math.RoundingMode.DOWN)).isEqualByComparingTo("8.571428");
        assertThat(r.excluded()).extracting(ClauseResult::id).containsExactly("A.2");
        // gold needs total >= 9
        assertThat(r.gradeId()).isEqualTo("silver");
        assertThat(r.reasons()).contains("total 8.57 < 9 needed for 三星 (three stars): 0.3 more points");
        assertThat(r.reasons()).anySatisfy(s -> assertThat(s).startsWith("A.2 not applicable: excluded (prorate"));
    }

    @Test
    void fullPointsReadingIsChosenByTheVariantTheFileOrTheCommandLine() {
        String findings = """
                {"id": "A.1", "score": 1},
                {"id": "A.2", "result": "not-applicable", "note": "不涉及"},
                {"id": "A.3", "result": "conform"},
                {"id": "A.4", "result": "conform"},
                {"id": "B", "score": 4}""";
        SchemeResult cli = evaluate(demo(findings), new EvaluationOptions(NotApplicablePolicy.FULL_POINTS, false));
        // 1 + 3 + 0.5 + 0.5 + 4 = 9 of 10; A = 5 of 6 = 83.3 %, gold needs A above 90 %
        assertThat(cli.score()).isEqualByComparingTo("9");
        assertThat(cli.maxScore()).isEqualByComparingTo("10");
        assertThat(cli.notApplicable()).isEqualTo(NotApplicablePolicy.FULL_POINTS);
        assertThat(cli.reasons()).contains("category A 甲 at 83.33 % (5 of 6) ≤ 90 % needed for 三星 (three stars): more than 0.4 more points of 6");

        String inFile = demo(findings).replace("\"scheme\": \"demo\",",
                "\"scheme\": \"demo\", \"options\": {\"notApplicable\": \"full-points\"},");
        assertThat(evaluate(inFile).score()).isEqualByComparingTo("9");
        // the command line wins over the file
        assertThat(evaluate(inFile, new EvaluationOptions(NotApplicablePolicy.PRORATE, false)).score())
                .isEqualByComparingTo("6");

        String generous = demo(findings).replace("\"scheme\": \"demo\",", "\"scheme\": \"demo\", \"variant\": \"generous\",");
        assertThat(evaluate(generous).score()).isEqualByComparingTo("9");
    }

    @Test
    void missingClausesCountAsZeroOnlyWhenAsked() {
        String partial = demo("""
                {"id": "A.1", "result": "conform"},
                {"id": "B", "score": 4}""");
        SchemeResult r = evaluate(partial, new EvaluationOptions(null, true));
        assertThat(r.score()).isEqualByComparingTo("6");
        assertThat(r.reasons()).contains("A.2 has no finding: counted as 0 (missing = zero)");
    }

    @Test
    void checklistFindingsAreKeptWithoutPoints() {
        SchemeResult r = evaluate(demo(allConform("3") + """
                ,
                {"id": "B.1.1", "result": "not-conform", "note": "缺少记录"}"""));
        ClauseResult check = r.clauses().stream().filter(c -> c.id().equals("B.1.1")).findFirst().orElseThrow();
        assertThat(check.checklist()).isTrue();
        assertThat(check.note()).isEqualTo("缺少记录");
        assertThat(check.how()).isEqualTo("checklist of B");
        assertThat(r.score()).isEqualByComparingTo("9");
    }

    @Test
    void eventsInTheWindowBlockTheLevelThatCountsThem() {
        String findings = allConform("4");
        String facts = "\"audit\": \"passed\", \"S\": 95, \"onSiteDate\": \"2026-06-01\"";
        // window: 2024-06-01 .. 2026-06-01, both included
        assertThat(evaluate(demo(findings, facts, """
                {"type": "majorComplaint", "date": "2024-06-01", "rectified": false}""")).gradeId()).isEqualTo("silver");
        assertThat(evaluate(demo(findings, facts, """
                {"type": "majorComplaint", "date": "2024-05-31", "rectified": false}""")).gradeId()).isEqualTo("gold");
        assertThat(evaluate(demo(findings, facts, """
                {"type": "majorComplaint", "date": "2025-01-10", "rectified": true}""")).gradeId()).isEqualTo("gold");
        assertThat(evaluate(demo(findings, facts, """
                {"type": "majorComplaint", "date": "2026-06-01", "rectified": false}""")).gradeId()).isEqualTo("silver");
        SchemeResult blocked = evaluate(demo(findings, facts, """
                {"type": "majorComplaint", "date": "2025-01-10", "rectified": false}"""));
        assertThat(blocked.reasons()).containsExactly(
                "majorComplaint (rectified=false) in the 24 months before onSiteDate (2026-06-01): 1 > 0 needed for 三星 (three stars)");
    }

    @Test
    void factsBindLikeAnyOtherCondition() {
        SchemeResult r = evaluate(demo(allConform("4"), "\"audit\": \"failed\", \"S\": 95, \"onSiteDate\": \"2026-06-01\"", ""));
        assertThat(r.passed()).isFalse();
        assertThat(r.reasons()).contains("audit failed ≠ passed needed for 一星 (one star)");
        SchemeResult s = evaluate(demo(allConform("4"), "\"audit\": \"passed\", \"S\": 89.9, \"onSiteDate\": \"2026-06-01\"", ""));
        assertThat(s.gradeId()).isEqualTo("silver");
        assertThat(s.reasons()).containsExactly("S 89.9 < 90 needed for 三星 (three stars)");
    }

    @ParameterizedTest(name = "score written {0}")
    @CsvSource({"2", "2.0", "2.00", "0.2E1", "20E-1"})
    void theNumberFormatDoesNotChangeTheResult(String b) {
        SchemeResult r = evaluate(demo(allConform(b)));
        assertThat(r.score()).isEqualByComparingTo("8");
        assertThat(r.gradeId()).isEqualTo("silver");
    }

    @Test
    void jsonAndYamlGiveTheSameResult() {
        String yaml = """
                organisation: 测试
                schemes:
                  - scheme: demo
                    findings:
                      - {id: A.1, result: conform}
                      - {id: A.2, result: not-applicable, note: 不涉及}
                      - {id: A.3, score: 0.25}
                      - {id: A.4, result: 不符合}
                      - {id: B, score: 3.5}
                    facts: {audit: passed, S: 95, onSiteDate: "2026-06-01"}
                """;
        String json = demo("""
                {"id": "A.1", "result": "conform"},
                {"id": "A.2", "result": "not-applicable", "note": "不涉及"},
                {"id": "A.3", "score": 0.25},
                {"id": "A.4", "result": "不符合"},
                {"id": "B", "score": 3.5}""");
        var fromYaml = Fixtures.evaluator().evaluate(Fixtures.yaml(yaml), EvaluationOptions.DEFAULTS).results().get(0);
        var fromJson = evaluate(json);
        assertThat(fromYaml).isEqualTo(fromJson);
        assertThat(fromJson.score()).isEqualByComparingTo("5.75");
    }

    @Test
    void samplesLoseTheirNonConformingShareAndPercentScoresAShare() {
        SchemeResult r = evaluate(demo("""
                {"id": "A.1", "samples": {"checked": 5, "nonConforming": 2}},
                {"id": "A.2", "percent": 50},
                {"id": "A.3", "samples": {"checked": 3, "nonConforming": 0}},
                {"id": "A.4", "percent": 100},
                {"id": "B", "score": 4}"""));
        // A.1: 2 × 3/5 = 1.2; A.2: 3 × 50 % = 1.5; A.3: 0.5; A.4: 0.5; B: 4 → 7.7 of 10
        assertThat(r.score()).isEqualByComparingTo("7.7");
        ClauseResult a1 = r.clauses().get(0);
        assertThat(a1.score()).isEqualByComparingTo("1.2");
        assertThat(a1.how()).isEqualTo("2 of 5 samples not conforming: 2 × 3/5 = 1.2");
        assertThat(r.clauses().get(1).how()).isEqualTo("scored 50 %: 3 × 50 % = 1.5");
    }

    @Test
    void theFullPointsReadingIsNamedInTheReasons() {
        SchemeResult r = evaluate(demo(allConform("4").replace("{\"id\": \"A.2\", \"result\": \"conform\"}",
                "{\"id\": \"A.2\", \"result\": \"not-applicable\", \"note\": \"不涉及\"}")),
                new EvaluationOptions(NotApplicablePolicy.FULL_POINTS, false));
        assertThat(r.reasons()).contains("A.2 not applicable: full points (full-points, chosen on the command line)");
    }

    @Test
    void aChecklistItemNotConformingUnderAFullCategoryIsPointedOut() {
        SchemeResult r = evaluate(demo(allConform("4") + """
                ,
                {"id": "B.1", "result": "not-conform", "note": "组不符合"},
                {"id": "B.1.1", "result": "not-conform"}"""));
        assertThat(r.reasons()).contains("B has its full 4 points though its checklist item B.1 does not conform",
                "B has its full 4 points though its checklist item B.1.1 does not conform");
        assertThat(r.clauses().stream().filter(c -> c.id().equals("B.1")).findFirst().orElseThrow().note())
                .isEqualTo("组不符合");
    }

    @Test
    void quotientsAreComparedExactly() {
        // A.2 excluded: 7 applicable. 6.3 of 7 is exactly 90 %; 6.299999999999 is below it, though a
        // rounded quotient would print and compare as 90
        String below = demo("""
                {"id": "A.1", "score": 1.299999999999},
                {"id": "A.2", "result": "not-applicable", "note": "不涉及"},
                {"id": "A.3", "result": "conform"},
                {"id": "A.4", "result": "conform"},
                {"id": "B", "score": 4}""");
        SchemeResult r = evaluate(below);
        assertThat(r.percent().setScale(2, java.math.RoundingMode.DOWN)).isEqualByComparingTo("89.99");
        assertThat(r.total()).isLessThan(new BigDecimal("9"));
        assertThat(r.reasons()).contains("total 8.99 < 9 needed for 三星 (three stars): 0.01 more points");
        assertThat(evaluate(below.replace("1.299999999999", "1.3")).reasons())
                .noneMatch(reason -> reason.startsWith("total"));
    }
}

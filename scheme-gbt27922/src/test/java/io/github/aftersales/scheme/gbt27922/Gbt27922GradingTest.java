package io.github.aftersales.scheme.gbt27922;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.aftersales.core.assessment.AssessmentReader;
import io.github.aftersales.core.evaluation.EvaluationOptions;
import io.github.aftersales.core.evaluation.Evaluator;
import io.github.aftersales.core.evaluation.SchemeResult;
import io.github.aftersales.core.json.LocatedReader;
import io.github.aftersales.core.registry.SchemeRegistry;
import io.github.aftersales.spi.Clause;
import io.github.aftersales.spi.NotApplicablePolicy;
import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** GB/T 27922 grades: the form's bands 70/80/90/95 and the annexes' pass rule, on both sides of each boundary. */
class Gbt27922GradingTest {

    private static final SchemeRegistry REGISTRY = SchemeRegistry.discover(Gbt27922GradingTest.class.getClassLoader());
    private static final Evaluator EVALUATOR = new Evaluator(REGISTRY::find, REGISTRY.ids());

    private static SchemeResult evaluate(String json, EvaluationOptions options) {
        try {
            return EVALUATOR.evaluate(AssessmentReader.read(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)),
                    "test.json", LocatedReader.Syntax.JSON), options).results().get(0);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /**
     * A form assessment that loses {@code lost} points, taken from the clauses in catalog order
     * (each given its points less what is still to lose), with the given clauses not applicable.
     */
    static String formLosing(BigDecimal lost, String... notApplicable) {
        List<Clause> clauses = Gbt27922CatalogTest.SCHEME.variant("form").orElseThrow().catalog().clauses();
        StringBuilder b = new StringBuilder("{\"schemes\": [{\"scheme\": \"gbt27922\", \"variant\": \"form\", \"findings\": [\n");
        BigDecimal toLose = lost;
        for (int i = 0; i < clauses.size(); i++) {
            Clause c = clauses.get(i);
            if (List.of(notApplicable).contains(c.id())) {
                b.append("{\"id\": \"").append(c.id()).append("\", \"result\": \"not-applicable\", \"note\": \"不适用\"}");
            } else {
                BigDecimal take = toLose.min(c.points());
                toLose = toLose.subtract(take);
                b.append("{\"id\": \"").append(c.id()).append("\", \"score\": ")
                        .append(c.points().subtract(take).toPlainString()).append("}");
            }
            b.append(i + 1 < clauses.size() ? ",\n" : "\n");
        }
        if (toLose.signum() != 0) {
            throw new IllegalArgumentException("cannot lose " + lost);
        }
        return b.append("]}]}").toString();
    }

    @ParameterizedTest(name = "total {0} → {1} stars ({2})")
    @CsvSource({
        "100,   5, 五星级",
        "95,    5, 五星级",
        "94.99, 4, 四星级",
        "90,    4, 四星级",
        "89.99, 3, 三星级",
        "80,    3, 三星级",
        "79.99, 2, 达标级（二星级）",
        "70,    2, 达标级（二星级）",
        "69.99, 0, 未达标",
        "0,     0, 未达标",
    })
    void formBands(String total, int stars, String grade) {
        SchemeResult r = evaluate(formLosing(new BigDecimal("100").subtract(new BigDecimal(total))), EvaluationOptions.DEFAULTS);
        assertThat(r.total()).isEqualByComparingTo(total);
        assertThat(r.stars()).isEqualTo(stars);
        assertThat(r.grade()).isEqualTo(grade);
        assertThat(r.passed()).isEqualTo(stars > 0);
    }

    @Test
    void theResultSaysWhyTheGradeIsNotHigher() {
        SchemeResult r = evaluate(formLosing(new BigDecimal("11.5")), EvaluationOptions.DEFAULTS);
        assertThat(r.total()).isEqualByComparingTo("88.5");
        assertThat(r.reasons()).containsExactly(
                "total 88.5 < 90 needed for 四星级 (four stars): 1.5 more points",
                "total 88.5 < 95 needed for 五星级 (five stars): 6.5 more points");
        // the clauses that lost points, in catalog order: 5.1.1.1 (1), 5.1.1.2 (3), 5.1.2.1 (1), 5.1.2.2 (5), 5.1.3.1 (1.5 of 2)
        assertThat(r.lostPoints()).extracting(c -> c.id() + " -" + c.lost().stripTrailingZeros().toPlainString())
                .containsExactly("5.1.1.1 -1", "5.1.1.2 -3", "5.1.2.1 -1", "5.1.2.2 -5", "5.1.3.1 -1.5");
        assertThat(r.topCategories()).extracting(c -> c.id() + " " + c.score().stripTrailingZeros().toPlainString())
                .containsExactly("5.1 28.5", "5.2 35", "5.3 25");
    }

    /**
     * Rows 22 and 40 ask whether the clause applies. 5.2.5.5 (2 points) not applicable and 9.9 points
     * lost elsewhere: prorated, 88.1 of 98 = 89.897… (three stars); with full points, 90.1 (four).
     */
    @Test
    void theReadingOfNotApplicableIsExplicitAndChangesTheGradeOnlyWhereItShould() {
        String file = formLosing(new BigDecimal("9.9"), "5.2.5.5");
        SchemeResult prorated = evaluate(file, EvaluationOptions.DEFAULTS);
        assertThat(prorated.notApplicable()).isEqualTo(NotApplicablePolicy.PRORATE);
        assertThat(prorated.score()).isEqualByComparingTo("88.1");
        assertThat(prorated.maxScore()).isEqualByComparingTo("98");
        assertThat(prorated.total().setScale(4, java.math.RoundingMode.DOWN)).isEqualByComparingTo("89.8979");
        assertThat(prorated.stars()).isEqualTo(3);
        assertThat(prorated.reasons()).first().isEqualTo("total 89.89 < 90 needed for 四星级 (four stars): 0.1 more points");
        assertThat(prorated.reasons()).last().isEqualTo("5.2.5.5 not applicable: excluded (prorate, the default of"
                + " gbt27922 form); score 88.1 of 98 applicable points, scaled to 89.89 of 100");

        SchemeResult full = evaluate(file, new EvaluationOptions(NotApplicablePolicy.FULL_POINTS, false));
        assertThat(full.score()).isEqualByComparingTo("90.1");
        assertThat(full.maxScore()).isEqualByComparingTo("100");
        assertThat(full.stars()).isEqualTo(4);
    }

    /**
     * The same boundary as a reading, {@code gbt27922.notApplicable}: chosen in the file's
     * {@code options.readings}, on the command line ({@code --reading}), or through the older names
     * {@code options.notApplicable} and {@code --not-applicable}, which are aliases of it.
     */
    @Test
    void notApplicableIsAReadingAndTheOlderOptionsAreItsAliases() {
        String file = formLosing(new BigDecimal("9.9"), "5.2.5.5");
        SchemeResult dflt = evaluate(file, EvaluationOptions.DEFAULTS);
        assertThat(dflt.readings()).extracting(io.github.aftersales.core.evaluation.ReadingUsed::text)
                .containsExactly("gbt27922.notApplicable = prorate (default)");
        String chosen = file.replace("\"variant\": \"form\",",
                "\"variant\": \"form\", \"options\": {\"readings\": {\"gbt27922.notApplicable\": \"full-points\"}},");
        SchemeResult inFile = evaluate(chosen, EvaluationOptions.DEFAULTS);
        assertThat(inFile.total()).isEqualByComparingTo("90.1");
        assertThat(inFile.stars()).isEqualTo(4);
        assertThat(inFile.readings()).extracting(io.github.aftersales.core.evaluation.ReadingUsed::text)
                .containsExactly("gbt27922.notApplicable = full-points (chosen in the assessment)");
        SchemeResult cli = evaluate(file, new EvaluationOptions(null, false,
                java.util.Map.of("gbt27922.notApplicable", "full-points")));
        assertThat(cli.stars()).isEqualTo(4);
        assertThat(cli.readings()).extracting(io.github.aftersales.core.evaluation.ReadingUsed::text)
                .containsExactly("gbt27922.notApplicable = full-points (chosen on the command line)");
        // the command line wins over the file, as --not-applicable always did
        assertThat(evaluate(chosen, new EvaluationOptions(null, false, java.util.Map.of("gbt27922.notApplicable",
                "prorate"))).stars()).isEqualTo(3);
        String alias = file.replace("\"variant\": \"form\",",
                "\"variant\": \"form\", \"options\": {\"notApplicable\": \"full-points\"},");
        assertThat(evaluate(alias, EvaluationOptions.DEFAULTS).readings())
                .extracting(io.github.aftersales.core.evaluation.ReadingUsed::text)
                .containsExactly("gbt27922.notApplicable = full-points (chosen in the assessment)");
        String both = file.replace("\"variant\": \"form\",", "\"variant\": \"form\", \"options\": {\"notApplicable\":"
                + " \"full-points\", \"readings\": {\"gbt27922.notApplicable\": \"prorate\"}},");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> evaluate(both, EvaluationOptions.DEFAULTS))
                .hasMessageEndingWith("schemes[0].options: notApplicable 'full-points' and readings.gbt27922.notApplicable"
                        + " 'prorate' disagree; notApplicable is another name for that reading: give one");
        // no clause marked not applicable: the reading decided nothing and is not shown
        assertThat(evaluate(formLosing(new BigDecimal("9.9")), EvaluationOptions.DEFAULTS).readings()).isEmpty();
    }

    @Test
    void theBundledExampleGivesTheGradeWorkedOutByHand() {
        // examples/gbt27922-form.json: 5.2.5.5 not applicable (a manufacturer), points lost:
        // 5.1.2.2 2, 5.1.5.2 1.5, 5.1.6.4 1, 5.2.2.2 0.5, 5.3.1.4 1, 5.3.2.2 1 = 7.
        // Score 98 - 7 = 91 of 98 applicable; total 91 / 98 × 100 = 92.857… → four stars (≥ 90, < 95).
        var result = EVALUATOR.evaluate(AssessmentReader.read(Path.of("../examples/gbt27922-form.json")),
                EvaluationOptions.DEFAULTS).results().get(0);
        assertThat(result.score()).isEqualByComparingTo("91");
        assertThat(result.maxScore()).isEqualByComparingTo("98");
        assertThat(result.total().setScale(3, java.math.RoundingMode.DOWN)).isEqualByComparingTo("92.857");
        assertThat(result.stars()).isEqualTo(4);
        assertThat(result.grade()).isEqualTo("四星级");
        assertThat(result.lostPoints()).extracting(c -> c.id())
                .containsExactly("5.1.2.2", "5.1.5.2", "5.1.6.4", "5.2.2.2", "5.3.1.4", "5.3.2.2");
        assertThat(result.reasons()).first().isEqualTo("total 92.85 < 95 needed for 五星级 (five stars): 2.1 more points");
    }

    @Test
    void aTotalAHairBelowABandIsShownBelowIt() {
        // every clause conforms but: 5.1.1.1 (1 point) 1 of 259 samples not conforming: 258/259;
        // 5.1.2.2 (5) scored 4.003861003861; 5.3.1.3, 5.3.1.4, 5.3.1.5, 5.3.2.1, 5.3.2.2 (3+5+2+2+7 = 19) not
        // conforming. Total 100 − 19 − 1/259 − 0.996138996139 = 80 − 0.000000000000003861003… (1/259 is
        // 0.003861003861003…): below 80, so 达标级, and shown cut to 79.99, not rounded to 80.
        List<Clause> clauses = Gbt27922CatalogTest.SCHEME.variant("form").orElseThrow().catalog().clauses();
        List<String> findings = new java.util.ArrayList<>();
        for (Clause c : clauses) {
            findings.add("{\"id\": \"" + c.id() + "\", " + switch (c.id()) {
                case "5.1.1.1" -> "\"samples\": {\"checked\": 259, \"nonConforming\": 1}}";
                case "5.1.2.2" -> "\"score\": 4.003861003861}";
                case "5.3.1.3", "5.3.1.4", "5.3.1.5", "5.3.2.1", "5.3.2.2" -> "\"result\": \"not-conform\"}";
                default -> "\"result\": \"conform\"}";
            });
        }
        SchemeResult r = evaluate("{\"schemes\": [{\"scheme\": \"gbt27922\", \"variant\": \"form\", \"findings\": ["
                + String.join(",", findings) + "]}]}", EvaluationOptions.DEFAULTS);
        assertThat(r.total()).isLessThan(new BigDecimal("80"));
        assertThat(r.stars()).isEqualTo(2);
        assertThat(io.github.aftersales.core.evaluation.Decimals.text(r.total())).isEqualTo("79.99");
        assertThat(io.github.aftersales.core.evaluation.Decimals.text(r.percent())).isEqualTo("79.99");
        assertThat(r.reasons()).first().isEqualTo("total 79.99 < 80 needed for 三星级 (three stars): 0.01 more points");
        // 5.1 服务体系 (40 points) lost 1/259 and 0.996138996139: 38.99, not 39
        assertThat(io.github.aftersales.core.evaluation.Decimals.text(r.categories().get(0).score())).isEqualTo("38.99");
    }

    @Test
    void annexTotalAHairBelow70IsNotQualifiedAndShownBelow70() {
        // annex B at 70 exactly (5+5+5+10+9+17+11+8), then B.2 (6 points) checked on 1,554 samples with one
        // not conforming: 6 − 6/1554 = 6 − 1/259 instead of 5, and B.7 at 10.003861003861 instead of 11.
        // Total 70 − 1/259 + 0.003861003861 = 70 − 0.000000000000003861…: not qualified, shown 69.99
        Map<String, String> scores = annexBScores("17", "10");
        assertThat(evaluate(annexB(scores), EvaluationOptions.DEFAULTS).passed()).isTrue();
        scores.put("B.7", "10.003861003861");
        String json = annexB(scores).replace("{\"id\": \"B.2\", \"score\": 5}",
                "{\"id\": \"B.2\", \"samples\": {\"checked\": 1554, \"nonConforming\": 1}}");
        assertThat(json).contains("1554");
        SchemeResult r = evaluate(json, EvaluationOptions.DEFAULTS);
        assertThat(r.total()).isLessThan(new BigDecimal("70"));
        assertThat(r.passed()).isFalse();
        assertThat(io.github.aftersales.core.evaluation.Decimals.text(r.total())).isEqualTo("69.99");
        assertThat(r.reasons()).containsExactly("total 69.99 < 70 needed for 达标 (qualified): 0.01 more points");
    }

    private static String annexB(Map<String, String> scores) {
        StringBuilder b = new StringBuilder("{\"schemes\": [{\"scheme\": \"gbt27922\", \"variant\": \"annex-b\", \"findings\": [");
        String sep = "";
        for (Map.Entry<String, String> e : scores.entrySet()) {
            b.append(sep).append("{\"id\": \"").append(e.getKey()).append("\", \"score\": ").append(e.getValue()).append("}");
            sep = ",";
        }
        return b.append("]}]}").toString();
    }

    private static Map<String, String> annexBScores(String b6, String b4) {
        Map<String, String> m = new java.util.LinkedHashMap<>();
        m.put("B.1", "5");
        m.put("B.2", "5");
        m.put("B.3", "5");
        m.put("B.4", b4);
        m.put("B.5", "9");
        m.put("B.6", b6);
        m.put("B.7", "11");
        m.put("B.8", "8");
        return m;
    }

    @Test
    void annexPassRuleNeedsEveryCategoryAtHalfItsPoints() {
        // 5+5+5+18+9+14+11+8 = 75 ≥ 70, but B.6 at 14 of 30 = 46.66 % < 50 %
        SchemeResult failing = evaluate(annexB(annexBScores("14", "18")), EvaluationOptions.DEFAULTS);
        assertThat(failing.score()).isEqualByComparingTo("75");
        assertThat(failing.passed()).isFalse();
        assertThat(failing.stars()).isZero();
        assertThat(failing.reasons()).containsExactly(
                "category B.6 客户投诉 at 46.66 % (14 of 30) < 50 % needed for 达标 (qualified): 1 more point of 30");
        // B.6 at exactly 15 of 30 = 50 %: qualified
        SchemeResult passing = evaluate(annexB(annexBScores("15", "18")), EvaluationOptions.DEFAULTS);
        assertThat(passing.passed()).isTrue();
        assertThat(passing.grade()).isEqualTo("达标");
        assertThat(passing.stars()).isZero();
    }

    @Test
    void annexPassRuleNeedsTotal70() {
        // every category at least half, total 5+5+5+10+9+15+11+8 = 68 < 70 ... and 69.99 / 70 on the boundary
        SchemeResult low = evaluate(annexB(annexBScores("15", "10")), EvaluationOptions.DEFAULTS);
        assertThat(low.passed()).isFalse();
        assertThat(low.reasons()).containsExactly("total 68 < 70 needed for 达标 (qualified): 2 more points");
        assertThat(evaluate(annexB(annexBScores("16.99", "10")), EvaluationOptions.DEFAULTS).passed()).isFalse();
        assertThat(evaluate(annexB(annexBScores("17", "10")), EvaluationOptions.DEFAULTS).passed()).isTrue();
    }

    @Test
    void annexA2PassRule() {
        String file = "{\"schemes\": [{\"scheme\": \"gbt27922\", \"variant\": \"annex-a2\", \"findings\": ["
                + "{\"id\": \"A.2-1\", \"score\": 12}, {\"id\": \"A.2-2\", \"score\": 12}, {\"id\": \"A.2-3\", \"score\": 20},"
                + "{\"id\": \"A.2-4\", \"score\": 19.99}, {\"id\": \"A.2-5\", \"score\": 16}]}]}";
        SchemeResult r = evaluate(file, EvaluationOptions.DEFAULTS);
        assertThat(r.score()).isEqualByComparingTo("79.99");
        assertThat(r.reasons()).containsExactly(
                "category A.2-4 客户投诉 at 49.97 % (19.99 of 40) < 50 % needed for 达标 (qualified): 0.01 more points of 40");
    }

    @Test
    void proratedBoundariesAreExact() {
        // 5.2.5.5 not applicable: 98 applicable. 88.2 of 98 is exactly 90 → four stars; 88.19 is 89.98… → three
        assertThat(evaluate(formLosing(new BigDecimal("9.8"), "5.2.5.5"), EvaluationOptions.DEFAULTS).stars()).isEqualTo(4);
        assertThat(evaluate(formLosing(new BigDecimal("9.81"), "5.2.5.5"), EvaluationOptions.DEFAULTS).stars()).isEqualTo(3);
        // 68.6 of 98 is exactly 70 → 达标; 68.59 is not
        assertThat(evaluate(formLosing(new BigDecimal("29.4"), "5.2.5.5"), EvaluationOptions.DEFAULTS).stars()).isEqualTo(2);
        assertThat(evaluate(formLosing(new BigDecimal("29.41"), "5.2.5.5"), EvaluationOptions.DEFAULTS).stars()).isZero();
    }
}

package io.github.aftersales.scheme.cqm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.aftersales.core.assessment.AssessmentReader;
import io.github.aftersales.core.evaluation.EvaluationOptions;
import io.github.aftersales.core.evaluation.Evaluator;
import io.github.aftersales.core.evaluation.SchemeResult;
import io.github.aftersales.core.json.LocatedException;
import io.github.aftersales.core.json.LocatedReader;
import io.github.aftersales.core.registry.SchemeRegistry;
import io.github.aftersales.spi.Catalog;
import io.github.aftersales.spi.Category;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * CQM/F-RZ-ZY-06-001: the star table of 6.2, lowest level wins (6.3), Note 1's examples, and every
 * date window at its edge. The base case reaches five stars; each test changes one thing.
 */
class CqmTest {

    static final SchemeRegistry REGISTRY = SchemeRegistry.discover(CqmTest.class.getClassLoader());
    static final Evaluator EVALUATOR = new Evaluator(REGISTRY::find, REGISTRY.ids());
    static final Catalog CATALOG = REGISTRY.find("cqm").orElseThrow().defaultVariant().catalog();

    /** An assessment to vary: indicator scores, facts and events; the base reaches five stars. */
    public static final class Case {
        final Map<String, String> scores = new LinkedHashMap<>(Map.of(
                "4.1.1", "10", "4.1.2", "15", "4.1.3", "10", "4.1.4", "25",
                "4.1.5", "15", "4.1.6", "7", "4.1.7", "8", "4.1.8", "10"));
        final Map<String, String> facts = new LinkedHashMap<>(Map.of(
                "managementAudit", "\"passed\"", "seriousNonConformities", "0", "S", "95", "S当面", "95",
                "operatingSince", "\"2020-03-01\"", "onSiteDate", "\"2026-10-15\""));
        String events = "";
        /** options.readings, as JSON members: {@code "cqm.majorComplaintWindow": 12}. */
        String readings = "";

        Case reading(String key, String value) {
            readings += (readings.isEmpty() ? "" : ", ") + "\"" + key + "\": " + value;
            return this;
        }

        Case score(String id, String value) {
            scores.put(id, value);
            return this;
        }

        Case fact(String name, String value) {
            facts.put(name, value);
            return this;
        }

        Case event(String type, String date, String more) {
            events += (events.isEmpty() ? "" : ",") + "{\"type\": \"" + type + "\", \"date\": \"" + date + "\"" + more + "}";
            return this;
        }

        String json() {
            String findings = scores.entrySet().stream()
                    .map(e -> "{\"id\": \"" + e.getKey() + "\", \"score\": " + e.getValue() + "}")
                    .collect(Collectors.joining(", "));
            String f = facts.entrySet().stream().map(e -> "\"" + e.getKey() + "\": " + e.getValue())
                    .collect(Collectors.joining(", "));
            return "{\"schemes\": [{\"scheme\": \"cqm\", "
                    + (readings.isEmpty() ? "" : "\"options\": {\"readings\": {" + readings + "}}, ")
                    + "\"findings\": [" + findings + "], \"facts\": {" + f
                    + "}, \"events\": [" + events + "]}]}";
        }

        SchemeResult evaluate() {
            try {
                return EVALUATOR.evaluate(AssessmentReader.read(new ByteArrayInputStream(json().getBytes(StandardCharsets.UTF_8)),
                        "test.json", LocatedReader.Syntax.JSON), EvaluationOptions.DEFAULTS).results().get(0);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        int stars() {
            return evaluate().stars();
        }
    }

    static Case base() {
        return new Case();
    }

    static SchemeResult example(String file) {
        return EVALUATOR.evaluate(AssessmentReader.read(Path.of("../examples/cqm/" + file)), EvaluationOptions.DEFAULTS)
                .results().get(0);
    }

    @Test
    void eightIndicatorsOf100PointsAndAManagementAuditWithoutPoints() {
        assertThat(CATALOG.categories().stream().map(c -> c.id() + " " + c.title() + " "
                + (c.points() == null ? "-" : c.points().toPlainString()))).containsExactly(
                "4.1.1 基本要求 10", "4.1.2 售后服务网点 15", "4.1.3 配送服务 10", "4.1.4 技术支持 25",
                "4.1.5 维修、保养 15", "4.1.6 售后服务收费 7", "4.1.7 质量问题处理、退换货及废弃商品回收 8",
                "4.1.8 投诉及意见处理 10", "4.2 售后服务管理 -");
        assertThat(CATALOG.categories().subList(0, 8)).allMatch(Category::scoredAsWhole);
        assertThat(CATALOG.clauses()).allSatisfy(c -> assertThat(c.points()).isNull());
        assertThat(CATALOG.clause("4.2.7.3.2")).isPresent();
    }

    @Test
    void theBaseCaseIsFiveStars() {
        SchemeResult r = base().evaluate();
        assertThat(r.stars()).isEqualTo(5);
        assertThat(r.grade()).isEqualTo("五星级");
        assertThat(r.reasons()).isEmpty();
    }

    // ---- Note 1, examples 1-3, from the files under examples/cqm/ --------------------------------

    @Test
    void note1Example1FaceToFaceSurveyAt75IsThreeStars() {
        SchemeResult r = example("note1-example1-face-to-face-75.json");
        assertThat(r.stars()).isEqualTo(3);
        assertThat(r.nextLevelNeeds()).containsExactly("S当面 75 < 80 needed for 四星级 (four stars)");
    }

    @Test
    void note1Example2OneRectifiedMajorComplaintIsFourStars() {
        SchemeResult r = example("note1-example2-rectified-complaint.json");
        assertThat(r.stars()).isEqualTo(4);
        assertThat(r.nextLevelNeeds()).containsExactly(
                "majorComplaint in the 24 months before onSiteDate (2026-10-15): 1 > 0 needed for 五星级 (five stars)");
    }

    @Test
    void note1Example3OneIndicatorAt70PercentIsThreeStars() {
        SchemeResult r = example("note1-example3-indicator-70.json");
        assertThat(r.stars()).isEqualTo(3);
        assertThat(r.nextLevelNeeds()).containsExactly("category 4.1.4 技术支持 at 70 % (17.5 of 25) < 80 % needed"
                + " for 四星级 (four stars): 2.5 more points of 25");
        assertThat(example("cqm-five-star.json").stars()).isEqualTo(5);
    }

    // ---- every level's conditions at their boundaries --------------------------------------------

    @ParameterizedTest(name = "X = {0} → {1} stars")
    @CsvSource({"90, 5", "89.99, 4", "80, 4", "79.99, 3", "70, 3", "69.99, 2", "60, 2", "59.99, 1", "50, 1", "49.99, 0"})
    void totalX(String x, int stars) {
        // every indicator scored at X % of its points, so each share equals X and X is the total
        BigDecimal target = new BigDecimal(x);
        Case c = base();
        for (Map.Entry<String, String> e : new LinkedHashMap<>(c.scores).entrySet()) {
            BigDecimal points = new BigDecimal(e.getValue());
            c.score(e.getKey(), points.multiply(target).movePointLeft(2).stripTrailingZeros().toPlainString());
        }
        SchemeResult r = c.evaluate();
        assertThat(r.score()).isEqualByComparingTo(x);
        assertThat(r.stars()).isEqualTo(stars);
    }

    @Test
    void anXAHairBelowSixtyIsOneStarAndShownBelowSixty() {
        // every indicator at 60 % of its points (X = 60, two stars), but 4.1.1 (10 points) checked on 2,590
        // samples with one not conforming (10 − 1/259 instead of 6) and 4.1.4 at 11.003861003861 instead of
        // 15: X = 60 − 1/259 + 0.003861003861 = 60 − 0.000000000000003861…, a hair below 60: one star,
        // shown 59.99 (rounded to 16 digits it was 60)
        Case c = base();
        for (Map.Entry<String, String> e : new LinkedHashMap<>(c.scores).entrySet()) {
            c.score(e.getKey(), new BigDecimal(e.getValue()).multiply(new BigDecimal("0.6")).stripTrailingZeros().toPlainString());
        }
        assertThat(c.stars()).isEqualTo(2);
        c.score("4.1.1", "10").score("4.1.4", "11.003861003861");
        assertThat(c.stars()).as("X = 60.003861003861").isEqualTo(2);
        String json = c.json().replace("{\"id\": \"4.1.1\", \"score\": 10}",
                "{\"id\": \"4.1.1\", \"samples\": {\"checked\": 2590, \"nonConforming\": 1}}");
        assertThat(json).contains("2590");
        SchemeResult r;
        try {
            r = EVALUATOR.evaluate(AssessmentReader.read(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)),
                    "test.json", LocatedReader.Syntax.JSON), EvaluationOptions.DEFAULTS).results().get(0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        assertThat(r.total()).isLessThan(new BigDecimal("60"));
        assertThat(r.stars()).isEqualTo(1);
        assertThat(io.github.aftersales.core.evaluation.Decimals.text(r.total())).isEqualTo("59.99");
        assertThat(r.reasons()).first().asString().startsWith("total 59.99 < 60 needed for 二星级");
    }

    @ParameterizedTest(name = "4.1.4 at {0} of 25 → {1} stars")
    @CsvSource({"22.5, 5", "22.49, 4", "20, 4", "19.99, 3", "17.5, 3", "17.49, 2"})
    void eachIndicatorsShareOnItsOwn(String score, int stars) {
        // X stays ≥ 92.49 throughout: only 4.1.4's share (90 / 80 / 70 %) decides; two stars asks no share
        assertThat(base().score("4.1.4", score).stars()).isEqualTo(stars);
    }

    @Test
    void eventsNoLevelCountsAreSaidToBeIgnoredByTheGrade() {
        SchemeResult r = base().event("governmentBlacklist", "2026-05-01", "").evaluate();
        assertThat(r.stars()).isEqualTo(5);
        assertThat(r.reasons()).containsExactly("governmentBlacklist on 2026-05-01 is not a condition of any level of cqm"
                + " star; surveillance acts on it (surveil)");
    }

    @Test
    void anIndicatorNeedsAScoreNotJustAResult() {
        Case c = base();
        c.scores.remove("4.1.4");
        String json = c.json().replace("\"findings\": [", "\"findings\": [{\"id\": \"4.1.4\", \"result\": \"conform\"}, ");
        assertThatThrownBy(() -> EVALUATOR.evaluate(AssessmentReader.read(new ByteArrayInputStream(
                json.getBytes(StandardCharsets.UTF_8)), "t.json", LocatedReader.Syntax.JSON), EvaluationOptions.DEFAULTS))
                .hasMessageEndingWith("4.1.4 技术支持 is scored as a whole: give it a score of its 25 points (a result alone"
                        + " does not say how many)");
    }

    @Test
    void datesOutsideReasonAreRejected() {
        assertThatThrownBy(() -> base().fact("operatingSince", "\"-999999999-06-01\"").evaluate())
                .hasMessageContaining("operatingSince must be a date");
        assertThatThrownBy(() -> base().fact("operatingSince", "\"1850-06-01\"").evaluate())
                .hasMessageEndingWith("operatingSince must be a date between 1900 and 2100, not '1850-06-01'");
    }

    @Test
    void managementAuditNotPassedGivesNoLevel() {
        SchemeResult r = base().fact("managementAudit", "\"failed\"").evaluate();
        assertThat(r.passed()).isFalse();
        assertThat(r.grade()).isEqualTo("不予评定等级");
        assertThat(r.reasons()).first().isEqualTo("managementAudit failed ≠ passed needed for 一星级 (one star)");
    }

    @ParameterizedTest(name = "S = {0}, S当面 = {1} → {2} stars")
    @CsvSource({"90, 90, 5", "89.99, 95, 4", "95, 89.99, 4", "80, 80, 4", "95, 79.99, 3", "79.99, 95, 3",
        "70, 70, 3", "95, 69.99, 2", "69.99, 95, 2", "60, 0, 2", "59.99, 95, 1"})
    void survey(String s, String face, int stars) {
        assertThat(base().fact("S", s).fact("S当面", face).stars()).isEqualTo(stars);
    }

    @ParameterizedTest(name = "operating since {0} → {1} stars")
    @CsvSource({"2025-10-15, 5", "2025-10-16, 3", "2026-04-15, 3", "2026-04-16, 1"})
    void timeInOperation(String since, int stars) {
        // a year (12 whole months) to the on-site date for four and five stars, half a year for two and three
        assertThat(base().fact("operatingSince", "\"" + since + "\"").stars()).isEqualTo(stars);
    }

    @Test
    void seriousNonConformityBlocksOnlyFiveStars() {
        assertThat(base().fact("seriousNonConformities", "1").stars()).isEqualTo(4);
    }

    @ParameterizedTest(name = "responsibility accident on {0} → {1} stars")
    @CsvSource({
        "2024-10-14, 5", // 24 months and a day before: outside every window
        "2024-10-15, 4", // exactly 24 months before: inside five stars' window (both ends count)
        "2025-10-14, 4", // 12 months and a day: outside the one-year window of two to four stars
        "2025-10-15, 1", // exactly 12 months: no accident in a year is needed from two stars up
        "2026-10-15, 1", // on the day of the evaluation
    })
    void accidentWindows(String date, int stars) {
        assertThat(base().event("responsibilityAccident", date, ", \"injuryOrDeath\": false").stars()).isEqualTo(stars);
    }

    @ParameterizedTest(name = "negative information on {0} → {1} stars")
    @CsvSource({"2024-10-14, 5", "2024-10-15, 4", "2025-10-14, 4", "2025-10-15, 1"})
    void negativeInformationWindows(String date, int stars) {
        assertThat(base().event("negativeInformation", date, "").stars()).isEqualTo(stars);
    }

    @Test
    void majorComplaints() {
        String rectified = ", \"rectified\": true";
        assertThat(base().event("majorComplaint", "2025-03-01", rectified).stars()).isEqualTo(4);
        assertThat(base().event("majorComplaint", "2025-03-01", rectified).event("majorComplaint", "2026-01-01", rectified)
                .stars()).isEqualTo(3);
        assertThat(base().event("majorComplaint", "2025-03-01", rectified).event("majorComplaint", "2026-01-01", rectified)
                .event("majorComplaint", "2026-02-01", rectified).stars()).isEqualTo(2);
        assertThat(base().event("majorComplaint", "2025-03-01", rectified).event("majorComplaint", "2026-01-01", rectified)
                .event("majorComplaint", "2026-02-01", rectified).event("majorComplaint", "2026-03-01", rectified)
                .stars()).isEqualTo(1);
        SchemeResult open = base().event("majorComplaint", "2026-03-01", ", \"rectified\": false").evaluate();
        assertThat(open.stars()).isEqualTo(1);
        assertThat(open.nextLevelNeeds()).containsExactly("majorComplaint (rectified=false) in the 24 months before"
                + " onSiteDate (2026-10-15): 1 > 0 needed for 二星级 (two stars)");
        // a complaint exactly 24 months before counts; a day earlier it does not
        assertThat(base().event("majorComplaint", "2024-10-15", rectified).stars()).isEqualTo(4);
        assertThat(base().event("majorComplaint", "2024-10-14", rectified).stars()).isEqualTo(5);
    }

    // ---- bad input --------------------------------------------------------------------------------

    @Test
    void aDateAfterTheEvaluationIsRejected() {
        assertThatThrownBy(() -> base().event("majorComplaint", "2026-10-16", ", \"rectified\": true").evaluate())
                .isInstanceOf(LocatedException.class)
                .hasMessageEndingWith("a majorComplaint event dated 2026-10-16 is after onSiteDate 2026-10-15, the day"
                        + " of the evaluation");
        assertThatThrownBy(() -> base().fact("operatingSince", "\"2026-11-01\"").evaluate())
                .hasMessageEndingWith("schemes[0].facts.operatingSince: operatingSince 2026-11-01 is after onSiteDate"
                        + " 2026-10-15, the day of the evaluation");
    }

    @Test
    void surveyFiguresOutside0To100AreRejected() {
        assertThatThrownBy(() -> base().fact("S当面", "100.5").evaluate())
                .hasMessageEndingWith("schemes[0].facts.S当面: S当面 must be a percentage from 0 to 100, not 100.5");
        assertThatThrownBy(() -> base().fact("S", "-1").evaluate())
                .hasMessageEndingWith("S must be a percentage from 0 to 100, not -1");
    }

    @Test
    void aSurveyFigureWrittenAsAFractionIsRefusedNotGradedAsUnderOnePercent() {
        // issue 17: 0.92 for 92 % graded silently as 0.92 % (S < 60: one star instead of five)
        assertThatThrownBy(() -> base().fact("S", "0.92").evaluate()).hasMessageEndingWith(
                "schemes[0].facts.S: S is a percentage from 0 to 100: 0.92 would be 0.92 %; for 92 % write 92"
                        + " (a figure between 0 and 1 % is refused as a fraction written by mistake)");
        // 0, 1 and 100 are percentages as they stand: 0 and 1 grade alike (the lowest threshold is 60)
        assertThat(base().fact("S", "0").stars()).isEqualTo(1);
        assertThat(base().fact("S", "1").stars()).isEqualTo(1);
        assertThat(base().fact("S", "100").stars()).isEqualTo(5);
    }

    @Test
    void anIndicatorScoreAboveItsPointsIsRejected() {
        assertThatThrownBy(() -> base().score("4.1.6", "8").evaluate())
                .hasMessageEndingWith("score of 4.1.6 is 8, above its 7 points");
    }

    @Test
    void anEventBeforeTheOrganisationBeganIsRejected() {
        // issue 18: nothing can have happened to an organisation before it began operating
        Case early = base().event("negativeInformation", "2020-02-29", "");
        // the event's place on the file's one line (the reader counts columns in UTF-8 bytes, and S当面 is 8)
        int column = early.json().substring(0, early.json().indexOf("{\"type\"")).getBytes(StandardCharsets.UTF_8).length
                + 1;
        assertThatThrownBy(early::evaluate)
                .isInstanceOf(LocatedException.class)
                .hasMessage("test.json:1:" + column + ": schemes[0].events[0]: a negativeInformation event dated 2020-02-29"
                        + " is before operatingSince 2020-03-01, the date the organisation began operating");
        // on the day it began is possible
        assertThat(base().event("negativeInformation", "2020-03-01", "").stars()).isEqualTo(5);
    }

    @Test
    void aComplaintMustSayWhetherItWasRectified() {
        assertThatThrownBy(() -> base().event("majorComplaint", "2026-03-01", "").evaluate())
                .hasMessageEndingWith("a majorComplaint event must say rectified: true or false");
    }
}

package com.example.aftersales.desk;

import io.github.aftersales.testkit.AssessmentBuilder;
import io.github.aftersales.testkit.ResultAssert;
import io.github.aftersales.testkit.SchemeTestKit;
import org.junit.jupiter.api.Test;

/**
 * The example's tests, written with the test kit only, at every boundary of its table: 合格 needs at
 * least 30 sampled records and a weighted score (percent × 0.7 + survey × 0.3) of at least 62; 优秀
 * the same records, a weighted score of at least 85, a complaint resolution rate of at least 97 % and
 * checklist item 3.1 conforming. The catalog has 20 points: 1.1 (6), 1.2 (4), 2.1 (4), 2.2 (6).
 */
class ComplaintDeskSchemeTest {

    /** Every clause conforms (percent 100), 3.1 conforms, 30 records, survey 50: weighted 70 + 15 = 85. */
    private static AssessmentBuilder best() {
        return SchemeTestKit.scheme("example-complaint-desk").assessment().allConform()
                .checklist("3.1", "conform", "月报齐全").fact("sampledRecords", 30).fact("survey", 50)
                .fact("complaintsReceived", 100).fact("complaintsResolved", 97);
    }

    @Test
    void keepsTheContract() {
        SchemeTestKit.scheme("example-complaint-desk").verifyContract();
    }

    @Test
    void everyThresholdMetExactlyIsDistinction() {
        ResultAssert.assertThat(best().evaluate()).hasGrade("优秀").hasStars(2).lostNoPoints();
    }

    @Test
    void oneRecordShortOfThirtyIsNoLevel() {
        ResultAssert.assertThat(best().fact("sampledRecords", 29).evaluate()).hasGrade("不合格").isNotPassed()
                .hasReasonContaining("at least 30 records sampled (抽查记录不少于30份) does not hold (sampledRecords >= 30;"
                        + " sampledRecords = 29) needed for 合格 (qualified)");
    }

    @Test
    void aWeightedScoreJustUnder85IsQualified() {
        // 70 + 49.99 × 0.3 = 84.997
        ResultAssert.assertThat(best().fact("survey", 49.99).evaluate()).hasGrade("合格").hasStars(1)
                .hasReasonContaining("weighted score (综合得分) 84.99 (survey = 49.99) < 85 needed for 优秀 (distinction)");
    }

    @Test
    void aWeightedScoreOf62IsQualifiedAndJustUnderIsNot() {
        // 2.1 not conforming: 16 of 20 = 80 %, 56 + survey × 0.3
        ResultAssert.assertThat(best().notConform("2.1", "未经确认").fact("survey", 20).evaluate()).hasGrade("合格")
                .lostPointsOnlyOn("2.1")
                .hasReasonContaining("weighted score (综合得分) 62 (survey = 20) < 85 needed for 优秀 (distinction)");
        ResultAssert.assertThat(best().notConform("2.1", "未经确认").fact("survey", 19.99).evaluate())
                .hasGrade("不合格")
                .hasReasonContaining("weighted score (综合得分) 61.99 (survey = 19.99) < 62 needed for 合格 (qualified)");
    }

    @Test
    void aResolutionRateJustUnder97IsQualified() {
        // 96 of 99 = 96.9696… %, cut to 96.96 when shown
        ResultAssert.assertThat(best().fact("complaintsReceived", 99).fact("complaintsResolved", 96).evaluate())
                .hasGrade("合格").hasReasonContaining("complaint resolution rate (投诉解决率) 96.96 % (complaintsReceived"
                        + " = 99, complaintsResolved = 96) < 97 % needed for 优秀 (distinction)");
        // 33 of 34 = 97.05… %
        ResultAssert.assertThat(best().fact("complaintsReceived", 34).fact("complaintsResolved", 33).evaluate())
                .hasGrade("优秀");
    }

    @Test
    void noComplaintsReceivedGivesNoRateAndSoNoDistinction() {
        ResultAssert.assertThat(best().fact("complaintsReceived", 0).fact("complaintsResolved", 0).evaluate())
                .hasGrade("合格").hasReasonContaining("resolutionRate >= 97 cannot be worked out (resolutionRate:"
                        + " division by zero");
    }

    @Test
    void theChecklistItemMustConformForDistinction() {
        ResultAssert.assertThat(best().checklist("3.1", "not-conform", "三月未报").evaluate()).hasGrade("合格")
                .hasReasonContaining("CONFORMS('3.1') does not hold (CONFORMS('3.1') = false) needed for 优秀"
                        + " (distinction)");
    }
}

package com.example.aftersales;

import io.github.aftersales.testkit.Result;
import io.github.aftersales.testkit.ResultAssert;
import io.github.aftersales.testkit.SchemeTestKit;
import org.junit.jupiter.api.Test;

/** The example scheme's tests, written with the test kit only. */
class HomeRepairSchemeTest {

    @Test
    void keepsTheContract() {
        SchemeTestKit.scheme("example-home-repair").verifyContract();
    }

    @Test
    void aLateVisitCostsTheTopLevel() {
        // 1.2 (5 points) at 2: 17 of 20 = 85 %, but category 1 at 5 of 8 = 62.5 % < 75 % → 良好, one star
        Result r = SchemeTestKit.scheme("example-home-repair").assessment().allConform().score("1.2", "2").evaluate();
        ResultAssert.assertThat(r).hasStars(1).hasGrade("良好").hasScore("17").lostPointsOnlyOn("1.2")
                .hasReasonContaining("category 1 报修受理 at 62.5 % (5 of 8) < 75 %");
    }

    @Test
    void workAtHeightMayNotApply() {
        // 2.3 excluded: 16 of 16 = 100 % → 优秀
        ResultAssert.assertThat(SchemeTestKit.scheme("example-home-repair").assessment().allConform()
                        .notApplicable("2.3", "只维修台式小家电，不涉及高处作业").evaluate())
                .hasStars(2).hasMaxScore("16").excluded("2.3");
    }
}

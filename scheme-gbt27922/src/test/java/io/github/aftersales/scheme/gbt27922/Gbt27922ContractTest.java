package io.github.aftersales.scheme.gbt27922;

import io.github.aftersales.testkit.Result;
import io.github.aftersales.testkit.ResultAssert;
import io.github.aftersales.testkit.SchemeTestKit;
import org.junit.jupiter.api.Test;

/** The scheme's SPI contract, checked with the test kit as a third-party author would. */
class Gbt27922ContractTest {

    @Test
    void keepsTheContract() {
        SchemeTestKit.scheme("gbt27922").verifyContract();
    }

    @Test
    void repairServiceNotConformingCostsItsThreePoints() {
        // 5.2.4.3 (3 points) not conforming, all else conforming: 97 → five stars (≥ 95)
        Result r = SchemeTestKit.scheme("gbt27922").assessment().allConform()
                .notConform("5.2.4.3", "维修记录不完整").evaluate();
        ResultAssert.assertThat(r).hasStars(5).hasScore("97").lostPointsOnlyOn("5.2.4.3");
        Result lower = SchemeTestKit.scheme("gbt27922").assessment().allConform()
                .notConform("5.2.4.3", "维修记录不完整").notConform("5.3.2.2", "投诉处理超时").evaluate();
        // 100 − 3 − 7 = 90 → four stars
        ResultAssert.assertThat(lower).hasStars(4).hasGrade("四星级").lostPointsOn("5.2.4.3", "5.3.2.2")
                .hasReasonContaining("total 90 < 95 needed for 五星级");
    }
}

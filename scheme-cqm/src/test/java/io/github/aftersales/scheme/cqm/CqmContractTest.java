package io.github.aftersales.scheme.cqm;

import io.github.aftersales.testkit.ResultAssert;
import io.github.aftersales.testkit.SchemeTestKit;
import org.junit.jupiter.api.Test;

/** The scheme's SPI contract, checked with the test kit. */
class CqmContractTest {

    @Test
    void keepsTheContract() {
        SchemeTestKit.scheme("cqm").verifyContract();
    }

    @Test
    void lowestLevelWinsThroughTheKit() {
        // every indicator full, best-case facts, but S当面 75 % → three stars (Note 1, example 1)
        ResultAssert.assertThat(SchemeTestKit.scheme("cqm").assessment().allConform().fact("S当面", 75).evaluate())
                .hasStars(3).lostNoPoints().hasReasonContaining("S当面 75 < 80 needed for 四星级");
    }
}

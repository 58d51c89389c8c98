package io.github.aftersales.scheme.zg025;

import io.github.aftersales.testkit.ResultAssert;
import io.github.aftersales.testkit.SchemeTestKit;
import org.junit.jupiter.api.Test;

/** The schemes' SPI contract, checked with the test kit. */
class Zg025ContractTest {

    @Test
    void keepTheContract() {
        SchemeTestKit.scheme("zg025").verifyContract();
        // a combining scheme: registration and definition are checked; its behaviour is its parts'
        SchemeTestKit.scheme("zg025-combined").verifyContract();
    }

    @Test
    void samplesAndExclusionsThroughTheKit() {
        // 5.3.2 c) 2 of 5 samples not conforming (0.6), 5.6.3 b) excluded: 86.6 of 87 = 99.5 % → seven stars
        ResultAssert.assertThat(SchemeTestKit.scheme("zg025").assessment().allConform().samples("5.3.2 c)", 5, 2)
                        .notApplicable("5.6.3 b)", "不涉及").evaluate())
                .hasStars(7).hasScore("86.6").hasMaxScore("87").lostPointsOnlyOn("5.3.2 c)").excluded("5.6.3 b)");
    }
}

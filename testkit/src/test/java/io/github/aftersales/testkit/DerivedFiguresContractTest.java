package io.github.aftersales.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.aftersales.spi.ResourceScheme;
import org.junit.jupiter.api.Test;

/** A scheme whose levels compare derived figures keeps the contract, and its results say the figures. */
class DerivedFiguresContractTest {

    /** Core's rates test scheme: 合格 needs a complaint resolution rate ≥ 97 % and percent ≥ 60. */
    public static final class Rates extends ResourceScheme {
        public Rates() {
            super("schemes/rates");
        }
    }

    @Test
    void aSchemeWithDerivedFiguresKeepsTheContract() {
        assertThat(SchemeTestKit.scheme(new Rates()).contract()).isEmpty();
    }

    @Test
    void theKitsAssessmentsStateTheFactsAFigureNeeds() {
        Result r = SchemeTestKit.scheme(new Rates()).assessment().conform("A.1").conform("A.2").conform("A.3")
                .conform("A.4").score("B", "4").fact("complaintsReceived", 40).fact("complaintsResolved", 39)
                .fact("survey", 90).evaluate();
        // 39 / 40 = 97.5 %; 100 × 0.7 + 90 × 0.3 = 97
        assertThat(r.gradeId()).isEqualTo("distinction");
        Result low = SchemeTestKit.scheme(new Rates()).assessment().conform("A.1").conform("A.2").conform("A.3")
                .conform("A.4").score("B", "4").fact("complaintsReceived", 40).fact("complaintsResolved", 38)
                .fact("survey", 90).evaluate();
        assertThat(low.gradeId()).isNull();
        assertThat(low.reasons()).contains("complaint resolution rate (顾客投诉解决率) 95 % (complaintsReceived = 40,"
                + " complaintsResolved = 38) < 97 % needed for 合格 (passed)");
    }
}

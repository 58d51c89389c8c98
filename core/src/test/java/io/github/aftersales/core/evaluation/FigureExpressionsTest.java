package io.github.aftersales.core.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The expression language of derived figures, on its own: exact where it says so, refused where it cannot be. */
class FigureExpressionsTest {

    private static final Set<String> NAMES = Set.of("score", "percent", "resolved", "received", "withdrawn");

    private static BigDecimal value(String expression, Map<String, BigDecimal> values) throws Exception {
        FigureExpressions.check(expression, NAMES);
        return FigureExpressions.value(expression, values);
    }

    private static BigDecimal d(String s) {
        return new BigDecimal(s);
    }

    @Test
    void roundRoundsHalfUpAsA四舍五入RuleExpects() throws Exception {
        // 193 of 200 resolved: 96.5 %, which a rule rounding to whole percents reads as 97
        assertThat(value("ROUND(resolved / received * 100, 0)", Map.of("resolved", d("193"), "received", d("200"))))
                .isEqualByComparingTo("97");
        assertThat(value("ROUND(resolved, 1)", Map.of("resolved", d("96.85")))).isEqualByComparingTo("96.9");
    }

    @Test
    void decimalsAreDecimalsAndAQuotientIsCarriedTo34Digits() throws Exception {
        assertThat(value("resolved + received", Map.of("resolved", d("0.1"), "received", d("0.2"))))
                .isEqualByComparingTo("0.3");
        // 32 / 33 × 100 = 96.9696…: below 97 whatever digit it is cut at
        BigDecimal rate = value("resolved / received * 100", Map.of("resolved", d("32"), "received", d("33")));
        assertThat(rate.precision()).isEqualTo(34);
        assertThat(rate).isLessThan(d("97")).isGreaterThan(d("96.9696"));
    }

    @Test
    void aPowerTakesOnlyAWholeExponentWrittenAsANumber() throws Exception {
        assertThat(value("percent ^ 2", Map.of("percent", d("1.5")))).isEqualByComparingTo("2.25");
        assertThatThrownBy(() -> FigureExpressions.check("percent ^ 0.5", NAMES))
                .hasMessage("'^' at character 9 needs a whole number from 0 to 99 as its exponent, written as a number:"
                        + " a power is exact only then");
        assertThatThrownBy(() -> FigureExpressions.check("received ^ -1", NAMES)).hasMessageContaining("'^'");
        assertThatThrownBy(() -> FigureExpressions.check("percent ^ 3000000000", NAMES)).hasMessageContaining("'^'");
        assertThatThrownBy(() -> FigureExpressions.check("percent ^ received", NAMES)).hasMessageContaining("'^'");
    }

    @Test
    void aDivisorThatIsZeroForSomeValuesIsNotRefusedWhenTheSchemeLoads() throws Exception {
        // resolved / (received - withdrawn): zero when every name is 1, a number for most assessments
        assertThat(FigureExpressions.check("resolved / (received - withdrawn) * 100", NAMES))
                .containsExactly("received", "resolved", "withdrawn");
        assertThat(value("resolved / (received - withdrawn) * 100",
                Map.of("resolved", d("45"), "received", d("60"), "withdrawn", d("10")))).isEqualByComparingTo("90");
        assertThatThrownBy(() -> FigureExpressions.value("resolved / (received - withdrawn) * 100",
                Map.of("resolved", d("1"), "received", d("5"), "withdrawn", d("5"))))
                .isInstanceOf(FigureExpressions.Problem.class).hasMessageStartingWith("division by zero");
    }

    @Test
    void whatIsNotANumberOrCouldVaryIsRefused() {
        assertThatThrownBy(() -> FigureExpressions.check("resolved >= received", NAMES))
                .hasMessage("it gives true or false, not a number");
        assertThatThrownBy(() -> FigureExpressions.check("RANDOM() * 100", NAMES)).hasMessageContaining("RANDOM");
        assertThatThrownBy(() -> FigureExpressions.check("DT_NOW()", NAMES)).hasMessageContaining("DT_NOW");
        assertThatThrownBy(() -> FigureExpressions.check("\"97\" + resolved", NAMES)).hasMessageContaining("text");
        assertThatThrownBy(() -> FigureExpressions.check("unknown * 2", NAMES))
                .hasMessageContaining("it names unknown, which is neither a figure");
    }
}

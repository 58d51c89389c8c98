package io.github.aftersales.core.evaluation;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.math.BigInteger;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

/** Dividing a scaled score back into points gives what an exact divide (or else 16 digits) gives. */
class DecimalsTest {

    @Property(tries = 3000)
    void unscaleIsTheExactQuotientWhenItEnds(@ForAll @LongRange(min = -10_000_000, max = 10_000_000) long digits,
            @ForAll @IntRange(min = -3, max = 6) int decimals, @ForAll @IntRange(min = 1, max = 2520) int scale) {
        assertSame(BigDecimal.valueOf(digits, decimals), BigDecimal.valueOf(scale));
    }

    @Property(tries = 300)
    void unscaleBeyondLongs(@ForAll @LongRange(min = 1, max = Long.MAX_VALUE) long digits,
            @ForAll @IntRange(min = 1, max = 2520) int scale) {
        BigDecimal big = new BigDecimal(BigInteger.valueOf(digits).multiply(BigInteger.valueOf(digits)), 3);
        assertSame(big, BigDecimal.valueOf(scale));
        assertSame(BigDecimal.valueOf(digits, 2), new BigDecimal(BigInteger.TEN.pow(20).multiply(BigInteger.valueOf(scale))));
    }

    private static void assertSame(BigDecimal value, BigDecimal scale) {
        BigDecimal expected;
        if (scale.compareTo(BigDecimal.ONE) == 0) {
            expected = value;
        } else {
            try {
                expected = value.divide(scale).stripTrailingZeros();
            } catch (ArithmeticException doesNotEnd) {
                expected = value.divide(scale, Decimals.QUOTIENT);
            }
        }
        assertEquals(expected, Decimals.unscale(value, scale), value + " / " + scale);
    }
}

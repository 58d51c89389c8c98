package io.github.aftersales.core.evaluation;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.math.BigInteger;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

/**
 * Dividing a scaled score back into points gives what an exact divide (or else 16 digits towards
 * zero) gives; a quotient shown is the exact quotient cut once to two decimals.
 */
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

    @Property(tries = 3000)
    void aQuotientShownIsTheExactQuotientCutOnce(@ForAll @LongRange(min = 0, max = 999_999_999_999L) long part,
            @ForAll @IntRange(min = 0, max = 12) int decimals, @ForAll @LongRange(min = 1, max = Long.MAX_VALUE) long whole,
            @ForAll @IntRange(min = 1, max = Integer.MAX_VALUE) int scale) {
        BigDecimal p = BigDecimal.valueOf(part, decimals);
        BigDecimal w = BigDecimal.valueOf(whole, 6).max(p);
        // part × 100 / whole, and part / scale, cut towards zero exactly (BigInteger division truncates)
        assertEquals(cut(p.multiply(BigDecimal.valueOf(100)), w), Decimals.shown(Decimals.percent(p, w)));
        assertEquals(cut(p, BigDecimal.valueOf(scale)), Decimals.shown(Decimals.unscale(p, BigDecimal.valueOf(scale))));
    }

    @org.junit.jupiter.api.Test
    void aHairBelowAStepIsShownBelowIt() {
        // 80 − 1/259 + 0.003861003861 = 79.99999999999999613899…: to nearest at 16 digits that was 80
        // (80 − 1/259 + 0.003861003861) × 259
        BigDecimal scaled = BigDecimal.valueOf(80 * 259 - 1).add(new BigDecimal("0.003861003861").multiply(BigDecimal.valueOf(259)));
        assertEquals("79.99", Decimals.text(Decimals.unscale(scaled, BigDecimal.valueOf(259))));
        assertEquals("0.01", Decimals.shownNeeded(new BigDecimal("0.0000000000000001"), BigDecimal.ONE).toPlainString());
        assertEquals("2", Decimals.shownNeeded(new BigDecimal("6"), new BigDecimal("3")).toPlainString());
    }

    @org.junit.jupiter.api.Test
    void aFigureInASentenceKeepsTheDecimalsItsComparisonNeeds() {
        var atMost3 = io.github.aftersales.spi.Comparison.of(io.github.aftersales.spi.Comparison.Operator.AT_MOST,
                new BigDecimal("3"));
        var atLeast = io.github.aftersales.spi.Comparison.of(io.github.aftersales.spi.Comparison.Operator.AT_LEAST,
                new BigDecimal("79.995"));
        var atLeast80 = io.github.aftersales.spi.Comparison.of(io.github.aftersales.spi.Comparison.Operator.AT_LEAST,
                new BigDecimal("80"));
        // 3.001 ≤ 3 fails: "3 > 3" would contradict itself
        assertEquals("3.001", Decimals.shown(new BigDecimal("3.001"), atMost3, false).toPlainString());
        assertEquals("3.5", Decimals.shown(new BigDecimal("3.5"), atMost3, false).toPlainString());
        // 79.999 ≥ 79.995 holds: "79.99 ≥ 79.995" would not
        assertEquals("79.999", Decimals.shown(new BigDecimal("79.999"), atLeast, true).toPlainString());
        // a lower bound on two decimals never needs more: the cut is below the value
        assertEquals("79.99", Decimals.shown(new BigDecimal("79.99999999999999"), atLeast80, false).toPlainString());
        assertEquals("80", Decimals.shown(new BigDecimal("80.004"), atLeast80, true).toPlainString());
    }

    /** The {@link Decimals#shown} form of the exact quotient n / d cut to two decimals. */
    private static BigDecimal cut(BigDecimal n, BigDecimal d) {
        int s = Math.max(n.scale(), d.scale());
        BigInteger num = n.movePointRight(s).toBigIntegerExact().multiply(BigInteger.valueOf(100));
        BigInteger den = d.movePointRight(s).toBigIntegerExact();
        BigDecimal c = new BigDecimal(num.divide(den), 2).stripTrailingZeros();
        return c.scale() < 0 ? c.setScale(0) : c;
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

package io.github.aftersales.core.evaluation;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * Decimal arithmetic for scores. Sums are exact and every comparison with a threshold is made
 * exactly (by cross-multiplying, in the grader); a quotient (a percentage, a prorated total, a score
 * worked out from samples) is only for people, and is cut to two decimals for display in one place,
 * {@link #shown}.
 *
 * <p>A quotient is made once, from exact operands, carried to 16 significant digits and rounded
 * <em>towards zero</em>; it is never the operand of another quotient. Cutting it to two decimals then
 * gives exactly the cut of the exact quotient (two cuts towards zero, the second coarser, are one
 * cut), for every figure below 10<sup>14</sup> (inputs have at most 12 digits before the point). So a
 * value a hair below a threshold (79.99999999999999614…) shows as 79.99, never as 80. Rounding to
 * nearest, as before, made it 80.00000000000000 first.
 */
public final class Decimals {

    /** Every quotient: 16 significant digits, towards zero (see the class comment for why not to nearest). */
    static final MathContext QUOTIENT = new MathContext(16, RoundingMode.DOWN);
    static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private Decimals() {
    }

    /** part / whole × 100; {@code whole} must be positive. */
    public static BigDecimal percent(BigDecimal part, BigDecimal whole) {
        return part.multiply(HUNDRED).divide(whole, QUOTIENT);
    }

    /** value × numerator / denominator. */
    public static BigDecimal scale(BigDecimal value, BigDecimal numerator, BigDecimal denominator) {
        return value.multiply(numerator).divide(denominator, QUOTIENT);
    }

    /**
     * For people and JSON: at most two decimals, cut towards zero (not rounded) so a value below a
     * threshold never prints as the threshold (79.996 prints 79.99, not 80). The one place a figure is
     * cut for display.
     */
    public static BigDecimal shown(BigDecimal value) {
        BigDecimal cut = value.setScale(2, RoundingMode.DOWN).stripTrailingZeros();
        return cut.scale() < 0 ? cut.setScale(0) : cut;
    }

    /** value × scale; {@code value} itself when the scale is one (no product made). */
    static BigDecimal times(BigDecimal value, BigDecimal scale) {
        return scale == BigDecimal.ONE ? value : value.multiply(scale);
    }

    /**
     * A scaled value back in points: {@code value / scale}, exact when that has a decimal, else to 16
     * digits (for people; comparisons use the scaled values).
     */
    static BigDecimal unscale(BigDecimal value, BigDecimal scale) {
        if (scale.compareTo(BigDecimal.ONE) == 0) {
            return value;
        }
        return ends(value, scale) ? value.divide(scale).stripTrailingZeros() : value.divide(scale, QUOTIENT);
    }

    /**
     * Whether {@code value / scale} has a decimal that ends ({@code scale} a whole number > 0, as every
     * sample scale is): when
     * the part of {@code scale} prime to 10 divides {@code value}'s digits. Asked first because an
     * exact divide that does not end throws, and throwing for every 2/3 was a tenth of evaluating.
     */
    private static boolean ends(BigDecimal value, BigDecimal scale) {
        if (scale.scale() == 0 && scale.precision() <= 18 && value.precision() <= 18) { // in longs, as nearly always
            long k = scale.longValueExact();
            while (k % 2 == 0) {
                k /= 2;
            }
            while (k % 5 == 0) {
                k /= 5;
            }
            return k == 1 || value.unscaledValue().longValue() % k == 0;
        }
        java.math.BigInteger k = scale.toBigIntegerExact();
        java.math.BigInteger two = java.math.BigInteger.TWO;
        java.math.BigInteger five = java.math.BigInteger.valueOf(5);
        while (k.mod(two).signum() == 0) {
            k = k.divide(two);
        }
        while (k.mod(five).signum() == 0) {
            k = k.divide(five);
        }
        return value.unscaledValue().mod(k).signum() == 0;
    }

    /**
     * {@link #shown}, unless the figure cut to two decimals would compare with the threshold of
     * {@code cmp} otherwise than the exact value does ({@code holds}): a value above a threshold of
     * 3 with 3 decimals (3.001 ≤ 3 fails) would read "3 &gt; 3". Then it is cut to as many more
     * decimals as it takes, so a sentence's two figures always compare the way its words say.
     * A lower bound never needs more (a cut is never above the value): only upper bounds and
     * thresholds with more than two decimals can.
     */
    public static BigDecimal shown(BigDecimal value, io.github.aftersales.spi.Comparison cmp, boolean holds) {
        BigDecimal cut = shown(value);
        if (cmp.number() == null) {
            return cut;
        }
        for (int decimals = 3; cmp.test(cut) != holds && decimals <= value.scale(); decimals++) {
            cut = value.setScale(decimals, RoundingMode.DOWN).stripTrailingZeros();
        }
        return cut.scale() < 0 ? cut.setScale(0) : cut;
    }

    /**
     * How much more is needed, {@code numerator / denominator} (both exact, the denominator
     * positive), rounded up to two decimals so that the amount shown always suffices.
     */
    static BigDecimal shownNeeded(BigDecimal numerator, BigDecimal denominator) {
        BigDecimal up = numerator.divide(denominator, 2, RoundingMode.CEILING).stripTrailingZeros();
        return up.scale() < 0 ? up.setScale(0) : up;
    }

    /** {@link #shown} as text. */
    public static String text(BigDecimal value) {
        return shown(value).toPlainString();
    }
}

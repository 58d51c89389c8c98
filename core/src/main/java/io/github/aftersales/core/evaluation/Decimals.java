package io.github.aftersales.core.evaluation;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * Decimal arithmetic for scores. Sums are exact and every comparison with a threshold is made
 * exactly (by cross-multiplying, in the grader); a quotient (a percentage, a prorated total) is
 * only for people: carried to 16 significant digits and cut to two decimals for display.
 */
public final class Decimals {

    static final MathContext QUOTIENT = MathContext.DECIMAL64;
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
     * For people and JSON: at most two decimals, cut (not rounded) so a value below a threshold never
     * prints as the threshold (79.996 prints 79.99, not 80).
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

    /** {@link #shown} as text. */
    public static String text(BigDecimal value) {
        return shown(value).toPlainString();
    }
}

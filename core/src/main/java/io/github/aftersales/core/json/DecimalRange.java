package io.github.aftersales.core.json;

import java.math.BigDecimal;

/**
 * The one range every number read from an assessment must fit, whatever the format (JSON, YAML, a
 * spreadsheet cell): at most 12 digits before the point and 12 after it. Far beyond any score, far
 * below a hang; a spreadsheet's 0.1 + 0.2 shown to 15 digits is 0.3 and fits, 1/3 does not.
 */
public final class DecimalRange {

    /** The most digits before the point. */
    public static final int MAX_DIGITS_BEFORE = 12;
    /** The most digits after the point (trailing zeros do not count). */
    public static final int MAX_DECIMALS = 12;

    private DecimalRange() {
    }

    /**
     * The most places a zero may be written to, either way ({@code 0.000}, {@code 0E+5}): all of a zero's digits are
     * trailing zeros, but {@code 0E-999999999} is a billion of them, which a text of it (a date, a reading) or a sum
     * with it (a score) would write out, in gigabytes. A hundred is as many as a number may be written with.
     */
    public static final int MAX_ZERO_PLACES = 100;

    /** Whether {@code n} fits. */
    public static boolean fits(BigDecimal n) {
        if (n.signum() == 0) {
            return Math.abs(n.scale()) <= MAX_ZERO_PLACES;
        }
        return n.precision() - n.scale() <= MAX_DIGITS_BEFORE && n.stripTrailingZeros().scale() <= MAX_DECIMALS;
    }

    /** The message for a number written {@code text} that does not fit. */
    public static String outOfRange(String text) {
        return "the number " + (text.length() > 40 ? text.substring(0, 40) + "…" : text) + " is out of range: at most "
                + MAX_DIGITS_BEFORE + " digits before the point and " + MAX_DECIMALS + " after it";
    }
}

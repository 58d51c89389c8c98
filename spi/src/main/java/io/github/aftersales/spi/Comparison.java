package io.github.aftersales.spi;

import static java.util.Objects.requireNonNull;

import java.math.BigDecimal;

/**
 * How a measured value is compared with a threshold: exact decimal comparison, so 79.99 does not
 * reach 80.
 *
 * @param operator the comparison
 * @param number   the threshold, for numeric comparisons (and {@code equals} on a number)
 * @param word     the expected word or {@code true}/{@code false}, for {@code equals} on a word;
 *                 exactly one of {@code number} and {@code word} is set
 *
 * @since 0.1
 */
@Api(status = Api.Status.STABLE, since = "0.1")
public record Comparison(Operator operator, BigDecimal number, String word) {

    public Comparison {
        requireNonNull(operator, "operator is null");
        if ((number == null) == (word == null)) {
            throw new IllegalArgumentException("a comparison needs exactly one of number and word");
        }
        if (word != null && operator != Operator.EQUALS) {
            throw new IllegalArgumentException(operator.key() + " needs a number, not '" + word + "'");
        }
    }

    public static Comparison of(Operator operator, BigDecimal number) {
        return new Comparison(operator, number, null);
    }

    public static Comparison equalsWord(String word) {
        return new Comparison(Operator.EQUALS, null, word);
    }

    /** Whether a measured number satisfies this comparison. */
    public boolean test(BigDecimal measured) {
        return test(measured, BigDecimal.ONE);
    }

    /**
     * Whether the quotient {@code numerator / denominator} satisfies this comparison, decided exactly
     * by comparing {@code numerator} with {@code threshold × denominator} (no division, no rounding).
     *
     * @param denominator must be positive
     */
    public boolean test(BigDecimal numerator, BigDecimal denominator) {
        if (number == null) {
            return false;
        }
        return test(numerator, denominator, number);
    }

    private boolean test(BigDecimal numerator, BigDecimal denominator, BigDecimal threshold) {
        // a denominator of one (a plain number) needs no product
        int c = numerator.compareTo(denominator == BigDecimal.ONE ? threshold : threshold.multiply(denominator));
        return switch (operator) {
            case AT_LEAST -> c >= 0;
            case ABOVE -> c > 0;
            case AT_MOST -> c <= 0;
            case BELOW -> c < 0;
            case EQUALS -> c == 0;
        };
    }

    /** Whether a measured word satisfies this comparison. */
    public boolean test(String measured) {
        return word != null && word.equalsIgnoreCase(measured);
    }

    /** The threshold as it should be printed. */
    public String thresholdText() {
        return number != null ? number.stripTrailingZeros().toPlainString() : word;
    }

    /** The comparison operators, with their keys in grading files and their symbols. */
    public enum Operator {
        AT_LEAST("atLeast", "≥", "<"),
        ABOVE("above", ">", "≤"),
        AT_MOST("atMost", "≤", ">"),
        BELOW("below", "<", "≥"),
        EQUALS("equals", "=", "≠");

        private final String key;
        private final String symbol;
        private final String negatedSymbol;

        Operator(String key, String symbol, String negatedSymbol) {
            this.key = key;
            this.symbol = symbol;
            this.negatedSymbol = negatedSymbol;
        }

        public String key() {
            return key;
        }

        public String symbol() {
            return symbol;
        }

        /** The symbol that describes a value failing this comparison ("88.5 &lt; 90"). */
        public String negatedSymbol() {
            return negatedSymbol;
        }
    }
}

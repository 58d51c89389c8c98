package io.github.aftersales.core.evaluation;

import static io.github.aftersales.core.evaluation.Decimals.text;

import io.github.aftersales.core.assessment.Finding;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;

/**
 * The arithmetic of a clause's score, exact: a score given, a share of samples (ZG025 6.2 c): the
 * share not conforming is deducted) or a percentage (ZG025 Table 1). Scores are kept times a scale,
 * the least common multiple of the sample counts, so that 2/3 of a point is the exact 2 at scale 3
 * and sums and comparisons never round. {@link #how} writes in words what {@link #scaled} works out.
 */
final class Scores {

    private Scores() {
    }

    /** The least common multiple of the findings' sample counts (in a long while it fits). */
    static BigDecimal sampleScale(List<Finding> findings) {
        long lcm = 1;
        try {
            for (Finding f : findings) {
                if (f.samples() != null) {
                    long c = f.samples().checked();
                    lcm = Math.multiplyExact(lcm / gcd(lcm, c), c);
                }
            }
            return lcm == 1 ? BigDecimal.ONE : BigDecimal.valueOf(lcm);
        } catch (ArithmeticException overflow) {
            BigInteger big = BigInteger.ONE;
            for (Finding f : findings) {
                if (f.samples() != null) {
                    BigInteger c = BigInteger.valueOf(f.samples().checked());
                    big = big.divide(big.gcd(c)).multiply(c);
                }
            }
            return new BigDecimal(big);
        }
    }

    private static long gcd(long a, long b) {
        while (b != 0) {
            long t = a % b;
            a = b;
            b = t;
        }
        return a;
    }

    /**
     * The score a finding gives, times {@code scale}; {@code null} when it gives none (the result alone
     * scores it). {@code scale} is a multiple of every sample count, so the result is exact.
     */
    static BigDecimal scaled(Finding f, BigDecimal points, BigDecimal scale) {
        if (f.score() != null) {
            return Decimals.times(f.score(), scale);
        }
        if (f.samples() != null) {
            int checked = f.samples().checked();
            BigDecimal perSample = scale.divide(BigDecimal.valueOf(checked)); // exact: scale is a multiple
            return points.multiply(BigDecimal.valueOf(checked - f.samples().nonConforming())).multiply(perSample);
        }
        if (f.percent() != null) {
            return Decimals.times(percentScore(points, f.percent()), scale);
        }
        return null;
    }

    private static BigDecimal percentScore(BigDecimal points, BigDecimal percent) {
        return points.multiply(percent).movePointLeft(2).stripTrailingZeros();
    }

    /** The sentence saying how {@link #scaled} worked a score out (for {@link ClauseResult#how}). */
    static String how(Finding f, BigDecimal points) {
        if (f.score() != null) {
            return "score given";
        }
        if (f.samples() != null) {
            int checked = f.samples().checked();
            int bad = f.samples().nonConforming();
            BigDecimal shown = points.multiply(BigDecimal.valueOf(checked - bad))
                    .divide(BigDecimal.valueOf(checked), Decimals.QUOTIENT);
            return bad + " of " + checked + " samples not conforming: " + text(points) + " × " + (checked - bad)
                    + "/" + checked + " = " + text(shown);
        }
        return "scored " + text(f.percent()) + " %: " + text(points) + " × " + text(f.percent()) + " % = "
                + text(percentScore(points, f.percent()));
    }
}

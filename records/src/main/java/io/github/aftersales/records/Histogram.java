package io.github.aftersales.records;

/**
 * Durations counted on a fixed grid, for exact-enough quantiles in memory that does not grow with the
 * number of records: one bin a minute up to 7 days (exact to the minute, the unit the figures are
 * given in), one bin an hour from 7 to 400 days (a quantile there is the start of its hour: at most
 * 59 minutes below the true value), and one bin beyond 400 days (a quantile there is given as 400
 * days, flagged not exact). Durations are whole minutes, seconds cut off. The mean is kept exactly,
 * in seconds. About 78 KB when something lands in the hour grid, 40 KB otherwise.
 */
final class Histogram {

    static final int FINE_MINUTES = 7 * 24 * 60;
    static final int COARSE_HOURS = (400 - 7) * 24;
    static final long LIMIT_MINUTES = FINE_MINUTES + COARSE_HOURS * 60L;

    private int[] fine;
    private int[] coarse;
    private long beyond;
    private long count;
    private long sumSeconds;
    private long maxSeconds;

    void add(long seconds) {
        long minutes = seconds / 60;
        if (minutes < FINE_MINUTES) {
            if (fine == null) {
                fine = new int[FINE_MINUTES];
            }
            fine[(int) minutes]++;
        } else if (minutes < LIMIT_MINUTES) {
            if (coarse == null) {
                coarse = new int[COARSE_HOURS];
            }
            coarse[(int) ((minutes - FINE_MINUTES) / 60)]++;
        } else {
            beyond++;
        }
        count++;
        sumSeconds += seconds;
        maxSeconds = Math.max(maxSeconds, seconds);
    }

    long count() {
        return count;
    }

    long sumSeconds() {
        return sumSeconds;
    }

    long maxSeconds() {
        return maxSeconds;
    }

    /**
     * The nearest-rank percentile in minutes: the smallest duration that at least {@code percent} % of
     * the durations do not exceed (rank ⌈percent·n/100⌉), so always a duration that occurred (to the
     * grid). -1 when empty.
     */
    long quantileMinutes(int p) {
        return quantile(p)[0];
    }

    /** Whether {@link #quantileMinutes} for {@code p} is exact to the minute. */
    boolean exact(int p) {
        return quantile(p)[1] == 1;
    }

    private long[] quantile(int p) {
        if (count == 0) {
            return new long[] {-1, 1};
        }
        long rank = Math.max(1, (p * count + 99) / 100);
        long seen = 0;
        if (fine != null) {
            for (int i = 0; i < fine.length; i++) {
                seen += fine[i];
                if (seen >= rank) {
                    return new long[] {i, 1};
                }
            }
        }
        if (coarse != null) {
            for (int i = 0; i < coarse.length; i++) {
                seen += coarse[i];
                if (seen >= rank) {
                    return new long[] {FINE_MINUTES + i * 60L, 0};
                }
            }
        }
        return new long[] {LIMIT_MINUTES, 0};
    }

    /** How many durations are below {@code minutes} (exact below 7 days; to the hour after). */
    long countBelow(long minutes) {
        long seen = 0;
        if (fine != null) {
            for (int i = 0; i < fine.length && i < minutes; i++) {
                seen += fine[i];
            }
        }
        if (coarse != null && minutes > FINE_MINUTES) {
            for (int i = 0; i < coarse.length && FINE_MINUTES + i * 60L + 60 <= minutes; i++) {
                seen += coarse[i];
            }
        }
        return seen;
    }
}

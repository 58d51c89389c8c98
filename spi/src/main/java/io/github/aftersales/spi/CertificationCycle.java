package io.github.aftersales.spi;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * How often a certificate issued under a variant must be evaluated again, and what a surveillance
 * grade does to it, as the standard says (ZG025 4.4: surveillance at least yearly, a new evaluation
 * at least every three years; CQM 5.1: an evaluation once a year, more after an accident or a major
 * complaint).
 *
 * @param surveillanceMonths   the longest time allowed between two evaluations of the certificate
 * @param reevaluationMonths   the longest time before a full re-evaluation starts a new cycle, or 0
 *                             when the standard asks for none
 * @param extraEvaluationAfter event types after which the standard asks for an evaluation besides
 *                             the yearly one; each must be a declared event type
 * @param regrading            what a surveillance grade does to the certificate's level
 * @param source               where the standard says this, e.g. {@code CTS Q/ZG025-2022 4.4}
 * @param regradingReading     the key of the {@link Reading} whose values are {@link Regrading} keys and which
 *                             gives {@code regrading} (its default), or {@code null} when it is fixed (since 0.2)
 *
 * @since 0.1
 */
@Api(status = Api.Status.EXPERIMENTAL, since = "0.1")
public record CertificationCycle(int surveillanceMonths, int reevaluationMonths, List<String> extraEvaluationAfter,
        Regrading regrading, String source, String regradingReading) {

    /** A cycle whose regrading is fixed. */
    public CertificationCycle(int surveillanceMonths, int reevaluationMonths, List<String> extraEvaluationAfter,
            Regrading regrading, String source) {
        this(surveillanceMonths, reevaluationMonths, extraEvaluationAfter, regrading, source, null);
    }

    public CertificationCycle {
        if (surveillanceMonths <= 0) {
            throw new IllegalArgumentException("surveillanceMonths must be positive");
        }
        if (reevaluationMonths < 0) {
            throw new IllegalArgumentException("reevaluationMonths must be 0 (none) or positive");
        }
        extraEvaluationAfter = List.copyOf(extraEvaluationAfter);
        requireNonNull(regrading, "regrading is null");
        requireNonNull(source, "source is null");
    }

    /** What a surveillance assessment's grade does to a certificate that has a level. */
    public enum Regrading {
        /**
         * The certificate keeps its level when the grade reaches it and is downgraded to the grade
         * when it does not (CQM 6.4); a higher grade takes a new evaluation.
         */
        KEEP_OR_DOWNGRADE("keep-or-downgrade"),
        /** The certificate takes the surveillance grade, higher or lower (ZG025 4.4). */
        NEW_GRADE("new-grade");

        private final String key;

        Regrading(String key) {
            this.key = key;
        }

        /** The key used in scheme files. */
        public String key() {
            return key;
        }

        /** The regrading with this key, if any. */
        public static java.util.Optional<Regrading> fromKey(String key) {
            return java.util.Arrays.stream(values()).filter(r -> r.key.equals(key)).findFirst();
        }
    }
}

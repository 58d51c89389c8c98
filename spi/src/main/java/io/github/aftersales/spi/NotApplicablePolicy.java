package io.github.aftersales.spi;

import java.util.Locale;
import java.util.Optional;

/**
 * What a clause the auditor marks not applicable is worth.
 *
 * <p>GB/T 27922's form asks "is this clause applicable?" for two clauses but does not say what an
 * inapplicable one is worth. Both readings are offered; each variant names its default, and an
 * assessment (or the command line) may choose the other. The result always states which was used.
 *
 * @since 0.1
 */
@Api(status = Api.Status.STABLE, since = "0.1")
public enum NotApplicablePolicy {
    /**
     * The clause leaves the applicable total; the score is scaled back to the declared total
     * (score / applicable points × declared total). Neither rewards nor penalises the organisation;
     * the reading of ZG025 6.2 b) (涉及项总分值) and of 6.3, which states GB/T 27922 bands as
     * percentages.
     */
    PRORATE("prorate"),
    /** The clause is awarded its full points, as if it conformed. */
    FULL_POINTS("full-points");

    private final String key;

    NotApplicablePolicy(String key) {
        this.key = key;
    }

    /** The key used in files and on the command line. */
    public String key() {
        return key;
    }

    /** The policy with this key, ignoring case. */
    public static Optional<NotApplicablePolicy> fromKey(String key) {
        if (key == null) {
            return Optional.empty();
        }
        String k = key.trim().toLowerCase(Locale.ROOT);
        for (NotApplicablePolicy p : values()) {
            if (p.key.equals(k)) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }
}

package io.github.aftersales.core.assessment;

import static java.util.Objects.requireNonNull;

import io.github.aftersales.core.json.Located;
import java.math.BigDecimal;
import java.util.List;

/**
 * What the auditor found for one clause (or one category scored as a whole).
 *
 * @param id             the clause or category id
 * @param result         conform / not conform / not applicable, or {@code null} if not stated
 * @param score          the score given, or {@code null} if not stated
 * @param samples        samples checked and samples not conforming, for an item checked on several
 *                       samples (ZG025 6.2 c)), or {@code null}
 * @param percent        the share of the points awarded, 0–100 (ZG025 Table 1), or {@code null}
 * @param note           the auditor's note, or {@code null}
 * @param evidence       references to the evidence seen
 * @param declaredPoints the points the file says the clause has (a template carries them), or {@code null}
 * @param position       where the finding is in the file
 * @param where          where it is in the file (its path, for messages)
 */
public record Finding(
        String id, Conformity result, BigDecimal score, Samples samples, BigDecimal percent, String note, List<String> evidence,
        BigDecimal declaredPoints, Located.Position position, Located.Where where) {

    public Finding {
        requireNonNull(id, "id is null");
        evidence = List.copyOf(evidence);
    }

    /** Whether the auditor has said anything that scores this clause. */
    public boolean isBlank() {
        return result == null && score == null && samples == null && percent == null;
    }

    /** How many of score, samples and percent are given. */
    public int scoreForms() {
        return (score == null ? 0 : 1) + (samples == null ? 0 : 1) + (percent == null ? 0 : 1);
    }

    /**
     * Samples checked for an item, and how many did not conform; validated when read
     * ({@code 0 <= nonConforming <= checked}, {@code checked >= 1}).
     */
    public record Samples(int checked, int nonConforming) {
    }

    /** Its path in the file, e.g. {@code schemes[0]}, for messages. */
    public String path() {
        return where.toString();
    }
}

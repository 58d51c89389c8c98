package io.github.aftersales.core.evaluation;

import io.github.aftersales.core.assessment.Conformity;
import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;

/**
 * What one clause (or category scored as a whole) came to. For a score worked out from what the
 * auditor gave (a score, samples, a percentage), the sentence saying how is written the first time it
 * is read. Immutable; safe to read from any thread.
 */
public final class ClauseResult {

    private final String id;
    private final String title;
    private final String titleEn;
    private final BigDecimal points;
    private final BigDecimal score;
    private final Conformity result;
    private final boolean applicable;
    private final String note;
    private final List<String> evidence;
    /** How, as given; or for a worked-out score, written when first read (two threads would write the same). */
    private String how;
    /** For a worked-out score: {@link #score} is times this scale (exact), else {@code null}. */
    private final BigDecimal scale;
    /** For a worked-out score: the finding it was worked out from, for {@link #how}; else {@code null}. */
    private final io.github.aftersales.core.assessment.Finding finding;

    /**
     * @param id         clause or category id
     * @param title      title as written
     * @param titleEn    English title
     * @param points     the points it carries, or {@code null} for a checklist item
     * @param score      the points awarded, or {@code null} when excluded or a checklist item
     * @param result     the auditor's conclusion, or {@code null}
     * @param applicable whether it counts in the applicable total
     * @param note       the auditor's note, or {@code null}
     * @param evidence   evidence references
     * @param how        how the score was arrived at ("score given", "conform: full points", …)
     */
    public ClauseResult(String id, String title, String titleEn, BigDecimal points, BigDecimal score,
            Conformity result, boolean applicable, String note, List<String> evidence, String how) {
        this(id, title, titleEn, points, score, result, applicable, note, evidence, how, null, null);
    }

    private ClauseResult(String id, String title, String titleEn, BigDecimal points, BigDecimal score,
            Conformity result, boolean applicable, String note, List<String> evidence, String how,
            BigDecimal scale, io.github.aftersales.core.assessment.Finding finding) {
        this.id = id;
        this.title = title;
        this.titleEn = titleEn;
        this.points = points;
        this.score = score;
        this.result = result;
        this.applicable = applicable;
        this.note = note;
        this.evidence = List.copyOf(evidence);
        this.how = how;
        this.scale = scale;
        this.finding = finding;
    }

    /**
     * An applicable clause whose score was worked out from {@code finding}: {@code scaledScore / scale}
     * points (divided when read: only people read it in points); how is written when first read.
     */
    static ClauseResult derived(String id, String title, String titleEn, BigDecimal points, BigDecimal scaledScore,
            BigDecimal scale, io.github.aftersales.core.assessment.Finding finding) {
        return new ClauseResult(id, title, titleEn, points, scaledScore, finding.result(), true, finding.note(),
                finding.evidence(), null, scale, finding);
    }

    /** Clause or category id. */
    public String id() {
        return id;
    }

    /** Title as written. */
    public String title() {
        return title;
    }

    /** English title. */
    public String titleEn() {
        return titleEn;
    }

    /** The points it carries, or {@code null} for a checklist item. */
    public BigDecimal points() {
        return points;
    }

    /** The points awarded, or {@code null} when excluded or a checklist item. */
    public BigDecimal score() {
        return scale == null ? score : Decimals.unscale(score, scale);
    }

    /** The auditor's conclusion, or {@code null}. */
    public Conformity result() {
        return result;
    }

    /** Whether it counts in the applicable total. */
    public boolean applicable() {
        return applicable;
    }

    /** The auditor's note, or {@code null}. */
    public String note() {
        return note;
    }

    /** Evidence references. */
    public List<String> evidence() {
        return evidence;
    }

    /** How the score was arrived at ("score given", "conform: full points", …). */
    public String how() {
        String h = how;
        if (h == null && finding != null) {
            h = Scores.how(finding, points);
            how = h; // a String is immutable: a racing reader sees it whole or writes it again
        }
        return h;
    }

    /**
     * The exact score times {@link #scale()}, or {@code null} when excluded or a checklist item: a score
     * worked out from samples is a quotient that may not end as a decimal, and this is its exact numerator
     * (for the planner, which must decide thresholds as grading does).
     *
     * @since 0.2
     */
    public BigDecimal scaledScore() {
        return score;
    }

    /** What {@link #scaledScore()} is times: one, or the part's sample scale. @since 0.2 */
    public BigDecimal scale() {
        return scale == null ? BigDecimal.ONE : scale;
    }

    /** Points lost, zero when none or not scored; from the exact score (one quotient, as every figure). */
    public BigDecimal lost() {
        if (points == null || score == null || !applicable) {
            return BigDecimal.ZERO;
        }
        return scale == null ? points.subtract(score) : Decimals.unscale(Decimals.times(points, scale).subtract(score), scale);
    }

    /** Whether this is a checklist item without points of its own. */
    public boolean checklist() {
        return points == null;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ClauseResult c && applicable == c.applicable && Objects.equals(id, c.id)
                && Objects.equals(title, c.title) && Objects.equals(titleEn, c.titleEn)
                && Objects.equals(points, c.points) && Objects.equals(score(), c.score()) && result == c.result
                && Objects.equals(note, c.note) && evidence.equals(c.evidence) && Objects.equals(how(), c.how());
    }

    @Override
    public int hashCode() {
        return Objects.hash(id, title, titleEn, points, score(), result, applicable, note, evidence, how());
    }

    @Override
    public String toString() {
        return "ClauseResult[id=" + id + ", title=" + title + ", titleEn=" + titleEn + ", points=" + points
                + ", score=" + score() + ", result=" + result + ", applicable=" + applicable + ", note=" + note
                + ", evidence=" + evidence + ", how=" + how() + "]";
    }
}

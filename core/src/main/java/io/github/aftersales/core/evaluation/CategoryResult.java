package io.github.aftersales.core.evaluation;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * A category's figures. Its score and percentage in points are worked out from the exact scaled
 * figures when read (grading compares the exact figures, never these). Immutable; safe to read from
 * any thread.
 */
public final class CategoryResult {

    private final String id;
    private final String title;
    private final String titleEn;
    private final int depth;
    private final BigDecimal points;
    private final BigDecimal applicablePoints;
    /** The score in points, or times {@link #scale} when that is not {@code null}. */
    private final BigDecimal score;
    private final BigDecimal scale;
    /** The percentage as given, or worked out when first read (two threads would work out the same). */
    private BigDecimal percent;

    /**
     * @param id               category id
     * @param title            title as written
     * @param titleEn          English title
     * @param depth            0 for a top-level category
     * @param points           the points the standard gives it
     * @param applicablePoints its points less those of excluded clauses
     * @param score            the points awarded
     * @param percent          score / applicable points × 100, or {@code null} when nothing in it applies
     */
    public CategoryResult(String id, String title, String titleEn, int depth, BigDecimal points,
            BigDecimal applicablePoints, BigDecimal score, BigDecimal percent) {
        this(id, title, titleEn, depth, points, applicablePoints, score, null, percent);
    }

    private CategoryResult(String id, String title, String titleEn, int depth, BigDecimal points,
            BigDecimal applicablePoints, BigDecimal score, BigDecimal scale, BigDecimal percent) {
        this.id = id;
        this.title = title;
        this.titleEn = titleEn;
        this.depth = depth;
        this.points = points;
        this.applicablePoints = applicablePoints;
        this.score = score;
        this.scale = scale;
        this.percent = percent;
    }

    /** A category with figures: {@code scaledScore / scale} points, its percentage worked out when read. */
    static CategoryResult scaled(String id, String title, String titleEn, int depth, BigDecimal points,
            BigDecimal applicablePoints, BigDecimal scaledScore, BigDecimal scale) {
        return new CategoryResult(id, title, titleEn, depth, points, applicablePoints, scaledScore, scale, null);
    }

    /** Category id. */
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

    /** 0 for a top-level category. */
    public int depth() {
        return depth;
    }

    /** The points the standard gives it, or {@code null} for a checklist group. */
    public BigDecimal points() {
        return points;
    }

    /** Its points less those of excluded clauses, or {@code null} for a checklist group. */
    public BigDecimal applicablePoints() {
        return applicablePoints;
    }

    /** The points awarded, or {@code null} for a checklist group. */
    public BigDecimal score() {
        return scale == null ? score : Decimals.unscale(score, scale);
    }

    /** Score / applicable points × 100, or {@code null} when nothing in it applies. */
    public BigDecimal percent() {
        BigDecimal p = percent;
        if (p == null && scale != null && hasPercent()) {
            p = Decimals.percent(score, Decimals.times(applicablePoints, scale));
            percent = p; // a BigDecimal is immutable: a racing reader sees it whole or works it out again
        }
        return p;
    }

    /**
     * The score times the run's scale ({@link Measurements.Exact#scale}), exact, for grading and
     * for the parent's sum; for a result made with the public constructor, the score.
     */
    BigDecimal scaledScore() {
        return score;
    }

    /** Whether anything in it applies, so that it has a percentage. */
    public boolean hasPercent() {
        return applicablePoints != null && applicablePoints.signum() > 0;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CategoryResult c && depth == c.depth && Objects.equals(id, c.id) && Objects.equals(title, c.title)
                && Objects.equals(titleEn, c.titleEn) && Objects.equals(points, c.points)
                && Objects.equals(applicablePoints, c.applicablePoints) && Objects.equals(score(), c.score())
                && Objects.equals(percent(), c.percent());
    }

    @Override
    public int hashCode() {
        return Objects.hash(id, title, titleEn, depth, points, applicablePoints, score(), percent());
    }

    @Override
    public String toString() {
        return "CategoryResult[id=" + id + ", title=" + title + ", titleEn=" + titleEn + ", depth=" + depth
                + ", points=" + points + ", applicablePoints=" + applicablePoints + ", score=" + score()
                + ", percent=" + percent() + "]";
    }
}

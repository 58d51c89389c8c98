package io.github.aftersales.core.evaluation;

import java.math.BigDecimal;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * A category's figures. The score and percentage in points are worked out from the exact scaled
 * figures the first time they are read (grading compares the exact figures, never these). Immutable;
 * safe to read from any thread.
 */
public final class CategoryResult {

    /** A category's score in points and its percentage; the quotients only people read. */
    record Shown(BigDecimal score, BigDecimal percent) {
    }

    private static final Later<Shown> NONE = Later.now(new Shown(null, null));

    private final String id;
    private final String title;
    private final String titleEn;
    private final int depth;
    private final BigDecimal points;
    private final BigDecimal applicablePoints;
    private final Later<Shown> shown;

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
        this(id, title, titleEn, depth, points, applicablePoints,
                score == null && percent == null ? NONE : Later.now(new Shown(score, percent)));
    }

    private CategoryResult(String id, String title, String titleEn, int depth, BigDecimal points,
            BigDecimal applicablePoints, Later<Shown> shown) {
        this.id = id;
        this.title = title;
        this.titleEn = titleEn;
        this.depth = depth;
        this.points = points;
        this.applicablePoints = applicablePoints;
        this.shown = shown;
    }

    /** A category with figures, whose score and percentage {@code shown} works out when first read. */
    static CategoryResult shownLater(String id, String title, String titleEn, int depth, BigDecimal points,
            BigDecimal applicablePoints, Supplier<Shown> shown) {
        return new CategoryResult(id, title, titleEn, depth, points, applicablePoints, Later.of(shown));
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
        return shown.get().score();
    }

    /** Score / applicable points × 100, or {@code null} when nothing in it applies. */
    public BigDecimal percent() {
        return shown.get().percent();
    }

    /** Whether anything in it applies, so that it has a percentage. */
    public boolean hasPercent() {
        return applicablePoints != null && applicablePoints.signum() > 0;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CategoryResult c && depth == c.depth && Objects.equals(id, c.id) && Objects.equals(title, c.title)
                && Objects.equals(titleEn, c.titleEn) && Objects.equals(points, c.points)
                && Objects.equals(applicablePoints, c.applicablePoints) && shown.get().equals(c.shown.get());
    }

    @Override
    public int hashCode() {
        return Objects.hash(id, title, titleEn, depth, points, applicablePoints, shown.get());
    }

    @Override
    public String toString() {
        return "CategoryResult[id=" + id + ", title=" + title + ", titleEn=" + titleEn + ", depth=" + depth
                + ", points=" + points + ", applicablePoints=" + applicablePoints + ", score=" + score()
                + ", percent=" + percent() + "]";
    }
}

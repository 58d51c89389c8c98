package io.github.aftersales.core.evaluation;

import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * One condition of one level, checked. Whether it holds is decided when the assessment is graded;
 * the sentences saying so are written the first time someone reads them, because a batch re-scoring
 * a book prints few of them and writing every one was most of the grading time. Immutable; safe to
 * read from any thread.
 */
public final class ConditionCheck {

    /**
     * The sentences of a check.
     *
     * @param condition  the condition as people read it ("total ≥ 90")
     * @param measured   the measured value as people read it ("88.5"), or a list for every-category conditions
     * @param shortfalls why it does not hold, one a failing figure; empty when it holds
     */
    record Explanation(String condition, String measured, List<Shortfall> shortfalls) {
        Explanation {
            shortfalls = List.copyOf(shortfalls);
        }
    }

    private final boolean holds;
    private final Later<Explanation> explanation;

    /**
     * A check with its sentences written.
     *
     * @param condition  the condition as people read it ("total ≥ 90")
     * @param measured   the measured value as people read it ("88.5"), or a list for every-category conditions
     * @param holds      whether it holds
     * @param shortfalls why it does not hold, one a failing figure; empty when it holds
     */
    public ConditionCheck(String condition, String measured, boolean holds, List<Shortfall> shortfalls) {
        this(holds, Later.now(new Explanation(condition, measured, shortfalls)));
    }

    private ConditionCheck(boolean holds, Later<Explanation> explanation) {
        this.holds = holds;
        this.explanation = explanation;
    }

    /** A check, for a result of {@code scheme}, whose sentences {@code explain} writes when first read. */
    static ConditionCheck explainedLater(String scheme, boolean holds, Supplier<Explanation> explain) {
        return new ConditionCheck(holds, Later.of(scheme, explain));
    }

    private Explanation explanation() {
        return explanation.get();
    }

    /** The condition as people read it ("total ≥ 90"). */
    public String condition() {
        return explanation().condition();
    }

    /** The measured value as people read it ("88.5"), or a list for every-category conditions. */
    public String measured() {
        return explanation().measured();
    }

    /** Whether it holds. */
    public boolean holds() {
        return holds;
    }

    /** Why it does not hold, one a failing figure; empty when it holds. */
    public List<Shortfall> shortfalls() {
        return explanation().shortfalls();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ConditionCheck c && holds == c.holds && explanation().equals(c.explanation());
    }

    @Override
    public int hashCode() {
        return Objects.hash(holds, explanation());
    }

    @Override
    public String toString() {
        Explanation e = explanation();
        return "ConditionCheck[condition=" + e.condition() + ", measured=" + e.measured() + ", holds=" + holds
                + ", shortfalls=" + e.shortfalls() + "]";
    }

    /**
     * One figure that misses its threshold.
     *
     * @param what the figure against its threshold ("total 88.5 &lt; 90")
     * @param gap  what would close it ("1.5 more points"), or {@code null} when no amount of points says it
     */
    public record Shortfall(String what, String gap) {
    }
}

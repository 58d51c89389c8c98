package io.github.aftersales.core.evaluation;

import java.util.List;

/**
 * One condition of one level, checked.
 *
 * @param condition  the condition as people read it ("total ≥ 90")
 * @param measured   the measured value as people read it ("88.5"), or a list for every-category conditions
 * @param holds      whether it holds
 * @param shortfalls why it does not hold, one a failing figure; empty when it holds
 */
public record ConditionCheck(String condition, String measured, boolean holds, List<Shortfall> shortfalls) {
    public ConditionCheck {
        shortfalls = List.copyOf(shortfalls);
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

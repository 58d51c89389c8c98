package io.github.aftersales.core.evaluation;

import java.util.List;

/**
 * One condition of one level, checked.
 *
 * @param condition the condition as people read it ("total ≥ 90")
 * @param measured  the measured value as people read it ("88.5"), or a list for every-category conditions
 * @param holds     whether it holds
 * @param failures  why it does not hold, one sentence a failing figure ("total 88.5 &lt; 90"); empty when it holds
 */
public record ConditionCheck(String condition, String measured, boolean holds, List<String> failures) {
    public ConditionCheck {
        failures = List.copyOf(failures);
    }
}

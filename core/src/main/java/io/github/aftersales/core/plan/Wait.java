package io.github.aftersales.core.plan;

import java.time.LocalDate;

/**
 * A condition no action can change now, and when it stops binding.
 *
 * @param condition the condition as people read it ("responsibilityAccident in the 12 months before onSiteDate ≤ 0")
 * @param fact      the date fact that has to move ({@code onSiteDate})
 * @param from      the first value of {@code fact} from which the condition holds, or {@code null} when it never does
 *                  by waiting
 * @param why       one sentence: what binds and until when
 */
public record Wait(String condition, String fact, LocalDate from, String why) {
}

package io.github.aftersales.core.evaluation;

import io.github.aftersales.core.assessment.Event;
import io.github.aftersales.core.assessment.SchemeAssessment;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * The measured figures a grading table's conditions are checked against.
 *
 * @param score      raw score
 * @param total      score on the declared scale
 * @param percent    score / applicable × 100
 * @param categories category figures, parents first
 * @param facts      facts the assessment states
 * @param events     events the assessment states
 * @param source     the assessment file, for messages
 * @param part       the assessment part, for messages
 */
record Measurements(
        BigDecimal score, BigDecimal total, BigDecimal percent, List<CategoryResult> categories,
        Map<String, Object> facts, List<Event> events, String source, SchemeAssessment part) {
}

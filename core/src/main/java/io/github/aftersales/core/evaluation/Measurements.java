package io.github.aftersales.core.evaluation;

import io.github.aftersales.core.assessment.Event;
import io.github.aftersales.core.assessment.SchemeAssessment;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * The measured figures a grading table's conditions are checked against.
 *
 * @param score       raw score
 * @param applicable  applicable points
 * @param declared    the catalog's declared total
 * @param total       score on the declared scale
 * @param percent     score / applicable × 100
 * @param categories  category figures, parents first
 * @param parts       for a combining variant: the parts' results by scheme id, in declared order
 * @param facts       facts the assessment states
 * @param events      events the assessment states
 * @param source      the assessment file, for messages
 * @param part        the assessment part, for messages
 */
record Measurements(
        BigDecimal score, BigDecimal applicable, BigDecimal declared, BigDecimal total, BigDecimal percent,
        List<CategoryResult> categories, Map<String, SchemeResult> parts, Map<String, Object> facts,
        List<Event> events, String source, SchemeAssessment part) {
}

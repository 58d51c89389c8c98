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
 * @param exact       the exact figures the comparisons use
 * @param items       the stated result of each clause and item, for expressions that read them
 */
record Measurements(
        BigDecimal score, BigDecimal applicable, BigDecimal declared, BigDecimal total, BigDecimal percent,
        List<CategoryResult> categories, Map<String, SchemeResult> parts, Exact exact, Items items) {

    /** Figures without items' results (a combining variant's). */
    Measurements(BigDecimal score, BigDecimal applicable, BigDecimal declared, BigDecimal total, BigDecimal percent,
            List<CategoryResult> categories, Map<String, SchemeResult> parts, Exact exact) {
        this(score, applicable, declared, total, percent, categories, parts, exact, Items.NONE);
    }

    /**
     * The results an expression reads with {@code CONFORMS} and {@code NOTCONFORMING}.
     *
     * @param result  the stated (or decided) result of a clause or item by its id; {@code null} for none
     * @param catalog the catalog, to find what a category holds
     */
    record Items(java.util.function.Function<String, io.github.aftersales.core.assessment.Conformity> result,
            io.github.aftersales.spi.Catalog catalog) {
        static final Items NONE = new Items(id -> null, null);
    }

    /**
     * What the assessment part states besides its findings, kept apart from the figures because
     * the sentences written later keep the figures (and should not keep the input).
     *
     * @param facts  facts the assessment states
     * @param events events the assessment states
     * @param source the assessment file, for messages
     * @param part   the assessment part, for messages
     */
    record Stated(Map<String, Object> facts, List<Event> events, String source, SchemeAssessment part,
            Map<String, String> readings) {
        static Stated of(SchemeAssessment part, String source) {
            return new Stated(part.facts(), part.events(), source, part, Map.of());
        }

        /** With the values of readings that are not their default ({@link ReadingChoices#changed}). */
        static Stated of(SchemeAssessment part, String source, Map<String, String> readings) {
            return new Stated(part.facts(), part.events(), source, part, readings);
        }
    }

    /**
     * Scores times {@code scale} (a multiple of every sample count), so that they are exact decimals:
     * a score is {@code scaledScore / scale}, exactly.
     *
     * @param scale            the scale
     * @param scaledScore      the score times the scale
     */
    record Exact(BigDecimal scale, BigDecimal scaledScore) {
        static Exact of(BigDecimal score) {
            return new Exact(BigDecimal.ONE, score);
        }
    }
}

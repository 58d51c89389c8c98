package io.github.aftersales.core.evaluation;

import io.github.aftersales.core.assessment.Event;
import io.github.aftersales.core.assessment.SchemeAssessment;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The results of one assessment, a result per scheme part, with what the assessment stated (its
 * assessor, each part's facts and events) for reports that show what a grade rests on.
 *
 * @param source       the file evaluated
 * @param organisation the organisation, or {@code null}
 * @param date         the assessment date, or {@code null}
 * @param assessor     who assessed, or {@code null}
 * @param results      one per scheme part, in the file's order
 * @param line         the line of an NDJSON file the assessment was read from, or 0 for a whole file
 * @param stated       the assessment's parts as read (their facts and events), in the file's order; empty
 *                     when not kept
 * @param provenance   where the result came from ({@link Provenance}), or {@code null} when not known
 */
public record EvaluationResult(String source, String organisation, String date, String assessor,
        List<SchemeResult> results, int line, List<SchemeAssessment> stated, Provenance provenance) {
    public EvaluationResult {
        results = List.copyOf(results);
        stated = List.copyOf(stated);
    }

    /** A result without provenance. */
    public EvaluationResult(String source, String organisation, String date, String assessor,
            List<SchemeResult> results, int line, List<SchemeAssessment> stated) {
        this(source, organisation, date, assessor, results, line, stated, null);
    }

    /** The same result, its provenance naming the input whose bytes are these. */
    public EvaluationResult withInput(byte[] bytes) {
        return provenance == null ? this : withProvenance(provenance.withInput(bytes));
    }

    /** The same result with this provenance. */
    public EvaluationResult withProvenance(Provenance p) {
        return new EvaluationResult(source, organisation, date, assessor, results, line, stated, p);
    }

    public EvaluationResult(String source, String organisation, String date, List<SchemeResult> results, int line) {
        this(source, organisation, date, null, results, line, List.of());
    }

    /** The results of an assessment that is a whole file. */
    public EvaluationResult(String source, String organisation, String date, List<SchemeResult> results) {
        this(source, organisation, date, results, 0);
    }

    /** A stated fact: its name as the assessment writes it and its value (a number, true/false or text). */
    public record Fact(String name, Object value) {
        /** The value as written: a number without exponent. */
        public String text() {
            return value instanceof java.math.BigDecimal n ? n.toPlainString() : String.valueOf(value);
        }
    }

    /** The facts the part for {@code scheme} states, in the file's order. */
    public List<Fact> facts(String scheme) {
        return part(scheme).map(p -> p.facts().entrySet().stream()
                .sorted(Comparator.comparing((Map.Entry<String, Object> e) -> position(p, e.getKey()))
                        .thenComparing(Map.Entry::getKey))
                .map(e -> new Fact(e.getKey(), e.getValue())).toList()).orElse(List.of());
    }

    /** The events the part for {@code scheme} states, in the file's order. */
    public List<Event> events(String scheme) {
        return part(scheme).map(SchemeAssessment::events).orElse(List.of());
    }

    private Optional<SchemeAssessment> part(String scheme) {
        return stated.stream().filter(p -> p.scheme().equals(scheme)).findFirst();
    }

    private static long position(SchemeAssessment p, String fact) {
        var at = p.factPositions().get(fact);
        return at == null ? Long.MAX_VALUE : ((long) at.line() << 32) + at.column();
    }
}

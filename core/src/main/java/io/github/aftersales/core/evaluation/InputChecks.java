package io.github.aftersales.core.evaluation;

import io.github.aftersales.core.assessment.SchemeAssessment;
import io.github.aftersales.core.json.LocatedException;
import io.github.aftersales.core.json.Suggestions;
import io.github.aftersales.spi.Inputs;
import io.github.aftersales.spi.Scheme;
import io.github.aftersales.spi.Variant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** The facts and events of an assessment part, checked against what its variant declares. */
final class InputChecks {

    private InputChecks() {
    }

    /**
     * Checks the facts and events against what the variant declares: known names, values of the
     * declared type, no two exclusive attributes of an event true, nothing dated after the evaluation
     * date, no event before the start date.
     */
    static void check(Scheme scheme, Variant variant, VariantIndex index, SchemeAssessment part, String source) {
        Inputs inputs = variant.inputs();
        Map<String, Inputs.FactSpec> specs = index.factSpecs;
        for (Map.Entry<String, Object> fact : part.facts().entrySet()) {
            Inputs.FactSpec spec = specs.get(fact.getKey());
            if (spec == null) {
                throw partProblem(part, source, "facts." + fact.getKey(), specs.isEmpty()
                        ? scheme.id() + " " + variant.id() + " takes no facts"
                        : "unknown fact '" + fact.getKey() + "'" + Suggestions.didYouMean(fact.getKey(), specs.keySet())
                                + "; " + scheme.id() + " " + variant.id() + " takes: " + String.join(", ", specs.keySet()));
            }
            String wrong = FactValues.problem(spec, fact.getValue());
            if (wrong == null && lowestThreshold(variant, spec.name()).compareTo(java.math.BigDecimal.ONE) >= 0) {
                wrong = FactValues.fraction(spec, fact.getValue());
            }
            if (wrong != null) {
                throw partProblem(part, source, "facts." + fact.getKey(), wrong);
            }
        }
        List<String> missing = new java.util.ArrayList<>(0);
        for (String name : specs.keySet()) {
            if (!part.facts().containsKey(name) && !specs.get(name).optional()) {
                missing.add(name);
            }
        }
        if (!missing.isEmpty()) {
            throw partProblem(part, source, "facts", "missing " + String.join(", ", missing) + " ("
                    + missing.stream().map(k -> specs.get(k).titleEn() + ", " + specs.get(k).type().key())
                            .collect(Collectors.joining("; ")) + ")");
        }
        for (Inputs.FactSpec spec : inputs.facts()) {
            Object value = part.facts().get(spec.name());
            Object bound = spec.notAbove() == null ? null : part.facts().get(spec.notAbove());
            if (value instanceof java.math.BigDecimal v && bound instanceof java.math.BigDecimal b && v.compareTo(b) > 0) {
                Inputs.FactSpec other = specs.get(spec.notAbove());
                throw partProblem(part, source, "facts." + spec.name(), spec.name() + " " + v.toPlainString()
                        + " is more than " + spec.notAbove() + " " + b.toPlainString() + ": " + spec.titleEn()
                        + " cannot exceed " + other.titleEn());
            }
        }
        java.time.LocalDate evaluated = inputs.evaluationDate() == null ? null
                : IsoDates.parse(part.facts().get(inputs.evaluationDate()));
        if (evaluated != null) {
            for (Inputs.FactSpec spec : inputs.facts()) {
                if (spec.type() == Inputs.FactSpec.Type.DATE
                        && IsoDates.parse(part.facts().get(spec.name())).isAfter(evaluated)) {
                    throw partProblem(part, source, "facts." + spec.name(), spec.name() + " " + part.facts().get(spec.name())
                            + " is after " + inputs.evaluationDate() + " " + evaluated + ", the day of the evaluation");
                }
            }
        }
        java.time.LocalDate started = inputs.startDate() == null ? null
                : IsoDates.parse(part.facts().get(inputs.startDate()));
        Map<String, Inputs.EventSpec> types = index.eventSpecs;
        for (io.github.aftersales.core.assessment.Event e : part.events()) {
            Inputs.EventSpec spec = types.get(e.type());
            if (spec == null) {
                throw eventProblem(e, source, types.isEmpty()
                        ? scheme.id() + " " + variant.id() + " takes no events"
                        : "unknown event type '" + e.type() + "'" + Suggestions.didYouMean(e.type(), types.keySet())
                                + "; " + scheme.id() + " " + variant.id() + " counts: "
                                + String.join(", ", types.keySet()));
            }
            for (String attribute : e.attributes().keySet()) {
                if (!spec.hasAttribute(attribute)) {
                    throw eventProblem(e, source, "a " + e.type() + " event has no attribute '"
                            + attribute + "'" + (spec.allAttributes().isEmpty() ? ""
                                    : "; it has: " + String.join(", ", spec.allAttributes())));
                }
            }
            for (String attribute : spec.allAttributes()) {
                String value = e.attributes().get(attribute);
                if (value == null && spec.optionalAttributes().contains(attribute)) {
                    continue; // left out: false
                }
                if (value == null || !(value.equals("true") || value.equals("false"))) {
                    throw eventProblem(e, source, "a " + e.type() + " event must say "
                            + attribute + ": true or false" + (value == null ? "" : ", not '" + value + "'"));
                }
            }
            for (List<String> group : spec.exclusive()) {
                List<String> saidTrue = group.stream().filter(a -> "true".equals(e.attributes().get(a))).toList();
                if (saidTrue.size() > 1) {
                    throw eventProblem(e, source, "a " + e.type() + " event says " + String.join(" and ",
                            saidTrue.stream().map(a -> a + ": true").toList()) + ", which contradict each other;"
                            + " at most one of " + String.join(", ", group) + " is true");
                }
            }
            if (evaluated != null && e.date().isAfter(evaluated)) {
                throw eventProblem(e, source, "a " + e.type() + " event dated " + e.date()
                        + " is after " + inputs.evaluationDate() + " " + evaluated + ", the day of the evaluation");
            }
            // an event before the organisation began (CQM operatingSince) did not happen to it: a wrong date or fact
            if (started != null && e.date().isBefore(started)) {
                throw eventProblem(e, source, "a " + e.type() + " event dated " + e.date() + " is before "
                        + inputs.startDate() + " " + started + ", the " + specs.get(inputs.startDate()).titleEn());
            }
        }
    }

    /** The lowest number the grading table compares {@code fact} with (100 when it sets none). */
    private static java.math.BigDecimal lowestThreshold(Variant variant, String fact) {
        java.math.BigDecimal lowest = java.math.BigDecimal.valueOf(100);
        for (io.github.aftersales.spi.Level level : variant.grading().levels()) {
            for (io.github.aftersales.spi.Condition c : level.conditions()) {
                if (c instanceof io.github.aftersales.spi.Condition.OnFact f && f.fact().equals(fact)
                        && f.comparison().number() != null) {
                    lowest = lowest.min(f.comparison().number());
                }
            }
        }
        return lowest;
    }

    private static LocatedException eventProblem(io.github.aftersales.core.assessment.Event e, String source,
            String message) {
        return new LocatedException(source, e.position(), e.path() + ": " + message);
    }

    private static LocatedException partProblem(SchemeAssessment part, String source, String where, String message) {
        io.github.aftersales.core.json.Located.Position at = where.startsWith("facts.")
                ? part.factPositions().getOrDefault(where.substring("facts.".length()), part.position())
                : part.position();
        return new LocatedException(source, at, part.path() + "." + where + ": " + message);
    }
}

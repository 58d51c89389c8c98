package io.github.aftersales.service.assessments;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.aftersales.core.assessment.Assessment;
import io.github.aftersales.core.assessment.Event;
import io.github.aftersales.core.assessment.Finding;
import io.github.aftersales.core.assessment.SchemeAssessment;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Map;

/**
 * A filled form (a workbook the auditor filled offline) put into a stored assessment: what the auditor states
 * (each clause's result, score, note and evidence; the facts; the events; the date and the assessor) replaces what
 * was stored, and what the template gave (titles, points, the evidence asked for, the options) stays, as do the
 * samples and percents the form has no columns for. The organisation (when the form states one) and the parts
 * are the form's as read, for the save to check against the assessment's own; a form that leaves the organisation
 * blank keeps the assessment's.
 */
final class FilledForm {

    private FilledForm() {
    }

    /** {@code stored} with what {@code form} states; {@code stored} is not changed. */
    static ObjectNode into(ObjectNode stored, Assessment form) {
        ObjectNode merged = stored.deepCopy();
        if (form.organisation() != null) {
            // the assessment's organisation is kept by every save: a form that leaves it blank does not erase it
            text(merged, "organisation", form.organisation());
        }
        text(merged, "date", form.date());
        text(merged, "assessor", form.assessor());
        ArrayNode parts = merged.withArray("schemes");
        // the parts in the form's order, as the form reader names them: a save refuses any difference
        ArrayNode result = parts.arrayNode();
        Map<String, ObjectNode> byScheme = new HashMap<>();
        parts.forEach(p -> {
            if (p instanceof ObjectNode o) {
                byScheme.putIfAbsent(o.path("scheme").asText(), o);
            }
        });
        for (SchemeAssessment part : form.parts()) {
            ObjectNode target = byScheme.remove(part.scheme());
            if (target == null) {
                target = result.objectNode().put("scheme", part.scheme());
            }
            if (part.variant() != null) {
                target.put("variant", part.variant());
            }
            result.add(fill(target, part));
        }
        merged.set("schemes", result);
        return merged;
    }

    private static ObjectNode fill(ObjectNode part, SchemeAssessment stated) {
        ArrayNode findings = part.withArray("findings");
        Map<String, ObjectNode> byId = new HashMap<>();
        findings.forEach(f -> {
            if (f instanceof ObjectNode o) {
                byId.put(o.path("id").asText(), o);
                // a clause the form leaves blank is blank here too; samples and percent, which the form has no
                // column for, stay as they were stored
                o.putNull("result");
                o.putNull("score");
                o.putNull("note");
                o.putArray("evidence");
            }
        });
        for (Finding f : stated.findings()) {
            ObjectNode o = byId.get(f.id());
            if (o == null) {
                o = findings.addObject().put("id", f.id());
                byId.put(f.id(), o);
            }
            if (f.result() != null) {
                o.put("result", f.result().key());
            }
            number(o, "score", f.score());
            if (f.samples() != null) {
                o.putObject("samples").put("checked", f.samples().checked())
                        .put("nonConforming", f.samples().nonConforming());
            }
            number(o, "percent", f.percent());
            text(o, "note", f.note());
            ArrayNode evidence = o.putArray("evidence");
            f.evidence().forEach(evidence::add);
        }
        // the facts the template names stay named, blank unless the form states them
        ObjectNode facts = part.withObjectProperty("facts");
        java.util.List<String> named = new java.util.ArrayList<>();
        facts.fieldNames().forEachRemaining(named::add);
        named.forEach(facts::putNull);
        stated.facts().entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> {
            Object v = e.getValue();
            if (v instanceof BigDecimal d) {
                facts.put(e.getKey(), d);
            } else if (v instanceof Boolean b) {
                facts.put(e.getKey(), b);
            } else {
                facts.put(e.getKey(), String.valueOf(v));
            }
        });
        ArrayNode events = part.putArray("events");
        for (Event e : stated.events()) {
            ObjectNode o = events.addObject().put("type", e.type()).put("date", e.date().toString());
            e.attributes().entrySet().stream().sorted(Map.Entry.comparingByKey())
                    .forEach(a -> o.put(a.getKey(), a.getValue()));
            text(o, "note", e.note());
        }
        return part;
    }

    private static void text(ObjectNode o, String field, String value) {
        if (value == null) {
            JsonNode had = o.get(field);
            if (had != null) {
                o.putNull(field);
            }
        } else {
            o.put(field, value);
        }
    }

    private static void number(ObjectNode o, String field, BigDecimal value) {
        if (value != null) {
            o.put(field, value);
        }
    }
}

package io.github.aftersales.reports;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.aftersales.core.assessment.Assessment;
import io.github.aftersales.core.evaluation.SurveillanceResult;
import io.github.aftersales.spi.SurveillanceRules;

/** A surveillance decision for people (text) and programs (JSON, with the assessment's own result). */
public final class SurveillanceReport {

    private SurveillanceReport() {
    }

    public static String text(SurveillanceResult d, Assessment a) {
        StringBuilder b = new StringBuilder();
        b.append("监督 Surveillance: ").append(a.source()).append('\n');
        if (a.organisation() != null) {
            b.append("组织 Organisation: ").append(a.organisation()).append('\n');
        }
        b.append(d.scheme()).append(' ').append(d.variant()).append(": certificate ").append(d.currentLevel())
                .append(" (").append(d.currentStars()).append(" stars) → ").append(d.decision().key().toUpperCase());
        if (d.decision() == SurveillanceRules.Action.DOWNGRADE || d.decision() == SurveillanceRules.Action.UPGRADE) {
            b.append(" to ").append(d.stars()).append(" stars");
        }
        b.append("\n\n  说明 Why\n");
        d.reasons().forEach(r -> b.append("    ").append(r).append('\n'));
        b.append("\n  Surveillance assessment: ").append(d.evaluation().grade()).append(" (")
                .append(d.evaluation().gradeEn()).append("), total ").append(
                        io.github.aftersales.core.evaluation.Decimals.text(d.evaluation().total())).append('\n');
        return b.toString();
    }

    public static ObjectNode json(SurveillanceResult d, Assessment a) {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        o.put("source", a.source());
        o.put("organisation", a.organisation());
        o.put("scheme", d.scheme());
        o.put("variant", d.variant());
        o.put("currentStars", d.currentStars());
        o.put("currentLevel", d.currentLevel());
        o.put("decision", d.decision().key());
        o.put("stars", d.stars());
        ArrayNode reasons = o.putArray("reasons");
        d.reasons().forEach(reasons::add);
        o.set("evaluation", JsonReport.scheme(d.evaluation()));
        return o;
    }
}

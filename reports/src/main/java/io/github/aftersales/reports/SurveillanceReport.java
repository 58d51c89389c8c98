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

    /** The decision in both languages (headings in both, sentences in English as the result has them). */
    public static String text(SurveillanceResult d, Assessment a) {
        return text(d, a, Labels.BOTH);
    }

    /** The decision in the reports' words of {@code l}; the standards' texts (level names) stay as written. */
    public static String text(SurveillanceResult d, Assessment a, Labels l) {
        StringBuilder b = new StringBuilder();
        b.append(l.t("surveil.title")).append(": ").append(Printable.of(a.source())).append('\n');
        if (a.organisation() != null) {
            b.append(l.t("label.organisation")).append(": ").append(Printable.of(a.organisation())).append('\n');
        }
        b.append(l.inline("surveil.decision", d.scheme(), d.variant(), d.currentLevel(),
                d.currentStars(), l.inline("decision." + d.decision().key())));
        if (d.decision() == SurveillanceRules.Action.DOWNGRADE || d.decision() == SurveillanceRules.Action.UPGRADE) {
            b.append(l.inline("surveil.toStars", d.stars()));
        }
        b.append("\n\n  ").append(l.t("surveil.why")).append('\n');
        d.reasons().forEach(r -> b.append("    ").append(Printable.of(l.sentence(r))).append('\n'));
        d.readings().forEach(u -> b.append("    ").append(Printable.of(l.readWith(u))).append('\n'));
        b.append("\n  ").append(l.inline("surveil.assessment", l.grade(d.evaluation().grade(), d.evaluation().gradeEn()),
                io.github.aftersales.core.evaluation.Decimals.text(d.evaluation().total()))).append('\n');
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
        if (!d.readings().isEmpty()) {
            JsonReport.readings(o.putArray("readings"), d.readings());
        }
        o.set("evaluation", JsonReport.scheme(d.evaluation()));
        return o;
    }
}

package io.github.aftersales.reports;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.aftersales.core.evaluation.CategoryResult;
import io.github.aftersales.core.evaluation.ClauseResult;
import io.github.aftersales.core.evaluation.ConditionCheck;
import io.github.aftersales.core.evaluation.Decimals;
import io.github.aftersales.core.evaluation.EvaluationResult;
import io.github.aftersales.core.evaluation.LevelCheck;
import io.github.aftersales.core.evaluation.SchemeResult;
import java.math.BigDecimal;
import java.util.List;

/**
 * The JSON result: a documented contract ({@code docs/result.schema.json}). Numbers are decimals cut
 * to two places (never rounded up past a threshold).
 */
public final class JsonReport {

    private static final JsonNodeFactory NODES = SmallObjects.INSTANCE; // as JsonNodeFactory.instance, smaller objects

    private JsonReport() {
    }

    public static ObjectNode of(List<EvaluationResult> results) {
        ObjectNode root = NODES.objectNode();
        ArrayNode assessments = root.putArray("assessments");
        results.forEach(r -> assessments.add(assessment(r)));
        return root;
    }

    /** One assessment's results: an item of {@code assessments}, and one line of NDJSON output. */
    public static ObjectNode assessment(EvaluationResult r) {
        ObjectNode a = NODES.objectNode();
        a.put("source", r.source());
        if (r.line() > 0) {
            a.put("line", r.line());
        }
        a.put("organisation", r.organisation());
        a.put("date", r.date());
        ArrayNode schemes = a.putArray("schemes");
        r.results().forEach(s -> schemes.add(scheme(s)));
        if (r.provenance() != null) { // absent from results made before provenance, and from those made without it
            a.set("provenance", provenance(r.provenance()));
        }
        return a;
    }

    /** Where a result came from (docs/result.schema.json, {@code provenance}). */
    public static ObjectNode provenance(io.github.aftersales.core.evaluation.Provenance p) {
        ObjectNode o = NODES.objectNode();
        o.put("inputDigest", p.inputDigest());
        o.put("program", p.program());
        ObjectNode options = o.putObject("options");
        options.put("notApplicable", p.options().notApplicable());
        options.put("missingAsZero", p.options().missingAsZero());
        ObjectNode chosen = options.putObject("readings");
        p.options().readings().forEach(chosen::put);
        ArrayNode schemes = o.putArray("schemes");
        for (io.github.aftersales.core.evaluation.Provenance.Part part : p.schemes()) {
            ObjectNode n = schemes.addObject();
            n.put("scheme", part.scheme());
            n.put("variant", part.variant());
            n.put("schemeVersion", part.schemeVersion());
            n.put("catalogDigest", part.catalogDigest());
            ArrayNode readings = n.putArray("readings");
            part.readings().forEach(u -> readings.addObject().put("key", u.key()).put("value", u.value())
                    .put("source", u.source()));
        }
        return o;
    }

    /**
     * One assessment's results with the path to each higher level ({@code evaluate --plan}): each scheme's
     * result that has a plan gets a {@code plan} member.
     */
    public static ObjectNode assessment(EvaluationResult r, List<io.github.aftersales.core.plan.SchemePlan> plans) {
        ObjectNode a = assessment(r);
        for (com.fasterxml.jackson.databind.JsonNode s : a.get("schemes")) {
            for (io.github.aftersales.core.plan.SchemePlan p : plans) {
                if (p.scheme().equals(s.get("scheme").asText())) {
                    ((ObjectNode) s).set("plan", PlanReport.json(p));
                }
            }
        }
        return a;
    }

    /** One scheme's result, as in the evaluate result. */
    public static ObjectNode scheme(SchemeResult s) {
        ObjectNode o = NODES.objectNode();
        o.put("scheme", s.scheme());
        o.put("schemeVersion", s.schemeVersion());
        o.put("variant", s.variant());
        o.put("variantTitle", s.variantTitle());
        number(o, "score", s.score());
        number(o, "maxScore", s.maxScore());
        number(o, "declaredMax", s.declaredMax());
        number(o, "total", s.total());
        number(o, "percent", s.percent());
        o.put("grade", s.grade());
        o.put("gradeEn", s.gradeEn());
        o.put("gradeId", s.gradeId());
        o.put("stars", s.stars());
        o.put("passed", s.passed());
        o.put("notApplicable", s.notApplicable().key());
        if (!s.readings().isEmpty()) { // absent when the result depended on no reading: older results stay as they were
            readings(o.putArray("readings"), s.readings());
        }
        ArrayNode cats = o.putArray("categories");
        for (CategoryResult c : s.categories()) {
            ObjectNode n = cats.addObject();
            n.put("id", c.id());
            n.put("title", c.title());
            n.put("titleEn", c.titleEn());
            n.put("depth", c.depth());
            number(n, "points", c.points());
            number(n, "applicablePoints", c.applicablePoints());
            number(n, "score", c.score());
            number(n, "percent", c.percent());
        }
        ArrayNode lost = o.putArray("lostPoints");
        s.lostPoints().forEach(c -> lost.add(clause(c)));
        ArrayNode excluded = o.putArray("excluded");
        s.excluded().forEach(c -> excluded.add(clause(c)));
        ArrayNode clauses = o.putArray("clauses");
        s.clauses().forEach(c -> clauses.add(clause(c)));
        ArrayNode levels = o.putArray("levels");
        for (LevelCheck l : s.levels()) {
            ObjectNode n = levels.addObject();
            n.put("id", l.id());
            n.put("name", l.name());
            n.put("nameEn", l.nameEn());
            n.put("stars", l.stars());
            n.put("reached", l.reached());
            ArrayNode conditions = n.putArray("conditions");
            for (ConditionCheck c : l.conditions()) {
                ObjectNode cn = conditions.addObject();
                cn.put("condition", c.condition());
                cn.put("measured", c.measured());
                cn.put("holds", c.holds());
                ArrayNode f = cn.putArray("shortfalls");
                c.shortfalls().forEach(sf -> f.addObject().put("what", sf.what()).put("gap", sf.gap()));
            }
        }
        ArrayNode parts = o.putArray("parts");
        s.parts().forEach(p -> parts.addObject().put("scheme", p.scheme()).put("variant", p.variant()));
        ArrayNode reasons = o.putArray("reasons");
        s.reasons().forEach(reasons::add);
        ArrayNode next = o.putArray("nextLevelNeeds");
        s.nextLevelNeeds().forEach(next::add);
        return o;
    }

    /** The readings of the standard a result depended on, one object each (docs/result.schema.json). */
    static void readings(ArrayNode out, java.util.List<io.github.aftersales.core.evaluation.ReadingUsed> readings) {
        for (io.github.aftersales.core.evaluation.ReadingUsed u : readings) {
            ObjectNode n = out.addObject();
            n.put("key", u.key());
            n.put("value", u.value());
            n.put("shown", u.reading().shown(u.value()));
            n.put("default", u.reading().defaultValue());
            n.put("source", u.source().key());
            n.put("clause", u.reading().clause());
            n.put("means", u.reading().means(u.value()));
            n.put("text", u.text());
        }
    }

    private static ObjectNode clause(ClauseResult c) {
        ObjectNode n = NODES.objectNode();
        n.put("id", c.id());
        n.put("title", c.title());
        n.put("titleEn", c.titleEn());
        number(n, "points", c.points());
        number(n, "score", c.score());
        number(n, "lost", c.points() == null ? null : c.lost());
        n.put("result", c.result() == null ? null : c.result().key());
        n.put("applicable", c.applicable());
        n.put("note", c.note());
        ArrayNode ev = n.putArray("evidence");
        c.evidence().forEach(ev::add);
        n.put("how", c.how());
        return n;
    }

    private static void number(ObjectNode o, String key, BigDecimal value) {
        if (value == null) {
            o.putNull(key);
        } else {
            o.put(key, Decimals.shown(value));
        }
    }
}

package io.github.aftersales.reports;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.aftersales.core.evaluation.CategoryResult;
import io.github.aftersales.core.evaluation.ClauseResult;
import io.github.aftersales.core.evaluation.ConditionCheck;
import io.github.aftersales.core.evaluation.Decimals;
import io.github.aftersales.core.evaluation.EvaluationResult;
import io.github.aftersales.core.evaluation.LevelCheck;
import io.github.aftersales.core.evaluation.Provenance;
import io.github.aftersales.core.evaluation.ReadingUsed;
import io.github.aftersales.core.evaluation.SchemeResult;
import io.github.aftersales.core.plan.SchemePlan;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.List;

/**
 * The JSON result: a documented contract ({@code docs/result.schema.json}). Numbers are decimals cut
 * to two places (never rounded up past a threshold).
 *
 * <p>The result's shape is written in one place, the {@code write} methods, straight to a Jackson
 * generator: {@code evaluate --format ndjson} and {@code --format json} write each result so, with no tree
 * made (making one was most of the cost of writing a result). The trees others ask for ({@link #of},
 * {@link #assessment}, {@link #scheme}, {@link #provenance}) are read back from what the same methods write,
 * so a tree written is byte for byte what the writer writes.
 */
public final class JsonReport {

    private JsonReport() {
    }

    /** The JSON result of a batch, {@code {"assessments": [...]}}. */
    public static ObjectNode of(List<EvaluationResult> results) {
        return (ObjectNode) Json.tree(g -> {
            g.writeStartObject();
            g.writeArrayFieldStart("assessments");
            for (EvaluationResult r : results) {
                write(g, r);
            }
            g.writeEndArray();
            g.writeEndObject();
        });
    }

    /** One assessment's results: an item of {@code assessments}, and one line of NDJSON output. */
    public static ObjectNode assessment(EvaluationResult r) {
        return (ObjectNode) Json.tree(g -> write(g, r));
    }

    /**
     * One assessment's results with the path to each higher level ({@code evaluate --plan}): each scheme's
     * result that has a plan gets a {@code plan} member.
     */
    public static ObjectNode assessment(EvaluationResult r, List<SchemePlan> plans) {
        return (ObjectNode) Json.tree(g -> write(g, r, plans));
    }

    /** Where a result came from (docs/result.schema.json, {@code provenance}). */
    public static ObjectNode provenance(Provenance p) {
        return (ObjectNode) Json.tree(g -> writeProvenance(g, p));
    }

    /** One scheme's result, as in the evaluate result. */
    public static ObjectNode scheme(SchemeResult s) {
        return (ObjectNode) Json.tree(g -> writeScheme(g, s, null));
    }

    /** The readings of the standard a result depended on, one object each, added to {@code out}. */
    static void readings(ArrayNode out, List<ReadingUsed> readings) {
        out.addAll((ArrayNode) Json.tree(g -> {
            g.writeStartArray();
            writeReadings(g, readings);
            g.writeEndArray();
        }));
    }

    /** {@link #assessment(EvaluationResult)}, written to {@code g}. */
    public static void write(JsonGenerator g, EvaluationResult r) throws IOException {
        write(g, r, List.of());
    }

    /**
     * {@link #assessment(EvaluationResult, List)}, written to {@code g}: a scheme's result gets the plan of its
     * scheme (the last one, were there two), as its last member.
     */
    public static void write(JsonGenerator g, EvaluationResult r, List<SchemePlan> plans) throws IOException {
        g.writeStartObject();
        g.writeStringField("source", r.source());
        if (r.line() > 0) {
            g.writeNumberField("line", r.line());
        }
        g.writeStringField("organisation", r.organisation());
        g.writeStringField("date", r.date());
        g.writeArrayFieldStart("schemes");
        for (SchemeResult s : r.results()) {
            SchemePlan plan = null;
            // a scheme named null is matched as its tree's text was, "null"
            String scheme = s.scheme() == null ? "null" : s.scheme();
            for (SchemePlan p : plans) {
                if (p.scheme().equals(scheme)) {
                    plan = p;
                }
            }
            writeScheme(g, s, plan);
        }
        g.writeEndArray();
        if (r.provenance() != null) { // absent from results made before provenance, and from those made without it
            g.writeFieldName("provenance");
            writeProvenance(g, r.provenance());
        }
        g.writeEndObject();
    }

    /** {@link #provenance}, written to {@code g}. */
    public static void writeProvenance(JsonGenerator g, Provenance p) throws IOException {
        g.writeStartObject();
        g.writeStringField("inputDigest", p.inputDigest());
        g.writeStringField("program", p.program());
        g.writeObjectFieldStart("options");
        g.writeStringField("notApplicable", p.options().notApplicable());
        g.writeBooleanField("missingAsZero", p.options().missingAsZero());
        g.writeObjectFieldStart("readings");
        for (java.util.Map.Entry<String, String> e : p.options().readings().entrySet()) {
            g.writeStringField(e.getKey(), e.getValue());
        }
        g.writeEndObject();
        g.writeEndObject();
        g.writeArrayFieldStart("schemes");
        for (Provenance.Part part : p.schemes()) {
            g.writeStartObject();
            g.writeStringField("scheme", part.scheme());
            g.writeStringField("variant", part.variant());
            g.writeStringField("schemeVersion", part.schemeVersion());
            g.writeStringField("catalogDigest", part.catalogDigest());
            g.writeArrayFieldStart("readings");
            for (Provenance.InForce u : part.readings()) {
                g.writeStartObject();
                g.writeStringField("key", u.key());
                g.writeStringField("value", u.value());
                g.writeStringField("source", u.source());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeEndObject();
    }

    /** {@link #scheme}, written to {@code g}; with its {@code plan} member last when {@code plan} is not null. */
    public static void writeScheme(JsonGenerator g, SchemeResult s, SchemePlan plan) throws IOException {
        g.writeStartObject();
        g.writeStringField("scheme", s.scheme());
        g.writeStringField("schemeVersion", s.schemeVersion());
        g.writeStringField("variant", s.variant());
        g.writeStringField("variantTitle", s.variantTitle());
        number(g, "score", s.score());
        number(g, "maxScore", s.maxScore());
        number(g, "declaredMax", s.declaredMax());
        number(g, "total", s.total());
        number(g, "percent", s.percent());
        g.writeStringField("grade", s.grade());
        g.writeStringField("gradeEn", s.gradeEn());
        g.writeStringField("gradeId", s.gradeId());
        g.writeNumberField("stars", s.stars());
        g.writeBooleanField("passed", s.passed());
        g.writeStringField("notApplicable", s.notApplicable().key());
        if (!s.readings().isEmpty()) { // absent when the result depended on no reading: older results stay as they were
            g.writeArrayFieldStart("readings");
            writeReadings(g, s.readings());
            g.writeEndArray();
        }
        g.writeArrayFieldStart("categories");
        for (CategoryResult c : s.categories()) {
            g.writeStartObject();
            g.writeStringField("id", c.id());
            g.writeStringField("title", c.title());
            g.writeStringField("titleEn", c.titleEn());
            g.writeNumberField("depth", c.depth());
            number(g, "points", c.points());
            number(g, "applicablePoints", c.applicablePoints());
            number(g, "score", c.score());
            number(g, "percent", c.percent());
            g.writeEndObject();
        }
        g.writeEndArray();
        clauses(g, "lostPoints", s.lostPoints());
        clauses(g, "excluded", s.excluded());
        clauses(g, "clauses", s.clauses());
        g.writeArrayFieldStart("levels");
        for (LevelCheck l : s.levels()) {
            g.writeStartObject();
            g.writeStringField("id", l.id());
            g.writeStringField("name", l.name());
            g.writeStringField("nameEn", l.nameEn());
            g.writeNumberField("stars", l.stars());
            g.writeBooleanField("reached", l.reached());
            g.writeArrayFieldStart("conditions");
            for (ConditionCheck c : l.conditions()) {
                g.writeStartObject();
                g.writeStringField("condition", c.condition());
                g.writeStringField("measured", c.measured());
                g.writeBooleanField("holds", c.holds());
                g.writeArrayFieldStart("shortfalls");
                for (ConditionCheck.Shortfall sf : c.shortfalls()) {
                    g.writeStartObject();
                    g.writeStringField("what", sf.what());
                    g.writeStringField("gap", sf.gap());
                    g.writeEndObject();
                }
                g.writeEndArray();
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeArrayFieldStart("parts");
        for (io.github.aftersales.spi.Variant.PartRef p : s.parts()) {
            g.writeStartObject();
            g.writeStringField("scheme", p.scheme());
            g.writeStringField("variant", p.variant());
            g.writeEndObject();
        }
        g.writeEndArray();
        strings(g, "reasons", s.reasons());
        strings(g, "nextLevelNeeds", s.nextLevelNeeds());
        if (plan != null) {
            g.writeFieldName("plan");
            PlanReport.write(g, plan);
        }
        g.writeEndObject();
    }

    /** The readings of the standard a result depended on, one object each (docs/result.schema.json). */
    static void writeReadings(JsonGenerator g, List<ReadingUsed> readings) throws IOException {
        for (ReadingUsed u : readings) {
            g.writeStartObject();
            g.writeStringField("key", u.key());
            g.writeStringField("value", u.value());
            g.writeStringField("shown", u.reading().shown(u.value()));
            g.writeStringField("default", u.reading().defaultValue());
            g.writeStringField("source", u.source().key());
            g.writeStringField("clause", u.reading().clause());
            g.writeStringField("means", u.reading().means(u.value()));
            g.writeStringField("text", u.text());
            g.writeEndObject();
        }
    }

    private static void clauses(JsonGenerator g, String name, List<ClauseResult> clauses) throws IOException {
        g.writeArrayFieldStart(name);
        for (ClauseResult c : clauses) {
            g.writeStartObject();
            g.writeStringField("id", c.id());
            g.writeStringField("title", c.title());
            g.writeStringField("titleEn", c.titleEn());
            number(g, "points", c.points());
            number(g, "score", c.score());
            number(g, "lost", c.points() == null ? null : c.lost());
            g.writeStringField("result", c.result() == null ? null : c.result().key());
            g.writeBooleanField("applicable", c.applicable());
            g.writeStringField("note", c.note());
            strings(g, "evidence", c.evidence());
            g.writeStringField("how", c.how());
            g.writeEndObject();
        }
        g.writeEndArray();
    }

    private static void strings(JsonGenerator g, String name, List<String> values) throws IOException {
        g.writeArrayFieldStart(name);
        for (String v : values) {
            g.writeString(v);
        }
        g.writeEndArray();
    }

    /** A number as every number of the result is shown: cut to two decimals ({@link Decimals#shown}); null stays null. */
    static void number(JsonGenerator g, String name, BigDecimal value) throws IOException {
        g.writeFieldName(name);
        if (value == null) {
            g.writeNull();
        } else {
            g.writeNumber(Decimals.shown(value));
        }
    }
}

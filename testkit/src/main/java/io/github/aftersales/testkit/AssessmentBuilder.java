package io.github.aftersales.testkit;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.aftersales.core.assessment.AssessmentReader;
import io.github.aftersales.core.evaluation.EvaluationOptions;
import io.github.aftersales.core.evaluation.Evaluator;
import io.github.aftersales.core.evaluation.ClauseResult;
import io.github.aftersales.core.evaluation.SchemeResult;
import io.github.aftersales.core.json.LocatedReader;
import io.github.aftersales.spi.CatalogVisitor;
import io.github.aftersales.spi.Category;
import io.github.aftersales.spi.Clause;
import io.github.aftersales.spi.Inputs;
import io.github.aftersales.spi.Scheme;
import io.github.aftersales.spi.Variant;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Builds an assessment of one variant in the format users write, reads it back with the real
 * reader and evaluates it with the real engine. Facts start at the best case the variant declares
 * (percentages 100, counts 0, dates well before the evaluation date, the first word of a choice).
 */
public final class AssessmentBuilder {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Scheme scheme;
    private final Variant variant;
    private final Map<String, ObjectNode> findings = new LinkedHashMap<>();
    private final ObjectNode facts = JsonNodeFactory.instance.objectNode();
    private final ArrayNode events = JsonNodeFactory.instance.arrayNode();
    private String notApplicable;

    AssessmentBuilder(Scheme scheme, Variant variant) {
        this.scheme = scheme;
        this.variant = variant;
        for (Inputs.FactSpec f : variant.inputs().facts()) {
            switch (f.type()) {
                case PERCENT -> facts.put(f.name(), 100);
                case COUNT, NUMBER -> facts.put(f.name(), 0);
                case DATE -> facts.put(f.name(), f.name().equals(variant.inputs().evaluationDate()) ? "2026-01-01"
                        : "2016-01-01");
                case CHOICE -> facts.put(f.name(), f.values().get(0));
            }
        }
    }

    /** The items the auditor scores: clauses with points and categories scored as a whole, in catalog order. */
    static List<ScoredItem> scoredItems(Variant variant) {
        List<ScoredItem> out = new ArrayList<>();
        boolean anyExcluded = variant.catalog().anyClauseMayBeExcluded();
        variant.catalog().walk(new CatalogVisitor() {
            @Override
            public boolean enter(Category c, List<Category> parents) {
                if (c.scoredAsWhole()) {
                    out.add(new ScoredItem(c.id(), c.points(), anyExcluded, true));
                    return false;
                }
                return c.scoring() != Category.Scoring.NOT_SCORED;
            }

            @Override
            public void clause(Clause cl, List<Category> parents) {
                out.add(new ScoredItem(cl.id(), cl.points(), anyExcluded || cl.asksApplicability(), false));
            }
        });
        return out;
    }

    /** An item the auditor scores. */
    record ScoredItem(String id, BigDecimal points, boolean excludable, boolean wholeCategory) {
    }

    private ObjectNode finding(String id) {
        ObjectNode f = JsonNodeFactory.instance.objectNode();
        f.put("id", id);
        findings.put(id, f);
        return f;
    }

    /** Every scored item at full points: clauses conform, categories scored as a whole get their points. */
    public AssessmentBuilder allConform() {
        for (ScoredItem i : scoredItems(variant)) {
            if (i.wholeCategory()) {
                score(i.id(), i.points().toPlainString());
            } else {
                conform(i.id());
            }
        }
        return this;
    }

    public AssessmentBuilder conform(String... ids) {
        for (String id : ids) {
            finding(id).put("result", "conform");
        }
        return this;
    }

    public AssessmentBuilder notConform(String id, String note) {
        finding(id).put("result", "not-conform").put("note", note);
        return this;
    }

    public AssessmentBuilder score(String id, String score) {
        finding(id).put("score", new BigDecimal(score));
        return this;
    }

    public AssessmentBuilder samples(String id, int checked, int nonConforming) {
        finding(id).putObject("samples").put("checked", checked).put("nonConforming", nonConforming);
        return this;
    }

    public AssessmentBuilder notApplicable(String id, String note) {
        finding(id).put("result", "not-applicable").put("note", note);
        return this;
    }

    /** A checklist item's result, without points. */
    public AssessmentBuilder checklist(String id, String result, String note) {
        finding(id).put("result", result).put("note", note);
        return this;
    }

    public AssessmentBuilder fact(String name, Object value) {
        if (value instanceof Number n) {
            facts.put(name, new BigDecimal(n.toString()));
        } else {
            facts.put(name, String.valueOf(value));
        }
        return this;
    }

    /** An event; {@code attributes} alternate names and values ({@code "rectified", "true"}). */
    public AssessmentBuilder event(String type, String date, String... attributes) {
        ObjectNode e = events.addObject().put("type", type).put("date", date);
        for (int i = 0; i + 1 < attributes.length; i += 2) {
            if (Set.of("true", "false").contains(attributes[i + 1])) {
                e.put(attributes[i], Boolean.parseBoolean(attributes[i + 1]));
            } else {
                e.put(attributes[i], attributes[i + 1]);
            }
        }
        return this;
    }

    /** Chooses the reading of not-applicable clauses ({@code prorate} or {@code full-points}). */
    public AssessmentBuilder notApplicableReading(String key) {
        this.notApplicable = key;
        return this;
    }

    /** The assessment as JSON, as a user would write it. */
    public String json() {
        ObjectNode root = JsonNodeFactory.instance.objectNode();
        root.put("organisation", "test kit");
        ObjectNode part = root.putArray("schemes").addObject();
        part.put("scheme", scheme.id());
        part.put("variant", variant.id());
        if (notApplicable != null) {
            part.putObject("options").put("notApplicable", notApplicable);
        }
        ArrayNode list = part.putArray("findings");
        findings.values().forEach(list::add);
        if (!facts.isEmpty()) {
            part.set("facts", facts);
        }
        if (!events.isEmpty()) {
            part.set("events", events);
        }
        try {
            return JSON.writeValueAsString(root);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Reads the assessment back with the platform's reader, as a user's file is read, and evaluates it.
     *
     * @throws RuntimeException with the message a user would read, when the platform refuses the assessment
     */
    public Result evaluate() {
        SchemeResult r = engineResult();
        List<Result.ClauseOutcome> clauses = new ArrayList<>(r.clauses().size());
        for (ClauseResult c : r.clauses()) {
            clauses.add(new Result.ClauseOutcome(c.id(), c.title(), c.points(), c.score(), c.lost(), c.applicable(),
                    c.how()));
        }
        return new Result(r.scheme(), r.variant(), r.grade(), r.gradeId(), r.stars(), r.passed(), r.score(),
                r.maxScore(), r.total(), r.percent(), clauses, r.reasons(), r.nextLevelNeeds());
    }

    /** The engine's own result, for the contract checks; never handed to a scheme's tests. */
    SchemeResult engineResult() {
        Evaluator evaluator = new Evaluator(id -> id.equals(scheme.id()) ? java.util.Optional.of(scheme)
                : java.util.Optional.empty(), Set.of(scheme.id()));
        try {
            return evaluator.evaluate(AssessmentReader.read(new ByteArrayInputStream(json().getBytes(StandardCharsets.UTF_8)),
                    "test-kit assessment of " + scheme.id() + " " + variant.id(), LocatedReader.Syntax.JSON),
                    EvaluationOptions.DEFAULTS).results().get(0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

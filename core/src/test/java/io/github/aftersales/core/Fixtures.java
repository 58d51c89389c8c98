package io.github.aftersales.core;

import io.github.aftersales.core.assessment.Assessment;
import io.github.aftersales.core.assessment.AssessmentReader;
import io.github.aftersales.core.evaluation.EvaluationOptions;
import io.github.aftersales.core.evaluation.Evaluator;
import io.github.aftersales.core.evaluation.SchemeResult;
import io.github.aftersales.core.json.LocatedReader;
import io.github.aftersales.core.registry.SchemeRegistry;
import io.github.aftersales.spi.ResourceScheme;
import io.github.aftersales.spi.Scheme;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** The demo scheme of core's tests (src/test/resources/schemes/demo) and helpers to evaluate text. */
public final class Fixtures {

    /** The demo scheme, read from test resources like any scheme module. */
    public static final class DemoScheme extends ResourceScheme {
        public DemoScheme() {
            super("schemes/demo");
        }
    }

    public static final Scheme DEMO = new DemoScheme();

    private Fixtures() {
    }

    public static Evaluator evaluator() {
        SchemeRegistry registry = SchemeRegistry.of(List.of(DEMO));
        return new Evaluator(registry::find, registry.ids());
    }

    public static Assessment json(String text) {
        return read(text, "test.json", LocatedReader.Syntax.JSON);
    }

    public static Assessment yaml(String text) {
        return read(text, "test.yaml", LocatedReader.Syntax.YAML);
    }

    private static Assessment read(String text, String name, LocatedReader.Syntax syntax) {
        try {
            return AssessmentReader.read(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), name, syntax);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Evaluates JSON text and returns its only scheme result. */
    public static SchemeResult evaluate(String json) {
        return evaluate(json, EvaluationOptions.DEFAULTS);
    }

    public static SchemeResult evaluate(String json, EvaluationOptions options) {
        return evaluator().evaluate(json(json), options).results().get(0);
    }

    /**
     * A demo assessment: findings as JSON objects (without braces' commas handled), facts as JSON
     * members. Default facts: audit passed, S 95, on-site date 2026-06-01.
     */
    public static String demo(String findings) {
        return demo(findings, "\"audit\": \"passed\", \"S\": 95, \"onSiteDate\": \"2026-06-01\"", "");
    }

    public static String demo(String findings, String facts, String events) {
        return "{\n  \"organisation\": \"测试\",\n  \"schemes\": [ {\n    \"scheme\": \"demo\",\n    \"findings\": [\n"
                + findings + "\n    ],\n    \"facts\": {" + facts + "},\n    \"events\": [" + events + "]\n  } ]\n}\n";
    }

    /** Every demo clause conform and B given {@code b} of its 4 points. */
    public static String allConform(String b) {
        return """
                      {"id": "A.1", "result": "conform"},
                      {"id": "A.2", "result": "conform"},
                      {"id": "A.3", "result": "conform"},
                      {"id": "A.4", "result": "conform"},
                      {"id": "B", "score": %s}""".formatted(b);
    }
}

package io.github.aftersales.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.aftersales.batch.Generator;
import io.github.aftersales.core.assessment.AssessmentReader;
import io.github.aftersales.core.evaluation.EvaluationOptions;
import io.github.aftersales.core.evaluation.EvaluationResult;
import io.github.aftersales.core.evaluation.Evaluator;
import io.github.aftersales.core.evaluation.SchemeResult;
import io.github.aftersales.core.json.LocatedReader;
import io.github.aftersales.core.plan.Effort;
import io.github.aftersales.core.plan.Planner;
import io.github.aftersales.core.plan.SchemePlan;
import io.github.aftersales.core.registry.SchemeRegistry;
import io.github.aftersales.reports.Json;
import io.github.aftersales.reports.JsonReport;
import io.github.aftersales.reports.StreamedJson;
import io.github.aftersales.spi.Scheme;
import io.github.aftersales.spi.Variant;
import java.io.ByteArrayInputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A result written straight to Jackson's generator ({@code evaluate --format ndjson} and {@code json}) is byte
 * for byte the tree of it written ({@link JsonReport#assessment}, which the service, the register and
 * {@code verify} use): generated assessments of every scheme variant, with their provenance and with and without
 * their plans, one a line and as the batch document; some with half a surrogate pair, a literal backslash-u and a
 * character outside the BMP in their organisation's name.
 */
class ResultWritingTest {

    private static final SchemeRegistry REGISTRY = SchemeRegistry.discover(ResultWritingTest.class.getClassLoader());
    private static final Evaluator EVALUATOR = new Evaluator(REGISTRY::find, REGISTRY.ids());
    private static final Function<SchemeResult, Optional<Variant>> VARIANTS =
            s -> REGISTRY.find(s.scheme()).flatMap(sc -> sc.variant(s.variant()));
    private static final int COUNT = 150;

    /** Organisations' names written into the JSON text of some lines, as they stand there (escapes read back). */
    private static final List<String> NAMES = List.of("a\\uD800b", "\\\\uD800 written out", "𠀀 and 😀",
            "tail \\udfff", "深圳某某电器有限公司 \\\"quoted\\\"");

    @ParameterizedTest
    @CsvSource({"gbt27922, form", "gbt27922, annex-a1", "gbt27922, annex-a2", "gbt27922, annex-b", "zg025, items",
        "cqm, star", "zg025-combined, combined"})
    void aResultWrittenStraightIsItsTreeWritten(String schemeId, String variantId) throws Exception {
        Scheme scheme = REGISTRY.find(schemeId).orElseThrow();
        Variant variant = scheme.variant(variantId).orElseThrow();
        Generator generator = new Generator(scheme, variant, REGISTRY::find, 7);
        List<EvaluationResult> results = new ArrayList<>();
        int halves = 0;
        for (int i = 0; i < COUNT; i++) {
            ObjectNode form = generator.next();
            String line = Json.compact(form);
            if (i % 10 == 0) { // a name only an escape can write, as it stands in the line
                String name = NAMES.get(i / 10 % NAMES.size());
                form.put("organisation", "NAME");
                line = Json.compact(form).replace("\"NAME\"", "\"" + name + "\"");
            }
            byte[] bytes = line.getBytes(StandardCharsets.UTF_8);
            EvaluationResult r = EVALUATOR.evaluate(AssessmentReader.read(new ByteArrayInputStream(bytes),
                    "book.ndjson", LocatedReader.Syntax.JSON, i + 1), EvaluationOptions.DEFAULTS).withInput(bytes);
            results.add(r);
            List<SchemePlan> plans = i % 5 == 0 ? Planner.plan(r, VARIANTS, Effort.NONE) : List.of();

            byte[] straight = Json.compactBytes(g -> JsonReport.write(g, r, plans));
            ObjectNode tree = plans.isEmpty() ? JsonReport.assessment(r) : JsonReport.assessment(r, plans);
            assertThat(new String(straight, StandardCharsets.UTF_8)).as("line %d", i + 1)
                    .isEqualTo(new String(Json.compactBytes(tree), StandardCharsets.UTF_8));
            assertThat(straight).as("line %d", i + 1).isEqualTo(Json.compact(tree).getBytes(StandardCharsets.UTF_8));
            if (r.organisation() != null && r.organisation().contains("\uD800")) {
                halves++;
                assertThat(new String(straight, StandardCharsets.UTF_8)).contains("\"organisation\":\"a?b\"");
            }
        }
        assertThat(halves).isPositive();
        assertThat(results.get(0).provenance().inputDigest()).startsWith("sha256:");

        StringWriter streamed = new StringWriter();
        StreamedJson json = new StreamedJson(streamed);
        results.forEach(r -> json.add(g -> JsonReport.write(g, r)));
        json.end();
        assertThat(streamed.toString()).isEqualTo(Json.pretty(JsonReport.of(results)));
    }
}

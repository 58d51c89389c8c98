package io.github.aftersales.reports;

import static org.assertj.core.api.Assertions.assertThat;

import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import io.github.aftersales.core.assessment.AssessmentReader;
import io.github.aftersales.core.evaluation.EvaluationOptions;
import io.github.aftersales.core.evaluation.EvaluationResult;
import io.github.aftersales.core.evaluation.Evaluator;
import io.github.aftersales.core.registry.SchemeRegistry;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The JSON result is a versioned contract, {@code docs/result.schema.json}: every bundled example's
 * result meets it, and the streamed batch document is byte for byte the one written at once.
 */
class ResultContractTest {

    private static final SchemeRegistry SCHEMES = SchemeRegistry.discover(ResultContractTest.class.getClassLoader());
    private static final Evaluator EVALUATOR = new Evaluator(SCHEMES::find, SCHEMES.ids());

    /** The bundled schemes' examples (the tests run in this module's folder; the third-party one needs its plugin). */
    private static List<EvaluationResult> examples() throws IOException {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(Path.of("..", "examples"), 2)) {
            files = walk.filter(p -> p.toString().endsWith(".json") || p.toString().endsWith(".yaml"))
                    .filter(p -> !p.startsWith(Path.of("..", "examples", "third-party-scheme"))).sorted().toList();
        }
        assertThat(files).hasSizeGreaterThanOrEqualTo(5);
        List<EvaluationResult> results = new ArrayList<>();
        for (Path file : files) {
            results.add(EVALUATOR.evaluate(AssessmentReader.read(file), EvaluationOptions.DEFAULTS));
        }
        return results;
    }

    @Test
    void everyExamplesResultMeetsTheSchema() throws Exception {
        JsonSchema schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012)
                .getSchema(Files.readString(Path.of("..", "docs", "result.schema.json")));
        assertThat(schema.validate(JsonReport.of(examples()))).isEmpty();
    }

    @Test
    void theStreamedDocumentIsTheOneWrittenAtOnce() throws Exception {
        List<EvaluationResult> results = examples();
        StringWriter out = new StringWriter();
        StreamedJson streamed = new StreamedJson(out);
        results.forEach(r -> streamed.add(JsonReport.assessment(r)));
        streamed.end();
        assertThat(out.toString()).isEqualTo(Json.pretty(JsonReport.of(results)));
    }
}

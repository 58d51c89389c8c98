package io.github.aftersales.batch;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.github.aftersales.core.evaluation.EvaluationOptions;
import io.github.aftersales.core.evaluation.Evaluator;
import io.github.aftersales.core.json.LocatedException;
import io.github.aftersales.core.registry.SchemeRegistry;
import java.io.ByteArrayInputStream;
import java.util.List;
import org.junit.jupiter.api.Tag;

/**
 * Coverage-guided fuzzing of the NDJSON (batch) reader and the engine behind it (Jazzer), with
 * GB/T 27922 installed. The only thing that may escape is the project's own
 * {@link LocatedException}, whose message names the input; anything else is a finding.
 *
 * <p>In {@code mvn verify} the target replays its seed corpus and past findings from
 * {@code src/test/resources/io/github/aftersales/batch/BatchFuzzTestInputs/ndjson/}; with
 * {@code JAZZER_FUZZ=1} it fuzzes for {@code maxDuration} (docs/reliability.md). That is in
 * {@code -Pthorough}; the quick loop replays the same kept inputs without Jazzer ({@link BatchCorpusTest}).
 */
@Tag("thorough") // Jazzer's agent instruments every class it loads: 6 to 9 s of the quick loop for 2 inputs
class BatchFuzzTest {

    private static final SchemeRegistry SCHEMES = SchemeRegistry.discover(BatchFuzzTest.class.getClassLoader());
    private static final Evaluator EVALUATOR = new Evaluator(SCHEMES::find, SCHEMES.ids());

    @FuzzTest(maxDuration = "20s")
    void ndjson(byte[] input) {
        read(input);
    }

    static void read(byte[] input) {
        BatchReader.read(List.of("-"), new ByteArrayInputStream(input), entry -> {
            try {
                EVALUATOR.evaluate(entry.assessment(), EvaluationOptions.DEFAULTS);
            } catch (LocatedException expected) {
                if (expected.getMessage() == null || !expected.getMessage().startsWith("<stdin>")) {
                    throw new AssertionError("a message that does not name the input: " + expected.getMessage());
                }
            }
        });
    }
}

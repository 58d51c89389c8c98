package io.github.aftersales.core.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.github.aftersales.core.Fixtures;
import io.github.aftersales.core.assessment.Assessment;
import io.github.aftersales.core.assessment.AssessmentReader;
import io.github.aftersales.core.assessment.ReadersAgree;
import io.github.aftersales.core.evaluation.EvaluationOptions;
import io.github.aftersales.core.json.LocatedException;
import io.github.aftersales.core.json.LocatedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import org.junit.jupiter.api.Tag;

/**
 * Coverage-guided fuzzing of the assessment readers (JSON, YAML; NDJSON is the batch module's) and the engine
 * behind them (Jazzer). The only
 * thing that may escape is the project's own {@link LocatedException}, whose message names the
 * place; anything else is a finding.
 *
 * <p>In {@code mvn verify -Pthorough} each target replays its seed corpus and past findings from
 * {@code src/test/resources/io/github/aftersales/core/fuzz/ReaderFuzzTestInputs/<method>/} under Jazzer;
 * with {@code JAZZER_FUZZ=1} it fuzzes for {@code maxDuration} (docs/reliability.md). The quick loop
 * replays the same files without Jazzer's agent ({@link ReaderCorpusTest}).
 */
@Tag("thorough") // Jazzer's agent instruments every class it loads: 6 to 9 s of the quick loop for 5 inputs
class ReaderFuzzTest {

    @FuzzTest(maxDuration = "20s")
    void json(byte[] input) {
        ReadersAgree.check(input, "fuzz", 0); // the direct reader reads as the located one, or leaves it to it
        readAndEvaluate(input, LocatedReader.Syntax.JSON);
    }

    @FuzzTest(maxDuration = "20s")
    void yaml(byte[] input) {
        readAndEvaluate(input, LocatedReader.Syntax.YAML);
    }

    static void readAndEvaluate(byte[] input, LocatedReader.Syntax syntax) {
        try {
            Assessment a = AssessmentReader.read(new ByteArrayInputStream(input), "fuzz", syntax);
            Fixtures.evaluator().evaluate(a, EvaluationOptions.DEFAULTS);
        } catch (LocatedException expected) {
            if (expected.getMessage() == null || !expected.getMessage().startsWith("fuzz")) {
                throw new AssertionError("a message that does not name the file: " + expected.getMessage());
            }
        } catch (IOException e) {
            throw new AssertionError("reading from memory cannot fail with I/O", e);
        }
    }
}

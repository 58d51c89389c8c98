package io.github.aftersales.batch;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every kept fuzz input and finding of {@link BatchFuzzTest}, replayed through the same target without
 * Jazzer's agent, so that the quick loop checks them all in well under a second.
 */
class BatchCorpusTest {

    static List<Path> kept() throws IOException, URISyntaxException {
        Path dir = Path.of(BatchFuzzTest.class.getResource("BatchFuzzTestInputs/ndjson").toURI());
        try (var files = Files.list(dir)) {
            List<Path> all = files.sorted().toList();
            if (all.isEmpty()) {
                throw new IllegalStateException("no kept inputs in " + dir); // a moved folder must not pass
            }
            return all;
        }
    }

    @ParameterizedTest
    @MethodSource("kept")
    void keptInputsOnlyEverFailWithAMessageNamingTheInput(Path input) throws IOException {
        BatchFuzzTest.read(Files.readAllBytes(input));
    }
}

package io.github.aftersales.core.fuzz;

import io.github.aftersales.core.json.LocatedReader;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every kept fuzz input and finding of {@link ReaderFuzzTest}, replayed through the same target without
 * Jazzer's agent, so that the quick loop checks them all in well under a second.
 */
class ReaderCorpusTest {

    static List<Path> json() throws IOException, URISyntaxException {
        return kept("json");
    }

    static List<Path> yaml() throws IOException, URISyntaxException {
        return kept("yaml");
    }

    @ParameterizedTest
    @MethodSource("json")
    void jsonInputsOnlyEverFailWithALocatedMessage(Path input) throws IOException {
        ReaderFuzzTest.readAndEvaluate(Files.readAllBytes(input), LocatedReader.Syntax.JSON);
    }

    @ParameterizedTest
    @MethodSource("yaml")
    void yamlInputsOnlyEverFailWithALocatedMessage(Path input) throws IOException {
        ReaderFuzzTest.readAndEvaluate(Files.readAllBytes(input), LocatedReader.Syntax.YAML);
    }

    private static List<Path> kept(String target) throws IOException, URISyntaxException {
        Path dir = Path.of(ReaderFuzzTest.class.getResource("ReaderFuzzTestInputs/" + target).toURI());
        try (var files = Files.list(dir)) {
            List<Path> all = files.sorted().toList();
            if (all.isEmpty()) {
                throw new IllegalStateException("no kept inputs in " + dir); // a moved folder must not pass
            }
            return all;
        }
    }
}

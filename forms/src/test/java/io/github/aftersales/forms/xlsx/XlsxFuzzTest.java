package io.github.aftersales.forms.xlsx;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.github.aftersales.core.json.LocatedException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Tag;

/**
 * Coverage-guided fuzzing of the xlsx form reader (Jazzer): whatever the bytes, the only thing that
 * may escape is the project's own located error naming the file. Seeds: a blank and a filled form, and
 * a form whose scores are formulas saved without values (computed or refused: issue 18).
 *
 * <p>Under Jazzer in {@code mvn verify -Pthorough}; the quick loop replays the same kept inputs without
 * Jazzer's agent ({@link XlsxCorpusTest}).
 */
@Tag("thorough") // Jazzer's agent instruments every class it loads (POI's too): 8 to 14 s of the quick loop
class XlsxFuzzTest {

    private static final Path FILE;

    static {
        try {
            FILE = Files.createTempFile("fuzz", ".xlsx");
            FILE.toFile().deleteOnExit();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @FuzzTest(maxDuration = "20s")
    void xlsx(byte[] input) throws IOException {
        read(input);
    }

    static void read(byte[] input) throws IOException {
        Files.write(FILE, input);
        try {
            XlsxForms.read(FILE);
        } catch (LocatedException expected) {
            if (!expected.getMessage().startsWith(FILE.toString())) {
                throw new AssertionError("a message that does not name the file: " + expected.getMessage());
            }
        }
    }
}

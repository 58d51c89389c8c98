package io.github.aftersales.core.assessment;

import io.github.aftersales.spi.Scheme;
import io.github.aftersales.spi.Variant;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Function;

/**
 * A file format for assessments besides JSON and YAML, such as an Excel form: a blank form written
 * for a variant, and the filled form read back. A module provides one by listing its class in
 * {@code META-INF/services/io.github.aftersales.core.assessment.AssessmentFormat};
 * {@link AssessmentReader} and the {@code template} command find it with
 * {@link java.util.ServiceLoader} ({@link AssessmentFormats}), by the file's extension.
 */
public interface AssessmentFormat {

    /** The file extension this format reads and writes, lower case, without the dot ({@code xlsx}). */
    String extension();

    /**
     * Reads a filled form. Every problem is a {@link io.github.aftersales.core.json.LocatedException}
     * naming the file and the place in it, like the JSON and YAML readers.
     */
    Assessment read(Path file);

    /**
     * Writes a blank form for a variant (for a combining variant, every part it combines).
     *
     * @param others looks up the schemes a combining variant combines
     * @throws IllegalArgumentException when a scheme the variant combines is not installed
     */
    void writeTemplate(Scheme scheme, Variant variant, Function<String, Optional<Scheme>> others, OutputStream out)
            throws IOException;

    /**
     * Writes the form for a variant filled with what {@code filled} states, so that {@link #read} reads the same
     * statements back. A format that cannot says so.
     *
     * @throws IllegalArgumentException when a scheme the variant combines is not installed, or the form cannot hold
     *                                  what the assessment states
     * @throws UnsupportedOperationException when the format writes blank forms only
     */
    default void writeFilled(Scheme scheme, Variant variant, Function<String, Optional<Scheme>> others,
            Assessment filled, OutputStream out) throws IOException {
        throw new UnsupportedOperationException("the " + extension() + " format writes blank forms only");
    }
}

package io.github.aftersales.app.output;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;

/**
 * Writing what a command produces: to standard output, or to a file that is never overwritten
 * without {@code --force} and is written whole (temporary file, then rename) so a failure leaves no
 * half-written file. JSON text is {@link io.github.aftersales.reports.Json}'s; YAML (templates) is here.
 */
public final class Output {

    private static final ObjectMapper YAML = new ObjectMapper(YAMLFactory.builder()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
            .enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS)
            .build());

    private Output() {
    }

    public static String yaml(JsonNode node) {
        try {
            return YAML.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Writes {@code text} to {@code file} (never over an existing file without {@code force}, and
     * whole or not at all), or to {@code out} when {@code file} is null.
     */
    public static void write(String text, Path file, boolean force, PrintWriter out) {
        try (Sink sink = Sink.open(file, force, false, out)) {
            sink.all(text);
            sink.commit();
        }
    }
}

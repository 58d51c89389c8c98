package io.github.aftersales.reports;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import java.io.UncheckedIOException;

/**
 * JSON as text, the one way every JSON output is written: indented and ended with a line separator
 * ({@code --format json}), or one compact line (NDJSON). The bytes are part of the contract, so
 * {@link StreamedJson} writes with the same writer. Templates as YAML are written here too ({@link #yaml}).
 */
public final class Json {

    private static final ObjectMapper PRETTY = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final ObjectMapper COMPACT = new ObjectMapper();
    // numbers quoted: a template's "score: '0.5'" reads back as the same decimal, never a float
    private static final ObjectMapper YAML = new ObjectMapper(YAMLFactory.builder()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
            .enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS)
            .build());

    private Json() {
    }

    /** Indented, ending with the line separator. */
    public static String pretty(JsonNode node) {
        try {
            return PRETTY.writeValueAsString(node) + System.lineSeparator();
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One line, without its line separator (for NDJSON). */
    public static String compact(JsonNode node) {
        try {
            return COMPACT.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The writer {@link #pretty} uses, for output written a piece at a time and still the same bytes
     * ({@link StreamedJson}; the register's listings).
     */
    public static ObjectWriter prettyWriter() {
        return PRETTY.writer();
    }

    /** As YAML (a template in {@code --format yaml}, or from the API by {@code Accept}). */
    public static String yaml(JsonNode node) {
        try {
            return YAML.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}

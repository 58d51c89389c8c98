package io.github.aftersales.reports;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.UncheckedIOException;

/**
 * JSON as text, the one way every JSON output is written: indented and ended with a line separator
 * ({@code --format json}), or one compact line (NDJSON). The bytes are part of the contract, so
 * {@link StreamedJson} writes with the same writer.
 */
public final class Json {

    private static final ObjectMapper PRETTY = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final ObjectMapper COMPACT = new ObjectMapper();

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
}

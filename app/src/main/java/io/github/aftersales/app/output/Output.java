package io.github.aftersales.app.output;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;

/**
 * Writing what a command produces: to standard output, or to a file that is never overwritten
 * without {@code --force} and is written whole (temporary file, then rename) so a failure leaves no
 * half-written file.
 */
public final class Output {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final ObjectMapper YAML = new ObjectMapper(YAMLFactory.builder()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
            .enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS)
            .build());

    private Output() {
    }

    /** The writer {@link #json} uses, for output written a piece at a time ({@link StreamedJson}). */
    public static com.fasterxml.jackson.databind.ObjectWriter prettyWriter() {
        return JSON.writer();
    }

    public static String json(JsonNode node) {
        try {
            return JSON.writeValueAsString(node) + System.lineSeparator();
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Text for a one-line message on a terminal: control characters (a newline, ESC, NUL, DEL, the
     * C1 set) written as {@code \n} or {@code \\u001b}, so a file name cannot split the line or send
     * escape sequences to the terminal.
     */
    public static String printable(String text) {
        StringBuilder b = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean control = c < 0x20 || (c >= 0x7f && c < 0xa0);
            if (control && b == null) {
                b = new StringBuilder(text.length() + 8).append(text, 0, i);
            }
            if (b != null) {
                if (!control) {
                    b.append(c);
                } else if (c == '\n') {
                    b.append("\\n");
                } else if (c == '\t') {
                    b.append("\\t");
                } else if (c == '\r') {
                    b.append("\\r");
                } else {
                    b.append(String.format("\\u%04x", (int) c));
                }
            }
        }
        return b == null ? text : b.toString();
    }

    private static final ObjectMapper COMPACT = new ObjectMapper();

    /** One line of JSON (for NDJSON). */
    public static String compactJson(JsonNode node) {
        try {
            return COMPACT.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
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

package io.github.aftersales.reports;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.ObjectCodec;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.util.TokenBuffer;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;

/**
 * JSON as text, the one way every JSON output is written: indented and ended with a line separator
 * ({@code --format json}), or one compact line (NDJSON). The bytes are part of the contract, so
 * {@link StreamedJson} writes with the same writer. Templates as YAML are written here too ({@link #yaml}).
 */
public final class Json {

    private static final ObjectMapper PRETTY = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    // straight to UTF-8: a character outside the BMP as its 4 bytes, as the text's encoding gives it
    private static final ObjectWriter PRETTY_UTF8 = PRETTY.writer()
            .with(JsonWriteFeature.COMBINE_UNICODE_SURROGATES_IN_UTF8);
    private static final byte[] LINE_SEPARATOR = System.lineSeparator().getBytes(StandardCharsets.UTF_8);
    private static final ObjectMapper COMPACT = new ObjectMapper();
    private static final ObjectWriter COMPACT_UTF8 = COMPACT.writer()
            .with(JsonWriteFeature.COMBINE_UNICODE_SURROGATES_IN_UTF8);
    // numbers quoted: a template's "score: '0.5'" reads back as the same decimal, never a float
    private static final ObjectMapper YAML = new ObjectMapper(YAMLFactory.builder()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
            .enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS)
            .build());

    /** Each thread's buffer for a line written as bytes, kept from one line to the next. */
    private static final ThreadLocal<java.io.ByteArrayOutputStream> LINE =
            ThreadLocal.withInitial(() -> new java.io.ByteArrayOutputStream(1 << 15));

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

    /**
     * {@link #pretty} as UTF-8 bytes, written as bytes at once: a third of the time of making the text
     * and encoding it, which a service answering every request in JSON notices. The same bytes, but for
     * half a surrogate pair (only an escape in the input can make one), which is kept as its
     * JSON escape where encoding the text would put a {@code ?}.
     */
    public static byte[] prettyBytes(JsonNode node) {
        try {
            byte[] json = PRETTY_UTF8.writeValueAsBytes(node);
            byte[] all = java.util.Arrays.copyOf(json, json.length + LINE_SEPARATOR.length);
            System.arraycopy(LINE_SEPARATOR, 0, all, json.length, LINE_SEPARATOR.length);
            return all;
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
     * {@link #compact} as its UTF-8 bytes, the very bytes of encoding that text (NDJSON written as bytes, not
     * made into text and then encoded: a third of the work). Half a surrogate pair (only an escape in the
     * input can make one) would come out as its JSON escape where encoding the text puts a {@code ?}: a
     * line that may hold one (a backslash, then u, then D or d, anywhere in it) is made as text and encoded.
     */
    public static byte[] compactBytes(JsonNode node) {
        byte[] json;
        try {
            json = COMPACT_UTF8.writeValueAsBytes(node);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
        return mayHoldHalfAPair(json) ? compact(node).getBytes(StandardCharsets.UTF_8) : json;
    }

    /**
     * What a {@link Writing} writes, as one line: the bytes {@link #compactBytes(JsonNode)} gives for the tree
     * of the same tokens (written straight to UTF-8; a line that may hold half a surrogate pair written again
     * as text and encoded), with no tree made. NDJSON's results are written so.
     */
    public static byte[] compactBytes(Writing writing) {
        java.io.ByteArrayOutputStream bytes = LINE.get();
        bytes.reset();
        byte[] json;
        try (JsonGenerator g = COMPACT_UTF8.createGenerator(bytes)) {
            writing.writeTo(g);
            g.flush();
            json = bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (bytes.size() > 1 << 20) {
            LINE.remove(); // do not keep a huge buffer
        }
        if (!mayHoldHalfAPair(json)) {
            return json;
        }
        java.io.StringWriter text = new java.io.StringWriter();
        try (JsonGenerator g = COMPACT.writer().createGenerator(text)) {
            writing.writeTo(g);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return text.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** Whether written JSON holds a backslash, u, then D or d: the escape of what may be half a surrogate pair. */
    private static boolean mayHoldHalfAPair(byte[] json) {
        for (int i = 0; i + 2 < json.length; i++) {
            if (json[i] == '\\' && json[i + 1] == 'u' && (json[i + 2] == 'D' || json[i + 2] == 'd')) {
                return true;
            }
        }
        return false;
    }

    /** JSON written a token at a time to a generator (the result's shape, {@link JsonReport}). */
    @FunctionalInterface
    public interface Writing {
        void writeTo(JsonGenerator g) throws IOException;
    }

    /**
     * The tree of what {@code writing} writes, its objects {@link SmallObjects}' and its numbers the very
     * values written (a decimal keeps its scale: 100 stays 100, never 1E+2), so that the tree is written as
     * the same bytes.
     */
    static JsonNode tree(Writing writing) {
        try (TokenBuffer tokens = new TokenBuffer((ObjectCodec) null, false)) {
            writing.writeTo(tokens);
            try (JsonParser p = tokens.asParser()) {
                return node(p, p.nextToken());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonNode node(JsonParser p, JsonToken token) throws IOException {
        JsonNodeFactory nodes = SmallObjects.INSTANCE;
        switch (token) {
            case START_OBJECT: {
                ObjectNode o = nodes.objectNode();
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String name = p.currentName();
                    o.set(name, node(p, p.nextToken()));
                }
                return o;
            }
            case START_ARRAY: {
                ArrayNode a = nodes.arrayNode();
                for (JsonToken t = p.nextToken(); t != JsonToken.END_ARRAY; t = p.nextToken()) {
                    a.add(node(p, t));
                }
                return a;
            }
            case VALUE_STRING:
                return nodes.textNode(p.getText());
            case VALUE_NUMBER_INT:
            case VALUE_NUMBER_FLOAT: {
                Number n = p.getNumberValue();
                if (n instanceof Integer i) {
                    return nodes.numberNode(i.intValue());
                } else if (n instanceof Long l) {
                    return nodes.numberNode(l.longValue());
                } else if (n instanceof BigDecimal d) {
                    return nodes.numberNode(d);
                } else if (n instanceof java.math.BigInteger b) {
                    return nodes.numberNode(b);
                }
                throw new IllegalStateException("a result holds no number of type " + n.getClass().getName());
            }
            case VALUE_TRUE:
                return nodes.booleanNode(true);
            case VALUE_FALSE:
                return nodes.booleanNode(false);
            case VALUE_NULL:
                return nodes.nullNode();
            default:
                throw new IllegalStateException("a result holds no " + token);
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

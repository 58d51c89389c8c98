package io.github.aftersales.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.aftersales.core.json.LocatedReader;
import io.javalin.http.Context;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** Reading a request body no larger than the limit, whatever its Content-Length says (or does not). */
public final class Bodies {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private Bodies() {
    }

    /** The body's bytes; 413 {@code too-large} beyond {@code max}. */
    public static byte[] read(Context ctx, long max) {
        try (InputStream in = ctx.bodyInputStream()) {
            byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, max + 1));
            if (bytes.length > max) {
                throw new ApiError(413, "too-large", "the request body is larger than " + (max >= 1 << 20
                        ? (max >> 20) + " MiB" : (max >> 10) + " KiB") + ", the most this route accepts");
            }
            return bytes;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * {@code bytes}, the body of a request sent as {@code application/json} (415 otherwise), as a JSON object;
     * 400 {@code bad-input} with the line and column of a syntax error.
     */
    public static JsonNode jsonObject(Context ctx, byte[] bytes) {
        String type = Negotiation.mediaType(ctx.header("Content-Type"));
        if (!type.equals("application/json")) {
            throw new ApiError(415, "unsupported-media-type", "send the body as application/json");
        }
        return jsonObject(bytes);
    }

    /** {@code bytes} as a JSON object; 400 {@code bad-input} with the line and column of a syntax error. */
    public static JsonNode jsonObject(byte[] bytes) {
        try {
            // the located reader says where a syntax error is, and bounds depth and size; Jackson then gives the tree
            LocatedReader.read(new ByteArrayInputStream(bytes), LocatedReader.Syntax.JSON);
        } catch (LocatedReader.ParseException e) {
            throw new ApiError(400, "bad-input", e.getMessage(), "request body", e.position());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        JsonNode node;
        try {
            node = MAPPER.readTree(bytes);
        } catch (IOException e) {
            throw new ApiError(400, "bad-input", "the body is not JSON", "request body", null);
        }
        if (node == null || !node.isObject()) {
            throw new ApiError(400, "bad-input", "the body is not a JSON object", "request body", null);
        }
        return node;
    }

    /**
     * {@code bytes}, a YAML document, as the JSON object it stands for (YAML's aliases refused, depth and size
     * bounded, as the command line reads a .yaml file); 400 {@code bad-input} with the line and column of an error.
     */
    public static com.fasterxml.jackson.databind.node.ObjectNode yamlObject(byte[] bytes) {
        io.github.aftersales.core.json.Located root;
        try {
            root = LocatedReader.read(new ByteArrayInputStream(bytes), LocatedReader.Syntax.YAML);
        } catch (LocatedReader.ParseException e) {
            throw new ApiError(400, "bad-input", e.getMessage(), "request body", e.position());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (!(root instanceof io.github.aftersales.core.json.Located.Obj)) {
            throw new ApiError(400, "bad-input", "the body is not a YAML mapping", "request body", root.position());
        }
        return (com.fasterxml.jackson.databind.node.ObjectNode) json(root);
    }

    private static JsonNode json(io.github.aftersales.core.json.Located node) {
        var nodes = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance;
        if (node instanceof io.github.aftersales.core.json.Located.Obj o) {
            var object = nodes.objectNode();
            o.members().forEach((k, v) -> object.set(k, json(v)));
            return object;
        }
        if (node instanceof io.github.aftersales.core.json.Located.Arr a) {
            var array = nodes.arrayNode();
            a.items().forEach(i -> array.add(json(i)));
            return array;
        }
        Object v = ((io.github.aftersales.core.json.Located.Scalar) node).value();
        if (v == null) {
            return nodes.nullNode();
        }
        if (v instanceof java.math.BigDecimal d) {
            return nodes.numberNode(d);
        }
        if (v instanceof Boolean b) {
            return nodes.booleanNode(b);
        }
        return nodes.textNode((String) v);
    }

    /** A text field of a JSON body: 400 {@code bad-input} naming it when it is missing (and required) or not a text. */
    public static String text(JsonNode body, String field, boolean required) {
        JsonNode v = body.get(field);
        if (v == null || v.isNull()) {
            if (required) {
                throw new ApiError(400, "bad-input", field + ": missing", "request body", null);
            }
            return null;
        }
        if (!v.isTextual() || v.asText().isEmpty()) {
            throw new ApiError(400, "bad-input", field + ": a text is needed", "request body", null);
        }
        return v.asText();
    }
}

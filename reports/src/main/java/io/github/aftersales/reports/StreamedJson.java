package io.github.aftersales.reports;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;

/**
 * A JSON array written one item at a time, alone or as the last field of an object, so that a
 * million items never sit in memory together: byte for byte what {@link Json#pretty} writes of the
 * whole tree. The JSON result of a batch, {@code {"assessments": [...]}} ({@link #StreamedJson}),
 * and the register's listings and export use it.
 */
public final class StreamedJson {

    private final JsonGenerator gen;

    /**
     * The JSON result of a batch, started in {@code out}: byte for byte what
     * {@code Json.pretty(JsonReport.of(all))} writes at once.
     */
    public StreamedJson(Writer out) {
        this(generator(out));
        beginObject("assessments");
    }

    private StreamedJson(JsonGenerator gen) {
        this.gen = gen;
    }

    /** {@code [ ... ]}, started in {@code out}. */
    public static StreamedJson array(Writer out) {
        StreamedJson s = new StreamedJson(generator(out));
        try {
            s.gen.writeStartArray();
        } catch (IOException e) {
            throw failure(e);
        }
        return s;
    }

    /**
     * {@code {"name": "value", …, "arrayField": [ ... ]}}, started in {@code out}: text fields, given as
     * name, value, …, then the array.
     */
    public static StreamedJson object(Writer out, String arrayField, String... namesAndValues) {
        StreamedJson s = new StreamedJson(generator(out));
        s.beginObject(arrayField, namesAndValues);
        return s;
    }

    private static JsonGenerator generator(Writer out) {
        try {
            return Json.prettyWriter().createGenerator(out);
        } catch (IOException e) {
            throw failure(e);
        }
    }

    private void beginObject(String arrayField, String... namesAndValues) {
        try {
            gen.writeStartObject();
            for (int i = 0; i + 1 < namesAndValues.length; i += 2) {
                gen.writeStringField(namesAndValues[i], namesAndValues[i + 1]);
            }
            gen.writeArrayFieldStart(arrayField);
        } catch (IOException e) {
            throw failure(e);
        }
    }

    /** One item of the array. */
    public void add(JsonNode item) {
        try {
            gen.writeTree(item);
        } catch (IOException e) {
            throw failure(e);
        }
    }

    /**
     * One item of the array, written by {@code item} straight to the output (no tree made): the bytes
     * {@link #add(JsonNode)} writes of the tree of the same tokens.
     */
    public void add(Json.Writing item) {
        try {
            item.writeTo(gen);
            gen.flush(); // as a tree written is: each item goes out as it comes
        } catch (IOException e) {
            throw failure(e);
        }
    }

    /** Ends the array (and the object around it), and the line. */
    public void end() {
        try {
            gen.writeEndArray();
            if (gen.getOutputContext().inObject()) {
                gen.writeEndObject();
            }
            gen.writeRaw(System.lineSeparator());
            gen.flush();
        } catch (IOException e) {
            throw failure(e);
        }
    }

    /**
     * The writer's own unchecked failure as it was thrown (the command line's failure of its output,
     * a full disk), though Jackson wraps what a writer throws in its own checked exception; anything
     * else as what it is.
     */
    private static RuntimeException failure(IOException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof RuntimeException r) {
                return r;
            }
        }
        return new UncheckedIOException(e);
    }
}

package io.github.aftersales.app.commands.register;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import io.github.aftersales.app.UserException;
import io.github.aftersales.app.output.Sink;
import io.github.aftersales.reports.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;

/**
 * A JSON array of certificates written one at a time, alone or as the last field of an object:
 * byte for byte what {@link Json#pretty} writes of the whole tree, without the whole tree.
 */
final class JsonStream {

    private final JsonGenerator gen;

    private JsonStream(Sink sink) {
        try {
            gen = Json.prettyWriter().createGenerator(new Writer() {
                @Override
                public void write(char[] cbuf, int off, int len) {
                    sink.all(new String(cbuf, off, len)); // the sink reports its own failure (exit 4)
                }

                @Override
                public void flush() {
                }

                @Override
                public void close() {
                }
            });
        } catch (IOException e) {
            throw failure(e);
        }
    }

    /** {@code [ ... ]}. */
    static JsonStream array(Sink sink) {
        JsonStream s = new JsonStream(sink);
        try {
            s.gen.writeStartArray();
        } catch (IOException e) {
            throw failure(e);
        }
        return s;
    }

    /** {@code {"name": "value", …, "arrayField": [ ... ]}}: text fields, given as name, value, …, then the array. */
    static JsonStream object(Sink sink, String arrayField, String... namesAndValues) {
        JsonStream s = new JsonStream(sink);
        try {
            s.gen.writeStartObject();
            for (int i = 0; i + 1 < namesAndValues.length; i += 2) {
                s.gen.writeStringField(namesAndValues[i], namesAndValues[i + 1]);
            }
            s.gen.writeArrayFieldStart(arrayField);
        } catch (IOException e) {
            throw failure(e);
        }
        return s;
    }

    void add(JsonNode item) {
        try {
            gen.writeTree(item);
        } catch (IOException e) {
            throw failure(e);
        }
    }

    /** Ends the array (and the object around it), and the line. */
    void end() {
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

    private static RuntimeException failure(IOException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof UserException u) {
                return u;
            }
        }
        return new UncheckedIOException(e);
    }
}

package io.github.aftersales.app.output;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;

/**
 * The JSON result of a batch, {@code {"assessments": [...]}}, written one assessment at a time as it
 * is evaluated, so that a million results never sit in memory together. Byte for byte what
 * {@code Output.json(JsonReport.of(all))} writes at once.
 */
public final class StreamedJson {

    private final JsonGenerator gen;

    /** Starts the document in {@code sink}. */
    public StreamedJson(Sink sink) {
        try {
            gen = Output.prettyWriter().createGenerator(new ToSink(sink));
            gen.writeStartObject();
            gen.writeArrayFieldStart("assessments");
        } catch (IOException e) {
            throw failure(e);
        }
    }

    /** One item of {@code assessments}. */
    public void add(JsonNode assessment) {
        try {
            gen.writeTree(assessment);
        } catch (IOException e) {
            throw failure(e);
        }
    }

    /** Ends the document (and its line). */
    public void end() {
        try {
            gen.writeEndArray();
            gen.writeEndObject();
            gen.writeRaw(System.lineSeparator());
            gen.flush();
        } catch (IOException e) {
            throw failure(e);
        }
    }

    /**
     * The sink's own failure (a full disk: exit 4 and its one line) as it was thrown, though Jackson
     * wraps what a writer throws in its own exception; anything else as what it is.
     */
    private static RuntimeException failure(IOException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof io.github.aftersales.app.UserException u) {
                return u;
            }
        }
        return new UncheckedIOException(e);
    }

    /** The generator's buffer, handed on to the sink (which reports its own failures). */
    private static final class ToSink extends Writer {
        private final Sink sink;

        ToSink(Sink sink) {
            this.sink = sink;
        }

        @Override
        public void write(char[] cbuf, int off, int len) {
            sink.all(new String(cbuf, off, len));
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    }
}

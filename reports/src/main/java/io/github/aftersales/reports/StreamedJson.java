package io.github.aftersales.reports;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;

/**
 * The JSON result of a batch, {@code {"assessments": [...]}}, written one assessment at a time as it
 * is evaluated, so that a million results never sit in memory together. Byte for byte what
 * {@code Json.pretty(JsonReport.of(all))} writes at once.
 */
public final class StreamedJson {

    private final JsonGenerator gen;

    /**
     * Starts the document in {@code out}. What {@code out} throws unchecked (the command line's own
     * failure of its output, a full disk) comes out of this class as it was thrown.
     */
    public StreamedJson(Writer out) {
        try {
            gen = Json.prettyWriter().createGenerator(out);
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
     * The writer's own unchecked failure as it was thrown, though Jackson wraps what a writer throws
     * in its own (checked) exception; anything else as what it is.
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

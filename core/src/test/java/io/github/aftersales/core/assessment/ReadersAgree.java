package io.github.aftersales.core.assessment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.aftersales.core.json.Located;
import io.github.aftersales.core.json.LocatedException;
import io.github.aftersales.core.json.LocatedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * Whether {@link DirectJsonReader} reads a document as the located reader does: the same records field by
 * field (a {@link Located.Where} by its path, a position by its line and column, a number with its scale,
 * maps in the order they iterate), or nothing, in which case the located reader's message is the one given.
 * Used by the batch module's tests too (core's test jar).
 */
public final class ReadersAgree {

    private ReadersAgree() {
    }

    /**
     * Reads {@code bytes} (line {@code line} of an NDJSON file, or a whole file for 0) both ways and through
     * {@link AssessmentReader#read(byte[], String, LocatedReader.Syntax, int)}, and asserts they agree.
     *
     * @return whether the direct reader read it (and did not hand it back)
     */
    public static boolean check(byte[] bytes, String source, int line) {
        Object located = located(bytes, source, line);
        Assessment direct = DirectJsonReader.read(bytes, 0, bytes.length, source, line);
        String input = new String(bytes, java.nio.charset.StandardCharsets.UTF_8);
        if (direct != null) {
            assertTrue(located instanceof Assessment, () -> "read directly, but the located reader says " + located
                    + "\n of " + input);
            assertEquals(describe(located), describe(direct), () -> "read differently:\n" + input);
        }
        Object wired;
        try {
            wired = AssessmentReader.read(bytes, source, LocatedReader.Syntax.JSON, line);
        } catch (LocatedException e) {
            wired = e.getMessage();
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        assertEquals(describe(located), describe(wired), () -> "read differently:\n" + input);
        return direct != null;
    }

    /** The located reader's assessment, or its message. */
    static Object located(byte[] bytes, String source, int line) {
        try {
            return AssessmentReader.read(new ByteArrayInputStream(bytes), source, LocatedReader.Syntax.JSON, line);
        } catch (LocatedException e) {
            return e.getMessage();
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    /** Every field of a record, recursively, as text: what two assessments read alike share. */
    public static String describe(Object o) {
        StringBuilder out = new StringBuilder();
        describe(o, out);
        return out.toString();
    }

    private static void describe(Object o, StringBuilder out) {
        if (o == null) {
            out.append("null");
        } else if (o instanceof Located.Where w) {
            out.append("where(").append(w).append(')');
        } else if (o instanceof BigDecimal n) {
            // the scale shows: 1.50 is not 1.5, 1E+2 is not 100
            out.append("decimal(").append(n.unscaledValue()).append('E').append(-n.scale()).append(')');
        } else if (o instanceof List<?> list) {
            out.append('[');
            for (Object item : list) {
                describe(item, out);
                out.append(", ");
            }
            out.append(']');
        } else if (o instanceof Map<?, ?> map) {
            out.append('{'); // in the order it iterates, which reports may follow
            map.forEach((k, v) -> {
                out.append(k).append('=');
                describe(v, out);
                out.append(", ");
            });
            out.append('}');
        } else if (o.getClass().isRecord()) {
            out.append(o.getClass().getSimpleName()).append('(');
            for (RecordComponent c : o.getClass().getRecordComponents()) {
                out.append(c.getName()).append('=');
                try {
                    describe(c.getAccessor().invoke(o), out);
                } catch (ReflectiveOperationException e) {
                    throw new AssertionError(e);
                }
                out.append(", ");
            }
            out.append(')');
        } else {
            out.append(o.getClass().getSimpleName()).append(':').append(o);
        }
    }
}

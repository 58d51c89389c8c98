package io.github.aftersales.app.output;

import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;

/**
 * Standard output as the commands see it: text in UTF-8, and the byte stream beneath for output that is
 * UTF-8 already ({@link Sink#line(byte[])}, NDJSON), so that it is not decoded to be encoded again.
 */
public final class StandardOutput extends PrintWriter {

    private final OutputStream bytes;

    /** @param bytes standard output (a {@link CheckedOutput}): text is written to it in UTF-8, with auto flush */
    public StandardOutput(OutputStream bytes) {
        super(new OutputStreamWriter(bytes, StandardCharsets.UTF_8), true);
        this.bytes = bytes;
    }

    /** The bytes beneath; flush this writer before writing to it. */
    OutputStream bytes() {
        return bytes;
    }
}

package io.github.aftersales.app.output;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Lines written as UTF-8 bytes ({@code --format ndjson}) and text, mixed, come out in the order written. */
class SinkBytesTest {

    private static final String NL = System.lineSeparator();

    private static void write(Sink sink) {
        sink.line("{\"first\":\"text\"}");
        sink.line("{\"second\":\"五星级 bytes\"}".getBytes(StandardCharsets.UTF_8));
        sink.line("{\"third\":\"bytes\"}".getBytes(StandardCharsets.UTF_8));
        sink.all("text again" + NL);
        sink.line("{\"last\":\"😀\"}".getBytes(StandardCharsets.UTF_8));
        sink.commit();
    }

    private static final String EXPECTED = "{\"first\":\"text\"}" + NL + "{\"second\":\"五星级 bytes\"}" + NL
            + "{\"third\":\"bytes\"}" + NL + "text again" + NL + "{\"last\":\"😀\"}" + NL;

    @Test
    void toAFile(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("results.ndjson");
        try (Sink sink = Sink.open(out, false, true, new StandardOutput(java.io.OutputStream.nullOutputStream()))) {
            write(sink);
        }
        assertThat(Files.readString(out, StandardCharsets.UTF_8)).isEqualTo(EXPECTED);
    }

    @Test
    void toStandardOutput() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        StandardOutput out = new StandardOutput(new CheckedOutput(bytes, "standard output"));
        out.print("before the command's output" + NL); // printed by someone else first: stays first
        try (Sink sink = Sink.open(null, false, true, out)) {
            write(sink);
        }
        assertThat(bytes.toString(StandardCharsets.UTF_8)).isEqualTo("before the command's output" + NL + EXPECTED);
    }

    @Test
    void toAnotherWriterAsText() {
        java.io.StringWriter text = new java.io.StringWriter();
        try (Sink sink = Sink.open(null, false, true, new java.io.PrintWriter(text))) {
            write(sink);
        }
        assertThat(text.toString()).isEqualTo(EXPECTED);
    }
}

package io.github.aftersales.app.output;

import java.io.PrintWriter;
import java.nio.file.Path;

/**
 * Writing what a command produces: to standard output, or to a file that is never overwritten
 * without {@code --force} and is written whole (temporary file, then rename) so a failure leaves no
 * half-written file. JSON and YAML text are
 * {@link io.github.aftersales.reports.Json}'s.
 */
public final class Output {

    private Output() {
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

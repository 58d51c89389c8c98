package io.github.aftersales.app.commands;

import io.github.aftersales.app.output.Output;
import io.github.aftersales.app.output.Sink;
import picocli.CommandLine;

/** {@link OutputOptions} for commands in other packages: writes text or bytes the same safe way. */
public final class OutputOptionsAccess {

    @CommandLine.Mixin
    OutputOptions options = new OutputOptions();

    /** The output file, or {@code null} for standard output. */
    public java.nio.file.Path output() {
        return options.output;
    }

    /** Writes text to the output file (never over an existing one without --force) or standard output. */
    public void write(String text, CommandLine cli) {
        Output.write(text, options.output, options.force, cli.getOut());
    }

    /** The output, written a piece at a time and complete only at {@link Sink#commit}. */
    public Sink open(CommandLine cli) {
        return Sink.open(options.output, options.force, true, cli.getOut());
    }

    /** Writes bytes the same way; without -o only text (UTF-8) goes to standard output. */
    public void writeBytes(byte[] bytes, CommandLine cli) {
        if (options.output == null) {
            java.nio.charset.CharsetDecoder utf8 = java.nio.charset.StandardCharsets.UTF_8.newDecoder();
            try {
                String text = utf8.decode(java.nio.ByteBuffer.wrap(bytes)).toString();
                if (text.indexOf('\0') < 0) {
                    write(text, cli);
                    return;
                }
            } catch (java.nio.charset.CharacterCodingException e) {
                // binary: falls through
            }
            throw new io.github.aftersales.app.UserException(io.github.aftersales.app.ExitCode.USAGE,
                    "this is a binary file (an .xlsx form): give a file to write it to with -o FILE");
        }
        try (Sink sink = Sink.open(options.output, options.force, false, cli.getOut())) {
            sink.bytes(bytes);
            sink.commit();
        }
    }
}

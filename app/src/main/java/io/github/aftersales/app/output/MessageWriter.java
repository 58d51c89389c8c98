package io.github.aftersales.app.output;

import io.github.aftersales.reports.Printable;
import java.io.Writer;

/**
 * Standard error for messages: each {@code println} is one line, whatever it holds. A newline in a
 * file name would split a message in two and an escape byte would reach the terminal raw; both are
 * written as escapes ({@link Printable#of}). Tabs stay (a stack trace under {@code --debug}).
 * {@code print} is left as it is, for the progress line's carriage returns.
 */
public final class MessageWriter extends java.io.PrintWriter {

    public MessageWriter(Writer out) {
        super(out, true);
    }

    @Override
    public void println(String line) {
        String[] parts = String.valueOf(line).split("\t", -1);
        for (int i = 0; i < parts.length; i++) {
            parts[i] = Printable.of(parts[i]);
        }
        super.println(String.join("\t", parts));
    }

    @Override
    public void println(Object line) {
        println(String.valueOf(line));
    }
}

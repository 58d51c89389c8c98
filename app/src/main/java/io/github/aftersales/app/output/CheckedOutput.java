package io.github.aftersales.app.output;

import io.github.aftersales.app.ExitCode;
import io.github.aftersales.app.UserException;
import io.github.aftersales.core.json.IoFailures;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;

/**
 * Standard output that does not swallow a failed write. {@code System.out} (a {@code PrintStream})
 * and the {@code PrintWriter} over it only set a flag nobody reads, so a full disk or a closed pipe
 * used to end with exit 0 and a truncated result. Here the first failed write ends the command:
 * one line, exit {@link ExitCode#OUTPUT}. Unchecked on purpose: a {@code PrintWriter} catches only
 * {@code IOException}.
 */
public final class CheckedOutput extends FilterOutputStream {

    private final String name;
    private volatile UserException failure;

    /** @param name what the stream is, for the message ("standard output") */
    public CheckedOutput(OutputStream out, String name) {
        super(out);
        this.name = name;
    }

    @Override
    public void write(int b) {
        try {
            out.write(b);
        } catch (IOException e) {
            throw lost(e);
        }
    }

    @Override
    public void write(byte[] b, int off, int len) {
        try {
            out.write(b, off, len);
        } catch (IOException e) {
            throw lost(e);
        }
    }

    @Override
    public void flush() {
        try {
            out.flush();
        } catch (IOException e) {
            throw lost(e);
        }
    }

    /** The first failed write, as the exception it threw, or {@code null}. */
    public UserException failure() {
        return failure;
    }

    private UserException lost(IOException e) {
        UserException f = new UserException(ExitCode.OUTPUT, name + " cannot be written (" + IoFailures.words(e)
                + "): the output is incomplete");
        if (failure == null) {
            failure = f;
        }
        return f;
    }
}

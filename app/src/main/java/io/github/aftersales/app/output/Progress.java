package io.github.aftersales.app.output;

import java.io.PrintWriter;

/**
 * A progress line on standard error while a long batch runs, only when the program talks to a
 * terminal (and never in tests or pipes); it is cleared at the end.
 */
public final class Progress implements AutoCloseable {

    private static final long FIRST_AFTER_NANOS = 2_000_000_000L;
    private static final long EVERY_NANOS = 250_000_000L;

    private final PrintWriter err;
    private final boolean enabled;
    private final long start = System.nanoTime();
    private long last;
    private boolean shown;

    private Progress(PrintWriter err, boolean enabled) {
        this.err = err;
        this.enabled = enabled;
    }

    public static Progress start(PrintWriter err) {
        return new Progress(err, System.console() != null);
    }

    public void tick(long evaluated, long rejected) {
        if (!enabled) {
            return;
        }
        long now = System.nanoTime();
        if (now - start < FIRST_AFTER_NANOS || now - last < EVERY_NANOS) {
            return;
        }
        last = now;
        shown = true;
        double seconds = (now - start) / 1e9;
        err.printf("\r%,d evaluated, %,d rejected, %,.0f a second ", evaluated, rejected, evaluated / seconds);
        err.flush();
    }

    @Override
    public void close() {
        if (shown) {
            err.print("\r" + " ".repeat(60) + "\r");
            err.flush();
        }
    }
}

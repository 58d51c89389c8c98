package io.github.aftersales.service;

import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** Reading a request body no larger than the limit, whatever its Content-Length says (or does not). */
public final class Bodies {

    private Bodies() {
    }

    /** The body's bytes; 413 {@code too-large} beyond {@code max}. */
    public static byte[] read(Context ctx, long max) {
        try (InputStream in = ctx.bodyInputStream()) {
            byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, max + 1));
            if (bytes.length > max) {
                throw new ApiError(413, "too-large", "the request body is larger than " + (max >> 20)
                        + " MiB, the most this server accepts");
            }
            return bytes;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

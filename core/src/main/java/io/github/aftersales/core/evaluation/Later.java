package io.github.aftersales.core.evaluation;

import io.github.aftersales.core.registry.Messages;
import java.util.function.Supplier;

/**
 * A value made the first time it is read: the parts of a result that only people read (sentences,
 * display quotients), which a batch re-scoring a book mostly never prints. It is made once, and
 * {@code make} (with what it captured) is dropped then.
 *
 * <p>The laziness is fenced here: whatever could go wrong with the input is found when the result is
 * made, so {@code make} should not throw; if it does all the same (a defect), the reader gets a
 * {@link SchemeFailureException} naming the scheme, which fails that assessment alone, as a failure
 * while evaluating does, and never the batch around it.
 */
final class Later<T> {

    private final String scheme;
    private Supplier<T> make; // dropped once the value is made, with all it captured
    private volatile T value;

    private Later(String scheme, Supplier<T> make, T value) {
        this.scheme = scheme;
        this.make = make;
        this.value = value;
    }

    /** A value {@code make} writes when first read, for a result of {@code scheme}. */
    static <T> Later<T> of(String scheme, Supplier<T> make) {
        return new Later<>(scheme, make, null);
    }

    static <T> Later<T> now(T value) {
        return new Later<>(null, null, value);
    }

    T get() {
        T v = value;
        if (v != null) {
            return v;
        }
        synchronized (this) {
            if (value == null) {
                try {
                    value = make.get();
                } catch (RuntimeException | LinkageError | StackOverflowError e) {
                    throw new SchemeFailureException(scheme, "while explaining its result", Messages.failure(e), e);
                }
                make = null;
            }
            return value;
        }
    }
}

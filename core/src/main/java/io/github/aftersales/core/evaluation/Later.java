package io.github.aftersales.core.evaluation;

import java.util.function.Supplier;

/**
 * A value made the first time it is read: the parts of a result that only people read (sentences,
 * display quotients), which a batch re-scoring a book mostly never prints. It is made once, and
 * {@code make} (with what it captured) is dropped then. {@code make} must not throw: whatever could
 * go wrong with the input is found when the result is made, not when it is read.
 */
final class Later<T> {

    private Supplier<T> make; // dropped once the value is made, with all it captured
    private volatile T value;

    private Later(Supplier<T> make, T value) {
        this.make = make;
        this.value = value;
    }

    static <T> Later<T> of(Supplier<T> make) {
        return new Later<>(make, null);
    }

    static <T> Later<T> now(T value) {
        return new Later<>(null, value);
    }

    T get() {
        T v = value;
        if (v != null) {
            return v;
        }
        synchronized (this) {
            if (value == null) {
                value = make.get();
                make = null;
            }
            return value;
        }
    }
}

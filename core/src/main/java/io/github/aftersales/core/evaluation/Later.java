package io.github.aftersales.core.evaluation;

import java.util.function.Supplier;

/**
 * A value made the first time it is read: the parts of a result that only people read (sentences,
 * display quotients), which a batch re-scoring a book mostly never prints. {@code make} must not
 * throw and must give equal values however often it is called: two threads may both call it, and
 * either value is kept.
 */
final class Later<T> {

    private final Supplier<T> make;
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
        if (v == null) {
            v = make.get();
            value = v;
        }
        return v;
    }
}

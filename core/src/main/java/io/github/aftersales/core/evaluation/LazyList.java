package io.github.aftersales.core.evaluation;

import java.util.AbstractList;
import java.util.List;
import java.util.RandomAccess;
import java.util.function.Supplier;

/**
 * An unmodifiable list made the first time it is read: the sentences explaining a grade, which a
 * batch re-scoring a book mostly never prints ({@link Later} says what {@code make} must do).
 */
final class LazyList<E> extends AbstractList<E> implements RandomAccess {

    private final Later<List<E>> list;

    private LazyList(String scheme, Supplier<List<E>> make, boolean own) {
        this.list = Later.of(scheme, own ? () -> java.util.Collections.unmodifiableList(make.get())
                : () -> List.copyOf(make.get()));
    }

    /** A list {@code make} makes when first read, for a result of {@code scheme} ({@link Later} fences its failures). */
    static <E> List<E> of(String scheme, Supplier<List<E>> make) {
        return new LazyList<>(scheme, make, false);
    }

    /**
     * As {@link #of}, where {@code make} makes a new list each time, kept by nobody else and without nulls: it is
     * wrapped, not copied (a result's clauses, made for every result a batch's summary counts).
     */
    static <E> List<E> ofOwn(String scheme, Supplier<List<E>> make) {
        return new LazyList<>(scheme, make, true);
    }

    private List<E> list() {
        return list.get();
    }

    @Override
    public E get(int index) {
        return list().get(index);
    }

    @Override
    public int size() {
        return list().size();
    }
}

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

    private LazyList(String scheme, Supplier<List<E>> make) {
        this.list = Later.of(scheme, () -> List.copyOf(make.get()));
    }

    /** A list {@code make} makes when first read, for a result of {@code scheme} ({@link Later} fences its failures). */
    static <E> List<E> of(String scheme, Supplier<List<E>> make) {
        return new LazyList<>(scheme, make);
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

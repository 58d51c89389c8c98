package io.github.aftersales.core.evaluation;

import java.util.AbstractList;
import java.util.List;
import java.util.RandomAccess;
import java.util.function.Supplier;

/**
 * An unmodifiable list made the first time it is read: the sentences explaining a grade, which a
 * batch re-scoring a book mostly never prints. {@code make} must not throw, and gives the same
 * elements however often it is called (two threads may both call it; either list is kept).
 */
final class LazyList<E> extends AbstractList<E> implements RandomAccess {

    private final Supplier<List<E>> make;
    private volatile List<E> list;

    private LazyList(Supplier<List<E>> make) {
        this.make = make;
    }

    static <E> List<E> of(Supplier<List<E>> make) {
        return new LazyList<>(make);
    }

    private List<E> list() {
        List<E> l = list;
        if (l == null) {
            l = List.copyOf(make.get());
            list = l;
        }
        return l;
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

package io.github.aftersales.core.json;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;

/**
 * An object's members as {@link LocatedReader} reads them: keys, values and the keys' places in three
 * arrays, in document order, with two unmodifiable maps over them. One small object a JSON object,
 * where a {@code LinkedHashMap}, a {@code HashMap} and a wrapper around each were made for every object
 * of every assessment read (a finding is an object of two or three keys).
 */
final class Fields {

    /** Up to this many keys are looked up by comparing each; more, through a hash index. */
    private static final int SCAN = 8;

    private String[] keys = new String[4];
    private Located[] values = new Located[4];
    private Located.Position[] positions = new Located.Position[4];
    private int size;
    private HashMap<String, Integer> index;

    int indexOf(String key) {
        if (index != null) {
            Integer i = index.get(key);
            return i == null ? -1 : i;
        }
        for (int i = 0; i < size; i++) {
            if (keys[i].equals(key)) {
                return i;
            }
        }
        return -1;
    }

    Located.Position position(int i) {
        return positions[i];
    }

    /** Adds a key not there yet. */
    void add(String key, Located value, Located.Position position) {
        if (size == keys.length) {
            keys = Arrays.copyOf(keys, size * 2);
            values = Arrays.copyOf(values, size * 2);
            positions = Arrays.copyOf(positions, size * 2);
        }
        keys[size] = key;
        values[size] = value;
        positions[size] = position;
        size++;
        if (index != null) {
            index.put(key, size - 1);
        } else if (size > SCAN) {
            index = new HashMap<>();
            for (int i = 0; i < size; i++) {
                index.put(keys[i], i);
            }
        }
    }

    /** The members, in document order. */
    Map<String, Located> members() {
        return new View<>(values);
    }

    /**
     * Each key's place. Iterated in the order a {@code HashMap} filled in document order gives (what the
     * reader handed over before, and what callers copying it keep), so it is made as one, when first asked.
     */
    Map<String, Located.Position> keyPositions() {
        return new Places();
    }

    /** {@link #keyPositions}. */
    private final class Places extends AbstractMap<String, Located.Position> {
            private Map<String, Located.Position> made;

            private Map<String, Located.Position> made() {
                if (made == null) {
                    HashMap<String, Located.Position> m = new HashMap<>();
                    for (int i = 0; i < size; i++) {
                        m.put(keys[i], positions[i]);
                    }
                    made = java.util.Collections.unmodifiableMap(m);
                }
                return made;
            }

            @Override
            public Located.Position get(Object key) {
                int i = key instanceof String s ? indexOf(s) : -1;
                return i < 0 ? null : positions[i];
            }

            @Override
            public boolean containsKey(Object key) {
                return key instanceof String s && indexOf(s) >= 0;
            }

            @Override
            public int size() {
                return size;
            }

            @Override
            public Set<Entry<String, Located.Position>> entrySet() {
                return made().entrySet();
            }
    }

    /** The keys with one of the arrays, in document order; unmodifiable. */
    private final class View<V> extends AbstractMap<String, V> {
        private final V[] of;

        View(V[] of) {
            this.of = of;
        }

        @Override
        public V get(Object key) {
            int i = key instanceof String s ? indexOf(s) : -1;
            return i < 0 ? null : of[i];
        }

        @Override
        public boolean containsKey(Object key) {
            return key instanceof String s && indexOf(s) >= 0;
        }

        @Override
        public int size() {
            return size;
        }

        @Override
        public Set<Entry<String, V>> entrySet() {
            return new AbstractSet<>() {
                @Override
                public int size() {
                    return size;
                }

                @Override
                public Iterator<Entry<String, V>> iterator() {
                    return new Iterator<>() {
                        private int next;

                        @Override
                        public boolean hasNext() {
                            return next < size;
                        }

                        @Override
                        public Entry<String, V> next() {
                            if (next >= size) {
                                throw new NoSuchElementException();
                            }
                            int i = next++;
                            return new SimpleImmutableEntry<>(keys[i], of[i]);
                        }
                    };
                }
            };
        }

        @Override
        public Set<String> keySet() {
            return new AbstractSet<>() {
                @Override
                public int size() {
                    return size;
                }

                @Override
                public boolean contains(Object o) {
                    return containsKey(o);
                }

                @Override
                public Iterator<String> iterator() {
                    return new Iterator<>() {
                        private int next;

                        @Override
                        public boolean hasNext() {
                            return next < size;
                        }

                        @Override
                        public String next() {
                            if (next >= size) {
                                throw new NoSuchElementException();
                            }
                            return keys[next++];
                        }
                    };
                }
            };
        }

        @Override
        public void forEach(java.util.function.BiConsumer<? super String, ? super V> action) {
            for (int i = 0; i < size; i++) {
                action.accept(keys[i], of[i]);
            }
        }
    }

    /** Whether a map is one of these views (already unmodifiable: not wrapped again). */
    static boolean isView(Map<?, ?> map) {
        return map instanceof Fields.View || map instanceof Fields.Places;
    }
}

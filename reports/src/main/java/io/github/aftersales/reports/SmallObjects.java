package io.github.aftersales.reports;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Arrays;
import java.util.ConcurrentModificationException;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;

/**
 * Jackson's node factory as {@code JsonNodeFactory.instance} is, but for its objects' members: kept in two
 * small arrays in the order put, where Jackson keeps a {@code LinkedHashMap} (a hash table and an entry
 * object a member). A result's JSON tree ({@link Json#tree}: the service's answers, the register's JSON) holds
 * hundreds of objects of a few members each; filling the hash tables was the largest cost of making it. The
 * command line's results are written with no tree ({@link JsonReport#write}). The same order as a
 * {@code LinkedHashMap}, so the same bytes: a member put again keeps its place.
 */
final class SmallObjects extends JsonNodeFactory {

    private static final long serialVersionUID = 1L;

    static final SmallObjects INSTANCE = new SmallObjects();

    private SmallObjects() {
        super(); // as JsonNodeFactory.instance is made: the same number nodes
    }

    @Override
    public ObjectNode objectNode() {
        return new ObjectNode(this, new Members());
    }

    /** An insertion-ordered map of few keys; past {@link #MOST} it becomes a {@code LinkedHashMap}. */
    static final class Members extends AbstractMap<String, JsonNode> {
        private static final int MOST = 16;

        private String[] keys = new String[4];
        private JsonNode[] values = new JsonNode[4];
        private int size;
        private LinkedHashMap<String, JsonNode> large;
        private int changes;

        private int indexOf(Object key) {
            for (int i = 0; i < size; i++) {
                if (keys[i].equals(key)) {
                    return i;
                }
            }
            return -1;
        }

        @Override
        public JsonNode get(Object key) {
            if (large != null) {
                return large.get(key);
            }
            int i = indexOf(key);
            return i < 0 ? null : values[i];
        }

        @Override
        public boolean containsKey(Object key) {
            return large != null ? large.containsKey(key) : indexOf(key) >= 0;
        }

        @Override
        public JsonNode put(String key, JsonNode value) {
            if (large != null) {
                return large.put(key, value);
            }
            int i = indexOf(key);
            if (i >= 0) {
                JsonNode old = values[i];
                values[i] = value;
                return old;
            }
            if (key == null) {
                throw new NullPointerException("a member's name is null");
            }
            changes++;
            if (size == MOST) {
                large = new LinkedHashMap<>();
                for (int j = 0; j < size; j++) {
                    large.put(keys[j], values[j]);
                }
                keys = null;
                values = null;
                size = 0;
                return large.put(key, value);
            }
            if (size == keys.length) {
                keys = Arrays.copyOf(keys, size * 2);
                values = Arrays.copyOf(values, size * 2);
            }
            keys[size] = key;
            values[size] = value;
            size++;
            return null;
        }

        @Override
        public JsonNode remove(Object key) {
            if (large != null) {
                return large.remove(key);
            }
            int i = indexOf(key);
            return i < 0 ? null : removeAt(i);
        }

        private JsonNode removeAt(int i) {
            JsonNode old = values[i];
            System.arraycopy(keys, i + 1, keys, i, size - i - 1);
            System.arraycopy(values, i + 1, values, i, size - i - 1);
            size--;
            keys[size] = null;
            values[size] = null;
            changes++;
            return old;
        }

        @Override
        public void clear() {
            if (large != null) {
                large.clear();
                return;
            }
            Arrays.fill(keys, 0, size, null);
            Arrays.fill(values, 0, size, null);
            size = 0;
            changes++;
        }

        @Override
        public int size() {
            return large != null ? large.size() : size;
        }

        @Override
        public Set<Entry<String, JsonNode>> entrySet() {
            if (large != null) {
                return large.entrySet();
            }
            return new AbstractSet<>() {
                @Override
                public int size() {
                    return Members.this.size();
                }

                @Override
                public Iterator<Entry<String, JsonNode>> iterator() {
                    if (large != null) {
                        return large.entrySet().iterator();
                    }
                    return new Iterator<>() {
                        private int next;
                        private int last = -1;
                        private int expected = changes;

                        @Override
                        public boolean hasNext() {
                            return next < size;
                        }

                        @Override
                        public Entry<String, JsonNode> next() {
                            if (expected != changes) {
                                throw new ConcurrentModificationException();
                            }
                            if (next >= size) {
                                throw new NoSuchElementException();
                            }
                            last = next++;
                            return new Member(last);
                        }

                        @Override
                        public void remove() {
                            if (last < 0) {
                                throw new IllegalStateException();
                            }
                            if (expected != changes) {
                                throw new ConcurrentModificationException();
                            }
                            removeAt(last);
                            next = last;
                            last = -1;
                            expected = changes;
                        }
                    };
                }
            };
        }

        /** One member, its value settable (as a {@code LinkedHashMap}'s entry). */
        private final class Member implements Entry<String, JsonNode> {
            private final int at;
            private final String key;

            Member(int at) {
                this.at = at;
                this.key = keys[at];
            }

            @Override
            public String getKey() {
                return key;
            }

            @Override
            public JsonNode getValue() {
                return values[at];
            }

            @Override
            public JsonNode setValue(JsonNode value) {
                JsonNode old = values[at];
                values[at] = value;
                return old;
            }

            @Override
            public boolean equals(Object o) {
                return o instanceof Map.Entry<?, ?> e && key.equals(e.getKey())
                        && java.util.Objects.equals(getValue(), e.getValue());
            }

            @Override
            public int hashCode() {
                return key.hashCode() ^ java.util.Objects.hashCode(getValue());
            }

            @Override
            public String toString() {
                return key + "=" + getValue();
            }
        }
    }
}

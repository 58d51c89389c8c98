package io.github.aftersales.core.json;

import static java.util.Objects.requireNonNull;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * A JSON or YAML value that remembers where it was read (line and column) and its path from the
 * document root, so every message about it can say where it is.
 */
public sealed interface Located permits Located.Obj, Located.Arr, Located.Scalar {

    /** Where the value starts. */
    Position position();

    /** Where the value is from the root, built into a path only when a message needs it. */
    Where where();

    /** The path from the root, e.g. {@code schemes[0].findings[3].score}. Empty for the root. */
    default String path() {
        return where().toString();
    }

    /**
     * A place in the tree: its parent and its key or index. The path string is built only on demand,
     * because most values never appear in a message.
     */
    final class Where {
        /** The root. */
        public static final Where ROOT = new Where(null, null, -1);

        private final Where parent;
        private final String key;
        private final int index;

        private Where(Where parent, String key, int index) {
            this.parent = parent;
            this.key = key;
            this.index = index;
        }

        /** A place outside a JSON tree, named as people find it (a spreadsheet's {@code Sheet!F12}). */
        public static Where named(String label) {
            return new Where(ROOT, label, -1);
        }

        public Where key(String name) {
            return new Where(this, name, -1);
        }

        public Where index(int i) {
            return new Where(this, null, i);
        }

        @Override
        public String toString() {
            if (parent == null) {
                return "";
            }
            String up = parent.toString();
            if (key == null) {
                return up + "[" + index + "]";
            }
            return up.isEmpty() ? key : up + "." + key;
        }
    }

    /** What kind of value this is, for messages ("an object", "a number"). */
    String kind();

    /** A line and column, 1-based; 0 when unknown. */
    record Position(int line, int column) {
        @Override
        public String toString() {
            return line > 0 ? line + ":" + column : "";
        }
    }

    /** An object, its members in document order. */
    record Obj(Position position, Where where, Map<String, Located> members, Map<String, Position> keyPositions)
            implements Located {
        /** The maps are the reader's own, handed over: wrapped, not copied (a tree is read by the thousand). */
        public Obj {
            members = Fields.isView(members) ? members : java.util.Collections.unmodifiableMap(members);
            keyPositions = Fields.isView(keyPositions) ? keyPositions : java.util.Collections.unmodifiableMap(keyPositions);
        }

        @Override
        public String kind() {
            return "an object";
        }

        public Located get(String key) {
            return members.get(key);
        }

        public boolean has(String key) {
            Located v = members.get(key);
            return v != null && !(v instanceof Scalar s && s.value() == null);
        }
    }

    /** An array. */
    record Arr(Position position, Where where, List<Located> items) implements Located {
        public Arr {
            items = java.util.Collections.unmodifiableList(items);
        }

        @Override
        public String kind() {
            return "a list";
        }
    }

    /**
     * A scalar: {@link String}, {@link BigDecimal} (every number, read exactly), {@link Boolean}, or
     * {@code null}.
     */
    record Scalar(Position position, Where where, Object value) implements Located {
        public Scalar {
            requireNonNull(position, "position is null");
            if (value != null && !(value instanceof String || value instanceof BigDecimal
                    || value instanceof Boolean)) {
                throw new IllegalArgumentException("unexpected scalar " + value.getClass());
            }
        }

        @Override
        public String kind() {
            if (value == null) {
                return "null";
            }
            if (value instanceof BigDecimal) {
                return "a number";
            }
            if (value instanceof Boolean) {
                return "true/false";
            }
            return "a string";
        }
    }
}

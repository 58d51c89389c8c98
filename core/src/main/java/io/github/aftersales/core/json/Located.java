package io.github.aftersales.core.json;

import static java.util.Objects.requireNonNull;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A JSON or YAML value that remembers where it was read (line and column) and its path from the
 * document root, so every message about it can say where it is.
 */
public sealed interface Located permits Located.Obj, Located.Arr, Located.Scalar {

    /** Where the value starts. */
    Position position();

    /** The path from the root, e.g. {@code schemes[0].findings[3].score}. Empty for the root. */
    String path();

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
    record Obj(Position position, String path, Map<String, Located> members, Map<String, Position> keyPositions)
            implements Located {
        public Obj {
            members = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(members));
            keyPositions = Map.copyOf(keyPositions);
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
    record Arr(Position position, String path, List<Located> items) implements Located {
        public Arr {
            items = List.copyOf(items);
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
    record Scalar(Position position, String path, Object value) implements Located {
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

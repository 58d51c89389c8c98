package io.github.aftersales.mappings;

import java.util.Arrays;
import java.util.Optional;

/**
 * How a source clause's requirement stands to a target clause's, as in CISO Assistant's mapping
 * libraries. Read "the source is … of the target".
 */
public enum Relation {
    /** Each asks what the other asks: a finding carries both ways, whatever it is. */
    EQUAL("equal"),
    /** The target asks all the source asks, and more: no finding carries. */
    SUBSET("subset"),
    /** The source asks all the target asks, and more: a conforming source makes the target conform. */
    SUPERSET("superset"),
    /** Each asks something the other does not: no finding carries. */
    INTERSECT("intersect");

    private final String key;

    Relation(String key) {
        this.key = key;
    }

    /** The word in a mapping file. */
    public String key() {
        return key;
    }

    /** The relation read the other way round (target to source). */
    public Relation inverse() {
        return switch (this) {
            case SUBSET -> SUPERSET;
            case SUPERSET -> SUBSET;
            default -> this;
        };
    }

    /** The relation named by {@code key}, exactly as written. */
    public static Optional<Relation> parse(String key) {
        return Arrays.stream(values()).filter(r -> r.key.equals(key)).findFirst();
    }

    /** The words a mapping file may use. */
    public static String keys() {
        return String.join(", ", Arrays.stream(values()).map(Relation::key).toList());
    }
}

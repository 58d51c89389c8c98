package io.github.aftersales.register;

import java.util.Locale;
import java.util.Set;

/**
 * Which certificates a listing reads, each filter done by the database.
 *
 * @param text   organisation or reference containing it (any case), or {@code null} for all
 * @param states only certificates now in one of these; empty for any
 * @param scheme only certificates of this scheme, or {@code null}
 */
public record Listing(String text, Set<State> states, String scheme) {
    public Listing {
        states = Set.copyOf(states);
    }

    /** Every certificate. */
    public static Listing all() {
        return new Listing(null, Set.of(), null);
    }

    /** The LIKE pattern for {@link #text}, its wildcards taken literally ({@code !} escapes). */
    String pattern() {
        return text == null ? null : "%" + text.toLowerCase(Locale.ROOT).replace("!", "!!").replace("%", "!%")
                .replace("_", "!_") + "%";
    }
}

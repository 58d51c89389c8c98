package io.github.aftersales.core.registry;

import io.github.aftersales.core.json.Suggestions;
import io.github.aftersales.spi.Scheme;
import io.github.aftersales.spi.Variant;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/** The messages for a scheme or variant that is not there, said the same way wherever it is asked for. */
public final class Messages {

    private Messages() {
    }

    /** "unknown scheme 'gb27922' (did you mean 'gbt27922'?); installed: gbt27922, zg025". */
    public static String unknownScheme(String id, Set<String> installed) {
        return "unknown scheme '" + id + "'" + Suggestions.didYouMean(id, installed) + "; installed: "
                + (installed.isEmpty() ? "none" : String.join(", ", new TreeSet<>(installed)));
    }

    /** "scheme gbt27922 has no variant 'x'; its variants: form, annex-a1, …". */
    public static String unknownVariant(Scheme scheme, String variant) {
        return "scheme " + scheme.id() + " has no variant '" + variant + "'; its variants: "
                + scheme.variants().stream().map(Variant::id).collect(Collectors.joining(", "));
    }
}

package io.github.aftersales.core.registry;

import io.github.aftersales.core.json.Suggestions;
import io.github.aftersales.spi.Scheme;
import io.github.aftersales.spi.Variant;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The messages for a scheme or variant that is not there, and for what a scheme threw, said the same
 * way wherever they are needed.
 */
public final class Messages {

    private Messages() {
    }

    /** "unknown scheme 'gb27922' (did you mean 'gbt27922'?); installed: gbt27922, zg025". */
    public static String unknownScheme(String id, Set<String> installed) {
        return unknownScheme(id, installed, null);
    }

    /**
     * @param lookedIn where plugins were looked for ({@link #pluginsLookedIn}), or {@code null} when it
     *                 does not matter
     */
    public static String unknownScheme(String id, Set<String> installed, String lookedIn) {
        return "unknown scheme '" + id + "'" + Suggestions.didYouMean(id, installed) + "; installed: "
                + (installed.isEmpty() ? "none" : String.join(", ", new TreeSet<>(installed)))
                + (lookedIn == null ? "" : "; " + lookedIn);
    }

    /** Where plugin jars were looked for, for a message about a scheme that is not installed. */
    public static String pluginsLookedIn(java.nio.file.Path directory) {
        return directory == null ? "no plugin directory is in use (--plugins DIR, $AFTERSALES_PLUGINS, or"
                + " ~/.aftersales/plugins when it exists)" : "plugin jars are looked for in " + directory;
    }

    private static final String SPI = "io/github/aftersales/spi/";

    /**
     * What a scheme or plugin threw, in one line for people: the innermost cause's message, after the
     * outer one's when they differ ("Provider … could not be instantiated: boom"). An Error's kind is
     * said ("StackOverflowError", "NoClassDefFoundError: com/example/Gone"): its message alone says
     * little; a missing class is said once, not again by the cause it carries. Control characters
     * (line breaks) become spaces, so the message stays one line.
     */
    public static String failure(Throwable thrown) {
        Throwable inner = thrown;
        // bounded: a cause chain can be made to loop
        for (int depth = 0; depth < 32 && inner.getCause() != null && inner.getCause() != inner
                && !(inner instanceof LinkageError && inner.getMessage() != null); depth++) {
            inner = inner.getCause();
        }
        String said = inner.getMessage() == null ? inner.getClass().getSimpleName()
                : inner instanceof Error ? inner.getClass().getSimpleName() + ": " + inner.getMessage() : inner.getMessage();
        String text = inner == thrown || thrown.getMessage() == null ? said : thrown.getMessage() + ": " + said;
        if (inner instanceof NoClassDefFoundError && inner.getMessage() != null
                && inner.getMessage().startsWith("io/github/aftersales/") && !inner.getMessage().startsWith(SPI)) {
            // only a plugin can miss a platform class: its loader shares the SPI alone
            text += " (a plugin sees only the SPI, io.github.aftersales.spi: build it against aftersales-spi)";
        }
        return text.replaceAll("\\p{Cntrl}+", " ").strip();
    }

    /** "scheme gbt27922 has no variant 'x'; its variants: form, annex-a1, …". */
    public static String unknownVariant(Scheme scheme, String variant) {
        return "scheme " + scheme.id() + " has no variant '" + variant + "'; its variants: "
                + scheme.variants().stream().map(Variant::id).collect(Collectors.joining(", "));
    }
}

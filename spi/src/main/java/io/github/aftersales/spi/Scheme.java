package io.github.aftersales.spi;

import java.util.List;
import java.util.Optional;

/**
 * A certification scheme, found by {@link java.util.ServiceLoader}.
 *
 * <p>Implementations must have a public no-argument constructor and be listed in
 * {@code META-INF/services/io.github.aftersales.spi.Scheme}. A scheme is pure data: an id, a
 * version and its variants, each variant a catalog with a grading table. Most schemes extend
 * {@link ResourceScheme} and keep that data in resource files.
 *
 * <p>The application reads {@link #id}, {@link #version} and the titles once, when the scheme is
 * loaded; {@link #variants} then, and again whenever a command needs the scheme, from several
 * threads at once. A scheme in a plugin jar is trusted code in the application's process; what it
 * throws is reported naming its jar (docs/write-your-own-scheme.md, section 8).
 *
 * @since 0.1
 */
@Api(status = Api.Status.STABLE, since = "0.1")
public interface Scheme {

    /** The scheme's id, unique among installed schemes, e.g. {@code gbt27922}. Never null. */
    String id();

    /** The version of the standard this scheme implements, e.g. {@code GB/T 27922-2011}. */
    String version();

    /** The standard's title as written (Chinese). */
    String title();

    /** Our English title for the standard. */
    String titleEn();

    /** The variants, at least one; the first is the default. */
    List<Variant> variants();

    /** The variant with this id, if the scheme has one. */
    default Optional<Variant> variant(String variantId) {
        for (Variant v : variants()) { // a loop, not a stream: asked once per assessment part
            if (v.id().equals(variantId)) {
                return Optional.of(v);
            }
        }
        return Optional.empty();
    }

    /**
     * A digest of the data this scheme grades with (its catalogs, grading tables and {@code scheme.json}),
     * which a result's provenance records so that a change of that data can be told: the platform computes
     * it once, when a {@link ResourceScheme} is read ({@code docs/result.schema.json}, {@code provenance}).
     * A scheme built in code has none unless it says otherwise.
     *
     * @return {@code sha256:} and 64 lower-case hex digits, or {@code null} when the scheme does not know
     * @since 0.2
     */
    default String catalogDigest() {
        return null;
    }

    /** The default variant (the first). */
    default Variant defaultVariant() {
        return variants().get(0);
    }
}

package io.github.aftersales.spi;

import java.util.List;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;

/**
 * A scheme whose data lives in resource files, which is how every scheme should be written: the
 * subclass names its resource directory and nothing else.
 *
 * <pre>{@code
 * public final class MyScheme extends ResourceScheme {
 *     public MyScheme() {
 *         super("schemes/my-scheme");
 *     }
 * }
 * }</pre>
 *
 * <p>The directory holds {@code scheme.json} and the catalogs and grading tables it names (format in
 * {@code docs/catalog-format.md}). They are read and validated in the constructor, with the
 * subclass's class loader, by the platform's {@link SchemeResourceReader}; a broken resource throws
 * an exception whose message names the resource and the place, and the application reports it as a
 * broken scheme.
 *
 * @since 0.1
 */
@Api(status = Api.Status.STABLE, since = "0.1")
public abstract class ResourceScheme implements Scheme {

    private final Scheme data;

    /**
     * @param directory the resource directory, e.g. {@code schemes/gbt27922}
     * @throws IllegalStateException when no platform is on the class path to read it (the message says
     *                               what to add), or a resource is broken (the message names it)
     */
    protected ResourceScheme(String directory) {
        this.data = Reader.INSTANCE.read(getClass().getClassLoader(), directory);
    }

    @Override
    public final String id() {
        return data.id();
    }

    @Override
    public final String version() {
        return data.version();
    }

    @Override
    public final String title() {
        return data.title();
    }

    @Override
    public final String titleEn() {
        return data.titleEn();
    }

    @Override
    public final List<Variant> variants() {
        return data.variants();
    }

    /** The digest of the resource files as the platform read them ({@link Scheme#catalogDigest}). */
    @Override
    public String catalogDigest() {
        return data.catalogDigest();
    }

    /** The platform's reader, found once; each way the search can end has its own message, as SLF4J's do. */
    private static final class Reader {

        static final SchemeResourceReader INSTANCE = find();

        private static SchemeResourceReader find() {
            List<SchemeResourceReader> found;
            try {
                found = ServiceLoader.load(SchemeResourceReader.class, SchemeResourceReader.class.getClassLoader())
                        .stream().map(ServiceLoader.Provider::get).toList();
            } catch (ServiceConfigurationError e) {
                return (loader, directory) -> {
                    throw new IllegalStateException("The platform's reader of scheme resources could not be loaded ("
                            + e.getMessage() + "), so " + directory + " cannot be read", e);
                };
            }
            if (found.size() == 1) {
                return found.get(0);
            }
            String why = found.isEmpty()
                    ? "no reader of scheme resources is on the class path: a ResourceScheme is read by the aftersales"
                            + " platform (aftersales-core), which the application supplies; in a scheme's own tests"
                            + " add aftersales-testkit in test scope"
                    : "several readers of scheme resources are on the class path ("
                            + String.join(", ", found.stream().map(r -> r.getClass().getName()).toList())
                            + "): keep one aftersales platform on it";
            return (loader, directory) -> {
                throw new IllegalStateException("Cannot read scheme " + directory + ": " + why);
            };
        }
    }
}

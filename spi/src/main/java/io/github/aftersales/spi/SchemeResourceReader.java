package io.github.aftersales.spi;

/**
 * Turns the resource files of a {@link ResourceScheme} into a scheme. The platform implements it;
 * schemes never do. It is found with {@link java.util.ServiceLoader} from the class loader that loaded
 * this package, so a plugin jar compiled against this package alone is read by the platform that
 * runs it.
 *
 * @since 0.1
 */
@Api(status = Api.Status.STABLE, since = "0.1")
public interface SchemeResourceReader {

    /**
     * Reads and validates the scheme whose {@code scheme.json} is in {@code directory} of
     * {@code loader}. A broken file is an exception whose message names the resource and the place.
     *
     * @param loader    the class loader that holds the resources (the scheme class's own)
     * @param directory the resource directory, e.g. {@code schemes/gbt27922}
     * @return the scheme the files declare, immutable
     */
    Scheme read(ClassLoader loader, String directory);
}

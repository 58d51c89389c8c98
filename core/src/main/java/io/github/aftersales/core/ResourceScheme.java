package io.github.aftersales.core;

import io.github.aftersales.core.definition.DefinitionReader;
import io.github.aftersales.spi.Scheme;
import io.github.aftersales.spi.Variant;
import java.util.List;

/**
 * A scheme whose data lives in resource files, which is how every scheme should be written: the
 * subclass names its resource directory and nothing else. It lives outside the SPI package because
 * it is an implementation of {@link Scheme} (reading JSON), not part of the contract.
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
 * {@code docs/catalog-format.md}). They are read and validated in the constructor with the
 * subclass's class loader; a broken resource throws an exception whose message names the resource
 * and the place, and the application reports it as a broken scheme.
 */
public abstract class ResourceScheme implements Scheme {

    private final DefinitionReader.SchemeDefinition definition;

    /**
     * @param directory the resource directory, e.g. {@code schemes/gbt27922}
     */
    protected ResourceScheme(String directory) {
        this.definition = DefinitionReader.read(getClass().getClassLoader(), directory);
    }

    @Override
    public final String id() {
        return definition.id();
    }

    @Override
    public final String version() {
        return definition.version();
    }

    @Override
    public final String title() {
        return definition.title();
    }

    @Override
    public final String titleEn() {
        return definition.titleEn();
    }

    @Override
    public final List<Variant> variants() {
        return definition.variants();
    }
}

package io.github.aftersales.core.definition;

import io.github.aftersales.spi.Scheme;
import io.github.aftersales.spi.SchemeResourceReader;

/**
 * The platform's side of {@link io.github.aftersales.spi.ResourceScheme}: the SPI finds this class
 * with ServiceLoader and hands it a scheme's resource directory, so a scheme needs only the SPI to
 * compile.
 */
public final class ResourceSchemeReader implements SchemeResourceReader {

    @Override
    public Scheme read(ClassLoader loader, String directory) {
        return DefinitionReader.read(loader, directory);
    }
}

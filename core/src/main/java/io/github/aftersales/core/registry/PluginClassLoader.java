package io.github.aftersales.core.registry;

import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;

/**
 * The class loader of one plugin jar. Like Trino's, it shows the plugin only the platform's SPI
 * package ({@code aftersales-spi}) from the application; every other class comes from the jar itself
 * (or the JDK), so a plugin cannot see, or clash with, the engine or the application's libraries,
 * and the engine can change without breaking a plugin.
 */
final class PluginClassLoader extends URLClassLoader {

    private static final String[] SHARED = {"io.github.aftersales.spi."};

    private final ClassLoader application;

    PluginClassLoader(Path jar, ClassLoader application) throws java.net.MalformedURLException {
        super("plugin " + jar.getFileName(), new URL[] {jar.toUri().toURL()}, ClassLoader.getPlatformClassLoader());
        this.application = application;
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
        for (String prefix : SHARED) {
            if (name.startsWith(prefix)) {
                return application.loadClass(name);
            }
        }
        return super.loadClass(name, resolve);
    }
}

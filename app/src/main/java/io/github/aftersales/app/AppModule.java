package io.github.aftersales.app;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import com.google.inject.multibindings.MapBinder;
import io.github.aftersales.core.evaluation.Evaluator;
import io.github.aftersales.core.registry.SchemeRegistry;
import io.github.aftersales.spi.Scheme;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Wires the application: the schemes {@link java.util.ServiceLoader} finds are bound into a
 * {@code Map<String, Scheme>} keyed by id, and the engine is built on that map.
 */
public final class AppModule extends AbstractModule {

    private static final Logger LOG = LoggerFactory.getLogger(AppModule.class);

    private final SchemeRegistry registry;

    public AppModule(SchemeRegistry registry) {
        this.registry = registry;
    }

    /**
     * The module for the schemes on the application's class path and in the plugin directory.
     *
     * @param pluginDirectory a directory of plugin jars, or {@code null} for none
     */
    public static AppModule discovering(Path pluginDirectory) {
        SchemeRegistry registry = SchemeRegistry.discover(AppModule.class.getClassLoader(), pluginDirectory);
        registry.installed().forEach(i -> LOG.debug("scheme {} {} from {}", i.scheme().id(), i.scheme().version(), i.origin()));
        return new AppModule(registry);
    }

    @Override
    protected void configure() {
        bind(SchemeRegistry.class).toInstance(registry);
        MapBinder<String, Scheme> schemes = MapBinder.newMapBinder(binder(), String.class, Scheme.class);
        for (SchemeRegistry.Installed installed : registry.installed()) {
            schemes.addBinding(installed.scheme().id()).toInstance(installed.scheme());
        }
    }

    @Provides
    @Singleton
    Evaluator evaluator(Map<String, Scheme> schemes) {
        return new Evaluator(id -> Optional.ofNullable(schemes.get(id)), schemes.keySet());
    }
}

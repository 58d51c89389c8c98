package io.github.aftersales.app;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import io.github.aftersales.core.evaluation.Evaluator;
import io.github.aftersales.core.registry.SchemeRegistry;
import io.github.aftersales.spi.Scheme;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * Wires the application: the schemes {@link java.util.ServiceLoader} finds are bound as a
 * {@code Map<String, Scheme>} keyed by id, and the engine is built on that map.
 */
public final class AppModule extends AbstractModule {

    private final CompletableFuture<SchemeRegistry> registry;

    /** The module for schemes already found (for embedding the application, and for tests). */
    public AppModule(SchemeRegistry registry) {
        this.registry = CompletableFuture.completedFuture(registry);
    }

    private AppModule(CompletableFuture<SchemeRegistry> registry) {
        this.registry = registry;
    }

    /**
     * The module for the schemes on the application's class path and in the plugin directory. They
     * are found and their catalogs read on a thread of their own while the caller creates the
     * injector (about 20 ms of a 430 ms start on two cores: the threads share the one jar).
     * {@link #registry} waits for them.
     *
     * @param pluginDirectory a directory of plugin jars, or {@code null} for none
     */
    public static AppModule discovering(Path pluginDirectory) {
        return new AppModule(CompletableFuture.supplyAsync(
                () -> SchemeRegistry.discover(AppModule.class.getClassLoader(), pluginDirectory), work -> {
                    Thread t = new Thread(work, "discover-schemes");
                    t.setDaemon(true);
                    t.start();
                }));
    }

    /** The schemes found, once they are; what discovering them threw, as it was thrown. */
    public SchemeRegistry registry() {
        try {
            return registry.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw e;
        }
    }

    @Override
    protected void configure() {
        // the bindings are provided below, when first asked for: configuring waits for no scheme
    }

    @Provides
    @Singleton
    SchemeRegistry schemeRegistry() {
        return registry();
    }

    @Provides
    @Singleton
    Map<String, Scheme> schemes(SchemeRegistry found) {
        Map<String, Scheme> byId = new LinkedHashMap<>();
        for (SchemeRegistry.Installed installed : found.installed()) {
            byId.put(installed.scheme().id(), installed.scheme());
        }
        return Collections.unmodifiableMap(byId);
    }

    @Provides
    @Singleton
    Evaluator evaluator(Map<String, Scheme> schemes) {
        return new Evaluator(id -> Optional.ofNullable(schemes.get(id)), schemes.keySet());
    }
}

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
import java.util.function.UnaryOperator;

/**
 * Wires the application: the schemes {@link java.util.ServiceLoader} finds are bound as a
 * {@code Map<String, Scheme>} keyed by id, and the engine is built on that map.
 *
 * <p>The built-in schemes are found at once, on a thread of their own; the plugins are loaded only
 * when a command first asks for the schemes (commands inject a {@code Provider}), never for
 * {@code --help} or {@code --version}: a plugin is code that runs in this process, and whatever it
 * does, those two keep working.
 */
public final class AppModule extends AbstractModule {

    /** The schemes built into the application, found without loading any plugin (for {@code --version}). */
    public record BuiltIn(SchemeRegistry registry, Path pluginDirectory) {
    }

    private final CompletableFuture<SchemeRegistry> builtIn;
    private final Path pluginDirectory;
    private final UnaryOperator<SchemeRegistry> addPlugins;
    /** The built-in schemes and the plugins', once loaded. */
    private SchemeRegistry all;

    /** The module for schemes already found (for embedding the application, and for tests). */
    public AppModule(SchemeRegistry registry) {
        this(CompletableFuture.completedFuture(registry), null, UnaryOperator.identity());
    }

    private AppModule(CompletableFuture<SchemeRegistry> builtIn, Path pluginDirectory,
            UnaryOperator<SchemeRegistry> addPlugins) {
        this.builtIn = builtIn;
        this.pluginDirectory = pluginDirectory;
        this.addPlugins = addPlugins;
    }

    /**
     * The module for the schemes on the application's class path, found and their catalogs read on
     * a thread of their own while the caller creates the injector (about 20 ms of a 430 ms start on
     * two cores: the threads share the one jar), and those that {@code addPlugins} adds when a
     * command first asks for the schemes.
     *
     * @param pluginDirectory the plugin directory, or {@code null} for none (for {@code --version})
     * @param addPlugins      adds the plugins to the built-in schemes and reports their problems
     */
    public static AppModule discovering(Path pluginDirectory, UnaryOperator<SchemeRegistry> addPlugins) {
        return new AppModule(CompletableFuture.supplyAsync(
                () -> SchemeRegistry.discover(AppModule.class.getClassLoader()), work -> {
                    Thread t = new Thread(work, "discover-schemes");
                    t.setDaemon(true);
                    t.start();
                }), pluginDirectory, addPlugins);
    }

    /** The built-in schemes, once they are found; what finding them threw, as it was thrown. */
    public SchemeRegistry builtIn() {
        return joined(builtIn);
    }

    /** What {@code work} made, once made; what it threw, as it was thrown (not wrapped). */
    static <T> T joined(java.util.concurrent.CompletableFuture<T> work) {
        try {
            return work.join();
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

    /** Every scheme, the plugins' loaded on the first call. */
    public synchronized SchemeRegistry registry() {
        if (all == null) {
            all = addPlugins.apply(builtIn());
        }
        return all;
    }

    @Override
    protected void configure() {
        // the bindings are provided below, when first asked for: configuring waits for no scheme
    }

    @Provides
    BuiltIn builtInSchemes() {
        return new BuiltIn(builtIn(), pluginDirectory);
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
        return new Evaluator(id -> Optional.ofNullable(schemes.get(id)), schemes.keySet(),
                io.github.aftersales.core.registry.Messages.pluginsLookedIn(pluginDirectory));
    }
}

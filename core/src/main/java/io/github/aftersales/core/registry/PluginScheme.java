package io.github.aftersales.core.registry;

import io.github.aftersales.core.evaluation.SchemeFailureException;
import io.github.aftersales.spi.Scheme;
import io.github.aftersales.spi.Variant;
import java.util.List;

/**
 * A scheme from a plugin jar, as the application sees it. Its id, version and titles are read once,
 * when the jar is loaded, inside {@link PluginCall}: listing, logging and showing versions never
 * call the plugin again. Its variants are asked for each time (the SPI lets a scheme build them as
 * it likes), through the same guard: what the plugin throws then is a {@link SchemeFailureException}
 * naming the scheme and the call, so that scheme's assessments fail (exit 5) and the rest go on.
 *
 * <p>{@link #variant} and {@link #defaultVariant} are the SPI's defaults over {@link #variants}, not
 * the plugin's: a variant the application uses is one that {@code variants()} gives.
 */
final class PluginScheme implements Scheme {

    private final Scheme plugin;
    private final String id;
    private final String version;
    private final String title;
    private final String titleEn;
    /** The plugin's catalog digest, read once with the rest. */
    private final String catalogDigest;
    /** The variants read when the jar was loaded, which the registry validates. */
    final List<Variant> discovered;

    private PluginScheme(Scheme plugin) throws PluginCall.Failure {
        this.plugin = plugin;
        this.id = PluginCall.run("id()", plugin::id);
        this.version = PluginCall.run("version()", plugin::version);
        this.title = PluginCall.run("title()", plugin::title);
        this.titleEn = PluginCall.run("titleEn()", plugin::titleEn);
        this.catalogDigest = PluginCall.run("catalogDigest()", plugin::catalogDigest);
        this.discovered = PluginCall.run("variants()", plugin::variants);
    }

    /** Reads what the plugin's scheme says of itself, once; a failure says which call failed. */
    static PluginScheme read(Scheme plugin) throws PluginCall.Failure {
        return new PluginScheme(plugin);
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public String version() {
        return version;
    }

    @Override
    public String title() {
        return title;
    }

    @Override
    public String titleEn() {
        return titleEn;
    }

    @Override
    public String catalogDigest() {
        return catalogDigest;
    }

    @Override
    public List<Variant> variants() {
        try {
            return PluginCall.run("variants()", plugin::variants);
        } catch (PluginCall.Failure f) {
            throw new SchemeFailureException(id, "in " + f.call(), f.getMessage(), f.getCause());
        }
    }

    /** The plugin's class, for messages. */
    String type() {
        return plugin.getClass().getName();
    }
}

package io.github.aftersales.app.commands;

import io.github.aftersales.app.AppModule;
import jakarta.inject.Inject;
import jakarta.inject.Provider;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.IVersionProvider;

/**
 * {@code --version}: the application's version and the built-in schemes' versions. Plugins are not
 * loaded for it, so that it works whatever a plugin does; {@code schemes} lists theirs.
 */
public final class VersionProvider implements IVersionProvider {

    private final Provider<AppModule.BuiltIn> builtIn;

    @Inject
    VersionProvider(Provider<AppModule.BuiltIn> builtIn) {
        this.builtIn = builtIn;
    }

    @Override
    public String[] getVersion() {
        List<String> lines = new ArrayList<>();
        // the version every result's provenance records (the jar's manifest names none)
        lines.add("aftersales " + io.github.aftersales.core.evaluation.Provenance.PROGRAM);
        lines.add("Java " + System.getProperty("java.version"));
        AppModule.BuiltIn builtIn = this.builtIn.get();
        builtIn.registry().installed().forEach(i -> lines.add("scheme " + i.scheme().id() + " " + i.scheme().version()));
        if (builtIn.pluginDirectory() != null) {
            lines.add("plugins in " + builtIn.pluginDirectory() + ": not loaded for --version; 'aftersales schemes'"
                    + " lists their schemes");
        }
        return lines.toArray(String[]::new);
    }
}

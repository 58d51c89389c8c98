package io.github.aftersales.app.commands;

import io.github.aftersales.core.registry.SchemeRegistry;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.IVersionProvider;

/** {@code --version}: the application's version and the installed schemes' versions. */
public final class VersionProvider implements IVersionProvider {

    private final SchemeRegistry registry;

    @Inject
    VersionProvider(SchemeRegistry registry) {
        this.registry = registry;
    }

    @Override
    public String[] getVersion() {
        String version = VersionProvider.class.getPackage().getImplementationVersion();
        List<String> lines = new ArrayList<>();
        lines.add("aftersales " + (version == null ? "(development build)" : version));
        lines.add("Java " + System.getProperty("java.version"));
        for (SchemeRegistry.Installed i : registry.installed()) {
            lines.add("scheme " + i.scheme().id() + " " + i.scheme().version());
        }
        return lines.toArray(String[]::new);
    }
}

package io.github.aftersales.app.commands;

import io.github.aftersales.app.ExitCode;
import io.github.aftersales.core.evaluation.Decimals;
import io.github.aftersales.core.evaluation.SchemeFailureException;
import io.github.aftersales.core.registry.SchemeRegistry;
import io.github.aftersales.spi.Scheme;
import io.github.aftersales.spi.Variant;
import jakarta.inject.Inject;
import jakarta.inject.Provider;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code schemes}: what is installed, and where from. */
@Command(name = "schemes", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "List the installed schemes and their variants, with version and where each came from.")
public final class SchemesCommand implements Callable<Integer> {

    // a provider: the plugins are loaded when the command runs, not for --help
    private final Provider<SchemeRegistry> installed;

    @Spec
    CommandSpec spec;

    @Inject
    SchemesCommand(Provider<SchemeRegistry> installed) {
        this.installed = installed;
    }

    @Override
    public Integer call() {
        SchemeRegistry registry = installed.get();
        PrintWriter out = spec.commandLine().getOut();
        if (registry.installed().isEmpty()) {
            out.println("No scheme is installed.");
        }
        int exit = ExitCode.OK;
        for (SchemeRegistry.Installed i : registry.installed()) {
            Scheme s = i.scheme();
            out.printf("%s  %s  %s (%s)%n", s.id(), s.version(), s.title(), s.titleEn());
            out.printf("    from: %s%n", i.origin());
            List<Variant> variants;
            try {
                variants = s.variants();
            } catch (SchemeFailureException f) {
                // a plugin failing now (it loaded fine): said in its place, and the others are still listed
                spec.commandLine().getErr().println("error: " + registry.describe(f));
                exit = ExitCode.SCHEME;
                continue;
            }
            for (int n = 0; n < variants.size(); n++) {
                Variant v = variants.get(n);
                out.printf("    variant %-9s %s%s%n", v.id(), v.title(), n == 0 ? "  [default]" : "");
                if (v.combining()) {
                    out.printf("                      %s; combines %s%n", v.titleEn(), v.combines().stream()
                            .map(Variant.PartRef::toString).collect(java.util.stream.Collectors.joining(" and ")));
                } else {
                    long scored = v.catalog().clauses().stream().filter(c -> c.points() != null).count()
                            + v.catalog().wholeScoredCategories().size();
                    long checklist = v.catalog().clauses().stream().filter(c -> c.points() == null).count();
                    out.printf("                      %s; %d scored items%s, %s points%n", v.titleEn(), scored,
                            checklist == 0 ? "" : " and " + checklist + " checklist items",
                            Decimals.text(v.catalog().totalPoints()));
                }
            }
        }
        // schemes that failed to load were already reported, once, when they were loaded
        return exit;
    }
}

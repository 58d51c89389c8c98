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
        description = {"List the installed schemes and their variants, with version and where each came from.",
                "With --readings: every reading of a standard each scheme offers as a switch (for --reading and an"
                        + " assessment's options.readings), with its default, its alternatives and the clause it reads."})
public final class SchemesCommand implements Callable<Integer> {

    // a provider: the plugins are loaded when the command runs, not for --help
    private final Provider<SchemeRegistry> installed;

    @Spec
    CommandSpec spec;

    @picocli.CommandLine.Option(names = "--readings",
            description = "List the readings of the standards instead: key, default, alternatives, clause, why.")
    boolean readings;

    /** The output formats of --readings. */
    public enum Format { text, json }

    @picocli.CommandLine.Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
            description = "With --readings: text or json (default: ${DEFAULT-VALUE}).")
    Format format;

    @Inject
    SchemesCommand(Provider<SchemeRegistry> installed) {
        this.installed = installed;
    }

    @Override
    public Integer call() {
        SchemeRegistry registry = installed.get();
        PrintWriter out = spec.commandLine().getOut();
        if (format == Format.json && !readings) {
            throw new io.github.aftersales.app.UserException(ExitCode.USAGE, "--format json lists the readings: add"
                    + " --readings");
        }
        if (readings) {
            return readings(registry, out);
        }
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

    /** Every reading of every installed scheme, in the scheme's order, with the variants that take it. */
    private int readings(SchemeRegistry registry, PrintWriter out) {
        int exit = ExitCode.OK;
        com.fasterxml.jackson.databind.node.ArrayNode json =
                com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.arrayNode();
        StringBuilder text = new StringBuilder();
        for (SchemeRegistry.Installed i : registry.installed()) {
            Scheme s = i.scheme();
            java.util.Map<String, io.github.aftersales.spi.Reading> byKey = new java.util.LinkedHashMap<>();
            java.util.Map<String, List<String>> takenBy = new java.util.LinkedHashMap<>();
            try {
                for (Variant v : s.variants()) {
                    for (io.github.aftersales.spi.Reading r : v.readings()) {
                        byKey.putIfAbsent(r.key(), r);
                        takenBy.computeIfAbsent(r.key(), k -> new java.util.ArrayList<>()).add(v.id());
                    }
                }
            } catch (SchemeFailureException f) {
                spec.commandLine().getErr().println("error: " + registry.describe(f));
                exit = ExitCode.SCHEME;
                continue;
            }
            for (io.github.aftersales.spi.Reading r : byKey.values()) {
                com.fasterxml.jackson.databind.node.ObjectNode o = json.addObject();
                o.put("key", r.key());
                o.put("scheme", s.id());
                takenBy.get(r.key()).forEach(o.putArray("variants")::add);
                o.put("title", r.title());
                o.put("clause", r.clause());
                o.put("quote", r.quote());
                o.put("why", r.why());
                o.put("unit", r.unit().isEmpty() ? null : r.unit());
                o.put("default", r.defaultValue());
                com.fasterxml.jackson.databind.node.ArrayNode alternatives = o.putArray("alternatives");
                r.alternatives().forEach(a -> alternatives.addObject().put("value", a.value()).put("means", a.means()));
                text.append(r.key()).append("  (").append(s.id()).append(' ')
                        .append(String.join(", ", takenBy.get(r.key()))).append(")\n");
                text.append("    ").append(r.title()).append('\n');
                text.append("    clause:   ").append(r.clause()).append('\n');
                if (!r.quote().isEmpty()) {
                    text.append("    text:     ").append(r.quote()).append('\n');
                }
                for (io.github.aftersales.spi.Reading.Alternative a : r.alternatives()) {
                    boolean dflt = a.value().equals(r.defaultValue());
                    text.append(dflt ? "    default:  " : "    or:       ").append(r.shown(a.value())).append(" — ")
                            .append(a.means()).append('\n');
                }
                if (!r.why().isEmpty()) {
                    text.append("    why the default: ").append(r.why()).append('\n');
                }
                text.append("    choose:   --reading ").append(r.key()).append('=')
                        .append(r.alternatives().stream().filter(a -> !a.value().equals(r.defaultValue())).findFirst()
                                .map(io.github.aftersales.spi.Reading.Alternative::value).orElse(r.defaultValue()))
                        .append(", or options.readings in the assessment\n\n");
            }
        }
        if (format == Format.json) {
            out.print(io.github.aftersales.reports.Json.pretty(json));
        } else {
            out.print(text.length() == 0 ? "No installed scheme offers a reading.\n" : text);
        }
        out.flush();
        return exit;
    }
}

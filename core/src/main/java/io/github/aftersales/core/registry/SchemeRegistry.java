package io.github.aftersales.core.registry;

import io.github.aftersales.core.definition.Limits;
import io.github.aftersales.core.json.LocatedException;
import io.github.aftersales.spi.Scheme;
import io.github.aftersales.spi.Variant;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import java.security.CodeSource;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.Set;

/**
 * The installed schemes, found with {@link ServiceLoader}. Discovery never fails as a whole: a
 * scheme that cannot be loaded (a missing class, a broken catalog, an id another scheme already
 * has) is recorded as a {@link Problem} with its cause, and every other scheme is still available.
 */
public final class SchemeRegistry {

    /** A scheme found, and where it came from (a jar or directory of the class path). */
    public record Installed(Scheme scheme, String origin) {
    }

    /** A scheme that could not be installed, with one line saying why. */
    public record Problem(String origin, String message) {
    }

    private final Map<String, Installed> schemes;
    private final List<Problem> problems;

    private SchemeRegistry(Map<String, Installed> schemes, List<Problem> problems) {
        this.schemes = Collections.unmodifiableMap(new LinkedHashMap<>(schemes));
        this.problems = List.copyOf(problems);
    }

    /** Discovers the schemes visible to this class loader. */
    public static SchemeRegistry discover(ClassLoader loader) {
        Map<String, Installed> found = new LinkedHashMap<>();
        List<Problem> problems = new ArrayList<>();
        builtIn(ServiceLoader.load(Scheme.class, loader), found, problems);
        return new SchemeRegistry(found, problems);
    }

    /**
     * Discovers the schemes visible to this class loader (built in), then those in each {@code .jar}
     * of {@code pluginDirectory}, each jar in a class loader of its own. A broken jar is a problem
     * naming the jar; it never stops the others.
     *
     * @param pluginDirectory a directory of plugin jars, or {@code null} for none
     */
    public static SchemeRegistry discover(ClassLoader loader, Path pluginDirectory) {
        SchemeRegistry builtIn = discover(loader);
        return pluginDirectory == null ? builtIn : builtIn.withPlugins(loader, pluginDirectory, jar -> { });
    }

    /**
     * These schemes and those in each {@code .jar} of {@code directory}, each jar in a class loader
     * of its own that shows it the application's SPI package only. A broken jar is a problem
     * naming the jar; it never stops the others. Every call into a plugin's code goes through
     * {@link PluginCall}, and what a jar holds is read within {@link Limits}.
     *
     * @param application the class loader of the application (the SPI package)
     * @param loading     told each jar before it is loaded (to say which one, should it end the program)
     */
    public SchemeRegistry withPlugins(ClassLoader application, Path directory, Consumer<Path> loading) {
        Map<String, Installed> found = new LinkedHashMap<>(schemes);
        List<Problem> all = new ArrayList<>(problems);
        if (!Files.isDirectory(directory)) {
            all.add(new Problem(directory.toString(), "the plugin directory does not exist or is not a directory"));
            return new SchemeRegistry(found, all);
        }
        List<Path> jars;
        try (Stream<Path> files = Files.list(directory)) {
            jars = files.filter(f -> f.getFileName().toString().endsWith(".jar")).sorted().toList();
        } catch (IOException e) {
            all.add(new Problem(directory.toString(), "cannot list the plugin directory: " + e.getMessage()));
            return new SchemeRegistry(found, all);
        }
        // a scheme id in two jars (two versions of one plugin, most often): which is meant cannot be
        // told from the files, so neither is used, and one line names them all
        Map<String, List<String>> contested = new LinkedHashMap<>();
        for (Path jar : jars) {
            loading.accept(jar);
            plugin(application, jar, found, all, contested);
        }
        contested.forEach((id, origins) -> all.add(new Problem(directory.toString(), "scheme id '" + id + "' is in "
                + origins.size() + " plugin jars (" + String.join(", ", origins.stream().map(o -> o.substring(
                        o.lastIndexOf(java.io.File.separatorChar) + 1)).toList()) + "): none of them is used, as which"
                + " one is meant cannot be told; keep one of them in " + directory)));
        return new SchemeRegistry(found, all);
    }

    private static final String SERVICES = "META-INF/services/" + Scheme.class.getName();
    private static final String PLUGIN = "plugin ";

    /** Loads the schemes of one jar. */
    private static void plugin(ClassLoader application, Path jar, Map<String, Installed> found, List<Problem> problems,
            Map<String, List<String>> contested) {
        String origin = PLUGIN + jar.toAbsolutePath();
        int names;
        try (JarFile file = new JarFile(jar.toFile())) {
            try {
                file.getManifest(); // the JDK refuses one over 16 MB, and the class loader would then skip the jar unsaid
            } catch (IOException e) {
                problems.add(new Problem(origin, "its manifest cannot be read: " + e.getMessage()));
                return;
            }
            JarEntry services = file.getJarEntry(SERVICES);
            if (services == null) {
                problems.add(new Problem(origin, "no scheme in it: it lists none in " + SERVICES));
                return;
            }
            // read here first, within the limit, so that ServiceLoader never reads an unbounded entry
            byte[] list;
            try (InputStream in = file.getInputStream(services)) {
                list = Limits.readServiceFile(in, SERVICES);
            } catch (IOException e) {
                problems.add(new Problem(origin, SERVICES + ": cannot be read: " + e.getMessage()));
                return;
            } catch (LocatedException e) {
                problems.add(new Problem(origin, e.getMessage()));
                return;
            }
            names = (int) new String(list, StandardCharsets.UTF_8).lines()
                    .map(l -> l.replaceFirst("#.*", "").strip()).filter(l -> !l.isEmpty()).count();
        } catch (IOException e) {
            problems.add(new Problem(origin, "not a jar: " + e.getMessage()));
            return;
        }
        PluginClassLoader loader;
        try {
            loader = new PluginClassLoader(jar, application);
        } catch (IOException e) {
            problems.add(new Problem(origin, "cannot be opened: " + e.getMessage()));
            return;
        }
        int claimed = 0; // schemes of this jar installed, or left out because another jar has the same id
        int problemsBefore = problems.size();
        Iterator<ServiceLoader.Provider<Scheme>> it = ServiceLoader.load(Scheme.class, loader).stream().iterator();
        // one round a name listed, at most: a provider that fails is skipped, and the next one tried
        for (int round = 0; round <= names; round++) {
            ServiceLoader.Provider<Scheme> provider;
            Class<? extends Scheme> type;
            try {
                provider = PluginCall.run("finding its schemes", () -> it.hasNext() ? it.next() : null);
                if (provider == null) {
                    break;
                }
                type = PluginCall.run("loading a scheme class", provider::type);
            } catch (PluginCall.Failure f) {
                problems.add(new Problem(origin, f.getMessage()));
                continue;
            }
            if (type.getClassLoader() != loader) {
                continue; // a built-in scheme seen again through the plugin's parent
            }
            Scheme created;
            try {
                created = PluginCall.run("its constructor", provider::get);
            } catch (PluginCall.Failure f) {
                problems.add(new Problem(origin, type.getName() + " could not be created: " + f.getMessage()));
                continue;
            }
            PluginScheme scheme;
            try {
                scheme = PluginScheme.read(created);
            } catch (PluginCall.Failure f) {
                problems.add(new Problem(origin, type.getName() + " failed in " + f.call() + ": " + f.getMessage()));
                continue;
            }
            if (add(found, problems, scheme, type.getName(), scheme.id(), scheme.discovered, origin, contested)) {
                claimed++;
            }
        }
        if (claimed == 0 && problems.size() == problemsBefore) {
            problems.add(new Problem(origin, "no scheme in it: it lists none in " + SERVICES));
        }
        if (found.values().stream().noneMatch(i -> i.origin().equals(origin))) {
            try {
                loader.close(); // nothing of it is used: let go of the file
            } catch (IOException e) {
                // it was only being read
            }
        }
    }

    /** Loads the providers of the class path. */
    private static void builtIn(ServiceLoader<Scheme> services, Map<String, Installed> found, List<Problem> problems) {
        Iterator<ServiceLoader.Provider<Scheme>> it = services.stream().iterator();
        while (true) {
            ServiceLoader.Provider<Scheme> provider;
            try {
                if (!it.hasNext()) {
                    break;
                }
                provider = it.next();
            } catch (ServiceConfigurationError | LinkageError e) {
                problems.add(new Problem("class path", Messages.failure(e)));
                continue;
            }
            Class<? extends Scheme> type;
            try {
                type = provider.type();
            } catch (ServiceConfigurationError | LinkageError e) {
                problems.add(new Problem("class path", Messages.failure(e)));
                continue;
            }
            String origin = originOf(type);
            Scheme scheme;
            try {
                scheme = provider.get();
            } catch (ServiceConfigurationError | RuntimeException | LinkageError e) {
                // the ServiceLoader's own words ("Provider … could not be instantiated") only repeat the class
                Throwable cause = e instanceof ServiceConfigurationError && e.getCause() != null ? e.getCause() : e;
                problems.add(new Problem(origin, type.getName() + " could not be created: " + Messages.failure(cause)));
                continue;
            }
            add(found, problems, scheme, origin);
        }
    }

    /** A registry of the given schemes (for tests and embedding). */
    public static SchemeRegistry of(List<Scheme> schemes) {
        Map<String, Installed> found = new LinkedHashMap<>();
        List<Problem> problems = new ArrayList<>();
        for (Scheme s : schemes) {
            add(found, problems, s, originOf(s.getClass()));
        }
        return new SchemeRegistry(found, problems);
    }

    /** Adds a scheme of the application's own, asking it for its id and variants. */
    private static void add(Map<String, Installed> found, List<Problem> problems, Scheme scheme, String origin) {
        String id;
        List<Variant> variants;
        try {
            id = scheme.id();
            variants = scheme.variants();
        } catch (RuntimeException e) {
            problems.add(new Problem(origin, scheme.getClass().getName() + " failed to describe itself: " + Messages.failure(e)));
            return;
        }
        add(found, problems, scheme, scheme.getClass().getName(), id, variants, origin, null);
    }

    /** The class that implements a scheme, for messages: a plugin's own, not its wrapper's. */
    private static String typeOf(Scheme scheme) {
        return scheme instanceof PluginScheme p ? p.type() : scheme.getClass().getName();
    }

    /** Adds a scheme whose id and variants were read, if they are valid and the id is not taken. */
    private static boolean add(Map<String, Installed> found, List<Problem> problems, Scheme scheme, String type,
            String id, List<Variant> variants, String origin, Map<String, List<String>> contested) {
        if (id == null || variants == null || variants.isEmpty()) {
            problems.add(new Problem(origin, type + " has no id or no variants"));
            return false;
        }
        String invalid = DefinitionChecks.problem(id, variants);
        if (invalid != null) {
            problems.add(new Problem(origin, "scheme " + id + " is not valid: " + invalid));
            return false;
        }
        if (contested != null && contested.containsKey(id)) {
            contested.get(id).add(origin);
            return true;
        }
        Installed earlier = found.get(id);
        if (earlier != null && contested != null && earlier.origin().startsWith(PLUGIN)) {
            found.remove(id);
            contested.put(id, new ArrayList<>(List.of(earlier.origin(), origin)));
            return true;
        }
        if (earlier != null) {
            problems.add(new Problem(origin, "scheme id '" + id + "' of " + type + " is already taken by "
                    + typeOf(earlier.scheme()) + " from " + earlier.origin() + "; the first one found is used"));
            return false;
        }
        found.put(id, new Installed(scheme, origin));
        return true;
    }

    private static String originOf(Class<?> type) {
        String where;
        try {
            CodeSource cs = type.getProtectionDomain().getCodeSource();
            URL url = cs == null ? null : cs.getLocation();
            where = url == null ? null : url.getPath();
        } catch (SecurityException e) {
            where = null;
        }
        return where == null ? "built in" : "built in (" + where + ")";
    }

    /** The installed schemes, in discovery order. */
    public List<Installed> installed() {
        return List.copyOf(schemes.values());
    }

    /**
     * A scheme's failure in one line, with where the scheme came from: "scheme flaky failed in
     * variants(): StackOverflowError (plugin /plugins/flaky.jar)".
     */
    public String describe(io.github.aftersales.core.evaluation.SchemeFailureException failure) {
        Installed installed = schemes.get(failure.scheme());
        return failure.getMessage() + " (" + (installed == null ? "unknown origin" : installed.origin()) + ")";
    }

    /** The scheme with this id. */
    public Optional<Scheme> find(String id) {
        return Optional.ofNullable(schemes.get(id)).map(Installed::scheme);
    }

    /** The installed ids. */
    public Set<String> ids() {
        return schemes.keySet();
    }

    /** The schemes that could not be installed. */
    public List<Problem> problems() {
        return problems;
    }
}

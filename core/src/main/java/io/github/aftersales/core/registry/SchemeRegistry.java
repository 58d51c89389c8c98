package io.github.aftersales.core.registry;

import io.github.aftersales.spi.Scheme;
import java.io.IOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
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
        return discover(loader, null);
    }

    /**
     * Discovers the schemes visible to this class loader (built in), then those in each {@code .jar}
     * of {@code pluginDirectory}, each jar in a class loader of its own. A broken jar is a problem
     * naming the jar; it never stops the others.
     *
     * @param pluginDirectory a directory of plugin jars, or {@code null} for none
     */
    public static SchemeRegistry discover(ClassLoader loader, Path pluginDirectory) {
        Map<String, Installed> found = new LinkedHashMap<>();
        List<Problem> problems = new ArrayList<>();
        load(ServiceLoader.load(Scheme.class, loader), null, found, problems);
        if (pluginDirectory != null) {
            plugins(loader, pluginDirectory, found, problems);
        }
        return new SchemeRegistry(found, problems);
    }

    private static void plugins(ClassLoader application, Path directory, Map<String, Installed> found,
            List<Problem> problems) {
        if (!Files.isDirectory(directory)) {
            problems.add(new Problem(directory.toString(), "the plugin directory does not exist or is not a directory"));
            return;
        }
        List<Path> jars;
        try (Stream<Path> files = Files.list(directory)) {
            jars = files.filter(f -> f.getFileName().toString().endsWith(".jar")).sorted().toList();
        } catch (IOException e) {
            problems.add(new Problem(directory.toString(), "cannot list the plugin directory: " + e.getMessage()));
            return;
        }
        for (Path jar : jars) {
            try (JarFile ignored = new JarFile(jar.toFile())) {
                // opened only to tell a jar from something else with its name
            } catch (IOException e) {
                problems.add(new Problem(jar.toString(), "not a jar: " + e.getMessage()));
                continue;
            }
            PluginClassLoader pluginLoader;
            try {
                pluginLoader = new PluginClassLoader(jar, application);
            } catch (IOException e) {
                problems.add(new Problem(jar.toString(), "cannot be opened: " + e.getMessage()));
                continue;
            }
            int before = found.size() + problems.size();
            load(ServiceLoader.load(Scheme.class, pluginLoader), pluginLoader, found, problems);
            if (found.size() + problems.size() == before) {
                problems.add(new Problem(jar.toString(), "no scheme in it: it lists none in META-INF/services/"
                        + Scheme.class.getName()));
            }
        }
    }

    /** Loads the providers; with {@code onlyFrom}, only those whose class that loader defined (a plugin's own). */
    private static void load(ServiceLoader<Scheme> services, ClassLoader onlyFrom, Map<String, Installed> found,
            List<Problem> problems) {
        Iterator<ServiceLoader.Provider<Scheme>> it = services.stream().iterator();
        while (true) {
            ServiceLoader.Provider<Scheme> provider;
            try {
                if (!it.hasNext()) {
                    break;
                }
                provider = it.next();
            } catch (ServiceConfigurationError | LinkageError e) {
                problems.add(new Problem(onlyFrom == null ? "class path" : onlyFrom.getName(), describe(e)));
                continue;
            }
            Class<? extends Scheme> type;
            try {
                type = provider.type();
            } catch (ServiceConfigurationError | LinkageError e) {
                problems.add(new Problem(onlyFrom == null ? "class path" : onlyFrom.getName(), describe(e)));
                continue;
            }
            if (onlyFrom != null && type.getClassLoader() != onlyFrom) {
                continue; // a built-in scheme seen again through the plugin's parent
            }
            String origin = originOf(type, onlyFrom != null);
            Scheme scheme;
            try {
                scheme = provider.get();
            } catch (ServiceConfigurationError | RuntimeException | LinkageError e) {
                problems.add(new Problem(origin, type.getName() + " could not be created: " + describe(e)));
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
            add(found, problems, s, originOf(s.getClass(), false));
        }
        return new SchemeRegistry(found, problems);
    }

    private static void add(Map<String, Installed> found, List<Problem> problems, Scheme scheme, String origin) {
        String id;
        try {
            id = scheme.id();
            if (id == null || scheme.variants() == null || scheme.variants().isEmpty()) {
                problems.add(new Problem(origin, scheme.getClass().getName() + " has no id or no variants"));
                return;
            }
        } catch (RuntimeException e) {
            problems.add(new Problem(origin, scheme.getClass().getName() + " failed to describe itself: " + describe(e)));
            return;
        }
        String invalid = DefinitionChecks.problem(scheme);
        if (invalid != null) {
            problems.add(new Problem(origin, "scheme " + id + " is not valid: " + invalid));
            return;
        }
        Installed earlier = found.get(id);
        if (earlier != null) {
            problems.add(new Problem(origin, "scheme id '" + id + "' of " + scheme.getClass().getName()
                    + " is already taken by " + earlier.scheme().getClass().getName() + " from " + earlier.origin()
                    + "; the first one found is used"));
            return;
        }
        found.put(id, new Installed(scheme, origin));
    }

    /** One line for a service that failed to load: the cause's message, not a stack trace. */
    static String describe(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        if (root == e) {
            return message;
        }
        return e.getMessage() + ": " + message;
    }

    private static String originOf(Class<?> type, boolean plugin) {
        String where;
        try {
            CodeSource cs = type.getProtectionDomain().getCodeSource();
            URL url = cs == null ? null : cs.getLocation();
            where = url == null ? null : url.getPath();
        } catch (SecurityException e) {
            where = null;
        }
        if (plugin) {
            return "plugin " + where;
        }
        return where == null ? "built in" : "built in (" + where + ")";
    }

    /** The installed schemes, in discovery order. */
    public List<Installed> installed() {
        return List.copyOf(schemes.values());
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

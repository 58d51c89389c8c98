package io.github.aftersales.core.registry;

import io.github.aftersales.spi.Scheme;
import java.net.URL;
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
        Iterator<Scheme> it = ServiceLoader.load(Scheme.class, loader).iterator();
        while (true) {
            Scheme scheme;
            try {
                if (!it.hasNext()) {
                    break;
                }
                scheme = it.next();
            } catch (ServiceConfigurationError e) {
                problems.add(new Problem("class path", describe(e)));
                continue;
            }
            String origin = originOf(scheme.getClass());
            add(found, problems, scheme, origin);
        }
        return new SchemeRegistry(found, problems);
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

    private static void add(Map<String, Installed> found, List<Problem> problems, Scheme scheme, String origin) {
        String id;
        try {
            id = scheme.id();
            if (id == null || scheme.variants() == null || scheme.variants().isEmpty()) {
                problems.add(new Problem(origin, scheme.getClass().getName() + " has no id or no variants"));
                return;
            }
        } catch (RuntimeException e) {
            problems.add(new Problem(origin, scheme.getClass().getName() + " failed to describe itself: " + e));
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

    private static String originOf(Class<?> type) {
        try {
            CodeSource cs = type.getProtectionDomain().getCodeSource();
            URL url = cs == null ? null : cs.getLocation();
            return url == null ? "built in" : url.getPath();
        } catch (SecurityException e) {
            return "unknown";
        }
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

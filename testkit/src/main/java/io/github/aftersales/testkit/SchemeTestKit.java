package io.github.aftersales.testkit;

import io.github.aftersales.core.registry.SchemeRegistry;
import io.github.aftersales.spi.Scheme;
import java.util.stream.Collectors;

/**
 * Entry point of the test kit. {@link #scheme(String)} finds a scheme through {@link
 * java.util.ServiceLoader} exactly as the application does, so a test also proves the scheme is
 * registered; {@link #scheme(Scheme)} takes an instance (to try a scheme before registering it).
 */
public final class SchemeTestKit {

    private SchemeTestKit() {
    }

    /**
     * The scheme with this id, as the application would find it on the test's class path.
     *
     * @throws AssertionError naming the {@link ContractRule#VALID_DEFINITION} rule, with the broken
     *                        file and place first, when a scheme on the class path did not load; else
     *                        the {@link ContractRule#REGISTERED} rule when no scheme has the id
     */
    public static SchemeUnderTest scheme(String id) {
        SchemeRegistry registry = SchemeRegistry.discover(Thread.currentThread().getContextClassLoader());
        Scheme scheme = registry.find(id).orElseThrow(() -> new AssertionError(notFound(id, registry)));
        return new SchemeUnderTest(scheme, true);
    }

    /**
     * Why no scheme has the id. A scheme whose files are wrong does not load at all, so the broken
     * definition comes first, cause first (file:line: what is wrong), and says once what it explains.
     */
    private static ContractViolation notFound(String id, SchemeRegistry registry) {
        String found = registry.ids().isEmpty() ? "none" : String.join(", ", registry.ids());
        if (registry.problems().isEmpty()) {
            return new ContractViolation(ContractRule.REGISTERED, null, "no scheme '" + id + "' is registered; found "
                    + found);
        }
        return new ContractViolation(ContractRule.VALID_DEFINITION, null, registry.problems().stream()
                .map(p -> p.message() + " (from " + p.origin() + ")").collect(Collectors.joining("; "))
                + ". So no scheme '" + id + "' loaded; found " + found);
    }

    /** A scheme instance, whether registered or not; the contract then also checks its registration. */
    public static SchemeUnderTest scheme(Scheme scheme) {
        return new SchemeUnderTest(scheme, false);
    }
}

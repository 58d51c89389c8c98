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
     * @throws AssertionError naming the {@link ContractRule#REGISTERED} rule when no such scheme
     *                        loads, with what did not load instead
     */
    public static SchemeUnderTest scheme(String id) {
        SchemeRegistry registry = SchemeRegistry.discover(Thread.currentThread().getContextClassLoader());
        Scheme scheme = registry.find(id).orElseThrow(() -> new AssertionError(new ContractViolation(
                ContractRule.REGISTERED, null, "no scheme '" + id + "' is registered; found "
                        + (registry.ids().isEmpty() ? "none" : String.join(", ", registry.ids()))
                        + registry.problems().stream().map(p -> "; not loaded from " + p.origin() + ": " + p.message())
                                .collect(Collectors.joining()))));
        return new SchemeUnderTest(scheme, true);
    }

    /** A scheme instance, whether registered or not; the contract then also checks its registration. */
    public static SchemeUnderTest scheme(Scheme scheme) {
        return new SchemeUnderTest(scheme, false);
    }
}

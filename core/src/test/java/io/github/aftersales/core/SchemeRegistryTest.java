package io.github.aftersales.core;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.aftersales.core.registry.SchemeRegistry;
import io.github.aftersales.spi.ResourceScheme;
import org.junit.jupiter.api.Test;

/**
 * Discovery through ServiceLoader, as the application does it. The test class path lists (in
 * META-INF/services) the demo scheme, a class that does not exist, a scheme whose resources are
 * missing, and a second scheme with the demo's id: each broken one is reported in one line and the
 * demo still works.
 */
class SchemeRegistryTest {

    /** Its resources do not exist. */
    public static final class MissingResourcesScheme extends ResourceScheme {
        public MissingResourcesScheme() {
            super("schemes/not-there");
        }
    }

    /** Claims the id "demo" again. */
    public static final class DuplicateScheme extends ResourceScheme {
        public DuplicateScheme() {
            super("schemes/dup");
        }
    }

    @Test
    void goodSchemesLoadAndEachBrokenOneIsReportedInOneLine() {
        SchemeRegistry registry = SchemeRegistry.discover(getClass().getClassLoader());
        assertThat(registry.ids()).containsExactly("demo");
        assertThat(registry.find("demo")).get().isInstanceOf(Fixtures.DemoScheme.class);
        assertThat(registry.installed().get(0).origin()).contains("test-classes");
        assertThat(registry.problems()).hasSize(3);
        assertThat(registry.problems().get(0).message())
                .contains("io.github.aftersales.core.NoSuchScheme").contains("not found");
        assertThat(registry.problems().get(1).message())
                .contains("schemes/not-there/scheme.json: resource not found on the scheme's class path");
        assertThat(registry.problems().get(2).message())
                .contains("scheme id 'demo' of " + DuplicateScheme.class.getName() + " is already taken by "
                        + Fixtures.DemoScheme.class.getName());
        assertThat(registry.problems()).allSatisfy(p -> assertThat(p.message()).doesNotContain("\n"));
    }
}

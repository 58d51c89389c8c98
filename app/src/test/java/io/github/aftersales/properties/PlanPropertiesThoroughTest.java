package io.github.aftersales.properties;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tag;

/**
 * {@link PlanPropertiesTest}'s properties at 10,000 tries each (jqwik's own Tag: jqwik does not see JUnit's).
 * Thorough because each try grades the assessment again for every smaller set of changes: 12 s for both
 * on two cores under load (2026-12-01), against 2 s for the quick loop's 300 tries.
 */
@Tag("thorough")
class PlanPropertiesThoroughTest {

    @Property(tries = 10_000)
    void plansOfSmallRandomCatalogsAreTheSmallest(@ForAll("seeds") long seed) {
        PlanPropertiesTest.randomCatalog(seed);
        PlanPropertiesTest.coverage();
    }

    @Property(tries = 10_000)
    void plansOfTheBundledExamplesAreTheSmallest(@ForAll("seeds") long seed) {
        PlanPropertiesTest.bundled(seed);
        PlanPropertiesTest.coverage();
    }

    @Provide
    Arbitrary<Long> seeds() {
        return Arbitraries.longs();
    }
}

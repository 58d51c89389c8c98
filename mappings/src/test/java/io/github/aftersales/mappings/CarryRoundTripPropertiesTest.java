package io.github.aftersales.mappings;

import static io.github.aftersales.mappings.CarryPropertiesTest.CLAUSES;
import static io.github.aftersales.mappings.CarryPropertiesTest.carry;
import static io.github.aftersales.mappings.CarryPropertiesTest.form;
import static io.github.aftersales.mappings.CarryPropertiesTest.read;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.aftersales.core.assessment.Assessment;
import io.github.aftersales.core.assessment.Conformity;
import io.github.aftersales.mappings.Carry.Carried;
import io.github.aftersales.mappings.Carry.Standing;
import io.github.aftersales.mappings.Carry.TargetClause;
import io.github.aftersales.spi.Clause;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Tag;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/** Carried from the GB/T 27922 form to another scheme and back, a finding comes back as it was, or not at all. */
@Tag("thorough") // each try carries twice and reads the carried file back: about 7 s at 1,000 tries
class CarryRoundTripPropertiesTest {

    @Property
    void thereAndBackAFindingReturnsAsItWas(@ForAll @Size(51) List<@IntRange(min = 0, max = 4) Integer> picks) {
        Assessment source = read(form(picks));
        Map<String, Standing> before = new HashMap<>();
        for (Clause c : CLAUSES) {
            before.put(c.id(), Carry.standing(source.parts().get(0).findings().stream()
                    .filter(f -> f.id().equals(c.id())).findFirst().orElse(null), c.points()));
        }
        for (String target : List.of("zg025/items", "cqm/star")) {
            Carried there = carry(source, target);
            Carried back = carry(read(there.assessment().toString()), "gbt27922/form");
            for (TargetClause t : back.clauses()) {
                if (t.carried() != null) {
                    Standing was = before.get(t.id());
                    assertThat(t.carried()).as(target + " and back: " + t.id() + " was " + was).isEqualTo(
                            was == Standing.FULL ? Conformity.CONFORM : was == Standing.NONE ? Conformity.NOT_CONFORM
                                    : was == Standing.NOT_APPLICABLE ? Conformity.NOT_APPLICABLE : null);
                }
            }
        }
    }
}

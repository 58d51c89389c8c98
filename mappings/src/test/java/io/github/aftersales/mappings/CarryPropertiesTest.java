package io.github.aftersales.mappings;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.aftersales.core.assessment.Assessment;
import io.github.aftersales.core.assessment.AssessmentReader;
import io.github.aftersales.core.assessment.Conformity;
import io.github.aftersales.core.json.LocatedReader;
import io.github.aftersales.core.registry.SchemeRegistry;
import io.github.aftersales.mappings.Carry.Bearing;
import io.github.aftersales.mappings.Carry.Carried;
import io.github.aftersales.mappings.Carry.Coverage;
import io.github.aftersales.mappings.Carry.Standing;
import io.github.aftersales.mappings.Carry.TargetClause;
import io.github.aftersales.spi.Clause;
import io.github.aftersales.spi.Scheme;
import io.github.aftersales.spi.Variant;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/**
 * What a carry writes, over random GB/T 27922 forms: every result it writes is one an equal pair,
 * or a superset pair with a conforming source, supports, and nothing else is written.
 */
class CarryPropertiesTest {

    private static final SchemeRegistry REGISTRY = SchemeRegistry.discover(CarryPropertiesTest.class.getClassLoader());
    private static final Variant FORM = REGISTRY.find("gbt27922").orElseThrow().variant("form").orElseThrow();
    static final List<Clause> CLAUSES = FORM.catalog().clauses();
    private static final List<String> TARGETS = List.of("zg025/items", "cqm/star", "gbt27922/annex-b");

    /** A form with one finding a clause: 0 none, 1 conform, 2 not conform, 3 half its points, 4 not applicable where asked. */
    static String form(List<Integer> picks) {
        StringBuilder s = new StringBuilder("{\"schemes\": [{\"scheme\": \"gbt27922\", \"variant\": \"form\", \"findings\": [");
        String sep = "";
        for (int i = 0; i < CLAUSES.size(); i++) {
            Clause c = CLAUSES.get(i);
            int pick = picks.get(i);
            String finding = switch (pick) {
                case 1 -> "\"result\": \"conform\"";
                case 2 -> "\"result\": \"not-conform\"";
                case 3 -> c.points().signum() > 0 ? "\"result\": \"not-conform\", \"score\": "
                        + c.points().divide(java.math.BigDecimal.valueOf(2)).toPlainString() : "\"result\": \"conform\"";
                case 4 -> c.asksApplicability() ? "\"result\": \"not-applicable\", \"note\": \"n/a\"" : null;
                default -> null;
            };
            if (finding != null) {
                s.append(sep).append("{\"id\": \"").append(c.id()).append("\", ").append(finding).append('}');
                sep = ", ";
            }
        }
        return s.append("]}]}").toString();
    }

    static Assessment read(String json) {
        try {
            return AssessmentReader.read(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), "p.json",
                    LocatedReader.Syntax.JSON);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    static Carried carry(Assessment a, String target) {
        String[] t = target.split("/");
        Scheme s = REGISTRY.find(t[0]).orElseThrow();
        return Carry.carry(a, s, s.variant(t[1]).orElseThrow(), REGISTRY::find, Mappings.builtIn());
    }

    static Map<String, JsonNode> findings(Carried c) {
        Map<String, JsonNode> out = new HashMap<>();
        for (JsonNode part : c.assessment().get("schemes")) {
            part.path("findings").forEach(f -> out.put(f.get("id").asText(), f));
        }
        return out;
    }

    @Property
    void everyResultWrittenIsOneAPairSupports(@ForAll @Size(51) List<@IntRange(min = 0, max = 4) Integer> picks) {
        Assessment source = read(form(picks));
        for (String target : TARGETS) {
            Carried c = carry(source, target);
            Map<String, JsonNode> written = findings(c);
            for (TargetClause t : c.clauses()) {
                JsonNode f = written.get(t.id());
                if (t.carried() == null) {
                    assertThat(f.get("result").isNull()).as(target + " " + t.id() + " left blank").isTrue();
                    assertThat(t.coverage()).isNotEqualTo(Coverage.COVERED);
                    if (t.why() == null) {
                        assertThat(t.bearings()).allMatch(b -> b.implies() == null);
                    }
                    continue;
                }
                assertThat(t.coverage()).isEqualTo(Coverage.COVERED);
                assertThat(f.get("result").asText()).isEqualTo(t.carried().key());
                assertThat(f.has("score") ? f.get("score").isNull() : true).as("no score is ever carried").isTrue();
                assertThat(t.bearings()).as(target + " " + t.id() + ": nothing implies another result")
                        .allMatch(b -> b.implies() == null || b.implies() == t.carried());
                assertThat(t.bearings()).as(target + " " + t.id() + ": a pair supports " + t.carried())
                        .anyMatch(b -> supports(b, t.carried()));
            }
        }
    }

    private static boolean supports(Bearing b, Conformity result) {
        return switch (b.pair().relation()) {
            case EQUAL -> result == Conformity.CONFORM && b.standing() == Standing.FULL
                    || result == Conformity.NOT_CONFORM && b.standing() == Standing.NONE
                    || result == Conformity.NOT_APPLICABLE && b.standing() == Standing.NOT_APPLICABLE;
            case SUPERSET -> result == Conformity.CONFORM && b.standing() == Standing.FULL;
            default -> false;
        };
    }
}

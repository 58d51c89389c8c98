package io.github.aftersales.reports;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** {@link SmallObjects}' objects are written as Jackson's own are: members in the order a LinkedHashMap keeps. */
class SmallObjectsTest {

    @Test
    void aMemberPutAgainKeepsItsPlaceAndTheJsonIsJacksonsOwn() {
        ObjectNode small = SmallObjects.INSTANCE.objectNode();
        ObjectNode plain = JsonNodeFactory.instance.objectNode();
        for (ObjectNode o : List.of(small, plain)) {
            o.put("score", new BigDecimal("94.50"));
            o.put("grade", "四星级");
            o.putArray("reasons").add("total 94.5 < 95");
            o.put("score", new BigDecimal("95.00")); // again: stays first
            o.putObject("provenance").put("program", "aftersales");
            o.remove("grade");
            o.put("grade", "五星级"); // removed and put again: last
        }
        assertThat(Json.compact(small)).isEqualTo(Json.compact(plain))
                .isEqualTo("{\"score\":95.00,\"reasons\":[\"total 94.5 < 95\"],\"provenance\":{\"program\":\"aftersales\"},"
                        + "\"grade\":\"五星级\"}");
        assertThat(small).isEqualTo(plain);
    }

    @Test
    void behavesAsALinkedHashMapThroughAThousandRandomChanges() {
        Random random = new Random(24);
        for (int run = 0; run < 200; run++) {
            Map<String, JsonNode> small = new SmallObjects.Members();
            Map<String, JsonNode> linked = new LinkedHashMap<>();
            for (int step = 0; step < 1000 / 200 * 40; step++) {
                String key = "k" + random.nextInt(run % 2 == 0 ? 6 : 30); // past 16 members on odd runs
                JsonNode value = JsonNodeFactory.instance.numberNode(step);
                switch (random.nextInt(4)) {
                    case 0, 1 -> assertThat(small.put(key, value)).isEqualTo(linked.put(key, value));
                    case 2 -> assertThat(small.remove(key)).isEqualTo(linked.remove(key));
                    default -> {
                        Iterator<Map.Entry<String, JsonNode>> a = small.entrySet().iterator();
                        Iterator<Map.Entry<String, JsonNode>> b = linked.entrySet().iterator();
                        while (a.hasNext() && b.hasNext()) {
                            Map.Entry<String, JsonNode> x = a.next();
                            Map.Entry<String, JsonNode> y = b.next();
                            if (x.getKey().equals(key)) {
                                a.remove();
                                b.remove();
                            }
                        }
                    }
                }
                assertThat(small.get(key)).isEqualTo(linked.get(key));
                assertThat(small.containsKey(key)).isEqualTo(linked.containsKey(key));
                assertThat(new ArrayList<>(small.entrySet())).isEqualTo(new ArrayList<>(linked.entrySet()));
            }
        }
    }
}

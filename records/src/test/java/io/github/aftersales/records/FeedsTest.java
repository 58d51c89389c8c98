package io.github.aftersales.records;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

/** The figures as parts of an assessment. */
class FeedsTest {

    private static final RecordsSummary SMALL = RecordsSummaryTest.summary(RecordsSummaryTest.SMALL, Mapping.defaults());

    @Test
    void annexBIsNotConformBelow97Percent() {
        // 1 of 2 complaints resolved: 100 < 97 × 2
        ObjectNode f = Feeds.annexB(SMALL);
        assertThat(f.get("id").asText()).isEqualTo("B.6.3.2");
        assertThat(f.get("result").asText()).isEqualTo("not-conform");
        assertThat(f.get("note").asText()).startsWith("投诉解决率 50.00 %：2026-03-02 至 2026-04-03 受理投诉 2 件，已解决 1 件，低于 97 %。");
        assertThat(f.get("evidence").get(0).asText()).isEqualTo("records " + RecordsSummaryTest.SMALL + " sha256 "
                + SMALL.sha256() + ", 6 records read, 0 rows skipped");
        assertThat(f.fieldNames()).toIterable().containsExactly("id", "result", "note", "evidence");
    }

    @Test
    void cqmEventsAreTheMajorComplaintsWithTheirRectification() {
        Feeds.Events e = Feeds.cqm(SMALL, null);
        assertThat(e.events()).hasSize(1);
        JsonNode event = e.events().get(0);
        assertThat(event.get("type").asText()).isEqualTo("majorComplaint");
        assertThat(event.get("date").asText()).isEqualTo("2026-03-10");
        assertThat(event.get("rectified").asBoolean()).isTrue();
        assertThat(event.get("note").asText()).startsWith("重大投诉 C1，2026-03-20 整改。 From records");
        // on-site before the rectification: the complaint counts as not rectified; before the complaint: left out
        assertThat(Feeds.cqm(SMALL, "2026-03-15").events().get(0).get("rectified").asBoolean()).isFalse();
        Feeds.Events before = Feeds.cqm(SMALL, "2026-03-01");
        assertThat(before.events()).isEmpty();
        assertThat(before.leftOut()).containsExactly("line 4 (id C1, opened 2026-03-10)");
    }

    @Test
    void mergingReplacesTheFindingAndAddsEventsOnce() throws Exception {
        ObjectMapper json = new ObjectMapper();
        JsonNode assessment = json.readTree("{\"schemes\":[{\"scheme\":\"gbt27922\",\"variant\":\"annex-b\",\"findings\":"
                + "[{\"id\":\"B.6\",\"score\":14},{\"id\":\"B.6.3.2\",\"result\":\"conform\"}]},"
                + "{\"scheme\":\"cqm\",\"variant\":\"star\",\"events\":[]}]}");
        String before = assessment.toString();
        ObjectNode merged = Feeds.merge(assessment, "gbt27922", "annex-b", Feeds.annexB(SMALL), null);
        assertThat(assessment.toString()).as("the input is not changed").isEqualTo(before);
        assertThat(merged.at("/schemes/0/findings")).hasSize(2);
        assertThat(merged.at("/schemes/0/findings/1/result").asText()).isEqualTo("not-conform");
        ObjectNode twice = Feeds.merge(Feeds.merge(merged, "cqm", null, null, Feeds.cqm(SMALL, null).events()), "cqm",
                null, null, Feeds.cqm(SMALL, null).events());
        assertThat(twice.at("/schemes/1/events")).hasSize(1);
        assertThatThrownBy(() -> Feeds.merge(assessment, "zg025", null, null, null))
                .hasMessage("has no part for scheme zg025 to put the records' figures in");
    }
}

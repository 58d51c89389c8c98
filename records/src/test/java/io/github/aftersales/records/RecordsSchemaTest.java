package io.github.aftersales.records;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** What the records write as JSON validates against docs/records.schema.json (strict: no type coercion). */
class RecordsSchemaTest {

    private static JsonSchema schema() {
        SchemaValidatorsConfig strict = SchemaValidatorsConfig.builder().typeLoose(false).strict("type", true).build();
        return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(
                schemaNode(), strict);
    }

    private static JsonNode schemaNode() {
        try {
            return new com.fasterxml.jackson.databind.ObjectMapper().readTree(Path.of("../docs/records.schema.json")
                    .toFile());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void summariesAndSamplesValidate() {
        JsonSchema schema = schema();
        for (Path file : new Path[] {RecordsSummaryTest.SMALL, RecordsSummaryTest.BAD}) {
            AuditSample sample = new AuditSample(3, 5, true);
            RecordsSummary s;
            try (RecordReader r = RecordReader.open(file, Mapping.defaults())) {
                s = RecordsSummary.read(r, Mapping.defaults(), "mapping.yaml", sample);
            }
            JsonNode summary = s.json();
            assertThat(schema.validate(summary)).as(file + " summary").isEmpty();
            assertThat(schema.validate(sample.json(s))).as(file + " sample").isEmpty();
        }
        // and a wrong one is refused: a percentage as a string
        JsonNode bad = RecordsSummaryTest.summary(RecordsSummaryTest.SMALL, Mapping.defaults()).json();
        ((com.fasterxml.jackson.databind.node.ObjectNode) bad.get("overall").get("complaints")).put("percent", "50");
        assertThat(schema.validate(bad)).isNotEmpty();
    }
}

package io.github.aftersales.service;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The schemas of docs/openapi.json, for a test to check a real answer against: the document's own components
 * inlined, the schemas the CLI publishes read from docs/ (as {@code OpenApiDocumentTest} does).
 */
final class OpenApiSchemas {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path DOCS = Path.of("..", "docs");
    private static final String PUBLISHED = "https://github.com/aftersales/aftersales/docs/";
    private final JsonNode document;

    OpenApiSchemas() {
        try {
            document = JSON.readTree(Files.readString(DOCS.resolve("openapi.json")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The document, docs/openapi.json. */
    JsonNode document() {
        return document;
    }

    /** Asserts that {@code body} is valid against the schema at {@code pointer} in the document. */
    void assertValid(String body, String pointer) throws IOException {
        JsonNode schema = document.at(pointer);
        assertThat(schema.isMissingNode()).as(pointer).isFalse();
        assertThat(schema(schema).validate(JSON.readTree(body))).as(pointer + ": " + body).isEmpty();
    }

    /** A schema of the document: its own components by pointer, the published schemas from docs/. */
    JsonSchema schema(JsonNode schema) {
        if (schema.has("$ref") && schema.get("$ref").asText().startsWith("#/")) {
            return schema(document.at(schema.get("$ref").asText().substring(1)));
        }
        SchemaValidatorsConfig strict = SchemaValidatorsConfig.builder().typeLoose(false).strict("type", true).build();
        JsonSchemaFactory factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012, builder -> builder
                .schemaMappers(m -> m.mapPrefix(PUBLISHED, DOCS.toAbsolutePath().normalize().toUri().toString())));
        if (schema.has("$ref")) {
            return factory.getSchema(SchemaLocation.of(schema.get("$ref").asText()), strict);
        }
        // a component refers to others of the document by #/components/...: resolved inline
        return factory.getSchema(inline(schema), strict);
    }

    private JsonNode inline(JsonNode schema) {
        if (schema.isObject()) {
            if (schema.has("$ref") && schema.get("$ref").asText().startsWith("#/")) {
                return inline(document.at(schema.get("$ref").asText().substring(1)));
            }
            var copy = JSON.createObjectNode();
            schema.properties().forEach(f -> copy.set(f.getKey(), inline(f.getValue())));
            return copy;
        }
        if (schema.isArray()) {
            var copy = JSON.createArrayNode();
            schema.forEach(n -> copy.add(inline(n)));
            return copy;
        }
        return schema;
    }
}

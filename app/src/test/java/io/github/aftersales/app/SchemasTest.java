package io.github.aftersales.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The published schemas and what the program writes and reads agree: every blank template of every
 * installed scheme and variant, every bundled example, validated by an independent validator
 * (networknt, JSON Schema 2020-12) in strict mode (no type coercion: "92" is not a number).
 */
class SchemasTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static JsonSchema schema(String file) throws Exception {
        SchemaValidatorsConfig strict = SchemaValidatorsConfig.builder().typeLoose(false).strict("type", true).build();
        // the schemas name each other by their published address; here that is the docs folder
        return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012, builder -> builder.schemaMappers(m -> m
                        .mapPrefix("https://github.com/aftersales/aftersales/docs/", Path.of("docs").toUri().toString())))
                .getSchema(com.networknt.schema.SchemaLocation.of("https://github.com/aftersales/aftersales/docs/" + file),
                        strict);
    }

    /** The installed schemes' ids, from {@code aftersales schemes}: the lines that start with no indent. */
    private static List<String> schemeIds(String listing) {
        List<String> out = new ArrayList<>();
        for (String line : listing.split("\n")) {
            line = line.strip();
            if (!line.isEmpty() && !line.startsWith("variant") && !line.startsWith("from") && Character.isLetter(line.charAt(0))
                    && line.contains("  ")) {
                out.add(line.substring(0, line.indexOf(' ')));
            }
        }
        return out;
    }

    @Test
    void everyTemplateOfEverySchemeAndVariantValidates() throws Exception {
        JsonSchema schema = schema("assessment.schema.json");
        List<String> failures = new ArrayList<>();
        int checked = 0;
        String listing = CliRun.of("schemes").out();
        for (String scheme : schemeIds(listing)) {
            for (String variant : variantIds(listing, scheme)) {
                CliRun t = CliRun.of("template", "--scheme", scheme, "--variant", variant);
                assertThat(t.exit()).as(scheme + " " + variant + ": " + t.err()).isZero();
                Set<ValidationMessage> errors = schema.validate(JSON.readTree(t.out()));
                if (!errors.isEmpty()) {
                    failures.add(scheme + " " + variant + ": " + errors);
                }
                checked++;
            }
        }
        assertThat(checked).isGreaterThanOrEqualTo(7);
        assertThat(failures).isEmpty();
    }

    /** A scheme's variant ids: its indented "variant …" lines. */
    private static List<String> variantIds(String listing, String scheme) {
        List<String> ids = new ArrayList<>();
        boolean in = false;
        for (String line : listing.split("\n")) {
            String s = line.strip();
            if (!line.startsWith(" ") && !s.isEmpty()) {
                in = s.startsWith(scheme + " ");
            } else if (in && s.startsWith("variant ")) {
                ids.add(s.substring("variant ".length()).split("\\s+")[0]);
            }
        }
        return ids;
    }

    @Test
    void everyExampleValidates() throws Exception {
        JsonSchema schema = schema("assessment.schema.json");
        List<Path> files;
        try (Stream<Path> walk = Files.walk(Path.of("examples"))) {
            files = walk.filter(p -> !p.toString().contains("third-party-scheme"))
                    .filter(p -> p.toString().endsWith(".json") || p.toString().endsWith(".yaml")).sorted().toList();
        }
        assertThat(files).hasSizeGreaterThanOrEqualTo(9);
        for (Path f : files) {
            JsonNode node = f.toString().endsWith(".yaml") ? new YAMLMapper().readTree(f.toFile()) : JSON.readTree(f.toFile());
            assertThat(schema.validate(node)).as(f.toString()).isEmpty();
        }
    }

    @org.junit.jupiter.params.ParameterizedTest(name = "{0} at {1} stars: {2}")
    @org.junit.jupiter.params.provider.CsvSource({
        "examples/cqm/surveillance-downgrade.json,            5, downgrade, 4",
        "examples/cqm/surveillance-unrectified-complaint.json, 5, suspend,   5",
        "examples/cqm/cqm-five-star.json,                     4, keep,      4",
        "examples/cqm/note1-example1-face-to-face-75.json,    5, downgrade, 3",
    })
    void everySurveillanceDecisionValidatesAndASuspendedCertificateKeepsItsStars(String file, int level,
            String decision, int stars) throws Exception {
        CliRun r = CliRun.of("surveil", "--level", Integer.toString(level), file, "--format", "json");
        assertThat(r.exit()).as(r.err()).isZero();
        JsonNode d = JSON.readTree(r.out());
        assertThat(schema("surveillance.schema.json").validate(d)).isEmpty();
        assertThat(d.get("decision").asText()).isEqualTo(decision);
        assertThat(d.get("stars").asInt()).isEqualTo(stars);
        CliRun revoked = CliRun.of("surveil", "--level", Integer.toString(level), file, "--format", "json",
                "--on-serious", "revoke");
        if (decision.equals("suspend")) {
            assertThat(JSON.readTree(revoked.out()).get("stars").asInt()).isZero();
        }
    }
}

package io.github.aftersales.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A result's provenance and {@code verify}, through the real command line: a result made by
 * {@code evaluate} matches; one whose result, input, catalog or program changed is told apart, each
 * with its exit code and one line saying what differs, never a stack trace.
 */
class VerifyTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path work;

    private Path input;
    private Path result;

    @BeforeEach
    void evaluated() throws IOException {
        input = work.resolve("form.json");
        Files.copy(Path.of("examples/gbt27922-form.json"), input);
        result = work.resolve("result.json");
        CliRun r = CliRun.of("evaluate", "--format", "json", "-o", result.toString(), input.toString());
        assertThat(r.exit()).as(r.err()).isZero();
    }

    private static String sha256(byte[] bytes) throws Exception {
        return "sha256:" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }

    @Test
    void aResultCarriesItsProvenance() throws Exception {
        JsonNode p = JSON.readTree(result.toFile()).get("assessments").get(0).get("provenance");
        assertThat(p.get("inputDigest").asText()).isEqualTo(sha256(Files.readAllBytes(input)));
        assertThat(p.get("program").asText()).isNotBlank();
        assertThat(p.get("options").get("missingAsZero").asBoolean()).isFalse();
        assertThat(p.get("options").get("notApplicable").isNull()).isTrue();
        JsonNode part = p.get("schemes").get(0);
        assertThat(part.get("scheme").asText()).isEqualTo("gbt27922");
        assertThat(part.get("variant").asText()).isEqualTo("form");
        assertThat(part.get("schemeVersion").asText()).isEqualTo("GB/T 27922-2011");
        assertThat(part.get("catalogDigest").asText()).matches("sha256:[0-9a-f]{64}");
        // the form takes one reading, the not-applicable one, which the file chose (options.notApplicable)
        assertThat(part.get("readings").toString())
                .isEqualTo("[{\"key\":\"gbt27922.notApplicable\",\"value\":\"prorate\",\"source\":\"assessment\"}]");
    }

    @Test
    void anUnchangedResultMatches() {
        CliRun v = CliRun.of("verify", result.toString());
        assertThat(v.exit()).as(v.err()).isZero();
        assertThat(v.out()).startsWith(input + ": matches (input sha256:");
    }

    @Test
    void anAlteredResultIsTold() throws Exception {
        ObjectNode root = (ObjectNode) JSON.readTree(result.toFile());
        ((ObjectNode) root.get("assessments").get(0).get("schemes").get(0)).put("grade", "五星级");
        Files.writeString(result, root.toPrettyString());
        CliRun v = CliRun.of("verify", result.toString());
        assertThat(v.exit()).isEqualTo(13);
        assertThat(v.out()).contains(input + ": does not match").contains("the result was altered")
                .contains("/schemes/0/grade says \"五星级\", derived \"四星级\"");
        assertThat(v.clean()).isTrue();
    }

    @Test
    void aChangedInputIsTold() throws Exception {
        byte[] before = Files.readAllBytes(input);
        // 5.1.1.1 (1 point, conform) made nonconform: one point less, and the result derived differs too
        String text = Files.readString(input).replaceFirst("\"result\": \"conform\"", "\"result\": \"not-conform\"");
        Files.writeString(input, text);
        CliRun v = CliRun.of("verify", result.toString());
        assertThat(v.exit()).isEqualTo(10);
        assertThat(v.out()).contains("the input changed: " + input + " has SHA-256 "
                + sha256(text.getBytes(StandardCharsets.UTF_8)) + ", the result was made from " + sha256(before))
                .contains("and the result derived now differs: /schemes/0/score");
        assertThat(v.clean()).isTrue();
        // an input that moved is named
        CliRun moved = CliRun.of("verify", result.toString(), work.resolve("elsewhere.json").toString());
        assertThat(moved.exit()).isEqualTo(3);
        assertThat(moved.err()).contains("elsewhere.json: no such file");
    }

    @Test
    void aChangedProgramIsTold() throws Exception {
        ObjectNode root = (ObjectNode) JSON.readTree(result.toFile());
        ObjectNode a = (ObjectNode) root.get("assessments").get(0);
        ((ObjectNode) a.get("provenance")).put("program", "0.0.1");
        Files.writeString(result, root.toPrettyString());
        CliRun same = CliRun.of("verify", result.toString());
        assertThat(same.exit()).as("another version deriving the same result matches").isZero();
        assertThat(same.out()).contains("made by aftersales 0.0.1, checked by ");
        ((ObjectNode) a.get("schemes").get(0)).put("stars", 5);
        Files.writeString(result, root.toPrettyString());
        CliRun v = CliRun.of("verify", result.toString());
        assertThat(v.exit()).isEqualTo(12);
        assertThat(v.out()).contains("the program changed: the result was made by aftersales 0.0.1")
                .contains("/schemes/0/stars says 5, derived 4");
    }

    @Test
    void aChangedCatalogIsTold() throws Exception {
        PluginJars jars = new PluginJars(work);
        jars.exampleJar();
        Path assessment = work.resolve("home-repair.json");
        Files.copy(PluginJars.EXAMPLE.resolve("example-assessment.json"), assessment);
        Path made = work.resolve("home-repair-result.json");
        CliRun r = CliRun.of("--plugins", jars.dir().toString(), "evaluate", "--format", "json", "-o", made.toString(),
                assessment.toString());
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(CliRun.of("--plugins", jars.dir().toString(), "verify", made.toString()).exit()).isZero();
        // the same jar with its grading table changed: 优秀 now needs 95 %, and the assessment has 93.75 %
        Path resources = work.resolve("changed-resources");
        PluginJars.copyTree(PluginJars.EXAMPLE.resolve("src/main/resources"), resources);
        Path grading = resources.resolve("schemes/example-home-repair/main.grading.json");
        Files.writeString(grading, Files.readString(grading).replace("\"atLeast\": 85", "\"atLeast\": 95"));
        Files.delete(jars.dir().resolve("example-home-repair-scheme.jar")); // another name: the JVM caches a jar it opened
        jars.jar("example-home-repair-scheme-2.jar", List.of(jars.compileExample("changed-classes"), resources), Map.of());
        CliRun v = CliRun.of("--plugins", jars.dir().toString(), "verify", made.toString());
        assertThat(v.exit()).isEqualTo(11);
        assertThat(v.out()).contains("the catalog changed: example-home-repair main")
                .contains("/schemes/0/grade says \"优秀\", derived \"良好\"");
        assertThat(v.clean()).isTrue();
    }

    @Test
    void aCatalogDigestDoesNotDependOnLineEndings() throws Exception {
        PluginJars jars = new PluginJars(work);
        Path resources = work.resolve("crlf-resources");
        PluginJars.copyTree(PluginJars.EXAMPLE.resolve("src/main/resources"), resources);
        try (var files = Files.walk(resources)) {
            for (Path f : files.filter(f -> f.toString().endsWith(".json")).toList()) {
                Files.writeString(f, "\uFEFF" + Files.readString(f).replace("\r\n", "\n").replace("\n", "\r\n"));
            }
        }
        jars.exampleJar();
        Path lf = work.resolve("lf.json");
        CliRun a = CliRun.of("--plugins", jars.dir().toString(), "evaluate", "--format", "json", "-o", lf.toString(),
                PluginJars.EXAMPLE.resolve("example-assessment.json").toString());
        assertThat(a.exit()).as(a.err()).isZero();
        Files.delete(jars.dir().resolve("example-home-repair-scheme.jar"));
        jars.jar("example-home-repair-crlf.jar", List.of(jars.compileExample("crlf-classes"), resources), Map.of());
        Path crlf = work.resolve("crlf.json");
        CliRun b = CliRun.of("--plugins", jars.dir().toString(), "evaluate", "--format", "json", "-o", crlf.toString(),
                PluginJars.EXAMPLE.resolve("example-assessment.json").toString());
        assertThat(b.exit()).as(b.err()).isZero();
        assertThat(JSON.readTree(crlf.toFile()).at("/assessments/0/provenance/schemes/0/catalogDigest"))
                .isEqualTo(JSON.readTree(lf.toFile()).at("/assessments/0/provenance/schemes/0/catalogDigest"));
    }

    @Test
    void ndjsonResultsAreCheckedLineByLine() throws Exception {
        Path book = work.resolve("book.ndjson");
        String line = JSON.readTree(input.toFile()).toString();
        Files.writeString(book, line + "\n\n" + line + "\n");
        Path results = work.resolve("results.ndjson");
        CliRun r = CliRun.of("evaluate", "--format", "ndjson", "-o", results.toString(), book.toString());
        assertThat(r.exit()).as(r.err()).isZero();
        List<String> lines = Files.readAllLines(results);
        assertThat(JSON.readTree(lines.get(1)).at("/provenance/inputDigest").asText())
                .isEqualTo(sha256(line.getBytes(StandardCharsets.UTF_8)));
        CliRun v = CliRun.of("verify", results.toString());
        assertThat(v.exit()).as(v.err()).isZero();
        assertThat(v.out().lines().toList()).hasSize(2).allMatch(l -> l.contains(": matches"));
        assertThat(v.out()).contains(book + ":1: matches").contains(book + ":3: matches");
        List<String> changed = new ArrayList<>(List.of(line, "", line.replaceFirst("\"conform\"", "\"not-conform\"")));
        Files.write(book, changed);
        CliRun after = CliRun.of("verify", results.toString());
        assertThat(after.exit()).isEqualTo(10);
        assertThat(after.out()).contains(book + ":1: matches").contains(book + ":3: does not match");
    }

    @Test
    void aResultWithoutProvenanceOrNotAResultIsOneLine() throws Exception {
        ObjectNode root = (ObjectNode) JSON.readTree(result.toFile());
        ((ObjectNode) root.get("assessments").get(0)).remove("provenance");
        Files.writeString(result, root.toPrettyString());
        CliRun v = CliRun.of("verify", result.toString());
        assertThat(v.exit()).isEqualTo(3);
        assertThat(v.err()).contains("carries no provenance").hasLineCount(1);
        Files.writeString(result, "not json at all");
        CliRun bad = CliRun.of("verify", result.toString());
        assertThat(bad.exit()).isEqualTo(3);
        assertThat(bad.err()).contains("is not a JSON result").hasLineCount(1);
        assertThat(bad.clean()).isTrue();
    }

    @Test
    void aSignedResultIsCheckedWithTheBodysPublicKey() throws Exception {
        Path key = work.resolve("body.jwk");
        CliRun made = CliRun.of("sign", "--new-key", key.toString());
        assertThat(made.exit()).as(made.err()).isZero();
        Path pub = work.resolve("body.public.jwk");
        assertThat(Files.readString(pub)).contains("\"kty\":\"EC\"").doesNotContain("\"d\":");
        assertThat(Files.readString(key)).contains("\"d\":");
        assertThat(CliRun.of("sign", "--new-key", key.toString()).exit()).as("a key is never replaced").isEqualTo(4);

        CliRun unsigned = CliRun.of("verify", "--key", pub.toString(), result.toString());
        assertThat(unsigned.exit()).isEqualTo(14);
        assertThat(unsigned.out()).contains("result.json.jws: no such file: the result is not signed");

        CliRun signed = CliRun.of("sign", result.toString(), "--key", key.toString());
        assertThat(signed.exit()).as(signed.err()).isZero();
        // a detached JWS: header, no payload, signature
        assertThat(Files.readString(work.resolve("result.json.jws")).strip()).matches("[A-Za-z0-9_-]+\\.\\.[A-Za-z0-9_-]+");
        CliRun v = CliRun.of("verify", "--key", pub.toString(), result.toString());
        assertThat(v.exit()).as(v.out() + v.err()).isZero();
        assertThat(v.out()).startsWith(result + ": signed by the key of " + pub + "\n").contains(": matches (");

        // another body's key, then one byte of the result changed (a space): the signature no longer holds
        Path other = work.resolve("other.jwk");
        assertThat(CliRun.of("sign", "--new-key", other.toString()).exit()).isZero();
        CliRun wrongKey = CliRun.of("verify", "--key", work.resolve("other.public.jwk").toString(), result.toString());
        assertThat(wrongKey.exit()).isEqualTo(14);
        assertThat(wrongKey.out()).contains("does not hold");
        Files.writeString(result, Files.readString(result) + " ");
        CliRun changed = CliRun.of("verify", "--key", pub.toString(), result.toString());
        assertThat(changed.exit()).isEqualTo(14);
        assertThat(changed.out()).contains("the signature").contains("does not hold: the result was changed after it"
                + " was signed");
        assertThat(changed.clean()).isTrue();
        CliRun notAKey = CliRun.of("verify", "--key", result.toString(), result.toString());
        assertThat(notAKey.exit()).isEqualTo(3);
        assertThat(notAKey.err()).contains("is not a JWK key file").hasLineCount(1);
    }
}

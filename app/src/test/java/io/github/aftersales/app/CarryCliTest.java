package io.github.aftersales.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code carry}: the bundled GB/T 27922 form carried to ZG025, as the worked example in docs/carry.md shows it. */
class CarryCliTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String EXAMPLE = "examples/gbt27922-form.json";

    @TempDir
    Path dir;

    /** The block after {@code marker} in docs/carry.md, between its fences. */
    private static String block(String marker) throws Exception {
        String doc = Files.readString(Path.of("docs", "carry.md"));
        Matcher m = Pattern.compile(Pattern.quote(marker) + "\\n```\\w+\\n(.*?)```", Pattern.DOTALL).matcher(doc);
        assertThat(m.find()).as("docs/carry.md has the block " + marker).isTrue();
        return m.group(1);
    }

    @Test
    void theWorkedExampleInTheDocsIsWhatTheCliWrites() throws Exception {
        CliRun gap = CliRun.of("carry", "--from", EXAMPLE, "--to", "zg025", "--gap");
        assertThat(gap.exit()).isZero();
        assertThat(block("<!-- gap report: written by the CLI, kept in sync by CarryCliTest -->")).isEqualTo(gap.out());

        CliRun carried = CliRun.of("carry", "--from", EXAMPLE, "--to", "zg025");
        assertThat(carried.exit()).isZero();
        JsonNode shown = JSON.readTree(block("<!-- carried findings: written by the CLI, kept in sync by CarryCliTest -->"));
        JsonNode findings = JSON.readTree(carried.out()).get("schemes").get(0).get("findings");
        assertThat(shown.size()).isEqualTo(3);
        for (JsonNode f : shown) {
            JsonNode written = null;
            for (JsonNode w : findings) {
                if (w.get("id").equals(f.get("id"))) {
                    written = w;
                }
            }
            assertThat(written).as(f.get("id").asText()).isEqualTo(f);
        }
    }

    @Test
    void theCarriedFileIsAnAssessmentThatEvaluateGrades() throws Exception {
        Path out = dir.resolve("acme-zg025.json");
        CliProcess.Ran carry = CliProcess.run(dir, List.of(), "carry", "--from", EXAMPLE, "--to", "zg025", "-o",
                out.toString());
        assertThat(carry.exit()).isZero();
        assertThat(carry.out()).isEmpty();
        assertThat(carry.err()).isEmpty();
        JsonNode written = JSON.readTree(out.toFile());
        assertThat(JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012)
                .getSchema(Files.readString(Path.of("docs", "assessment.schema.json"))).validate(written)).isEmpty();
        assertThat(written.get("organisation").asText()).startsWith("示例电器有限公司");

        // blanks are the auditor's: evaluate names them, and grades the carried findings alone when told to
        CliProcess.Ran strict = CliProcess.run(dir, List.of(), "evaluate", out.toString());
        assertThat(strict.exit()).isEqualTo(ExitCode.INPUT);
        assertThat(strict.err()).contains("83 of 88 zg025 items items have no score or result: 5.1.1 a), 5.1.1 b)")
                .doesNotContain("\tat ");
        CliProcess.Ran floor = CliProcess.run(dir, List.of(), "evaluate", "--missing-as-zero", out.toString());
        assertThat(floor.exit()).isZero();
        // 5.1.2 a), 5.4.1.1 b), 5.4.1.1 c), 5.4.3 a), 5.4.3 b) carried as conform: 5 of 88
        assertThat(floor.out()).contains("得分 Score:  5 / 88  = 5.68 %");
    }

    @Test
    void yamlAndTheCombinedGradeLoadToo() throws Exception {
        Path yaml = dir.resolve("acme.yaml");
        assertThat(CliRun.of("carry", "--from", EXAMPLE, "--to", "zg025/items", "--format", "yaml", "-o",
                yaml.toString()).exit()).isZero();
        CliRun graded = CliRun.of("evaluate", "--missing-as-zero", yaml.toString());
        assertThat(graded.exit()).isZero();
        assertThat(graded.out()).contains("5 / 88  = 5.68 %");

        Path combined = dir.resolve("acme-combined.json");
        assertThat(CliRun.of("carry", "--from", EXAMPLE, "--to", "zg025-combined/combined", "-o",
                combined.toString()).exit()).isZero();
        CliRun both = CliRun.of("evaluate", "--missing-as-zero", combined.toString());
        assertThat(both.exit()).isZero();
        // the GB/T part copied as it was (examples/gbt27922-form.json grades 92.85), ZG025 carried
        assertThat(both.out()).contains("91 / 98 applicable (scaled: 92.85 / 100)").contains("5 / 88  = 5.68 %");
    }

    @Test
    void annexBToTheFormAndBack() throws Exception {
        Path form = dir.resolve("form.json");
        // the example's only indicator with a finding, B.6.3.2 (not conform), bears on 5.3.2.2 without carrying
        assertThat(CliRun.of("carry", "--from", "examples/gbt27922-annex-b.yaml", "--to", "gbt27922/form", "-o",
                form.toString()).exit()).isZero();
        JsonNode complaints = null;
        for (JsonNode f : JSON.readTree(form.toFile()).get("schemes").get(0).get("findings")) {
            if (f.get("id").asText().equals("5.3.2.2")) {
                complaints = f;
            }
        }
        assertThat(complaints.get("result").isNull()).isTrue();
        assertThat(complaints.get("note").asText()).contains("gbt27922/annex-b B.6.3.2 (intersect): not-conform"
                + " (抽查 120 件投诉，解决 109 件 (91 %))");
        CliRun graded = CliRun.of("evaluate", "--missing-as-zero", form.toString());
        assertThat(graded.exit()).isZero();

        Path annexB = dir.resolve("annex-b.json");
        assertThat(CliRun.of("carry", "--from", EXAMPLE, "--to", "gbt27922/annex-b", "-o", annexB.toString()).exit())
                .isZero();
        assertThat(CliRun.of("evaluate", "--missing-as-zero", annexB.toString()).exit()).isZero();
    }

    @Test
    void toCqmTheFactsAreLeftToTheAuditorAndEvaluateSaysSo() throws Exception {
        Path cqm = dir.resolve("cqm.json");
        assertThat(CliRun.of("carry", "--from", EXAMPLE, "--to", "cqm", "-o", cqm.toString()).exit()).isZero();
        JsonNode part = JSON.readTree(cqm.toFile()).get("schemes").get(0);
        List<String> facts = new java.util.ArrayList<>();
        part.get("facts").properties().forEach(e -> {
            assertThat(e.getValue().isNull()).as(e.getKey()).isTrue();
            facts.add(e.getKey());
        });
        assertThat(facts).containsExactlyInAnyOrder("managementAudit", "S", "S当面", "seriousNonConformities",
                "operatingSince", "onSiteDate");
        CliRun graded = CliRun.of("evaluate", "--missing-as-zero", cqm.toString());
        assertThat(graded.exit()).isEqualTo(ExitCode.INPUT);
        assertThat(graded.err()).contains("facts").contains("managementAudit");
        assertThat(graded.clean()).isTrue();
    }

    @Test
    void theGapReportAsJson() throws Exception {
        CliRun gap = CliRun.of("carry", "--from", EXAMPLE, "--to", "zg025", "--gap", "--format", "json");
        assertThat(gap.exit()).isZero();
        JsonNode report = JSON.readTree(gap.out());
        assertThat(report.get("totals").toString()).isEqualTo("{\"covered\":{\"clauses\":5,\"points\":5},"
                + "\"partly-covered\":{\"clauses\":64,\"points\":64},\"not-covered\":{\"clauses\":19,\"points\":19},"
                + "\"all\":{\"clauses\":88,\"points\":88}}");
        JsonNode packaging = null;
        JsonNode strategy = null;
        for (JsonNode c : report.get("clauses")) {
            if (c.get("id").asText().equals("5.4.1.1 b)")) {
                packaging = c;
            } else if (c.get("id").asText().equals("5.1.3 a)")) {
                strategy = c;
            }
        }
        assertThat(strategy.get("coverage").asText()).isEqualTo("not-covered");
        assertThat(strategy.get("unmapped").asText()).isEqualTo("service strategy: not in the GB/T form");
        assertThat(strategy.get("from")).isEmpty();
        assertThat(packaging.get("coverage").asText()).isEqualTo("covered");
        assertThat(packaging.get("carried").asText()).isEqualTo("conform");
        assertThat(packaging.get("from").get(0).get("relation").asText()).isEqualTo("equal");
        assertThat(packaging.get("from").get(0).get("rationale").asText()).contains("「所售商品的外包装有完整的厂家和产品信息");
    }

    @Test
    void theInputIsNeverOverwrittenNorAnOutputWithoutForce() throws Exception {
        byte[] before = Files.readAllBytes(Path.of(EXAMPLE));
        CliRun over = CliRun.of("carry", "--from", EXAMPLE, "--to", "zg025", "-o", EXAMPLE, "--force");
        assertThat(over.exit()).isEqualTo(ExitCode.OUTPUT);
        assertThat(over.err()).contains("examples/gbt27922-form.json: is the input file");
        assertThat(Files.readAllBytes(Path.of(EXAMPLE))).isEqualTo(before);

        Path taken = dir.resolve("taken.json");
        Files.writeString(taken, "mine");
        CliRun exists = CliRun.of("carry", "--from", EXAMPLE, "--to", "zg025", "-o", taken.toString());
        assertThat(exists.exit()).isEqualTo(ExitCode.OUTPUT);
        assertThat(Files.readString(taken)).isEqualTo("mine");
        assertThat(CliRun.of("carry", "--from", EXAMPLE, "--to", "zg025", "-o", taken.toString(), "--force").exit())
                .isZero();
        assertThat(Files.readString(taken)).startsWith("{");
    }

    @Test
    void badInputIsOneClearLine() throws Exception {
        CliProcess.Ran unknown = CliProcess.run(dir, List.of(), "carry", "--from", EXAMPLE, "--to", "zg026");
        assertThat(unknown.exit()).isEqualTo(ExitCode.USAGE);
        assertThat(unknown.err()).isEqualTo("error: --to: unknown scheme 'zg026' (did you mean 'zg025'?); installed:"
                + " cqm, gbt27922, zg025, zg025-combined\n");

        CliRun variant = CliRun.of("carry", "--from", EXAMPLE, "--to", "zg025/form");
        assertThat(variant.exit()).isEqualTo(ExitCode.USAGE);
        assertThat(variant.err()).contains("--to: scheme zg025 has no variant 'form'; its variants: items");

        Path missing = dir.resolve("no-such.json");
        CliProcess.Ran unreadable = CliProcess.run(dir, List.of(), "carry", "--from", missing.toString(), "--to", "zg025");
        assertThat(unreadable.exit()).isEqualTo(ExitCode.INPUT);
        assertThat(unreadable.err()).startsWith("error: " + missing).doesNotContain("\tat ").doesNotContain("Exception");
        assertThat(unreadable.err().lines()).hasSize(1);

        Path broken = dir.resolve("broken.json");
        Files.writeString(broken, "{\"schemes\": [");
        CliRun malformed = CliRun.of("carry", "--from", broken.toString(), "--to", "zg025");
        assertThat(malformed.exit()).isEqualTo(ExitCode.INPUT);
        assertThat(malformed.err()).startsWith("error: " + broken).contains("malformed JSON");
        assertThat(malformed.clean()).isTrue();

        CliRun noMapping = CliRun.of("carry", "--from", "examples/gbt27922-annex-b.yaml", "--to", "zg025");
        assertThat(noMapping.exit()).isEqualTo(ExitCode.USAGE);
        assertThat(noMapping.err()).isEqualTo("error: examples/gbt27922-annex-b.yaml: no mapping from gbt27922/annex-b"
                + " to zg025/items; the mappings are gbt27922/form ↔ zg025/items, gbt27922/form ↔ gbt27922/annex-b,"
                + " gbt27922/form ↔ cqm/star, zg025/items ↔ cqm/star\n");

        CliRun format = CliRun.of("carry", "--from", EXAMPLE, "--to", "zg025", "--format", "text");
        assertThat(format.exit()).isEqualTo(ExitCode.USAGE);
        assertThat(format.err()).contains("the carried assessment is json or yaml (text is for --gap)");
        assertThat(CliRun.of("carry", "--from", EXAMPLE, "--to", "zg025", "--gap", "--format", "yaml").exit())
                .isEqualTo(ExitCode.USAGE);
        assertThat(List.of(unknown.err(), unreadable.err())).noneMatch(e -> e.contains("\tat "));
    }
}

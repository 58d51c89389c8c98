package io.github.aftersales.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The real command line, end to end, run from the project root as the README shows. */
class CliTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path EXAMPLE = Path.of("examples/gbt27922-form.json");

    @TempDir
    Path dir;

    private static JsonSchema schema(String file) throws Exception {
        return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012)
                .getSchema(Files.readString(Path.of("docs", file)));
    }

    private static void assertValid(String schemaFile, JsonNode node) throws Exception {
        Set<ValidationMessage> errors = schema(schemaFile).validate(node);
        assertThat(errors).as(schemaFile).isEmpty();
    }

    @Test
    void versionAndHelp() {
        CliRun version = CliRun.of("--version");
        assertThat(version.exit()).isZero();
        assertThat(version.out()).contains("aftersales").contains("scheme gbt27922 GB/T 27922-2011");
        for (String command : List.of("schemes", "template", "evaluate", "surveil", "generate", "register",
                "register record", "register list", "register search", "register show", "register due",
                "register surveil", "register reevaluate", "register incident", "register export")) {
            List<String> args = new java.util.ArrayList<>(List.of(command.split(" ")));
            args.add("--help");
            CliRun help = CliRun.of(args.toArray(String[]::new));
            assertThat(help.exit()).as(command).isZero();
            assertThat(help.out()).as(command).contains("Usage: aftersales " + command);
        }
        assertThat(CliRun.of("--help").out()).contains("Exit codes:");
    }

    @Test
    void schemesListsGbt27922WithItsVariantsAndOrigin() {
        CliRun r = CliRun.of("schemes");
        assertThat(r.exit()).isZero();
        assertThat(r.out()).contains("gbt27922  GB/T 27922-2011  商品售后服务评价体系")
                .contains("from: ").contains("scheme-gbt27922")
                .contains("variant form").contains("variant annex-a1").contains("variant annex-a2").contains("variant annex-b")
                .contains("51 scored items, 100 points").contains("8 scored items and 52 checklist items, 100 points");
    }

    @Test
    void templateHas50RowsSummingTo100() throws Exception {
        CliRun r = CliRun.of("template", "--scheme", "gbt27922");
        assertThat(r.exit()).isZero();
        JsonNode t = JSON.readTree(r.out());
        assertValid("assessment.schema.json", t);
        JsonNode findings = t.at("/schemes/0/findings");
        Set<Integer> rows = new java.util.TreeSet<>();
        BigDecimal sum = BigDecimal.ZERO;
        for (JsonNode f : findings) {
            rows.add(f.get("row").asInt());
            sum = sum.add(f.get("points").decimalValue());
            assertThat(f.get("title").asText()).isNotBlank();
            assertThat(f.has("requiredEvidence")).isTrue();
            assertThat(f.get("result").isNull()).isTrue();
        }
        assertThat(findings).hasSize(51);
        assertThat(rows).hasSize(50).first().isEqualTo(1);
        assertThat(sum).isEqualByComparingTo("100");
    }

    @Test
    void anUnfilledTemplateIsRejectedUntilMissingCountsAsZero() throws Exception {
        Path t = dir.resolve("t.yaml");
        assertThat(CliRun.of("template", "--scheme", "gbt27922", "--format", "yaml", "-o", t.toString()).exit()).isZero();
        CliRun rejected = CliRun.of("evaluate", t.toString());
        assertThat(rejected.exit()).isEqualTo(ExitCode.INPUT);
        assertThat(rejected.err()).startsWith("error: " + t + ":").contains("51 of 51 gbt27922 form items have no score"
                + " or result: 5.1.1.1, 5.1.1.2");
        assertThat(rejected.clean()).isTrue();
        CliRun zero = CliRun.of("evaluate", "--missing-as-zero", t.toString());
        assertThat(zero.exit()).isZero();
        assertThat(zero.out()).contains("未达标");
    }

    /** template → filled (every item conform) → evaluate, for every variant. */
    @ParameterizedTest
    @ValueSource(strings = {"form", "annex-a1", "annex-a2", "annex-b"})
    void templateRoundTrip(String variant) throws Exception {
        CliRun t = CliRun.of("template", "--scheme", "gbt27922", "--variant", variant);
        ObjectNode template = (ObjectNode) JSON.readTree(t.out());
        assertValid("assessment.schema.json", template);
        for (JsonNode f : template.at("/schemes/0/findings")) {
            ((ObjectNode) f).put("result", "conform");
            if (f.has("points")) {
                ((ObjectNode) f).put("score", f.get("points").decimalValue()); // a category scored as a whole needs one
            }
        }
        Path filled = dir.resolve(variant + ".json");
        Files.writeString(filled, JSON.writeValueAsString(template));
        CliRun r = CliRun.of("evaluate", "--format", "json", filled.toString());
        assertThat(r.exit()).as(r.err()).isZero();
        JsonNode result = JSON.readTree(r.out()).at("/assessments/0/schemes/0");
        assertThat(result.get("score").decimalValue()).isEqualByComparingTo("100");
        assertThat(result.get("passed").asBoolean()).isTrue();
        assertThat(result.get("stars").asInt()).isEqualTo(variant.equals("form") ? 5 : 0);
        assertThat(result.get("grade").asText()).isEqualTo(variant.equals("form") ? "五星级" : "达标");
    }

    @Test
    void theExampleInTextShowsGradeLostPointsAndWhy() {
        CliRun r = CliRun.of("evaluate", EXAMPLE.toString());
        assertThat(r.exit()).isZero();
        assertThat(r.out()).contains("四星级 (four stars)  ★★★★")
                .contains("91 / 98 applicable (scaled: 92.85 / 100)")
                .contains("5.1.2.2  −2  (3 of 5)")
                .contains("total 92.85 < 95 needed for 五星级 (five stars): 2.1 more points")
                .contains("5.2.5.5");
    }

    @Test
    void theAnnexExampleNamesTheFailingCategoryAndTheChecklistFinding() {
        // B.1-B.8 = 5+5+5+18+9+14+11+8 = 75 >= 70, but B.6 at 14 of 30 = 46.66 % < 50 %
        CliRun r = CliRun.of("evaluate", "examples/gbt27922-annex-b.yaml");
        assertThat(r.exit()).isZero();
        assertThat(r.out()).contains("75 / 100  = 75 %").contains("未达标 (not qualified)  — not passed")
                .contains("B.6.3.2  顾客投诉解决率不能低于97%。")
                .contains("category B.6 客户投诉 at 46.66 % (14 of 30) < 50 % needed for 达标 (qualified): 1 more point of 30");
    }

    @Test
    void theExampleInJsonFollowsTheDocumentedSchema() throws Exception {
        CliRun r = CliRun.of("evaluate", "--format", "json", EXAMPLE.toString());
        assertThat(r.exit()).isZero();
        JsonNode root = JSON.readTree(r.out());
        assertValid("result.schema.json", root);
        JsonNode s = root.at("/assessments/0/schemes/0");
        assertThat(s.get("scheme").asText()).isEqualTo("gbt27922");
        assertThat(s.get("variant").asText()).isEqualTo("form");
        assertThat(s.get("score").decimalValue()).isEqualByComparingTo("91");
        assertThat(s.get("maxScore").decimalValue()).isEqualByComparingTo("98");
        assertThat(s.get("total").decimalValue()).isEqualByComparingTo("92.85");
        assertThat(s.get("percent").decimalValue()).isEqualByComparingTo("92.85");
        assertThat(s.get("stars").asInt()).isEqualTo(4);
        assertThat(s.get("passed").asBoolean()).isTrue();
        List<String> lost = new ArrayList<>();
        s.get("lostPoints").forEach(c -> lost.add(c.get("id").asText()));
        assertThat(lost).containsExactly("5.1.2.2", "5.1.5.2", "5.1.6.4", "5.2.2.2", "5.3.1.4", "5.3.2.2");
        assertThat(s.get("reasons").get(0).asText()).isEqualTo("total 92.85 < 95 needed for 五星级 (five stars): 2.1 more points");
    }

    @Test
    void bundledExamplesFollowTheInputSchema() throws Exception {
        assertValid("assessment.schema.json", JSON.readTree(EXAMPLE.toFile()));
        assertValid("assessment.schema.json", new YAMLMapper().readTree(Path.of("examples/gbt27922-annex-b.yaml").toFile()));
    }

    @Test
    void jsonAndYamlInputGiveTheSameResult() throws Exception {
        Path yaml = dir.resolve("example.yaml");
        Files.writeString(yaml, new YAMLMapper().writeValueAsString(JSON.readTree(EXAMPLE.toFile())));
        JsonNode fromJson = JSON.readTree(CliRun.of("evaluate", "--format", "json", EXAMPLE.toString()).out())
                .at("/assessments/0/schemes");
        CliRun y = CliRun.of("evaluate", "--format", "json", yaml.toString());
        assertThat(y.exit()).as(y.err()).isZero();
        assertThat(JSON.readTree(y.out()).at("/assessments/0/schemes")).isEqualTo(fromJson);
    }

    @Test
    void notApplicableReadingOnTheCommandLine() throws Exception {
        JsonNode full = JSON.readTree(CliRun.of("evaluate", "--format", "json", "--not-applicable", "full-points",
                EXAMPLE.toString()).out()).at("/assessments/0/schemes/0");
        // 5.2.5.5 counted at its 2 points: 93 of 100
        assertThat(full.get("score").decimalValue()).isEqualByComparingTo("93");
        assertThat(full.get("notApplicable").asText()).isEqualTo("full-points");
        CliRun bad = CliRun.of("evaluate", "--not-applicable", "half", EXAMPLE.toString());
        assertThat(bad.exit()).isEqualTo(ExitCode.USAGE);
        assertThat(bad.err()).contains("'half' is not one of prorate, full-points");
    }

    @Test
    void badInputGivesOneLineAndExit3() throws Exception {
        Path missing = dir.resolve("missing.json");
        CliRun r = CliRun.of("evaluate", missing.toString());
        assertThat(r.exit()).isEqualTo(ExitCode.INPUT);
        assertThat(r.err()).isEqualTo("error: " + missing + ": no such file" + System.lineSeparator());

        Path over = dir.resolve("over.json");
        Files.writeString(over, Files.readString(EXAMPLE).replace("\"score\": 3,", "\"score\": 6,"));
        CliRun o = CliRun.of("evaluate", over.toString());
        assertThat(o.exit()).isEqualTo(ExitCode.INPUT);
        assertThat(o.err()).matches("(?s)error: .*over.json:\\d+:\\d+: schemes\\[0\\]\\.findings\\[4\\]: score of 5.1.2.2 is 6,"
                + " above its 5 points\\R");

        Path malformed = dir.resolve("bad.json");
        Files.writeString(malformed, "{\"schemes\": [\n  {\"scheme\": \"gbt27922\"\n]}");
        CliRun m = CliRun.of("evaluate", malformed.toString());
        assertThat(m.exit()).isEqualTo(ExitCode.INPUT);
        assertThat(m.err()).startsWith("error: " + malformed + ":3:").contains("malformed JSON");

        Path empty = dir.resolve("empty.yaml");
        Files.writeString(empty, "");
        assertThat(CliRun.of("evaluate", empty.toString()).err()).isEqualTo("error: " + empty + ":1:1: the file is empty"
                + System.lineSeparator());
        for (CliRun run : List.of(r, o, m)) {
            assertThat(run.clean()).isTrue();
            assertThat(run.out()).isEmpty();
        }
    }

    @Test
    void debugShowsTheStackTrace() throws Exception {
        Path malformed = dir.resolve("bad.json");
        Files.writeString(malformed, "{");
        CliRun r = CliRun.of("evaluate", "--debug", malformed.toString());
        assertThat(r.exit()).isEqualTo(ExitCode.INPUT);
        assertThat(r.err()).contains("\tat ");
    }

    @Test
    void oneBadFileAmongSeveralIsReportedAndTheOthersEvaluated() throws Exception {
        Path missing = dir.resolve("missing.json");
        CliRun r = CliRun.of("evaluate", "--format", "json", missing.toString(), EXAMPLE.toString());
        assertThat(r.exit()).isEqualTo(ExitCode.INPUT);
        assertThat(r.err()).contains(missing + ": no such file");
        assertThat(JSON.readTree(r.out()).get("assessments")).hasSize(1);
    }

    @Test
    void badUsageExits2() {
        CliRun unknownOption = CliRun.of("evaluate", "--colour", EXAMPLE.toString());
        assertThat(unknownOption.exit()).isEqualTo(ExitCode.USAGE);
        assertThat(unknownOption.err()).contains("Unknown option: '--colour'").contains("aftersales evaluate --help");
        CliRun noFile = CliRun.of("evaluate");
        assertThat(noFile.exit()).isEqualTo(ExitCode.USAGE);
        CliRun unknownScheme = CliRun.of("template", "--scheme", "gb27922");
        assertThat(unknownScheme.exit()).isEqualTo(ExitCode.USAGE);
        assertThat(unknownScheme.err()).contains("unknown scheme 'gb27922' (did you mean 'gbt27922'?)");
        CliRun unknownVariant = CliRun.of("template", "--scheme", "gbt27922", "--variant", "annex-c");
        assertThat(unknownVariant.err()).contains("its variants: form, annex-a1, annex-a2, annex-b");
    }

    @Test
    void outputFilesAreNeverOverwrittenWithoutForce() throws Exception {
        Path out = dir.resolve("result.json");
        assertThat(CliRun.of("evaluate", "--format", "json", "-o", out.toString(), EXAMPLE.toString()).exit()).isZero();
        Files.writeString(out, "keep me");
        CliRun again = CliRun.of("evaluate", "-o", out.toString(), EXAMPLE.toString());
        assertThat(again.exit()).isEqualTo(ExitCode.OUTPUT);
        assertThat(again.err()).contains(out + ": already exists");
        assertThat(Files.readString(out)).isEqualTo("keep me");
        assertThat(CliRun.of("evaluate", "-o", out.toString(), "--force", EXAMPLE.toString()).exit()).isZero();
        assertThat(Files.readString(out)).contains("四星级");
        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("result.json");
        }
    }

    @Test
    void theExampleIsNotModified() throws Exception {
        byte[] before = Files.readAllBytes(EXAMPLE);
        CliRun.of("evaluate", EXAMPLE.toString());
        assertThat(Files.readAllBytes(EXAMPLE)).isEqualTo(before);
    }

    @Test
    void zg025TemplateLists88Items() throws Exception {
        CliRun r = CliRun.of("template", "--scheme", "zg025");
        assertThat(r.exit()).isZero();
        JsonNode t = JSON.readTree(r.out());
        assertValid("assessment.schema.json", t);
        assertThat(t.at("/schemes/0/findings")).hasSize(88);
        assertThat(t.at("/schemes/0/findings/0/id").asText()).isEqualTo("5.1.1 a)");
        assertThat(t.at("/schemes/0/scoringGuide")).hasSize(5);
        JsonNode combined = JSON.readTree(CliRun.of("template", "--scheme", "zg025-combined").out());
        assertValid("assessment.schema.json", combined);
        List<String> parts = new ArrayList<>();
        combined.get("schemes").forEach(p -> parts.add(p.get("scheme").asText() + ":" + p.path("findings").size()));
        assertThat(parts).containsExactly("gbt27922:51", "zg025:88", "zg025-combined:0");
    }

    @Test
    void theCombinedExamplePrintsBothPartsTheirStarsAndTheSum() throws Exception {
        // worked out in Zg025Test.theBundledCombinedExample: GB/T 27922 4 stars, ZG025 5 stars, 9 in all
        CliRun r = CliRun.of("evaluate", "examples/zg025-combined.json");
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).contains("gbt27922 form: 四星级 (four stars)  4 stars")
                .contains("zg025 items: 五星级 (five stars)  5 stars")
                .contains("next: percentage 73.83 % < 75 % needed for 六星级 (six stars): 1 more point of 86")
                .contains("等级 Grade:  九星级 (nine stars)  4 + 5 = 9");
        CliRun json = CliRun.of("evaluate", "--format", "json", "examples/zg025-combined.json");
        JsonNode root = JSON.readTree(json.out());
        assertValid("result.schema.json", root);
        assertValid("assessment.schema.json", JSON.readTree(Path.of("examples/zg025-combined.json").toFile()));
        JsonNode sum = root.at("/assessments/0/schemes/2");
        assertThat(sum.get("scheme").asText()).isEqualTo("zg025-combined");
        assertThat(sum.get("stars").asInt()).isEqualTo(9);
        assertThat(sum.get("parts")).hasSize(2);
    }

    @Test
    void theInputIsNeverTheOutput() throws Exception {
        Path copy = dir.resolve("form.json");
        Files.copy(EXAMPLE, copy);
        byte[] before = Files.readAllBytes(copy);
        CliRun r = CliRun.of("evaluate", copy.toString(), "-o", copy.toString(), "--force");
        assertThat(r.exit()).isEqualTo(ExitCode.OUTPUT);
        assertThat(r.err()).contains("is an input file; input files are never overwritten");
        assertThat(Files.readAllBytes(copy)).isEqualTo(before);
    }

    @Test
    void noCommandIsBadUsage() {
        CliRun r = CliRun.of();
        assertThat(r.exit()).isEqualTo(ExitCode.USAGE);
        assertThat(r.err()).contains("name a command").contains("Usage: aftersales");
        assertThat(CliRun.of("evaluate", "-V").out()).contains("aftersales");
    }

    @Test
    void theFullPointsReadingIsShownInText() {
        CliRun r = CliRun.of("evaluate", "--not-applicable", "full-points", EXAMPLE.toString());
        assertThat(r.out()).contains("不适用 Not applicable (full-points)")
                .contains("5.2.5.5 not applicable: full points (full-points, chosen on the command line)");
    }

    @Test
    void everyBundledExampleFollowsTheInputSchemaAndEvaluates() throws Exception {
        List<Path> examples;
        try (var files = Files.walk(Path.of("examples"))) {
            examples = files.filter(p -> p.toString().endsWith(".json") || p.toString().endsWith(".yaml"))
                    // a plugin's (third-party-scheme, third-party-scheme-expressions): see PluginTest and their own tests
                    .filter(p -> !p.getName(1).toString().startsWith("third-party-scheme"))
                    .sorted().toList();
        }
        assertThat(examples).hasSizeGreaterThanOrEqualTo(8);
        for (Path example : examples) {
            JsonNode node = example.toString().endsWith(".yaml") ? new YAMLMapper().readTree(example.toFile())
                    : JSON.readTree(example.toFile());
            assertValid("assessment.schema.json", node);
            CliRun r = CliRun.of("evaluate", "--format", "json", example.toString());
            assertThat(r.exit()).as(example + ": " + r.err()).isZero();
            assertValid("result.schema.json", JSON.readTree(r.out()));
        }
    }

    @Test
    void surveilDecidesOnACertificate() throws Exception {
        // worked out in SurveillanceTest: a verified major complaint not rectified suspends a five-star certificate
        CliRun suspended = CliRun.of("surveil", "--level", "5", "examples/cqm/surveillance-unrectified-complaint.json");
        assertThat(suspended.exit()).as(suspended.err()).isZero();
        assertThat(suspended.out()).contains("cqm star: certificate 五星级 (5 stars) → SUSPEND")
                .contains("majorComplaint on 2026-06-20: 经过证实的重大投诉且不能有效整改");
        CliRun revoked = CliRun.of("surveil", "--level", "5", "--on-serious", "revoke", "--format", "json",
                "examples/cqm/surveillance-unrectified-complaint.json");
        assertThat(JSON.readTree(revoked.out()).get("decision").asText()).isEqualTo("revoke");
        CliRun downgraded = CliRun.of("surveil", "--level", "5", "examples/cqm/note1-example1-face-to-face-75.json");
        assertThat(downgraded.out()).contains("→ DOWNGRADE to 3 stars");
        CliRun wrong = CliRun.of("surveil", "--level", "5", EXAMPLE.toString());
        assertThat(wrong.exit()).isEqualTo(ExitCode.INPUT);
        assertThat(wrong.err()).contains("no part of this file is of a scheme whose standard says how its certificates are surveilled");
        CliRun badChoice = CliRun.of("surveil", "--level", "5", "--on-serious", "warn", "examples/cqm/cqm-five-star.json");
        assertThat(badChoice.exit()).isEqualTo(ExitCode.USAGE);
    }

    // ---- issue 18: a note of invisible characters, an event before the organisation began ---------------

    /** Writes {@code node} as pretty JSON and as YAML; returns both files. */
    private List<Path> jsonAndYaml(String name, JsonNode node) throws Exception {
        Path json = dir.resolve(name + ".json");
        Files.writeString(json, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(node));
        Path yaml = dir.resolve(name + ".yaml");
        Files.writeString(yaml, new YAMLMapper().writeValueAsString(node));
        return List.of(json, yaml);
    }

    /** The 1-based line of the first line of {@code file} containing {@code text}. */
    private static int lineOf(Path file, String text) throws Exception {
        List<String> lines = Files.readAllLines(file);
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains(text)) {
                return i + 1;
            }
        }
        throw new AssertionError(text + " not in " + file);
    }

    @Test
    void aNotApplicableNoteOfInvisibleCharactersIsRefusedInJsonAndYaml() throws Exception {
        JsonNode form = JSON.readTree(EXAMPLE.toFile());
        int index = 0;
        for (JsonNode f : form.at("/schemes/0/findings")) {
            if (f.get("id").asText().equals("5.2.5.5")) {
                ((ObjectNode) f).put("note", "\u200B\uFEFF"); // a zero-width space and a BOM: nothing to read
                break;
            }
            index++;
        }
        for (Path file : jsonAndYaml("invisible-note", form)) {
            CliRun r = CliRun.of("evaluate", file.toString());
            assertThat(r.exit()).as(file.toString()).isEqualTo(ExitCode.INPUT);
            // the finding's place: its line (in YAML, its first key's), then the path
            int line = file.toString().endsWith(".json") ? lineOf(file, "\"5.2.5.5\"") - 1 : lineOf(file, "5.2.5.5");
            assertThat(r.err()).matches("error: " + java.util.regex.Pattern.quote(file.toString()) + ":" + line
                    + ":\\d+: schemes\\[0\\]\\.findings\\[" + index + "\\]: 5\\.2\\.5\\.5 is marked not applicable with a"
                    + " note of invisible characters only \\(U\\+200B, U\\+FEFF\\): say why it does not apply\\R");
            assertThat(r.clean()).isTrue();
        }
    }

    @Test
    void aCqmEventBeforeOperatingSinceIsRefusedInJsonAndYaml() throws Exception {
        // examples/cqm/cqm-five-star.json: operating since 2020-03-01
        JsonNode assessment = JSON.readTree(Path.of("examples/cqm/cqm-five-star.json").toFile());
        ((com.fasterxml.jackson.databind.node.ArrayNode) assessment.at("/schemes/0/events")).addObject()
                .put("type", "negativeInformation").put("date", "2019-12-31").put("note", "媒体报道");
        for (Path file : jsonAndYaml("early-event", assessment)) {
            int line = lineOf(file, "negativeInformation") - (file.toString().endsWith(".json") ? 1 : 0);
            String expected = "error: " + java.util.regex.Pattern.quote(file.toString()) + ":" + line + ":\\d+:"
                    + " schemes\\[0\\]\\.events\\[0\\]: a negativeInformation event dated 2019-12-31 is before"
                    + " operatingSince 2020-03-01, the date the organisation began operating\\R";
            CliRun r = CliRun.of("evaluate", file.toString());
            assertThat(r.exit()).as(file.toString()).isEqualTo(ExitCode.INPUT);
            assertThat(r.err()).matches(expected);
            assertThat(r.clean()).isTrue();
            CliRun surveil = CliRun.of("surveil", "--level", "5", file.toString());
            assertThat(surveil.exit()).isEqualTo(ExitCode.INPUT);
            assertThat(surveil.err()).matches(expected);
        }
        // dated the day it began, it is accepted; six years before the on-site date it is outside every window
        ((ObjectNode) assessment.at("/schemes/0/events/0")).put("date", "2020-03-01");
        CliRun onTheDay = CliRun.of("evaluate", jsonAndYaml("on-the-day", assessment).get(0).toString());
        assertThat(onTheDay.exit()).as(onTheDay.err()).isZero();
        assertThat(onTheDay.out()).contains("五星级 (five stars)");
    }
}

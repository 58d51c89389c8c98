package io.github.aftersales.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code aftersales records} as a user runs it: on the hand-worked exports of the records module and on
 * examples/records, feeding assessments that {@code evaluate} then grades.
 */
class RecordsCliTest {

    private static final String SMALL = "records/src/test/resources/records/small.csv";
    private static final String BAD = "records/src/test/resources/records/bad-rows.csv";
    private static final String EXAMPLE = "examples/records/service-requests.csv";

    @TempDir
    Path dir;

    private CliProcess.Ran run(String... args) throws Exception {
        return CliProcess.run(dir, List.of(), args);
    }

    private static String sha256(Path file) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
    }

    @Test
    void eachRecordsCommandHasItsHelpAndRecordsAloneAsksForOne() {
        for (String command : List.of("records", "records summary", "records sample", "records feed")) {
            CliRun help = CliRun.of((command + " --help").split(" "));
            assertThat(help.exit()).as(command).isZero();
            assertThat(help.out()).as(command).contains("Usage: aftersales " + command);
        }
        CliRun alone = CliRun.of("records");
        assertThat(alone.exit()).isEqualTo(ExitCode.USAGE);
        assertThat(alone.err()).startsWith("error: name a records command: summary, sample or feed");
    }

    @Test
    void summaryAsJsonGivesTheHandWorkedFigures() throws Exception {
        CliProcess.Ran r = run("records", "summary", SMALL, "--format", "json");
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.err()).isEmpty();
        JsonNode j = new ObjectMapper().readTree(r.out());
        // worked out in RecordsSummaryTest: complaints 1 of 2, response median 10 and p90 120, index 70
        assertThat(j.at("/overall/complaints/percent").decimalValue()).isEqualByComparingTo("50");
        assertThat(j.at("/overall/responseTime/medianMinutes").asLong()).isEqualTo(10);
        assertThat(j.at("/overall/responseTime/p90Minutes").asLong()).isEqualTo(120);
        assertThat(j.at("/overall/satisfaction/index").decimalValue()).isEqualByComparingTo("70");
        assertThat(j.at("/source/sha256").asText()).isEqualTo(sha256(Path.of(SMALL)));
    }

    @Test
    void threeHundredThousandRecordsAreSummarisedIn32MegabytesOfHeap() throws Exception {
        Path csv = dir.resolve("many.csv");
        try (java.io.BufferedWriter w = Files.newBufferedWriter(csv)) {
            w.write("id,type,channel,opened,first_response,resolved,contacts,promised_hours,satisfaction\n");
            for (int i = 0; i < 300_000; i++) {
                // 30 channels, 24 months, every 7th a complaint; response i % 50 minutes, resolved 3 hours after
                int month = 1 + i % 12;
                String day = (2025 + i / 12 % 2) + "-" + (month < 10 ? "0" : "") + month + "-15 ";
                w.write("R" + i + "," + (i % 7 == 0 ? "complaint" : "repair") + ",ch" + i % 30 + "," + day + "08:00,"
                        + day + "08:" + String.format("%02d", i % 50) + "," + day + "11:" + String.format("%02d", i % 50)
                        + ",1,4," + (1 + i % 5) + "\n");
            }
        }
        CliProcess.Ran r = CliProcess.run(dir, List.of("-Xmx32m"), "records", "summary", csv.toString(), "--format",
                "json");
        assertThat(r.exit()).as(r.err()).isZero();
        JsonNode j = new ObjectMapper().readTree(r.out());
        assertThat(j.at("/source/records").asLong()).isEqualTo(300_000);
        assertThat(j.at("/byChannel").size()).isEqualTo(30);
        assertThat(j.at("/byMonth").size()).isEqualTo(24);
        // responses 0..49 minutes, 6,000 of each: median rank 150,000 → 24, p90 rank 270,000 → 44
        assertThat(j.at("/overall/responseTime/medianMinutes").asLong()).isEqualTo(24);
        assertThat(j.at("/overall/responseTime/p90Minutes").asLong()).isEqualTo(44);
        // scores 1..5 equally often: mean 3, index (3 − 1) / 4 × 100 = 50
        assertThat(j.at("/overall/satisfaction/index").decimalValue()).isEqualByComparingTo("50");
    }

    @Test
    void badRowsAreWarnedAndSkippedOrRefusedWhenStrict() throws Exception {
        CliProcess.Ran r = run("records", "summary", BAD);
        assertThat(r.exit()).isZero();
        assertThat(r.err()).contains("warning: " + BAD + ":2:4: opened: '2026-13-01 09:00' is not a date-time like"
                + " 2026-03-02 09:15 (row skipped)").contains("warning: " + BAD + ":7: has 4 fields, the header 11");
        assertThat(r.out()).contains("9 rows: 2 records read, 7 skipped");
        CliProcess.Ran strict = run("records", "summary", "--strict", BAD);
        assertThat(strict.exit()).isEqualTo(ExitCode.INPUT);
        assertThat(strict.out()).isEmpty();
        assertThat(strict.err()).endsWith("error: " + BAD + ": 7 bad rows (--strict)\n");
    }

    @Test
    void aFileThatIsNoExportIsOneLineAndExit3() throws Exception {
        Path workbook = Files.write(dir.resolve("export.xlsx"), new byte[] {'P', 'K', 3, 4, 1, 2, 3});
        CliProcess.Ran r = run("records", "summary", workbook.toString());
        assertThat(r.exit()).isEqualTo(ExitCode.INPUT);
        assertThat(r.err()).isEqualTo("error: " + workbook + ": is a zip file but not an xlsx workbook: save the export"
                + " as CSV (UTF-8) or as an Excel workbook (.xlsx)\n");
        Path mapping = Files.writeString(dir.resolve("m.yaml"), "columns: {opend: 受理时间}\n");
        CliProcess.Ran m = run("records", "summary", "--mapping", mapping.toString(), SMALL);
        assertThat(m.exit()).isEqualTo(ExitCode.INPUT);
        assertThat(m.err()).startsWith("error: " + mapping + ": columns.opend: not a field of a service record");
        CliProcess.Ran missing = run("records", "sample", SMALL, "-n", "0", "--seed", "1");
        assertThat(missing.exit()).isEqualTo(ExitCode.USAGE);
    }

    @Test
    void theHtmlPageEscapesTheExportAndLoadsNothing() throws Exception {
        Path csv = Files.writeString(dir.resolve("x.csv"), "id,type,channel,opened\n"
                + "<b>1</b>,repair,\"<script>alert(1)</script>\",2026-03-02 09:00\n");
        CliRun r = CliRun.of("records", "summary", csv.toString(), "--format", "html");
        assertThat(r.exit()).as(r.err()).isZero();
        Document page = Jsoup.parse(r.out());
        assertThat(page.select("script")).isEmpty();
        assertThat(page.select("[src], link")).isEmpty();
        assertThat(page.select("svg")).isNotEmpty();
        assertThat(page.text()).contains("<script>alert(1)</script>");
        assertThat(r.out()).doesNotContain("http://", "https://", "url(");
    }

    @Test
    @org.junit.jupiter.api.Tag("thorough") // Chromium: a few seconds
    void chromiumShowsThePageWithItsChartsAndRunsNothingFromTheExport() throws Exception {
        Path chromium = Path.of("/usr/bin/chromium");
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isExecutable(chromium), "Chromium is not installed");
        Path csv = Files.writeString(dir.resolve("x.csv"), "id,type,channel,opened,first_response,resolved\n"
                + "1,repair,\"<img src=x onerror=\"\"document.title='pwned'\"\">\",2026-03-02 09:00,2026-03-02 09:10,"
                + "2026-03-02 10:00\n2,complaint,电话,2026-04-02 09:00,2026-04-02 09:30,\n");
        Path page = dir.resolve("page.html");
        assertThat(run("records", "summary", csv.toString(), "--format", "html", "-o", page.toString()).exit()).isZero();
        Process p = new ProcessBuilder(chromium.toString(), "--headless", "--no-sandbox", "--dump-dom",
                page.toUri().toString()).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String dom = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(p.waitFor(2, java.util.concurrent.TimeUnit.MINUTES)).isTrue();
        Document shown = Jsoup.parse(dom);
        assertThat(shown.title()).doesNotContain("pwned").startsWith("服务记录 Service records");
        assertThat(shown.select("img")).isEmpty();
        assertThat(shown.text()).contains("<img src=x onerror=\"document.title='pwned'\">");
        // the month chart: March and April, one request each
        assertThat(shown.select("svg rect title").eachText()).contains("2026-03: 1 requests", "2026-04: 1 requests");
    }

    @Test
    void aSampleIsDrawnAgainFromItsSeedAndGivesItsFinding() throws Exception {
        CliProcess.Ran a = run("records", "sample", EXAMPLE, "-n", "40", "--seed", "20261015", "--stratify",
                "--format", "json");
        CliProcess.Ran b = run("records", "sample", EXAMPLE, "-n", "40", "--seed", "20261015", "--stratify",
                "--format", "json");
        assertThat(a.exit()).as(a.err()).isZero();
        assertThat(a.out()).isEqualTo(b.out());
        JsonNode j = new ObjectMapper().readTree(a.out());
        assertThat(j.at("/records")).hasSize(40);
        assertThat(j.at("/source/sha256").asText()).isEqualTo(sha256(Path.of(EXAMPLE)));
        long late = 0;
        long decided = 0;
        for (JsonNode rec : j.at("/records")) {
            late += rec.get("verdict").asText().equals("resolved later than promised") ? 1 : 0;
            decided += rec.get("verdict").asText().equals("check by hand") ? 0 : 1;
        }
        assertThat(j.at("/counts/nonConforming").asLong()).isEqualTo(late);
        CliProcess.Ran f = run("records", "sample", EXAMPLE, "-n", "40", "--seed", "20261015", "--stratify",
                "--finding", "5.1.2 c)");
        JsonNode finding = new YAMLMapper().readTree(f.out());
        assertThat(finding.at("/samples/checked").asLong()).isEqualTo(decided);
        assertThat(finding.at("/samples/nonConforming").asLong()).isEqualTo(late);
        assertThat(finding.at("/evidence/0").asText()).contains("seed=20261015", sha256(Path.of(EXAMPLE)));
    }

    @Test
    void feedingAnnexBPutsB632InACopyThatEvaluates() throws Exception {
        Path input = Path.of("examples/gbt27922-annex-b.yaml");
        String before = sha256(input);
        Path out = dir.resolve("annex-b.yaml");
        CliProcess.Ran r = run("records", "feed", EXAMPLE, "--to", "annex-b", "--into", input.toString(), "-o",
                out.toString());
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(sha256(input)).as("the assessment given is not changed").isEqualTo(before);
        JsonNode copy = new YAMLMapper().readTree(out.toFile());
        JsonNode b632 = null;
        for (JsonNode f : copy.at("/schemes/0/findings")) {
            b632 = f.get("id").asText().equals("B.6.3.2") ? f : b632;
        }
        // the example export: 764 of 775 complaints resolved, 98.58 %: conform (76,400 ≥ 97 × 775 = 75,175)
        assertThat(b632.get("result").asText()).isEqualTo("conform");
        assertThat(b632.get("note").asText()).startsWith("投诉解决率 98.58 %：2025-10-01 至 2026-09-30 受理投诉 775 件，已解决 764 件");
        CliProcess.Ran evaluated = run("evaluate", out.toString());
        assertThat(evaluated.exit()).as(evaluated.err()).isZero();
        assertThat(evaluated.out()).contains("B.6.3.2");
        // the copy is not written over the assessment itself
        CliProcess.Ran same = run("records", "feed", EXAMPLE, "--to", "annex-b", "--into", input.toString(), "-o",
                input.toString(), "--force");
        assertThat(same.exit()).isEqualTo(ExitCode.USAGE);
        assertThat(sha256(input)).isEqualTo(before);
    }

    @Test
    void feedingCqmAddsTheMajorComplaintsAndTheGradeFollows() throws Exception {
        Path out = dir.resolve("cqm.json");
        CliProcess.Ran r = run("records", "feed", EXAMPLE, "--to", "cqm", "--into", "examples/cqm/cqm-five-star.json",
                "-o", out.toString());
        assertThat(r.exit()).as(r.err()).isZero();
        JsonNode events = new ObjectMapper().readTree(out.toFile()).at("/schemes/0/events");
        // the example export's three major complaints, all rectified before onSiteDate 2026-10-15
        assertThat(events).hasSize(3);
        assertThat(events.get(0).get("date").asText()).isEqualTo("2026-03-26");
        assertThat(events.get(0).get("rectified").asBoolean()).isTrue();
        // five stars allow no major complaint in 2 years, four at most 1, three 2, two 3 (rectified):
        // the five-star example with these three is two stars
        CliProcess.Ran evaluated = run("evaluate", out.toString());
        assertThat(evaluated.exit()).as(evaluated.err()).isZero();
        assertThat(evaluated.out()).contains("二星级 (two stars)");
        // without --into: the events as YAML to paste in
        CliProcess.Ran snippet = run("records", "feed", SMALL, "--to", "cqm", "--on-site", "2026-03-15");
        assertThat(new YAMLMapper().readTree(snippet.out()).at("/events/0/rectified").asBoolean()).isFalse();
    }
}

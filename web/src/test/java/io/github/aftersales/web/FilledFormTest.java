package io.github.aftersales.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.aftersales.core.assessment.Assessment;
import io.github.aftersales.core.assessment.AssessmentFormats;
import io.github.aftersales.core.assessment.AssessmentReader;
import io.github.aftersales.core.assessment.Finding;
import io.github.aftersales.core.evaluation.EvaluationOptions;
import io.github.aftersales.core.evaluation.EvaluationResult;
import io.github.aftersales.core.evaluation.Evaluator;
import io.github.aftersales.core.evaluation.SchemeResult;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An assessment downloaded from its page as its filled xlsx form: the forms module's reader reads back what the page
 * holds and grades it the same; LibreOffice opens it and shows the statements and the form's live totals.
 */
class FilledFormTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path EXAMPLES = Path.of("..", "examples");
    private WebService web;
    @TempDir
    Path dir;

    @BeforeEach
    void start() {
        web = new WebService();
    }

    @AfterEach
    void stop() {
        web.close();
    }

    private String signIn(String account) throws Exception {
        HttpResponse<String> r = web.send(web.request("/sign-in").header("Content-Type",
                "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString("account=" + account
                        + "&password=" + WebService.password(account))).build());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(303);
        String set = r.headers().firstValue("Set-Cookie").orElseThrow();
        return set.substring(0, set.indexOf(';'));
    }

    private Document get(String path, String cookie) throws Exception {
        HttpResponse<String> r = web.send(web.request(path).header("Cookie", cookie).build());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return Jsoup.parse(r.body());
    }

    /** An assessment of {@code scheme} made on the assessments page and filled by uploading {@code example}; its id. */
    private long filledFrom(String cookie, String scheme, String example) throws Exception {
        Path file = EXAMPLES.resolve(example);
        String organisation = AssessmentReader.read(file).organisation();
        Document list = get("/assessments", cookie);
        String csrf = list.selectFirst("input[name=_csrf]").attr("value");
        HttpResponse<String> made = web.send(web.request("/assessments").header("Cookie", cookie).header(
                "Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString("_csrf="
                        + enc(csrf) + "&scheme=" + enc(scheme) + "&organisation=" + enc(organisation))).build());
        assertThat(made.statusCode()).as(made.body()).isEqualTo(303);
        String location = made.headers().firstValue("Location").orElseThrow();
        long id = Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
        HttpResponse<String> up = web.upload("/assessments/" + id + "/upload", cookie, Map.of("_csrf", csrf,
                "revision", "1"), "file", file.getFileName().toString(), Files.readAllBytes(file));
        assertThat(up.statusCode()).as(up.body()).isEqualTo(303);
        return id;
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private HttpResponse<byte[]> download(String path, String cookie) throws Exception {
        return web.client().send(web.request(path).header("Cookie", cookie).build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }

    private EvaluationResult grade(Assessment a) {
        return new Evaluator(id -> Optional.ofNullable(web.schemes.get(id)), web.schemes.keySet()).evaluate(a,
                EvaluationOptions.DEFAULTS);
    }

    /**
     * Each finding that states something as "id result score note evidence", the facts and the events, in order (the
     * form lists the clauses in the standard's order, a file in its own), to compare what two assessments state.
     */
    private static List<String> statements(Assessment a) {
        List<String> all = new ArrayList<>();
        a.parts().forEach(p -> {
            for (Finding f : p.findings()) {
                if (f.result() == null && f.score() == null && f.note() == null && f.evidence().isEmpty()) {
                    continue; // a row of the form left blank states nothing, as a finding a file leaves out
                }
                all.add(p.scheme() + " " + f.id() + " " + f.result() + " " + score(f) + " " + f.note() + " "
                        + f.evidence());
            }
            all.add(p.scheme() + " facts " + p.facts().entrySet().stream().map(e -> e.getKey() + "=" + (e.getValue()
                    instanceof java.math.BigDecimal d ? d.stripTrailingZeros().toPlainString() : e.getValue()))
                    .sorted().collect(Collectors.joining(", ")));
            p.events().forEach(e -> all.add(p.scheme() + " event " + e.type() + " " + e.date() + " " + e.attributes()
                    + " " + e.note()));
        });
        return all.stream().sorted().toList();
    }

    /**
     * The score a finding gives, as the form holds it: a form has no cells for samples or a percentage, so one given
     * that way is written as the score it gives (ZG025 6.2 c): 2 of 5 samples not conforming on 1 point, 0.6; Table 1,
     * 50 % of 1 point, 0.5).
     */
    private static String score(Finding f) {
        java.math.BigDecimal score = f.score();
        if (score == null && f.samples() != null) {
            score = f.declaredPoints().multiply(java.math.BigDecimal.valueOf(f.samples().checked()
                    - f.samples().nonConforming())).divide(java.math.BigDecimal.valueOf(f.samples().checked()));
        } else if (score == null && f.percent() != null) {
            score = f.declaredPoints().multiply(f.percent()).movePointLeft(2);
        }
        return score == null ? null : score.stripTrailingZeros().toPlainString();
    }

    /** What the grade says: each part's total, grade and reasons. */
    private static List<String> graded(EvaluationResult r) {
        List<String> all = new ArrayList<>();
        for (SchemeResult s : r.results()) {
            all.add(s.scheme() + " " + s.total() + " " + s.grade() + " " + s.reasons());
        }
        return all;
    }

    @Test
    void theFilledFormReadsBackToTheSameStatementsAndGrade() throws Exception {
        String zhang = signIn("zhang");
        for (String example : List.of("gbt27922-form.json", "cqm/note1-example2-rectified-complaint.json",
                "zg025-combined.json")) {
            Assessment original = AssessmentReader.read(EXAMPLES.resolve(example));
            String scheme = original.parts().size() > 1 ? "zg025-combined/combined" : original.parts().get(0).scheme()
                    + "/" + original.parts().get(0).variant();
            long id = filledFrom(zhang, scheme, example);
            assertThat(get("/assessments/" + id, zhang).select("a[href$=filled.xlsx]")).as(example).hasSize(1);

            HttpResponse<byte[]> r = download("/assessments/" + id + "/filled.xlsx", zhang);
            assertThat(r.statusCode()).as(example).isEqualTo(200);
            assertThat(r.headers().firstValue("Content-Type")).contains(
                    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
            assertThat(r.headers().firstValue("Content-Disposition")).contains("attachment; filename=\"assessment-"
                    + id + "-r2.xlsx\"");
            Path file = Files.write(dir.resolve("assessment-" + id + ".xlsx"), r.body());
            Assessment back = AssessmentFormats.find("xlsx").orElseThrow().read(file);
            assertThat(back.organisation()).isEqualTo(original.organisation());
            assertThat(back.date()).isEqualTo(original.date());
            assertThat(back.assessor()).isEqualTo(original.assessor());
            assertThat(statements(back)).as(example).isEqualTo(statements(original));
            // the same grade; the form has no cell for a part's options, so the reading it chose (GB/T 27922's
            // example: prorate, which is also the variant's default) is the variant's default on the form
            assertThat(graded(grade(back))).as(example).isEqualTo(graded(grade(original)).stream().map(g -> g.replace(
                    "(prorate, chosen in the assessment's options)", "(prorate, the default of gbt27922 form)"))
                    .toList());
        }
    }

    @Test
    void libreOfficeShowsTheStatementsAndTheFormsTotals() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isExecutable(Path.of("/usr/bin/soffice")),
                "LibreOffice is not installed (.ci/run installs libreoffice-calc)");
        String zhang = signIn("zhang");
        long id = filledFrom(zhang, "gbt27922/form", "gbt27922-form.json");
        Path file = Files.write(dir.resolve("filled.xlsx"), download("/assessments/" + id + "/filled.xlsx", zhang)
                .body());
        Path out = Files.createDirectories(dir.resolve("csv"));
        Process lo = new ProcessBuilder("/usr/bin/soffice", "-env:UserInstallation=file://" + dir.resolve("profile"),
                "--headless", "--convert-to", "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,"
                        + "false,-1", "--outdir", out.toString(), file.toString()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        assertThat(lo.waitFor(3, TimeUnit.MINUTES)).isTrue();
        List<List<String>> rows = csv(Files.readString(out.resolve("filled-gbt27922.csv")));
        assertThat(rows.get(1).get(2)).isEqualTo("示例电器有限公司 (Example Appliances Co., Ltd. — fictitious)");
        assertThat(rows.get(2).get(2)).isEqualTo("2026-11-20");
        assertThat(rows.get(3).get(2)).isEqualTo("张三 (example auditor)");
        // by the id column: 5.1.1.1 符合 (its points, 1, by the form's totals), 5.2.5.5 不适用
        Map<String, List<String>> byId = rows.stream().filter(row -> row.size() > 9 && !row.get(9).isEmpty())
                .collect(Collectors.toMap(row -> row.get(9), row -> row, (a, b) -> a));
        assertThat(byId.get("5.1.1.1").get(4)).isEqualTo("符合");
        assertThat(byId.get("5.1.1.1").get(6)).isEqualTo("见证明材料清单 see evidence list");
        assertThat(byId.get("5.2.5.5").get(4)).isEqualTo("不适用");
        // the form's live totals: 91 of the 98 applicable points, 92.85 on the 100-point scale
        List<String> sums = rows.stream().filter(row -> row.size() > 8 && row.get(2).startsWith("合计 Total"))
                .findFirst().orElseThrow();
        List<String> scaled = rows.get(rows.indexOf(sums) + 1);
        assertThat(new java.math.BigDecimal(sums.get(5))).isEqualByComparingTo("91");
        assertThat(new java.math.BigDecimal(sums.get(8))).isEqualByComparingTo("98");
        assertThat(new java.math.BigDecimal(scaled.get(5))).isEqualByComparingTo("92.85");
    }

    @Test
    void anotherAuditorGetsNoneAndABrokenDraftIsSaidOnThePage() throws Exception {
        String zhang = signIn("zhang");
        long id = filledFrom(zhang, "gbt27922/form", "gbt27922-form.json");
        assertThat(download("/assessments/" + id + "/filled.xlsx", signIn("li")).statusCode()).isEqualTo(404);
        // the manager reads every assessment, and gets it
        assertThat(download("/assessments/" + id + "/filled.xlsx", signIn("mia")).statusCode()).isEqualTo(200);
        assertThat(download("/assessments/" + id + "/filled.xlsx", signIn("ada")).statusCode()).isEqualTo(403);
    }

    /** Comma-separated values with double quotes (RFC 4180), as LibreOffice writes them. */
    static List<List<String>> csv(String text) {
        List<List<String>> rows = new ArrayList<>();
        List<String> row = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    cell.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                row.add(cell.toString());
                cell.setLength(0);
            } else if (c == '\n') {
                row.add(cell.toString());
                cell.setLength(0);
                rows.add(row);
                row = new ArrayList<>();
            } else if (c != '\r') {
                cell.append(c);
            }
        }
        if (!cell.isEmpty() || !row.isEmpty()) {
            row.add(cell.toString());
            rows.add(row);
        }
        return rows;
    }

    /**
     * A share of samples that is not a finite decimal (1 of 3 not conforming on 1 point: 2/3) has no score a cell can
     * hold: no form, and the page says why. Left blank, the form read back would grade the clause otherwise (by its
     * result alone, or not at all).
     */
    @Test
    void samplesWithoutAFiniteScoreGetNoForm() throws Exception {
        String zhang = signIn("zhang");
        long id = filledFrom(zhang, "zg025-combined/combined", "zg025-combined.json");
        String csrf = get("/assessments/" + id, zhang).selectFirst("input[name=_csrf]").attr("value");
        HttpResponse<String> saved = web.send(web.request("/assessments/" + id + "/save").header("Cookie", zhang)
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(
                        "_csrf=" + enc(csrf) + "&revision=2&" + enc("checked:1:5.3.2 c)") + "=3&"
                                + enc("nonConforming:1:5.3.2 c)") + "=1")).build());
        assertThat(saved.statusCode()).as(saved.body()).isEqualTo(303);
        HttpResponse<String> refused = web.send(web.request("/assessments/" + id + "/filled.xlsx").header("Cookie",
                zhang).build());
        assertThat(refused.statusCode()).isEqualTo(409);
        assertThat(Jsoup.parse(refused.body()).selectFirst("#page-message").text()).isEqualTo("无法生成已填写的表："
                + "zg025 5.3.2 c): 1 of 3 samples not conforming give 1 × 2/3 points, which no cell holds as a decimal:"
                + " download the assessment as JSON");
    }

    /**
     * An assessment that chooses to score 不适用 with full points, where its variant prorates: the form has no cell for
     * the choice, and read back it would prorate (GB/T 27922's example: 91 of 98, 92.85, 四星级, instead of 93 of 100,
     * 93). No form, and the page says why.
     */
    @Test
    void optionsTheFormCannotHoldGetNoForm() throws Exception {
        String zhang = signIn("zhang");
        long id = filledFrom(zhang, "gbt27922/form", "gbt27922-form.json");
        com.fasterxml.jackson.databind.node.ObjectNode content = (com.fasterxml.jackson.databind.node.ObjectNode)
                JSON.readTree(Files.readAllBytes(EXAMPLES.resolve("gbt27922-form.json")));
        ((com.fasterxml.jackson.databind.node.ObjectNode) content.at("/schemes/0/options")).put("notApplicable",
                "full-points");
        String csrf = get("/assessments/" + id, zhang).selectFirst("input[name=_csrf]").attr("value");
        HttpResponse<String> up = web.upload("/assessments/" + id + "/upload", zhang, Map.of("_csrf", csrf,
                "revision", "2"), "file", "full.json", JSON.writeValueAsBytes(content));
        assertThat(up.statusCode()).as(up.body()).isEqualTo(303);
        HttpResponse<String> refused = web.send(web.request("/assessments/" + id + "/filled.xlsx").header("Cookie",
                zhang).build());
        assertThat(refused.statusCode()).isEqualTo(409);
        assertThat(Jsoup.parse(refused.body()).selectFirst("#page-message").text()).isEqualTo("无法生成已填写的表："
                + "gbt27922 chooses to score 不适用 as full-points, which the form has no cell for (read back, it would"
                + " be prorate): download the assessment as JSON");
    }

    /**
     * A result and note on one of CQM's checklist groups (4.2.1, within 4.2's checklist): the engine takes them (a
     * group that does not conform is a reason), the form has no row for them. No form, and the page says why.
     */
    @Test
    void whatTheFormHasNoRowForGetsNoForm() throws Exception {
        String zhang = signIn("zhang");
        long id = filledFrom(zhang, "cqm/star", "cqm/note1-example2-rectified-complaint.json");
        com.fasterxml.jackson.databind.node.ObjectNode content = (com.fasterxml.jackson.databind.node.ObjectNode)
                JSON.readTree(Files.readAllBytes(EXAMPLES.resolve("cqm/note1-example2-rectified-complaint.json")));
        ((com.fasterxml.jackson.databind.node.ArrayNode) content.at("/schemes/0/findings")).addObject()
                .put("id", "4.2.1").put("result", "不符合").put("note", "the group as a whole");
        String csrf = get("/assessments/" + id, zhang).selectFirst("input[name=_csrf]").attr("value");
        HttpResponse<String> up = web.upload("/assessments/" + id + "/upload", zhang, Map.of("_csrf", csrf,
                "revision", "2"), "file", "group.json", JSON.writeValueAsBytes(content));
        assertThat(up.statusCode()).as(up.body()).isEqualTo(303);
        HttpResponse<String> refused = web.send(web.request("/assessments/" + id + "/filled.xlsx").header("Cookie",
                zhang).build());
        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(409);
        assertThat(Jsoup.parse(refused.body()).selectFirst("#page-message").text()).isEqualTo("无法生成已填写的表："
                + "cqm states 4.2.1, which the form has no row for: download the assessment as JSON");
    }

    /** More dated events than the form has rows for (20): no form, and the page says why. */
    @Test
    void moreEventsThanTheFormHoldsAreSaidOnThePage() throws Exception {
        String zhang = signIn("zhang");
        long id = filledFrom(zhang, "cqm/star", "cqm/note1-example2-rectified-complaint.json");
        com.fasterxml.jackson.databind.node.ObjectNode content = (com.fasterxml.jackson.databind.node.ObjectNode)
                JSON.readTree(Files.readAllBytes(EXAMPLES.resolve("cqm/note1-example2-rectified-complaint.json")));
        com.fasterxml.jackson.databind.node.ArrayNode events = (com.fasterxml.jackson.databind.node.ArrayNode) content
                .at("/schemes/0/events");
        for (int day = 1; day <= 20; day++) {
            events.addObject().put("type", "majorComplaint").put("date", String.format("2026-01-%02d", day))
                    .put("rectified", true);
        }
        String csrf = get("/assessments/" + id, zhang).selectFirst("input[name=_csrf]").attr("value");
        HttpResponse<String> up = web.upload("/assessments/" + id + "/upload", zhang, Map.of("_csrf", csrf,
                "revision", "2"), "file", "many.json", JSON.writeValueAsBytes(content));
        assertThat(up.statusCode()).as(up.body()).isEqualTo(303);
        HttpResponse<String> refused = web.send(web.request("/assessments/" + id + "/filled.xlsx").header("Cookie",
                zhang).build());
        assertThat(refused.statusCode()).isEqualTo(409);
        assertThat(refused.headers().firstValue("Content-Type")).contains("text/html;charset=utf-8");
        assertThat(Jsoup.parse(refused.body()).selectFirst("#page-message").text())
                .isEqualTo("无法生成已填写的表：cqm lists 21 events; the form has rows for 20");
    }
}

package io.github.aftersales.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The pages as a browser without JavaScript uses them (forms posted whole), and as htmx does (each change posted
 * with the header it sends): sign in, make a GB/T 27922 form, fill it and watch the grade, and what an attacker's
 * page or another auditor cannot do.
 */
class WebPagesTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private WebService web;

    @BeforeEach
    void start() {
        web = new WebService();
    }

    @AfterEach
    void stop() {
        web.close();
    }

    private static String form(Map<String, String> fields) {
        return fields.entrySet().stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
    }

    /** Signs in through the page; the cookie header to send after. */
    private String signIn(String account) throws Exception {
        HttpResponse<String> r = web.send(web.request("/sign-in").header("Content-Type",
                "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form(Map.of("account",
                        account, "password", WebService.password(account))))).build());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(303);
        assertThat(r.headers().firstValue("Location")).contains("/assessments");
        String set = r.headers().firstValue("Set-Cookie").orElseThrow();
        return set.substring(0, set.indexOf(';'));
    }

    private Document get(String path, String cookie) throws Exception {
        HttpResponse<String> r = web.send(web.request(path).header("Cookie", cookie).build());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type")).contains("text/html;charset=utf-8");
        return Jsoup.parse(r.body());
    }

    private HttpResponse<String> post(String path, String cookie, Map<String, String> fields, boolean htmx)
            throws Exception {
        HttpRequest.Builder b = web.request(path).header("Cookie", cookie)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form(fields)));
        if (htmx) {
            b.header("HX-Request", "true");
        }
        return web.send(b.build());
    }

    private static String csrf(Document page) {
        return page.selectFirst("input[name=_csrf]").attr("value");
    }

    /** Makes an assessment through the assessments page; its id. */
    private long create(String cookie, String scheme, String organisation, String assignedTo) throws Exception {
        Document list = get("/assessments", cookie);
        Map<String, String> fields = new LinkedHashMap<>(Map.of("_csrf", csrf(list), "scheme", scheme,
                "organisation", organisation));
        if (assignedTo != null) {
            fields.put("assignedTo", assignedTo);
        }
        HttpResponse<String> made = post("/assessments", cookie, fields, false);
        assertThat(made.statusCode()).as(made.body()).isEqualTo(303);
        String location = made.headers().firstValue("Location").orElseThrow();
        return Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
    }

    /** The fields of the checklist form as the page gives them. */
    private static Map<String, String> fields(Document page) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (Element e : page.select("#checklist input, #checklist select, #checklist textarea")) {
            String value = e.tagName().equals("select") ? e.select("option[selected]").attr("value")
                    : e.tagName().equals("textarea") ? e.text() : e.attr("value");
            fields.put(e.attr("name"), value);
        }
        return fields;
    }

    @Test
    void aPersonIsSentToSignInAndAWrongPasswordIsSaidOnThePage() throws Exception {
        HttpResponse<String> root = web.send(web.request("/").build());
        assertThat(root.statusCode()).isEqualTo(303);
        assertThat(root.headers().firstValue("Location")).contains("/sign-in");
        HttpResponse<String> list = web.send(web.request("/assessments").build());
        assertThat(list.statusCode()).isEqualTo(303);
        assertThat(list.headers().firstValue("Location")).contains("/sign-in");

        HttpResponse<String> wrong = web.send(web.request("/sign-in?lang=en").header("Content-Type",
                "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString("account=zhang&password="
                        + "not-it")).build());
        assertThat(wrong.statusCode()).isEqualTo(401);
        Document page = Jsoup.parse(wrong.body());
        assertThat(page.selectFirst("[role=alert]").text()).isEqualTo("The account name or the password is wrong.");
        assertThat(page.selectFirst("input[name=account]").attr("value")).isEqualTo("zhang");
        assertThat(page.select("input[name=password]").attr("value")).isEmpty();
        assertThat(wrong.headers().firstValue("Set-Cookie")).contains(Texts.COOKIE + "=en; Path=/; Max-Age=31536000;"
                + " SameSite=Lax");

        // an admin keeps accounts: their pages start at /admin
        HttpResponse<String> admin = web.send(web.request("/sign-in").header("Content-Type",
                "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString("account=ada&password="
                        + WebService.password("ada"))).build());
        assertThat(admin.headers().firstValue("Location")).contains("/admin");

        String cookie = signIn("zhang");
        Document assessments = get("/assessments", cookie);
        assertThat(assessments.select("main p").text()).isEqualTo("尚无评价。");
        assertThat(assessments.selectFirst("header").text()).contains("已登录：zhang（auditor）");
        assertThat(assessments.select("#scheme option").eachAttr("value")).contains("gbt27922/form", "cqm/star");
    }

    @Test
    void anAuditorFillsAFormAndTheGradeFollowsEveryChange() throws Exception {
        String cookie = signIn("zhang");
        long id = create(cookie, "gbt27922/form", "示例电器有限公司", null);
        Document page = get("/assessments/" + id, cookie);
        assertThat(page.selectFirst("h1").text()).isEqualTo("示例电器有限公司");
        assertThat(page.selectFirst("#grade").text()).isEqualTo("尚不能评级");
        Map<String, String> fields = fields(page);
        assertThat(fields.get("revision")).isEqualTo("1");

        // every clause conforms: 100 of 100, five stars (GB/T 27922 Annex A: 95 and above)
        List<String> results = new ArrayList<>();
        fields.keySet().stream().filter(k -> k.startsWith("result:")).forEach(results::add);
        assertThat(results).hasSizeGreaterThan(40);
        results.forEach(k -> fields.put(k, "conform"));
        HttpResponse<String> all = post("/assessments/" + id + "/save", cookie, fields, true);
        assertThat(all.statusCode()).as(all.body()).isEqualTo(200);
        Document panel = Jsoup.parse(all.body());
        assertThat(panel.selectFirst("#grade").text()).isEqualTo("五星级");
        assertThat(panel.selectFirst("#total").text()).isEqualTo("100 / 100");
        // five stars is GB/T 27922's highest level: no path to a next one
        assertThat(panel.select("#next")).isEmpty();
        assertThat(panel.selectFirst("#revision").attr("value")).isEqualTo("2");
        assertThat(panel.selectFirst("#revision").attr("hx-swap-oob")).isEqualTo("true");

        // clauses not conforming until more than 5 points are lost: under 95, four stars (90 and above)
        JsonNode template = JSON.readTree(web.send(web.request("/api/v1/assessments/" + id).header("Cookie", cookie)
                .build()).body()).at("/assessment/schemes/0/findings");
        BigDecimal lost = BigDecimal.ZERO;
        for (JsonNode f : template) {
            if (lost.compareTo(new BigDecimal("5")) > 0) {
                break;
            }
            fields.put("result:0:" + f.get("id").asText(), "not-conform");
            lost = lost.add(f.get("points").decimalValue());
        }
        assertThat(lost).isBetween(new BigDecimal("5.5"), BigDecimal.TEN);
        fields.put("revision", "2");
        HttpResponse<String> fewer = post("/assessments/" + id + "/save", cookie, fields, true);
        Document after = Jsoup.parse(fewer.body());
        assertThat(after.selectFirst("#grade").text()).isEqualTo("四星级");
        assertThat(after.selectFirst("#total").text()).isEqualTo(new BigDecimal(100).subtract(lost)
                .stripTrailingZeros().toPlainString() + " / 100");
        // the engine's sentence, in the page's language
        assertThat(after.select("#reasons li").eachText()).contains("总分 " + new BigDecimal(100).subtract(lost)
                .stripTrailingZeros().toPlainString() + " < 95，未达五星级的要求：还需 " + lost.subtract(new BigDecimal(5))
                .stripTrailingZeros().toPlainString() + " 分");

        // the same assessment through the API grades the same: one engine, one store
        JsonNode api = JSON.readTree(web.send(web.request("/api/v1/assessments/" + id).header("Cookie", cookie)
                .build()).body());
        assertThat(api.get("revision").asInt()).isEqualTo(3);
        assertThat(api.at("/result/schemes/0/grade").asText()).isEqualTo("四星级");
    }

    @Test
    void theManagerReturnsWithCommentsThenApprovesAndTheCertificateIsRecorded() throws Exception {
        String zhang = signIn("zhang");
        String mia = signIn("mia");
        long id = create(mia, "gbt27922/form", "示例电器有限公司", "zhang");
        Map<String, String> fields = fields(get("/assessments/" + id, zhang));
        fields.keySet().stream().filter(k -> k.startsWith("result:")).toList().forEach(k -> fields.put(k, "conform"));
        // the register issues on the assessment's date: without it the approval is refused
        fields.put("date", "2026-11-20");
        fields.put("assessor", "张三");
        assertThat(post("/assessments/" + id + "/save", zhang, fields, false).statusCode()).isEqualTo(303);
        Document filled = get("/assessments/" + id, zhang);
        assertThat(filled.selectFirst("#grade").text()).isEqualTo("五星级");
        assertThat(post("/assessments/" + id + "/submit", zhang, Map.of("_csrf", csrf(filled), "revision", "2"), false)
                .statusCode()).isEqualTo(303);

        // the manager's queue: what is submitted
        Document queue = get("/assessments?state=submitted", mia);
        assertThat(queue.select("tbody tr")).hasSize(1);
        assertThat(queue.select("tbody td").eachText()).contains("示例电器有限公司", "待审核", "zhang");
        Document review = get("/assessments/" + id, mia);
        assertThat(review.select("#checklist select[disabled]")).isNotEmpty();
        String token = csrf(review);
        HttpResponse<String> noComments = post("/assessments/" + id + "/return", mia, Map.of("_csrf", token,
                "revision", "3", "comments", " "), false);
        assertThat(noComments.statusCode()).isEqualTo(400);
        assertThat(Jsoup.parse(noComments.body()).selectFirst("#page-message").text()).isEqualTo("请写明审核员需修改之处。");
        assertThat(post("/assessments/" + id + "/return", mia, Map.of("_csrf", token, "revision", "3", "comments",
                "5.1.2.2：请附培训记录"), false).statusCode()).isEqualTo(303);

        Document back = get("/assessments/" + id, zhang);
        assertThat(back.selectFirst(".comments").text()).contains("5.1.2.2：请附培训记录");
        assertThat(back.selectFirst("#state").text()).isEqualTo("已退回审核员");
        assertThat(post("/assessments/" + id + "/submit", zhang, Map.of("_csrf", csrf(back), "revision", "4"), false)
                .statusCode()).isEqualTo(303);
        HttpResponse<String> approved = post("/assessments/" + id + "/approve", mia, Map.of("_csrf", token,
                "revision", "5", "reference", "GBT-2026-007"), false);
        assertThat(approved.statusCode()).as(approved.body()).isEqualTo(303);
        Document done = get("/assessments/" + id, mia);
        assertThat(done.selectFirst("#state").text()).isEqualTo("已批准");
        assertThat(done.selectFirst("#certificate").text()).isEqualTo("证书 GBT-2026-007 (#1)");
        assertThat(done.select("section.review")).isEmpty();
        // a second approval (a form sent twice) is said on the page, nothing recorded twice
        HttpResponse<String> again = post("/assessments/" + id + "/approve", mia, Map.of("_csrf", token,
                "revision", "5"), false);
        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(Jsoup.parse(again.body()).selectFirst("#page-message").text()).isEqualTo("assessment " + id
                + " is approved: only a submitted assessment is returned or approved");
    }

    @Test
    void aSaveOnAnOlderRevisionIsRefusedAndThePageKeepsWhatWasTyped() throws Exception {
        String cookie = signIn("zhang");
        long id = create(cookie, "gbt27922/form", "甲公司", null);
        Map<String, String> fields = fields(get("/assessments/" + id, cookie));
        fields.put("note:0:5.1.1.1", "first");
        assertThat(post("/assessments/" + id + "/save", cookie, fields, true).statusCode()).isEqualTo(200);
        // a second tab still on revision 1
        fields.put("note:0:5.1.1.1", "second");
        HttpResponse<String> stale = post("/assessments/" + id + "/save", cookie, fields, true);
        assertThat(stale.statusCode()).isEqualTo(200);
        Document panel = Jsoup.parse(stale.body());
        assertThat(panel.selectFirst("#message").text()).startsWith("此评价已在别处保存（第 2 版）");
        assertThat(panel.selectFirst("#revision").attr("value")).isEqualTo("1");
        JsonNode stored = JSON.readTree(web.send(web.request("/api/v1/assessments/" + id).header("Cookie", cookie)
                .build()).body());
        assertThat(stored.at("/assessment/schemes/0/findings/0/note").asText()).isEqualTo("first");
    }

    @Test
    void textIsShownAsTextAndAnotherSitesFormsAndAnotherAuditorsAssessmentsAreRefused() throws Exception {
        String cookie = signIn("zhang");
        String hostile = "<script>alert(1)</script><img src=x onerror=alert(2)>";
        long id = create(cookie, "gbt27922/form", hostile, null);
        Map<String, String> fields = fields(get("/assessments/" + id, cookie));
        fields.put("note:0:5.1.1.1", "</textarea><script>alert(3)</script>");
        post("/assessments/" + id + "/save", cookie, fields, false);
        HttpResponse<String> raw = web.send(web.request("/assessments/" + id).header("Cookie", cookie).build());
        Document page = Jsoup.parse(raw.body());
        assertThat(page.select("script:not([src])")).isEmpty();
        assertThat(page.select("img")).isEmpty();
        assertThat(page.selectFirst("h1").text()).isEqualTo(hostile);
        assertThat(page.selectFirst("textarea[name='note:0:5.1.1.1']").text())
                .isEqualTo("</textarea><script>alert(3)</script>");
        assertThat(get("/assessments", cookie).select("tbody td").eachText()).contains(hostile);

        // another site's page posts a form with the browser's cookie: no CSRF token, refused, nothing made
        HttpResponse<String> forged = post("/assessments", cookie, Map.of("scheme", "gbt27922/form", "organisation",
                "forged"), false);
        assertThat(forged.statusCode()).isEqualTo(403);
        assertThat(JSON.readTree(forged.body()).get("code").asText()).isEqualTo("csrf");
        HttpResponse<String> loginCsrf = web.send(web.request("/sign-in").header("Origin", "https://evil.example")
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(
                        "account=li&password=" + WebService.password("li"))).build());
        assertThat(loginCsrf.statusCode()).isEqualTo(403);
        assertThat(loginCsrf.headers().firstValue("Set-Cookie")).isEmpty();

        // li opens zhang's assessment by its address: there is no such assessment for li
        String li = signIn("li");
        HttpResponse<String> other = web.send(web.request("/assessments/" + id).header("Cookie", li).build());
        assertThat(other.statusCode()).isEqualTo(404);
        assertThat(get("/assessments", li).select("tbody tr")).isEmpty();
    }

    /**
     * A CQM assessment filled on the pages: scores, the facts, and a dated event added with its own button. The
     * values are those of {@code examples/cqm/cqm-five-star.json}, five stars (CQM 6.2); the event added is the one of
     * {@code note1-example2-rectified-complaint.json}, a major complaint rectified within the 24 months before the
     * on-site date, which holds the grade at four stars whatever the points. The same assessment saved through the
     * JSON API grades to the very same bytes.
     */
    @Test
    void aCqmAssessmentTakesItsFactsAndEventsOnThePageAndGradesAsTheApiDoes() throws Exception {
        String cookie = signIn("zhang");
        long id = create(cookie, "cqm/star", "示例服务有限公司 (Example Service Co., Ltd. — fictitious)", null);
        Document page = get("/assessments/" + id, cookie);
        assertThat(page.select("fieldset.facts label").eachText()).hasSize(6).first().asString()
                .startsWith("managementAudit · ");
        assertThat(page.select("select[name=fact:0:managementAudit] option").eachAttr("value"))
                .containsExactly("", "passed", "failed");
        assertThat(page.select("select[name=newEvent:0:type] option").eachAttr("value"))
                .containsExactly("responsibilityAccident", "negativeInformation", "majorComplaint", "governmentBlacklist");
        // the checklist is grouped under the standard's categories
        assertThat(page.select("tr.category th").eachText()).first().asString().startsWith("4.2 ");

        JsonNode example = JSON.readTree(Files.readString(Path.of("..", "examples", "cqm", "cqm-five-star.json")));
        JsonNode part = example.at("/schemes/0");
        Map<String, String> fields = fields(page);
        fields.put("date", example.get("date").asText());
        fields.put("assessor", example.get("assessor").asText());
        for (JsonNode f : part.get("findings")) {
            String field = "0:" + f.get("id").asText();
            assertThat(fields).containsKey("result:" + field);
            if (f.has("score")) {
                fields.put("score:" + field, f.get("score").asText());
            }
            if (f.has("result")) {
                fields.put("result:" + field, f.get("result").asText());
            }
            if (f.has("note")) {
                fields.put("note:" + field, f.get("note").asText());
            }
        }
        part.get("facts").properties().forEach(e -> fields.put("fact:0:" + e.getKey(), e.getValue().asText()));
        HttpResponse<String> saved = post("/assessments/" + id + "/save", cookie, fields, true);
        assertThat(Jsoup.parse(saved.body()).selectFirst("#grade").text()).as(saved.body()).isEqualTo("五星级");

        // a major complaint, rectified, added with the event's own button: the page is loaded again to list it
        JsonNode complaint = JSON.readTree(Files.readString(Path.of("..", "examples", "cqm",
                "note1-example2-rectified-complaint.json"))).at("/schemes/0/events/0");
        fields.put("revision", "2");
        fields.put("newEvent:0:type", "majorComplaint");
        fields.put("newEvent:0:date", complaint.get("date").asText());
        fields.put("newEvent:0:rectified", "true");
        fields.put("newEvent:0:note", complaint.get("note").asText());
        fields.put("action", "add-event:0");
        HttpResponse<String> added = post("/assessments/" + id + "/save", cookie, fields, true);
        assertThat(added.headers().firstValue("HX-Refresh")).contains("true");
        Document capped = Jsoup.parse(added.body());
        assertThat(capped.selectFirst("#grade").text()).isEqualTo("四星级");
        assertThat(capped.select("#reasons li").eachText()).anyMatch(r -> r.contains("majorComplaint")
                && r.contains("五星级"));
        Document listed = get("/assessments/" + id, cookie);
        assertThat(listed.select("table.events tbody tr")).hasSize(1);
        assertThat(listed.selectFirst("table.events tbody th").text()).isEqualTo("majorComplaint");
        assertThat(listed.select("select[name=event:0:0:rectified] option[selected]").attr("value")).isEqualTo("true");
        // the optional attribute CQM 6.4's reading cqm.cannotBeRectified looks at is offered, left out (false)
        assertThat(listed.select("select[name=event:0:0:cannotBeRectified]")).hasSize(1);
        assertThat(listed.select("select[name=event:0:0:cannotBeRectified] option[selected]").attr("value")).isEmpty();
        assertThat(listed.select("select[name=newEvent:0:cannotBeRectified]")).hasSize(1);

        // the same assessment through the JSON API, as a program would send the example file: the same result, byte
        // for byte but for the assessment it names and its bytes' digest
        String csrf = csrf(listed);
        HttpResponse<String> made = web.send(web.request("/api/v1/assessments").header("Cookie", cookie)
                .header(io.github.aftersales.service.SessionCookie.CSRF_HEADER, csrf)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(
                        "{\"scheme\": \"cqm\", \"organisation\": \"" + example.get("organisation").asText()
                                + "\"}")).build());
        assertThat(made.statusCode()).as(made.body()).isEqualTo(201);
        long other = JSON.readTree(made.body()).get("id").asLong();
        HttpResponse<String> put = web.send(web.request("/api/v1/assessments/" + other).header("Cookie", cookie)
                .header(io.github.aftersales.service.SessionCookie.CSRF_HEADER, csrf).header("If-Match", "\"1\"")
                .header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString(Files.readString(
                        Path.of("..", "examples", "cqm", "note1-example2-rectified-complaint.json")))).build());
        assertThat(put.statusCode()).as(put.body()).isEqualTo(200);
        JsonNode byApi = JSON.readTree(put.body()).get("result");
        JsonNode byPage = JSON.readTree(web.send(web.request("/api/v1/assessments/" + id).header("Cookie", cookie)
                .build()).body()).get("result");
        // each names the stored assessment it graded and the SHA-256 of its bytes, and nothing else differs
        assertThat(byPage.get("source").asText()).isEqualTo("assessment " + id);
        assertThat(byApi.get("source").asText()).isEqualTo("assessment " + other);
        byte[] stored = web.client().send(web.request("/assessments/" + id + "/assessment.json").header("Cookie",
                cookie).build(), HttpResponse.BodyHandlers.ofByteArray()).body();
        assertThat(byPage.at("/provenance/inputDigest").asText()).isEqualTo("sha256:" + java.util.HexFormat.of()
                .formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(stored)));
        ((com.fasterxml.jackson.databind.node.ObjectNode) byApi).put("source", "assessment " + id);
        ((com.fasterxml.jackson.databind.node.ObjectNode) byApi.get("provenance")).put("inputDigest",
                byPage.at("/provenance/inputDigest").asText());
        assertThat(io.github.aftersales.reports.Json.pretty(byPage)).isEqualTo(io.github.aftersales.reports.Json
                .pretty(byApi));

        // an event of a type the scheme does not take, or without its date, is refused, said in the panel
        fields.put("revision", "3");
        fields.put("newEvent:0:type", "bogus");
        HttpResponse<String> bogus = post("/assessments/" + id + "/save", cookie, fields, true);
        assertThat(Jsoup.parse(bogus.body()).selectFirst("#message").text()).isEqualTo(
                "'bogus' is not an event type of this scheme");
        fields.put("newEvent:0:type", "negativeInformation");
        fields.put("newEvent:0:date", "");
        assertThat(Jsoup.parse(post("/assessments/" + id + "/save", cookie, fields, true).body()).selectFirst("#message")
                .text()).isEqualTo("negativeInformation: the event's date is needed");

        // and the event removed again: five stars
        fields.remove("action");
        fields.put("revision", "3");
        fields.put("action", "remove-event:0:0");
        HttpResponse<String> removed = post("/assessments/" + id + "/save", cookie, fields, true);
        assertThat(Jsoup.parse(removed.body()).selectFirst("#grade").text()).isEqualTo("五星级");
        assertThat(get("/assessments/" + id, cookie).select("table.events tbody tr")).isEmpty();
    }

    /** ZG025 items scored by samples (6.2 c) and by a percentage (Table 1) on the page. */
    @Test
    void anItemIsScoredBySamplesOrByAPercentage() throws Exception {
        String cookie = signIn("zhang");
        long id = create(cookie, "zg025/items", "示例电器有限公司", null);
        Document page = get("/assessments/" + id, cookie);
        assertThat(page.select("details.guide li")).hasSize(5);
        Map<String, String> fields = fields(page);
        fields.keySet().stream().filter(k -> k.startsWith("result:")).toList().forEach(k -> fields.put(k, "conform"));
        // 5.1.1 a) (1 point): 2 of 5 samples not conforming, 1 x 3/5 = 0.6; 5.1.1 b) (1 point) at 50 %: 0.5
        fields.put("result:0:5.1.1 a)", "");
        fields.put("checked:0:5.1.1 a)", "5");
        fields.put("nonConforming:0:5.1.1 a)", "2");
        fields.put("result:0:5.1.1 b)", "");
        fields.put("percent:0:5.1.1 b)", "50");
        HttpResponse<String> saved = post("/assessments/" + id + "/save", cookie, fields, true);
        assertThat(saved.statusCode()).as(saved.body()).isEqualTo(200);
        JsonNode stored = JSON.readTree(web.send(web.request("/api/v1/assessments/" + id).header("Cookie", cookie)
                .build()).body());
        JsonNode a = stored.at("/assessment/schemes/0/findings/0");
        assertThat(a.get("samples").toString()).isEqualTo("{\"checked\":5,\"nonConforming\":2}");
        assertThat(stored.at("/assessment/schemes/0/findings/1/percent").decimalValue()).isEqualByComparingTo("50");
        assertThat(stored.at("/assessment/schemes/0/findings/2").has("percent")).isFalse();
        assertThat(stored.at("/result/schemes/0/clauses/0/score").decimalValue()).isEqualByComparingTo("0.6");
        assertThat(stored.at("/result/schemes/0/clauses/1/score").decimalValue()).isEqualByComparingTo("0.5");
        Document again = get("/assessments/" + id, cookie);
        assertThat(again.selectFirst("input[name=checked:0:5.1.1 a)]").attr("value")).isEqualTo("5");
        assertThat(again.selectFirst("input[name=percent:0:5.1.1 b)]").attr("value")).isEqualTo("50");
        assertThat(again.select("details.other-scores[open]")).hasSize(2);
    }

    /**
     * The files of an assessment: filled from an uploaded file (examples/gbt27922-form.json: 5.2.5.5 not applicable,
     * prorated 91 of 98 = 92.85, four stars), its report, its JSON, the blank xlsx form, which uploaded back is read
     * as a form; a file that cannot be read is named on the page with the place of its problem.
     */
    @Test
    void anAssessmentIsFilledFromAFileAndItsReportAndFilesAreServed() throws Exception {
        String cookie = signIn("zhang");
        byte[] example = Files.readAllBytes(Path.of("..", "examples", "gbt27922-form.json"));
        long id = create(cookie, "gbt27922/form", JSON.readTree(example).get("organisation").asText(), null);
        Document page = get("/assessments/" + id, cookie);
        Map<String, String> form = Map.of("_csrf", csrf(page), "revision", "1");

        HttpResponse<String> wrongKind = web.upload("/assessments/" + id + "/upload", cookie, form, "file", "form.txt",
                example);
        assertThat(wrongKind.statusCode()).isEqualTo(415);
        assertThat(Jsoup.parse(wrongKind.body()).selectFirst("#page-message").text()).isEqualTo(
                "form.txt：只读取 .json、.yaml、.yml 和 .xlsx 文件。");
        HttpResponse<String> broken = web.upload("/assessments/" + id + "/upload", cookie, form, "file", "broken.json",
                "{\n  \"schemes\": [\n".getBytes(StandardCharsets.UTF_8));
        assertThat(broken.statusCode()).isEqualTo(400);
        assertThat(Jsoup.parse(broken.body()).selectFirst("#page-message").text()).startsWith("broken.json，第 3 行");

        HttpResponse<String> uploaded = web.upload("/assessments/" + id + "/upload", cookie, form, "file",
                "gbt27922-form.json", example);
        assertThat(uploaded.statusCode()).as(uploaded.body()).isEqualTo(303);
        Document filled = get("/assessments/" + id, cookie);
        assertThat(filled.selectFirst("#grade").text()).isEqualTo("四星级");
        assertThat(filled.selectFirst("#total").text()).startsWith("92.85");

        HttpResponse<String> report = web.send(web.request("/assessments/" + id + "/report?lang=en").header("Cookie",
                cookie).build());
        assertThat(report.statusCode()).isEqualTo(200);
        assertThat(report.headers().firstValue("Content-Type")).contains("text/html;charset=utf-8");
        assertThat(Jsoup.parse(report.body()).text()).contains("92.85").contains("four stars");

        HttpResponse<String> json = web.send(web.request("/assessments/" + id + "/assessment.json").header("Cookie",
                cookie).build());
        assertThat(json.headers().firstValue("Content-Disposition")).contains("attachment; filename=\"assessment-"
                + id + "-r2.json\"");
        assertThat(JSON.readTree(json.body())).isEqualTo(JSON.readTree(example));

        HttpResponse<byte[]> blank = web.client().send(web.request("/assessments/" + id + "/form.xlsx").header("Cookie",
                cookie).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(blank.statusCode()).isEqualTo(200);
        assertThat(blank.headers().firstValue("Content-Disposition")).contains("attachment; filename=\"gbt27922-form.xlsx\"");
        assertThat(new String(blank.body(), 0, 2, StandardCharsets.ISO_8859_1)).isEqualTo("PK");
        // the blank form uploaded back is read as a form: it states no result, so the assessment cannot be graded
        HttpResponse<String> asForm = web.upload("/assessments/" + id + "/upload", cookie, Map.of("_csrf", csrf(page),
                "revision", "2"), "file", "gbt27922-form.xlsx", blank.body());
        assertThat(asForm.statusCode()).as(asForm.body()).isEqualTo(303);
        Document fromForm = get("/assessments/" + id, cookie);
        assertThat(fromForm.selectFirst("#grade").text()).isEqualTo("尚不能评级");
        assertThat(fromForm.selectFirst("#revision").attr("value")).isEqualTo("3");

        // another auditor gets none of it
        String li = signIn("li");
        for (String file : List.of("report", "assessment.json", "form.xlsx")) {
            assertThat(web.send(web.request("/assessments/" + id + "/" + file).header("Cookie", li).build())
                    .statusCode()).isEqualTo(404);
        }
    }

    /** After a save from the page, the page's other forms (submit, upload) carry the new revision, so they work. */
    @Test
    void aSubmitAfterAutosavesIsOnTheLatestRevision() throws Exception {
        String cookie = signIn("zhang");
        long id = create(cookie, "gbt27922/form", "示例电器有限公司", null);
        Map<String, String> fields = fields(get("/assessments/" + id, cookie));
        fields.keySet().stream().filter(k -> k.startsWith("result:")).toList().forEach(k -> fields.put(k, "conform"));
        Document panel = Jsoup.parse(post("/assessments/" + id + "/save", cookie, fields, true).body());
        for (String input : List.of("#revision", "#submit-revision", "#upload-revision")) {
            assertThat(panel.selectFirst(input).attr("value")).as(input).isEqualTo("2");
            assertThat(panel.selectFirst(input).attr("hx-swap-oob")).as(input).isEqualTo("true");
        }
    }

    /**
     * An assessment saved through the API without its facts and events (the reader then asks for the facts): the page
     * still shows their fields, and what is typed there is kept.
     */
    @Test
    void factsAndEventsTypedOnThePageAreKeptWhenTheStoredAssessmentLeftThemOut() throws Exception {
        String cookie = signIn("zhang");
        JsonNode example = JSON.readTree(Files.readString(Path.of("..", "examples", "cqm", "cqm-five-star.json")));
        long id = create(cookie, "cqm/star", example.get("organisation").asText(), null);
        com.fasterxml.jackson.databind.node.ObjectNode without = example.deepCopy();
        ((com.fasterxml.jackson.databind.node.ObjectNode) without.at("/schemes/0")).remove(List.of("facts", "events"));
        Document page = get("/assessments/" + id, cookie);
        HttpResponse<String> put = web.send(web.request("/api/v1/assessments/" + id).header("Cookie", cookie)
                .header(io.github.aftersales.service.SessionCookie.CSRF_HEADER, csrf(page)).header("If-Match", "\"1\"")
                .header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString(without.toString()))
                .build());
        assertThat(put.statusCode()).as(put.body()).isEqualTo(200);
        Map<String, String> fields = fields(get("/assessments/" + id, cookie));
        assertThat(fields).containsKey("fact:0:S");
        example.at("/schemes/0/facts").properties().forEach(e -> fields.put("fact:0:" + e.getKey(),
                e.getValue().asText()));
        HttpResponse<String> saved = post("/assessments/" + id + "/save", cookie, fields, true);
        assertThat(Jsoup.parse(saved.body()).selectFirst("#grade").text()).as(saved.body()).isEqualTo("五星级");
        JsonNode stored = JSON.readTree(web.send(web.request("/api/v1/assessments/" + id).header("Cookie", cookie)
                .build()).body());
        assertThat(stored.at("/assessment/schemes/0/facts/S").decimalValue()).isEqualByComparingTo("92");
        assertThat(stored.at("/assessment/schemes/0/events").isArray()).isTrue();
    }

    @Test
    void everyAnswerForbidsWhatThePagesDoNotNeed() throws Exception {
        HttpResponse<String> page = web.send(web.request("/sign-in").build());
        assertThat(page.headers().firstValue("Content-Security-Policy")).contains("default-src 'none'; script-src"
                + " 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self'; form-action"
                + " 'self'; base-uri 'none'; frame-ancestors 'none'");
        HttpResponse<String> htmx = web.send(web.request("/assets/htmx.min.js").build());
        assertThat(htmx.statusCode()).isEqualTo(200);
        assertThat(htmx.headers().firstValue("Content-Type")).contains("text/javascript; charset=utf-8");
        assertThat(htmx.body()).contains("htmx");
        Document signIn = Jsoup.parse(page.body());
        // every asset the page loads is this server's own
        assertThat(signIn.select("script[src], link[href]").eachAttr("abs:src")).allMatch(String::isEmpty);
        assertThat(signIn.select("script[src]").eachAttr("src")).containsExactly("/assets/htmx.min.js");
        assertThat(signIn.select("link[rel=stylesheet]").eachAttr("href")).containsExactly("/assets/app.css");
    }
}

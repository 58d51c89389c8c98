package io.github.aftersales.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
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

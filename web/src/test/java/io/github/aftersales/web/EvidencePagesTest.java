package io.github.aftersales.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Collectors;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Evidence files on the checklist as a browser posts them (multipart forms), and the grade in the lists: a file
 * attached to a clause is listed under it with its size and SHA-256, its name shown as text, downloaded only as an
 * attachment; the limits (4 KiB a file, 10 KiB an assessment in {@link WebService}) are said on the page with 413;
 * another auditor finds nothing, a manager only reads, a submitted assessment's files are fixed.
 */
class EvidencePagesTest {

    /** SHA-256("abc"), FIPS 180-2 appendix B.1. */
    private static final String SHA256_ABC = "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad";
    private static final String SCRIPT_NAME = "<script>alert(1)</script>.pdf";
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

    private String signIn(String account) throws Exception {
        HttpResponse<String> r = web.send(web.request("/sign-in").header("Content-Type",
                "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form(Map.of("account",
                        account, "password", WebService.password(account))))).build());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(303);
        String set = r.headers().firstValue("Set-Cookie").orElseThrow();
        return set.substring(0, set.indexOf(';'));
    }

    private HttpResponse<String> raw(String path, String cookie) throws Exception {
        return web.send(web.request(path).header("Cookie", cookie).build());
    }

    private Document get(String path, String cookie) throws Exception {
        HttpResponse<String> r = raw(path, cookie);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return Jsoup.parse(r.body());
    }

    private HttpResponse<String> post(String path, String cookie, Map<String, String> fields) throws Exception {
        return web.send(web.request(path).header("Cookie", cookie).header("Content-Type",
                "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form(fields))).build());
    }

    private static String csrf(Document page) {
        return page.selectFirst("input[name=_csrf]").attr("value");
    }

    private long create(String cookie) throws Exception {
        Document list = get("/assessments", cookie);
        HttpResponse<String> made = post("/assessments", cookie, Map.of("_csrf", csrf(list), "scheme", "gbt27922/form",
                "organisation", "示例电器有限公司 (Example Appliances Co., Ltd. — fictitious)"));
        assertThat(made.statusCode()).as(made.body()).isEqualTo(303);
        String location = made.headers().firstValue("Location").orElseThrow();
        return Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
    }

    private HttpResponse<String> attach(long id, String cookie, String csrf, String clause, String name, byte[] bytes)
            throws Exception {
        return web.upload("/assessments/" + id + "/evidence", cookie, Map.of("_csrf", csrf, "clause", clause), "file",
                name, bytes);
    }

    @Test
    void aFileAttachedToAClauseIsListedUnderItAsTextAndOnlyEverDownloaded() throws Exception {
        String zhang = signIn("zhang");
        long id = create(zhang);
        Document page = get("/assessments/" + id, zhang);
        // the form says the limits, and offers every clause
        assertThat(page.selectFirst("#evidence-limits").text()).isEqualTo(
                "每个文件不超过 4 KiB，每个评价的文件合计不超过 10 KiB；保存其 SHA-256，只作为下载提供。");
        assertThat(page.select("#evidence-clause option[value=0:5.1.1.2]")).hasSize(1);
        HttpResponse<String> attached = attach(id, zhang, csrf(page), "0:5.1.1.2", SCRIPT_NAME,
                "abc".getBytes(StandardCharsets.US_ASCII));
        assertThat(attached.statusCode()).as(attached.body()).isEqualTo(303);
        assertThat(attached.headers().firstValue("Location")).contains("/assessments/" + id + "#row-0:5.1.1.2");
        // a ZG025 clause's id has a space and a bracket: percent-encoded in the address
        assertThat(Pages.fragment("row-0:5.1.1 b)")).isEqualTo("row-0:5.1.1%20b%29");

        HttpResponse<String> shown = raw("/assessments/" + id, zhang);
        // the name is text: escaped, never a tag
        assertThat(shown.body()).doesNotContain("<script>alert(1)</script>")
                .contains("&lt;script&gt;alert(1)&lt;/script&gt;.pdf");
        Document listed = Jsoup.parse(shown.body());
        assertThat(listed.select("script")).allSatisfy(s -> assertThat(s.attr("src")).isEqualTo("/assets/htmx.min.js"));
        Element row = listed.getElementById("row-0:5.1.1.2");
        Element file = row.selectFirst("ul.evidence-files li");
        Element link = file.selectFirst("a");
        assertThat(link.text()).isEqualTo(SCRIPT_NAME);
        assertThat(link.hasAttr("download")).isTrue();
        assertThat(file.text()).contains(" · 3 bytes · SHA-256 " + SHA256_ABC).contains("zhang");
        assertThat(file.selectFirst("code.sha256").text()).isEqualTo(SHA256_ABC);
        assertThat(listed.select("ul.evidence-files")).hasSize(1); // under that clause only

        HttpResponse<byte[]> download = web.client().send(web.request(link.attr("href")).header("Cookie", zhang).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(download.statusCode()).isEqualTo(200);
        assertThat(download.body()).isEqualTo("abc".getBytes(StandardCharsets.US_ASCII));
        assertThat(download.headers().firstValue("Content-Type")).contains("application/octet-stream");
        assertThat(download.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
        assertThat(download.headers().firstValue("Content-Disposition")).contains("attachment;"
                + " filename=\"<script>alert(1)<_script>.pdf\"; filename*=UTF-8''%3Cscript%3Ealert%281%29%3C%2Fscript%3E.pdf");

        // a manager reads the list and downloads, without the forms that change it
        String mia = signIn("mia");
        Document managers = get("/assessments/" + id, mia);
        assertThat(managers.getElementById("row-0:5.1.1.2").selectFirst("ul.evidence-files a").text()).isEqualTo(SCRIPT_NAME);
        assertThat(managers.select("#evidence-upload, #evidence-remove, ul.evidence-files button")).isEmpty();
        assertThat(raw(link.attr("href"), mia).statusCode()).isEqualTo(200);
        HttpResponse<String> managerAttaches = attach(id, mia, csrf(managers), "0:5.1.1.2", "m.pdf", new byte[] {1});
        assertThat(managerAttaches.statusCode()).isEqualTo(403);
        // another auditor: no such assessment, whatever the route
        String li = signIn("li");
        Document lis = get("/assessments", li);
        assertThat(raw(link.attr("href"), li).statusCode()).isEqualTo(404);
        assertThat(attach(id, li, csrf(lis), "0:5.1.1.2", "l.pdf", new byte[] {1}).statusCode()).isEqualTo(404);
        assertThat(post(link.attr("href") + "/remove", li, Map.of("_csrf", csrf(lis))).statusCode()).isEqualTo(404);
        // another site's form: no CSRF token
        assertThat(web.upload("/assessments/" + id + "/evidence", zhang, Map.of("clause", "0:5.1.1.2"), "file", "x.pdf",
                new byte[] {1}).body()).contains("\"code\":\"csrf\"");

        // removed from the page: gone
        Element remove = get("/assessments/" + id, zhang).selectFirst("ul.evidence-files button");
        assertThat(remove.attr("form")).isEqualTo("evidence-remove");
        HttpResponse<String> removed = post(remove.attr("formaction"), zhang, Map.of("_csrf", csrf(page)));
        assertThat(removed.statusCode()).as(removed.body()).isEqualTo(303);
        assertThat(get("/assessments/" + id, zhang).select("ul.evidence-files")).isEmpty();
        assertThat(raw(link.attr("href"), zhang).statusCode()).isEqualTo(404);
    }

    @Test
    void aFileOverALimitOrWithoutItsClauseIsSaidOnThePageAndASubmittedAssessmentsFilesAreFixed() throws Exception {
        String zhang = signIn("zhang");
        long id = create(zhang);
        String csrf = csrf(get("/assessments/" + id, zhang));
        HttpResponse<String> tooLarge = attach(id, zhang, csrf, "0:5.1.1.2", "scan.pdf", new byte[4097]);
        assertThat(tooLarge.statusCode()).isEqualTo(413);
        assertThat(Jsoup.parse(tooLarge.body()).selectFirst("#page-message").text())
                .isEqualTo("scan.pdf：证据文件不超过 4 KiB。");
        // a form larger than any page's may be (here the 16 MiB of any request, more than a file and 64 KiB for the
        // other fields) is refused as it is read, in the API's one shape
        HttpResponse<String> huge = attach(id, zhang, csrf, "0:5.1.1.2", "huge.pdf", new byte[(16 << 20) + 1]);
        assertThat(huge.statusCode()).isEqualTo(413);
        assertThat(huge.body()).isEqualTo("{\"status\":413,\"code\":\"too-large\",\"message\":\"the form is larger than"
                + " this server accepts: at most 16 MiB, its file included\"}");
        HttpResponse<String> noClause = attach(id, zhang, csrf, "", "scan.pdf", new byte[] {1});
        assertThat(noClause.statusCode()).isEqualTo(400);
        assertThat(Jsoup.parse(noClause.body()).selectFirst("#page-message").text()).isEqualTo("请选择该文件作为证据的条款。");
        assertThat(attach(id, zhang, csrf, "0:5.1.1.2", "a.pdf", new byte[4096]).statusCode()).isEqualTo(303);
        assertThat(attach(id, zhang, csrf, "0:5.1.1.3", "b.pdf", new byte[4096]).statusCode()).isEqualTo(303);
        HttpResponse<String> full = attach(id, zhang, csrf, "0:5.1.1.3", "c.pdf", new byte[4096]);
        assertThat(full.statusCode()).isEqualTo(413);
        assertThat(Jsoup.parse(full.body()).selectFirst("#page-message").text()).isEqualTo("assessment " + id
                + " keeps at most 10 KiB of evidence files; it holds 8 KiB and c.pdf is 4 KiB: remove a file first");
        assertThat(get("/assessments/" + id, zhang).select("ul.evidence-files li")).hasSize(2);

        // filled from the example and submitted: no more changes to its files
        byte[] example = Files.readAllBytes(Path.of("..", "examples", "gbt27922-form.json"));
        assertThat(web.upload("/assessments/" + id + "/upload", zhang, Map.of("_csrf", csrf, "revision", "1"), "file",
                "gbt27922-form.json", example).statusCode()).isEqualTo(303);
        assertThat(post("/assessments/" + id + "/submit", zhang, Map.of("_csrf", csrf, "revision", "2")).statusCode())
                .isEqualTo(303);
        Document submitted = get("/assessments/" + id, zhang);
        assertThat(submitted.select("#evidence-upload, ul.evidence-files button")).isEmpty();
        assertThat(submitted.select("ul.evidence-files li")).hasSize(2);
        HttpResponse<String> late = attach(id, zhang, csrf, "0:5.1.1.2", "d.pdf", new byte[] {1});
        assertThat(late.statusCode()).isEqualTo(409);
        assertThat(Jsoup.parse(late.body()).selectFirst("#page-message").text()).isEqualTo("assessment " + id
                + " is submitted: its evidence files can no longer be changed");
    }

    /**
     * A form sent with its CSRF token in the header (as htmx and programs send it) rather than as a field is not read
     * before its route: too large, it is refused all the same with 413 in the one shape, not a 500 and a stack trace
     * in the log; on the checklist's evidence form and on its upload form alike.
     */
    @Test
    void aFormTooLargeWithItsTokenInTheHeaderIs413NotAnInternalError() throws Exception {
        String zhang = signIn("zhang");
        long id = create(zhang);
        String csrf = csrf(get("/assessments/" + id, zhang));
        for (String route : new String[] {"/evidence", "/upload"}) {
            String boundary = "----form" + System.nanoTime();
            java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
            body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"clause\"\r\n\r\n0:5.1.1.2\r\n"
                    + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"huge.pdf\"\r\n"
                    + "Content-Type: application/pdf\r\n\r\n").getBytes(StandardCharsets.UTF_8));
            body.writeBytes(new byte[(16 << 20) + 1]);
            body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
            HttpResponse<String> huge = web.send(web.request("/assessments/" + id + route).header("Cookie", zhang)
                    .header("X-CSRF-Token", csrf).header("Content-Type", "multipart/form-data; boundary=" + boundary)
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build());
            assertThat(huge.statusCode()).as(route + ": " + huge.body()).isEqualTo(413);
            assertThat(huge.body()).isEqualTo("{\"status\":413,\"code\":\"too-large\",\"message\":\"the form is larger"
                    + " than this server accepts: at most 16 MiB, its file included\"}");
        }
    }

    @Test
    void theListsShowEachAssessmentsGradeAsItWasSavedAndADashForOneThatDoesNotGrade() throws Exception {
        String zhang = signIn("zhang");
        long blank = create(zhang);
        long filled = create(zhang);
        String csrf = csrf(get("/assessments/" + filled, zhang));
        byte[] example = Files.readAllBytes(Path.of("..", "examples", "gbt27922-form.json"));
        assertThat(web.upload("/assessments/" + filled + "/upload", zhang, Map.of("_csrf", csrf, "revision", "1"),
                "file", "gbt27922-form.json", example).statusCode()).isEqualTo(303);
        for (String[] who : new String[][] {{zhang, "zh"}, {signIn("mia"), "en"}}) {
            Document list = get("/assessments?lang=" + who[1], who[0]);
            Element blankRow = list.selectFirst("a[href=/assessments/" + blank + "]").closest("tr");
            Element filledRow = list.selectFirst("a[href=/assessments/" + filled + "]").closest("tr");
            // examples/gbt27922-form.json: 92.85 of 100, four stars, as the score panel shows it
            assertThat(filledRow.selectFirst("td.grade-cell").text()).isEqualTo(who[1].equals("zh") ? "四星级"
                    : "四星级 (four stars)");
            assertThat(filledRow.select("td").last().text()).isEqualTo("92.85 / 100");
            assertThat(blankRow.selectFirst("td.grade-cell").text()).isEqualTo("—");
            assertThat(blankRow.select("td").last().text()).isEqualTo("—");
        }
    }
}

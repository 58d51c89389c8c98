package io.github.aftersales.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.aftersales.core.assessment.Assessment;
import io.github.aftersales.core.assessment.AssessmentReader;
import io.github.aftersales.core.evaluation.EvaluationOptions;
import io.github.aftersales.core.evaluation.EvaluationResult;
import io.github.aftersales.core.evaluation.Evaluator;
import io.github.aftersales.register.EvaluatedAssessment;
import io.github.aftersales.register.Evaluations;
import io.github.aftersales.register.Register;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The register's pages as a manager's browser opens them, over certificates recorded in the register as the
 * command line records them (the examples); today is {@link WebService#TODAY}, 19 November 2027. And the admin's
 * page. Who else opens them gets 403.
 */
class RegisterPagesTest {

    private static final Path EXAMPLES = Path.of("..", "examples");
    private static final String CQM_ORGANISATION = "示例服务有限公司 (Example Service Co., Ltd. — fictitious)";
    private static final String GBT_ORGANISATION = "示例电器有限公司 (Example Appliances Co., Ltd. — fictitious)";
    private static final String HOSTILE = "<script>alert(1)</script><img src=x onerror=alert(2)> Evil & Co.";
    private WebService web;

    @BeforeEach
    void start() {
        web = new WebService();
    }

    @AfterEach
    void stop() {
        web.close();
    }

    /** An example evaluated as {@code aftersales register record} evaluates it. */
    private EvaluatedAssessment evaluated(String example) throws Exception {
        return evaluated(web, example);
    }

    private static EvaluatedAssessment evaluated(WebService web, String example) throws Exception {
        Path file = EXAMPLES.resolve(example);
        Assessment a = AssessmentReader.read(file);
        Evaluator evaluator = new Evaluator(id -> Optional.ofNullable(web.schemes.get(id)), web.schemes.keySet());
        EvaluationResult r = evaluator.evaluate(a, EvaluationOptions.DEFAULTS);
        return Evaluations.pick(file.getFileName().toString(), Files.readAllBytes(file), a, r,
                id -> Optional.ofNullable(web.schemes.get(id)), null, null, x -> "{\"grade\":\"" + x.grade() + "\"}");
    }

    /**
     * 1: CQM five stars (2026-10-15), downgraded to four by the surveillance of 2026-11-18; 2: GB/T 27922 four stars;
     * 3: CQM five stars to a hostile name; 4: the combined ZG025 grade (2026-11-20).
     */
    private void record() throws Exception {
        record(web);
    }

    static void record(WebService web) throws Exception {
        Register mia = web.register.recordingAs("mia");
        mia.record(CQM_ORGANISATION, "CQM-2026-001", evaluated(web, "cqm/cqm-five-star.json"));
        mia.surveil("1", evaluated(web, "cqm/surveillance-downgrade.json"), Optional.empty());
        mia.record(GBT_ORGANISATION, "GBT-7", evaluated(web, "gbt27922-form.json"));
        mia.record(HOSTILE, null, evaluated(web, "cqm/cqm-five-star.json"));
        mia.record(GBT_ORGANISATION, null, evaluated(web, "zg025-combined.json"));
    }

    private String signIn(String account) throws Exception {
        HttpResponse<String> r = web.send(web.request("/sign-in").header("Content-Type",
                "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString("account=" + account
                        + "&password=" + WebService.password(account))).build());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(303);
        String set = r.headers().firstValue("Set-Cookie").orElseThrow();
        return set.substring(0, set.indexOf(';'));
    }

    private HttpResponse<String> open(String path, String cookie) throws Exception {
        return web.send(web.request(path).header("Cookie", cookie).build());
    }

    private Document get(String path, String cookie) throws Exception {
        HttpResponse<String> r = open(path, cookie);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type")).contains("text/html;charset=utf-8");
        return Jsoup.parse(r.body());
    }

    private static String enc(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    /** A row's cells' texts, the empty ones too. */
    private static List<String> cells(Element row) {
        return row.select("td").stream().map(Element::text).toList();
    }

    /** The list's certificate numbers, in order. */
    private static List<String> numbers(Document page) {
        return page.select("#certificates tbody tr td:first-child").eachText();
    }

    /**
     * The list's export: what its filters find, every one (not a page), as {@code register export} writes its CSV and
     * {@code GET /api/v1/certificates/export} answers it, a row per certificate.
     */
    @Test
    void aManagerExportsTheCertificatesTheFiltersFind() throws Exception {
        String mia = signIn("mia");
        record();
        Document filtered = get("/register?q=" + enc("示例电器") + "&state=&scheme=", mia);
        String link = filtered.selectFirst("a#export").attr("href");
        assertThat(link).isEqualTo("/register/export?q=" + enc("示例电器"));
        HttpResponse<String> csv = open(link, mia);
        assertThat(csv.statusCode()).as(csv.body()).isEqualTo(200);
        assertThat(csv.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t.replace(" ", ""))
                .isEqualTo("text/csv;charset=utf-8;header=present"));
        assertThat(csv.headers().firstValue("Content-Disposition")).contains("attachment; filename=\"register.csv\"");
        String header = "number,reference,organisation,scheme,variant,scheme_version,issued_on,state,stars,grade,"
                + "cycle_start,last_evaluation,entries\r\n";
        List<String> rows = List.of(csv.body().split("\r\n"));
        assertThat(csv.body()).startsWith(header + "2,GBT-7,\"" + GBT_ORGANISATION + "\",gbt27922,form,GB/T 27922-2011,"
                + "2026-11-20,active,4,四星级,2026-11-20,2026-11-20,1\r\n4,,\"" + GBT_ORGANISATION + "\",zg025-combined,"
                + "combined,");
        assertThat(rows).hasSize(3);

        // each row as 'register export --format csv' writes it for the whole register
        StringBuilder exported = new StringBuilder(io.github.aftersales.register.RegisterFormats.certificatesCsvHeader());
        web.register.forEach(io.github.aftersales.register.Listing.all(), false,
                c -> exported.append(io.github.aftersales.register.RegisterFormats.certificateCsv(c)));
        List<String> every = List.of(exported.toString().split("\r\n"));
        assertThat(every).hasSize(5);
        assertThat(rows).containsExactly(every.get(0), every.get(2), every.get(4));
        // the list's other filters, the hostile name's row as the export writes it (a cell, not a formula); none found,
        // the header alone
        List<String> cqm = List.of(open(get("/register?state=active&scheme=cqm", mia).selectFirst("a#export")
                .attr("href"), mia).body().split("\r\n"));
        assertThat(cqm).containsExactly(every.get(0), every.get(1), every.get(3));
        assertThat(open("/register/export?q=nothing-matches", mia).body()).isEqualTo(header);
        assertThat(get("/register", mia).selectFirst("a#export").attr("href")).isEqualTo("/register/export");
        assertThat(open("/register/export", mia).body()).isEqualTo(exported.toString());

        // a filter that is not one: the list's page, saying why
        HttpResponse<String> bad = open("/register/export?state=lost", mia);
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(Jsoup.parse(bad.body()).selectFirst("p.problem").text())
                .isEqualTo("state: 'lost' is not one of active, suspended, revoked");
        // a manager's only
        for (String other : List.of("zhang", "ada")) {
            HttpResponse<String> refused = open("/register/export", signIn(other));
            assertThat(refused.statusCode()).as(other).isEqualTo(403);
            assertThat(refused.body()).contains("\"code\":\"forbidden\"").doesNotContain("GBT-7");
        }
    }

    @Test
    void aManagerListsFiltersAndOpensCertificatesWithTheirHistory() throws Exception {
        String mia = signIn("mia");
        assertThat(get("/register", mia).selectFirst("#none").text()).isEqualTo("没有符合条件的证书。");
        record();

        Document list = get("/register", mia);
        assertThat(list.selectFirst("h1").text()).isEqualTo("证书登记");
        assertThat(numbers(list)).containsExactly("1", "2", "3", "4");
        assertThat(cells(list.select("#certificates tbody tr").get(0))).containsExactly("1",
                "CQM-2026-001", CQM_ORGANISATION, "cqm / star", "有效", "四星级（4 星）", "2026-10-15");
        assertThat(cells(list.select("#certificates tbody tr").get(3))).containsExactly("4", "",
                GBT_ORGANISATION, "zg025-combined / combined", "有效", "九星级（9 星）", "2026-11-20");
        assertThat(list.select("#certificates a").eachAttr("href")).containsExactly("/register/1", "/register/2",
                "/register/3", "/register/4");
        assertThat(list.select("nav.pager a")).isEmpty();

        // the filters of 'register search TEXT --state S --scheme ID'; a field left empty filters nothing
        assertThat(numbers(get("/register?q=gbt-&state=&scheme=", mia))).containsExactly("2");
        assertThat(numbers(get("/register?q=" + enc("示例电器"), mia))).containsExactly("2", "4");
        assertThat(numbers(get("/register?q=&state=active&scheme=cqm", mia))).containsExactly("1", "3");
        Document filtered = get("/register?q=" + enc("示例") + "&state=active&scheme=cqm", mia);
        assertThat(numbers(filtered)).containsExactly("1");
        assertThat(filtered.selectFirst("#q").attr("value")).isEqualTo("示例");
        assertThat(filtered.select("#state option[selected]").eachAttr("value")).containsExactly("active");
        assertThat(filtered.select("#scheme option[selected]").eachAttr("value")).containsExactly("cqm");
        assertThat(filtered.select("#scheme option").eachAttr("value")).contains("", "gbt27922", "cqm", "zg025");
        assertThat(get("/register?state=revoked", mia).selectFirst("#none").text()).isEqualTo("没有符合条件的证书。");
        HttpResponse<String> bad = open("/register?state=valid", mia);
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(Jsoup.parse(bad.body()).selectFirst("[role=alert]").text())
                .isEqualTo("state: 'valid' is not one of active, suspended, revoked");

        // 'register show 1': the issue, then the surveillance that downgraded it, each with its reasons
        Document one = get("/register/1", mia);
        assertThat(one.selectFirst("h1").text()).isEqualTo("证书 1 (CQM-2026-001)");
        assertThat(one.selectFirst("#organisation").text()).isEqualTo(CQM_ORGANISATION);
        assertThat(one.selectFirst("#now").text()).isEqualTo("有效, 四星级（4 星）");
        List<Element> entries = one.select("#history tbody tr");
        assertThat(entries).hasSize(2);
        assertThat(entries.get(0).select("> td").subList(0, 6).stream().map(Element::text).toList()).containsExactly(
                "1", "2026-10-15", "颁发", "颁发", "有效, 五星级（5 星）", "cqm-five-star.json");
        assertThat(entries.get(0).select("li").eachText()).first().asString().startsWith("issued at 五星级 (five stars, 5 stars)");
        assertThat(entries.get(1).select("> td").subList(0, 6).stream().map(Element::text).toList()).containsExactly(
                "2", "2026-11-18", "监督", "降级", "有效, 四星级（4 星）", "surveillance-downgrade.json");
        assertThat(entries.get(1).select("li").eachText()).anyMatch(r -> r.contains("S当面 87 < 90 needed for 五星级 (five stars)"));
        assertThat(entries.get(1).selectFirst("small").text()).startsWith("mia 于 ").endsWith(" 登记");
        // by the body's reference, in any case, as the API finds it
        assertThat(get("/register/cqm-2026-001", mia).selectFirst("h1").text()).isEqualTo("证书 1 (CQM-2026-001)");
        // in English, the register's words are English; the grades stay as the standard names them
        Document english = get("/register/1?lang=en", mia);
        assertThat(english.selectFirst("#now").text()).isEqualTo("active, 四星级 (4 stars)");
        assertThat(english.select("#history tbody tr").get(1).select("> td").get(2).text()).isEqualTo("surveillance");
        assertThat(english.select("#history tbody tr").get(1).select("> td").get(3).text()).isEqualTo("downgrade");

        for (String unknown : List.of("99", "no-such-reference", enc("<b>x</b>"))) {
            HttpResponse<String> none = open("/register/" + unknown, mia);
            assertThat(none.statusCode()).isEqualTo(404);
            Document page = Jsoup.parse(none.body());
            assertThat(page.selectFirst("h1").text()).isEqualTo("无此证书");
            assertThat(page.select("main b")).isEmpty();
        }
        assertThat(Jsoup.parse(open("/register/%3Cb%3Ex%3C%2Fb%3E?lang=en", mia).body()).selectFirst("[role=alert]")
                .text()).isEqualTo("The register holds no certificate numbered or referenced '<b>x</b>'.");
    }

    @Test
    void whatIsDueInTheNextMonthsOverdueFirst() throws Exception {
        record();
        String mia = signIn("mia");
        // today 2027-11-19: CQM 5.1 yearly, from the surveillance of 2026-11-18 (1) and from the issue of 2026-10-15
        // (3), both past; ZG025 4.4 yearly from 2026-11-20 (4), tomorrow; GB/T 27922 gives no interval (2)
        Document now = get("/register/due?months=0", mia);
        assertThat(now.selectFirst("#asked").text()).isEqualTo("2027-11-19 及以前到期（早于 2027-11-19 即为逾期）");
        List<Element> rows = now.select("#due tbody tr");
        assertThat(rows).hasSize(2);
        assertThat(cells(rows.get(0))).containsExactly("2027-10-15 已逾期", "监督", "3", HOSTILE,
                "cqm / star", "有效, 五星级（5 星）", rows.get(0).select("td").get(6).text());
        assertThat(rows.get(0).hasClass("overdue")).isTrue();
        assertThat(rows.get(1).select("td").subList(0, 3).stream().map(Element::text).toList())
                .containsExactly("2027-11-18 已逾期", "监督", "1 (CQM-2026-001)");
        assertThat(now.selectFirst("#count").text()).isEqualTo("2 项到期，2 项逾期");
        assertThat(now.select("#unscheduled li").eachText()).containsExactly("2 (GBT-7), " + GBT_ORGANISATION
                + ": the standard of gbt27922 form gives no surveillance interval");
        assertThat(now.select("#unscheduled a").eachAttr("href")).containsExactly("/register/2");

        Document month = get("/register/due?months=1", mia);
        assertThat(month.selectFirst("#asked").text()).startsWith("2027-12-19 及以前到期");
        List<Element> more = month.select("#due tbody tr");
        assertThat(more).hasSize(3);
        assertThat(more.get(2).select("td").subList(0, 3).stream().map(Element::text).toList())
                .containsExactly("2027-11-20", "监督", "4");
        assertThat(more.get(2).hasClass("overdue")).isFalse();
        assertThat(month.selectFirst("#count").text()).isEqualTo("3 项到期，2 项逾期");
        assertThat(month.selectFirst("#months").attr("value")).isEqualTo("1");
        // not told: three months ahead
        assertThat(get("/register/due", mia).selectFirst("#months").attr("value")).isEqualTo("3");

        for (String wrong : List.of("-1", "121", "x")) {
            HttpResponse<String> bad = open("/register/due?months=" + wrong, mia);
            assertThat(bad.statusCode()).isEqualTo(400);
            assertThat(Jsoup.parse(bad.body()).selectFirst("[role=alert]").text()).isEqualTo("months: '" + wrong
                    + "' is not a number of months from 0 to 120");
        }
    }

    @Test
    void aLongRegisterIsShownFiftyAtATimeWithItsFilters() throws Exception {
        Register mia = web.register.recordingAs("mia");
        EvaluatedAssessment cqm = evaluated("cqm/cqm-five-star.json");
        for (int i = 1; i <= 120; i++) {
            mia.record((i % 2 == 0 ? "Even" : "Odd") + " Co. " + i, null, cqm);
        }
        String cookie = signIn("mia");
        Document first = get("/register", cookie);
        assertThat(numbers(first)).hasSize(50).startsWith("1", "2").endsWith("50");
        assertThat(first.select("nav.pager a").eachAttr("rel")).containsExactly("next");
        Document second = get(first.selectFirst("a[rel=next]").attr("href"), cookie);
        assertThat(numbers(second)).hasSize(50).startsWith("51").endsWith("100");
        Document third = get(second.selectFirst("a[rel=next]").attr("href"), cookie);
        assertThat(numbers(third)).hasSize(20).startsWith("101").endsWith("120");
        assertThat(third.select("a[rel=next]")).isEmpty();
        assertThat(third.selectFirst("a[rel=first]").attr("href")).isEqualTo("/register");

        // the next page keeps the filters: the odd ones, 50 of 60, then 10
        Document odd = get("/register?q=odd+co&state=active", cookie);
        assertThat(numbers(odd)).hasSize(50).startsWith("1", "3").endsWith("99");
        String next = odd.selectFirst("a[rel=next]").attr("href");
        assertThat(next).isEqualTo("/register?q=odd+co&state=active&after=99");
        Document oddNext = get(next, cookie);
        assertThat(numbers(oddNext)).containsExactly("101", "103", "105", "107", "109", "111", "113", "115", "117",
                "119");
        assertThat(oddNext.selectFirst("a[rel=first]").attr("href")).isEqualTo("/register?q=odd+co&state=active");
        assertThat(open("/register?after=-1", cookie).statusCode()).isEqualTo(400);
    }

    @Test
    void hostileTextIsShownAsText() throws Exception {
        record();
        String mia = signIn("mia");
        for (String path : List.of("/register", "/register/3", "/register/due?months=0", "/register?q=" + enc(HOSTILE))) {
            HttpResponse<String> r = open(path, mia);
            assertThat(r.statusCode()).as(path).isEqualTo(200);
            Document page = Jsoup.parse(r.body());
            assertThat(page.select("script:not([src])")).as(path).isEmpty();
            assertThat(page.select("img")).as(path).isEmpty();
            assertThat(page.select("main").text()).as(path).contains(HOSTILE);
        }
        assertThat(numbers(get("/register?q=" + enc(HOSTILE), mia))).containsExactly("3");
        assertThat(get("/register?q=" + enc(HOSTILE), mia).selectFirst("#q").attr("value")).isEqualTo(HOSTILE);
        assertThat(get("/register/3", mia).selectFirst("#organisation").text()).isEqualTo(HOSTILE);
    }

    @Test
    void theRegisterIsTheManagersAndTheAdminPageTheAdmins() throws Exception {
        record();
        for (String account : List.of("zhang", "ada")) {
            String cookie = signIn(account);
            for (String path : List.of("/register", "/register/1", "/register/due?months=3")) {
                HttpResponse<String> r = open(path, cookie);
                assertThat(r.statusCode()).as(account + " " + path).isEqualTo(403);
                assertThat(r.body()).contains("\"code\":\"forbidden\"").doesNotContain(CQM_ORGANISATION);
            }
        }
        for (String account : List.of("mia", "zhang")) {
            HttpResponse<String> r = open("/admin", signIn(account));
            assertThat(r.statusCode()).as(account).isEqualTo(403);
            assertThat(r.body()).contains("\"code\":\"forbidden\"");
        }
        // each role's header links to what it may open
        assertThat(get("/register", signIn("mia")).select("header nav a[href^=/]").eachAttr("href"))
                .containsExactly("/assessments", "/register", "/register/due");
        assertThat(get("/assessments", signIn("zhang")).select("header nav a[href^=/]").eachAttr("href"))
                .containsExactly("/assessments");
        assertThat(get("/admin", signIn("ada")).select("header nav a[href^=/]").eachAttr("href"))
                .containsExactly("/admin");
    }

    @Test
    void anAdminSeesTheAccountsTheSchemesAndTheLatestChanges() throws Exception {
        String ada = signIn("ada");
        Document page = get("/admin", ada);
        assertThat(page.selectFirst("h1").text()).isEqualTo("系统管理");
        // by name: each account's role, its token made with it, when it was made
        List<Element> accounts = page.select("#accounts tbody tr");
        assertThat(accounts.stream().map(r -> r.select("td").subList(0, 3).stream().map(Element::text).toList())
                .toList()).containsExactly(List.of("ada", "管理员", "1"), List.of("li", "审核员", "1"),
                        List.of("mia", "经理", "1"), List.of("zhang", "审核员", "1"));
        assertThat(accounts.get(0).select("td").get(3).text()).matches("20\\d\\d-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d UTC");
        // the schemes on the class path, each with its version, variants and jar or directory
        List<Element> schemes = page.select("#schemes tbody tr");
        assertThat(schemes.stream().map(r -> r.selectFirst(".id").text()).toList()).contains("gbt27922", "cqm",
                "zg025", "zg025-combined");
        Element gbt = schemes.stream().filter(r -> r.selectFirst(".id").text().equals("gbt27922")).findFirst()
                .orElseThrow();
        assertThat(gbt.select("td").get(1).text()).isEqualTo("GB/T 27922-2011");
        assertThat(gbt.select("td").get(2).select("li").eachText()).anyMatch(v -> v.startsWith("form — "));
        assertThat(gbt.select("td").get(3).text()).startsWith("built in (").contains("scheme-gbt27922");
        // newest first: ada's sign-in just now, then how the test made the accounts
        List<Element> changes = page.select("#changes tbody tr");
        assertThat(changes.get(0).select("td").subList(1, 4).stream().map(Element::text).toList())
                .containsExactly("ada", "http 127.0.0.1", "signed in");
        assertThat(changes.stream().map(r -> r.select("td").get(3).text()).toList()).contains(
                "added account zhang (auditor)", "set the password of mia");
        Document english = get("/admin?lang=en", ada);
        assertThat(english.select("#accounts tbody tr").get(2).select("td").get(1).text()).isEqualTo("manager");
        assertThat(english.selectFirst("h1").text()).isEqualTo("Administration");
    }

    private HttpResponse<String> upload(String path, String cookie, java.util.Map<String, String> fields,
            String fileName, byte[] file) throws Exception {
        return web.upload(path, cookie, fields, "assessment", fileName, file);
    }

    @Test
    void aManagerRecordsASurveillanceByUploadingTheAssessment() throws Exception {
        web.register.recordingAs("mia").record(CQM_ORGANISATION, "CQM-2026-001", evaluated("cqm/cqm-five-star.json"));
        String mia = signIn("mia");
        Document page = get("/register/1", mia);
        String csrf = page.selectFirst("#surveil input[name=_csrf]").attr("value");
        assertThat(page.selectFirst("#surveil").attr("enctype")).isEqualTo("multipart/form-data");
        byte[] downgrade = Files.readAllBytes(EXAMPLES.resolve("cqm/surveillance-downgrade.json"));

        // another site's page posting the file with the browser's cookie: no token, refused, nothing recorded
        HttpResponse<String> forged = upload("/register/1/surveillance", mia, java.util.Map.of(),
                "surveillance-downgrade.json", downgrade);
        assertThat(forged.statusCode()).isEqualTo(403);
        assertThat(forged.body()).contains("\"code\":\"csrf\"");
        assertThat(web.register.find("1").history()).hasSize(1);

        // not an assessment file, or not one at all: said on the page, nothing recorded
        HttpResponse<String> text = upload("/register/1/surveillance", mia, java.util.Map.of("_csrf", csrf),
                "notes.txt", "hello".getBytes(StandardCharsets.UTF_8));
        assertThat(text.statusCode()).isEqualTo(415);
        assertThat(Jsoup.parse(text.body()).selectFirst("#surveil-problem").text())
                .isEqualTo("notes.txt：只读取 .json、.yaml、.yml 和 .xlsx 文件。");
        HttpResponse<String> broken = upload("/register/1/surveillance", mia, java.util.Map.of("_csrf", csrf),
                "broken.json", "{\"organisation\": ".getBytes(StandardCharsets.UTF_8));
        assertThat(broken.statusCode()).isEqualTo(400);
        assertThat(Jsoup.parse(broken.body()).selectFirst("#surveil-problem").text()).isEqualTo(
                "broken.json，第 1 行第 18 列：malformed JSON: Unexpected end-of-input within/between Object entries");
        // larger than the service takes (16 MiB): refused before the file is read whole
        HttpResponse<String> large = upload("/register/1/surveillance", mia, java.util.Map.of("_csrf", csrf),
                "large.json", new byte[17 << 20]);
        assertThat(large.statusCode()).as(large.body()).isEqualTo(413);
        assertThat(web.register.find("1").history()).hasSize(1);

        // CQM 6.4: the surveillance of 2026-11-18 finds 当面 at 87, under 90: five stars down to four
        HttpResponse<String> done = upload("/register/1/surveillance", mia, java.util.Map.of("_csrf", csrf,
                "onSerious", ""), "surveillance-downgrade.json", downgrade);
        assertThat(done.statusCode()).as(done.body()).isEqualTo(303);
        assertThat(done.headers().firstValue("Location")).contains("/register/1#entry-2");
        Document after = get("/register/1", mia);
        assertThat(after.selectFirst("#now").text()).isEqualTo("有效, 四星级（4 星）");
        assertThat(after.select("#entry-2 > td").subList(0, 6).stream().map(Element::text).toList()).containsExactly(
                "2", "2026-11-18", "监督", "降级", "有效, 四星级（4 星）", "surveillance-downgrade.json");
        assertThat(after.selectFirst("#entry-2 small").text()).startsWith("mia 于 ");
        // the file is kept byte for byte, as the command line's 'register show --assessment 2' writes it
        assertThat(web.register.assessment(1, 2)).hasValueSatisfying(b -> assertThat(b).isEqualTo(downgrade));
        // the change log says who decided, from where
        Document admin = get("/admin", signIn("ada"));
        assertThat(admin.select("#changes tbody tr").stream().map(RegisterPagesTest::cells).toList()).anyMatch(r ->
                r.get(1).equals("mia") && r.get(2).equals("http 127.0.0.1") && r.get(3).equals("surveillance of"
                        + " certificate 1 (CQM-2026-001) recorded as entry #2: downgrade, now active 四星级"));
    }

    /** A row of the history: number, date, kind, decision, state and grade after, assessment file. */
    private static List<String> entry(Document page, int seq) {
        return page.select("#entry-" + seq + " > td").subList(0, 6).stream().map(Element::text).toList();
    }

    @Test
    void aManagerRecordsAReEvaluationWithItsDateAndScoringOptions() throws Exception {
        record();
        String mia = signIn("mia");
        Document page = get("/register/2", mia);
        String csrf = page.selectFirst("#reevaluate input[name=_csrf]").attr("value");
        assertThat(page.select("#reevaluate label").eachText()).contains("评价日期（文件未写明时）", "不适用条款");
        byte[] gbt = Files.readAllBytes(EXAMPLES.resolve("gbt27922-form.json"));
        byte[] downgrade = Files.readAllBytes(EXAMPLES.resolve("cqm/surveillance-downgrade.json"));

        // without the session's token: refused, nothing recorded
        HttpResponse<String> forged = upload("/register/2/reevaluation", mia, java.util.Map.of(), "gbt27922-form.json",
                gbt);
        assertThat(forged.statusCode()).isEqualTo(403);
        assertThat(forged.body()).contains("\"code\":\"csrf\"");
        // a CQM file against the GB/T certificate: the register's words, as 'register reevaluate 2 FILE' prints them
        HttpResponse<String> other = upload("/register/2/reevaluation", mia, java.util.Map.of("_csrf", csrf),
                "surveillance-downgrade.json", downgrade);
        assertThat(other.statusCode()).isEqualTo(400);
        assertThat(Jsoup.parse(other.body()).selectFirst("#reevaluate-problem").text()).isEqualTo(
                "surveillance-downgrade.json: has no part of scheme gbt27922; its parts are cqm");
        assertThat(Jsoup.parse(other.body()).select("#surveil-problem")).isEmpty();
        HttpResponse<String> badDate = upload("/register/2/reevaluation", mia, java.util.Map.of("_csrf", csrf,
                "date", "soon"), "gbt27922-form.json", gbt);
        assertThat(badDate.statusCode()).isEqualTo(400);
        assertThat(Jsoup.parse(badDate.body()).selectFirst("#reevaluate-problem").text())
                .isEqualTo("date: 'soon' is not a date like 2026-11-20");
        HttpResponse<String> badReading = upload("/register/2/reevaluation", mia, java.util.Map.of("_csrf", csrf,
                "notApplicable", "half"), "gbt27922-form.json", gbt);
        assertThat(Jsoup.parse(badReading.body()).selectFirst("#reevaluate-problem").text())
                .isEqualTo("notApplicable: 'half' is not one of prorate, full-points");
        assertThat(web.register.find("2").history()).hasSize(1);

        // GB/T 27922 gives no surveillance, only a new evaluation: the same file, 92.85, keeps 四星级 and starts a cycle
        HttpResponse<String> done = upload("/register/2/reevaluation", mia, java.util.Map.of("_csrf", csrf,
                "date", "", "notApplicable", "", "onSerious", ""), "gbt27922-form.json", gbt);
        assertThat(done.statusCode()).as(done.body()).isEqualTo(303);
        assertThat(done.headers().firstValue("Location")).contains("/register/2#entry-2");
        Document after = get("/register/2", mia);
        String issued = web.register.find("2").certificate().issuedOn().toString();
        assertThat(entry(after, 2)).containsExactly("2", issued, "再评价", "重新定级", "有效, 四星级（4 星）",
                "gbt27922-form.json");
        // the file chooses options.notApplicable: the new grade names it, as an issue entry does
        assertThat(after.select("#entry-2 li").eachText()).containsExactly(
                "re-evaluated on gbt27922-form.json: kept at 四星级 (4 stars); a new cycle starts",
                "read with: gbt27922.notApplicable = prorate (chosen in the assessment)");
        assertThat(web.register.assessment(2, 2)).hasValueSatisfying(b -> assertThat(b).isEqualTo(gbt));
        assertThat(get("/register/2?lang=en", mia).select("#entry-2 > td").get(3).text()).isEqualTo("regrade");

        // the CQM certificate re-evaluated on the surveillance file (当面 87): four stars, and its cycle starts again
        HttpResponse<String> cqm = upload("/register/1/reevaluation", mia, java.util.Map.of("_csrf", csrf),
                "surveillance-downgrade.json", downgrade);
        assertThat(cqm.statusCode()).as(cqm.body()).isEqualTo(303);
        Document one = get("/register/1", mia);
        assertThat(entry(one, 3)).containsExactly("3", "2026-11-18", "再评价", "重新定级", "有效, 四星级（4 星）",
                "surveillance-downgrade.json");
        assertThat(one.select("dl.facts dd").eachText()).contains("2026-11-18");
    }

    @Test
    void aManagerNotesAnIncidentAndIsToldWhatTheRegisterRefuses() throws Exception {
        record();
        String mia = signIn("mia");
        Document page = get("/register/1", mia);
        String csrf = page.selectFirst("#incident input[name=_csrf]").attr("value");
        // the event types CQM declares, by the scheme's words
        assertThat(page.select("#incident-type option").eachAttr("value")).contains("", "majorComplaint",
                "responsibilityAccident", "governmentBlacklist");
        assertThat(page.select("#incident-type option[value=majorComplaint]").text()).startsWith("majorComplaint · 重大投诉");
        // a GB/T 27922 certificate: its standard declares no event
        assertThat(get("/register/2", mia).selectFirst("#incident-none").text())
                .isEqualTo("该证书的标准未规定事件类型，无法记录事件。");

        // without the session's token: refused, nothing recorded
        HttpResponse<String> forged = post("/register/1/incident", mia, "type=majorComplaint&date=2027-11-01");
        assertThat(forged.statusCode()).isEqualTo(403);
        assertThat(forged.body()).contains("\"code\":\"csrf\"");
        // what 'register incident 1 --type … --date …' refuses, in its words; what was typed is kept
        String note = "<b>complaint</b> & more";
        HttpResponse<String> later = post("/register/1/incident", mia, "_csrf=" + csrf
                + "&type=majorComplaint&date=2027-11-20&note=" + enc(note));
        assertThat(later.statusCode()).isEqualTo(409);
        Document refused = Jsoup.parse(later.body());
        assertThat(refused.selectFirst("#incident-problem").text()).isEqualTo(
                "an incident on 2027-11-20 is after today (2027-11-19): the register records what has taken place");
        assertThat(refused.select("#incident-type option[selected]").eachAttr("value")).containsExactly("majorComplaint");
        assertThat(refused.selectFirst("#incident-date").attr("value")).isEqualTo("2027-11-20");
        assertThat(refused.selectFirst("#incident-note").text()).isEqualTo(note);
        assertThat(refused.select("#incident-note b")).isEmpty();
        HttpResponse<String> before = post("/register/1/incident", mia, "_csrf=" + csrf
                + "&type=majorComplaint&date=2026-01-01");
        assertThat(Jsoup.parse(before.body()).selectFirst("#incident-problem").text()).isEqualTo(
                "certificate 1 (CQM-2026-001) was issued on 2026-10-15; an incident on 2026-01-01 is before that");
        HttpResponse<String> unknown = post("/register/1/incident", mia, "_csrf=" + csrf
                + "&type=earthquake&date=2027-11-01");
        assertThat(unknown.statusCode()).isEqualTo(400);
        assertThat(Jsoup.parse(unknown.body()).selectFirst("#incident-problem").text())
                .startsWith("cqm star has no event type 'earthquake'; it has: ").contains("majorComplaint");
        HttpResponse<String> noDate = post("/register/1/incident", mia, "_csrf=" + csrf + "&type=majorComplaint&date=");
        assertThat(Jsoup.parse(noDate.body()).selectFirst("#incident-problem").text()).isEqualTo("请填写事件发生的日期。");
        HttpResponse<String> notADate = post("/register/1/incident", mia, "_csrf=" + csrf
                + "&type=majorComplaint&date=2027-13-01");
        assertThat(Jsoup.parse(notADate.body()).selectFirst("#incident-problem").text())
                .isEqualTo("date: '2027-13-01' is not a date like 2026-11-20");
        HttpResponse<String> noType = post("/register/1/incident", mia, "_csrf=" + csrf + "&type=&date=2027-11-01");
        assertThat(Jsoup.parse(noType.body()).selectFirst("#incident-problem").text()).isEqualTo("请选择事件类型。");
        assertThat(web.register.find("1").history()).hasSize(2);

        // noted: the history's last entry, and the extra evaluation CQM 5.1 calls for is due
        HttpResponse<String> done = post("/register/1/incident", mia, "_csrf=" + csrf
                + "&type=majorComplaint&date=2027-11-01&note=" + enc(note));
        assertThat(done.statusCode()).as(done.body()).isEqualTo(303);
        assertThat(done.headers().firstValue("Location")).contains("/register/1#entry-3");
        Document after = get("/register/1", mia);
        assertThat(entry(after, 3)).containsExactly("3", "2027-11-01", "事件", "记录在案", "有效, 四星级（4 星）", "");
        assertThat(after.select("#entry-3 li").eachText().get(0)).isEqualTo("majorComplaint on 2027-11-01: "
                + "重大投诉（注3：媒体曝光且经证实，或政府官方网站曝光，或受到行政违法处罚） (major complaint (note 3)); " + note);
        assertThat(after.select("#entry-3 li b")).isEmpty();
        assertThat(get("/register/due?months=0", mia).select("#due tbody tr").eachText()).anyMatch(r ->
                r.contains("2027-11-01") && r.contains("追加评价"));
        assertThat(get("/register/1?lang=en", mia).select("#entry-3 > td").get(3).text()).isEqualTo("noted");
    }

    @Test
    void onlyAManagerRecordsDecisions() throws Exception {
        record();
        byte[] gbt = Files.readAllBytes(EXAMPLES.resolve("gbt27922-form.json"));
        for (String account : List.of("zhang", "ada")) {
            String cookie = signIn(account);
            String csrf = io.github.aftersales.service.SessionCookie.csrfToken(cookie.substring(cookie.indexOf('=') + 1));
            for (String path : List.of("/register/2/reevaluation", "/register/2/surveillance")) {
                HttpResponse<String> r = upload(path, cookie, java.util.Map.of("_csrf", csrf), "gbt27922-form.json", gbt);
                assertThat(r.statusCode()).as(account + " " + path).isEqualTo(403);
                assertThat(r.body()).contains("\"code\":\"forbidden\"");
            }
            HttpResponse<String> r = post("/register/1/incident", cookie, "_csrf=" + csrf
                    + "&type=majorComplaint&date=2027-11-01");
            assertThat(r.statusCode()).as(account).isEqualTo(403);
            assertThat(r.body()).contains("\"code\":\"forbidden\"");
        }
        assertThat(web.register.find("1").history()).hasSize(2);
        assertThat(web.register.find("2").history()).hasSize(1);
    }

    private HttpResponse<String> post(String path, String cookie, String form) throws Exception {
        return web.send(web.request(path).header("Cookie", cookie).header("Content-Type",
                "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form)).build());
    }
}

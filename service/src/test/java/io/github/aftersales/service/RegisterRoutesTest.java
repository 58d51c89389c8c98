package io.github.aftersales.service;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.github.aftersales.register.Databases;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The register through the API, on H2 and on PostgreSQL: certificates approved through the service, then listed,
 * shown, due, exported, and decided on (surveillance, re-evaluation, incident) by a manager, the CQM rules
 * refusing what they refuse; hostile identifiers and filters finding nothing and breaking nothing. Today is
 * {@link TestService#TODAY}, 19 November 2027.
 */
class RegisterRoutesTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final Path EXAMPLES = Path.of("..", "examples");
    private static final String CQM_ORGANISATION = "示例服务有限公司 (Example Service Co., Ltd. — fictitious)";
    private static final String GBT_ORGANISATION = "示例电器有限公司 (Example Appliances Co., Ltd. — fictitious)";
    private TestService service;

    @AfterEach
    void stop() {
        if (service != null) {
            service.close();
        }
    }

    private HttpResponse<String> send(String method, String path, String token, String contentType, String body,
            String ifMatch) throws Exception {
        HttpRequest.Builder b = service.request(path, token);
        if (contentType != null) {
            b.header("Content-Type", contentType);
        }
        if (ifMatch != null) {
            b.header("If-Match", ifMatch);
        }
        b.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        return service.send(b.build());
    }

    private HttpResponse<String> get(String path) throws Exception {
        return send("GET", path, "manager-token", null, null, null);
    }

    private HttpResponse<String> get(String path, String accept) throws Exception {
        return service.send(service.request(path, "manager-token").header("Accept", accept).build());
    }

    private HttpResponse<String> post(String path, String contentType, String body) throws Exception {
        return send("POST", path, "manager-token", contentType, body, null);
    }

    private static String example(String name) throws Exception {
        return Files.readString(EXAMPLES.resolve(name));
    }

    /**
     * A certificate as a certification body makes one through the service: the manager makes the assessment for
     * zhang, zhang fills it with {@code file} and submits it, the manager approves it with {@code reference}.
     */
    private long certify(String scheme, String variant, String organisation, String file, String reference)
            throws Exception {
        HttpResponse<String> made = post("/api/v1/assessments", "application/json", "{\"scheme\": \"" + scheme
                + "\", \"variant\": \"" + variant + "\", \"organisation\": \"" + organisation
                + "\", \"assignedTo\": \"zhang\"}");
        assertThat(made.statusCode()).as(made.body()).isEqualTo(201);
        String path = "/api/v1/assessments/" + JSON.readTree(made.body()).get("id").asLong();
        HttpResponse<String> saved = send("PUT", path, "auditor-token", "application/json", example(file), "\"1\"");
        assertThat(saved.statusCode()).as(saved.body()).isEqualTo(200);
        assertThat(send("POST", path + "/submit", "auditor-token", null, null, "\"2\"").statusCode()).isEqualTo(200);
        HttpResponse<String> approved = send("POST", path + "/approve", "manager-token", "application/json",
                "{\"reference\": " + JSON.writeValueAsString(reference) + "}", "\"3\"");
        assertThat(approved.statusCode()).as(approved.body()).isEqualTo(200);
        return JSON.readTree(approved.body()).at("/certificate/number").asLong();
    }

    private static void assertError(HttpResponse<String> r, int status, String code) throws Exception {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(status);
        assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t)
                .startsWith("application/json"));
        JsonNode body = JSON.readTree(r.body());
        assertThat(body.get("status").asInt()).isEqualTo(status);
        assertThat(body.get("code").asText()).isEqualTo(code);
    }

    @ParameterizedTest
    @EnumSource(Databases.class)
    void approvedCertificatesAreListedShownDueAndExportedAsTheCommandLineWritesThem(Databases database)
            throws Exception {
        service = new TestService(database);
        assertThat(get("/api/v1/certificates").body()).isEqualTo("[ ]" + System.lineSeparator());
        assertThat(certify("cqm", "star", CQM_ORGANISATION, "cqm/cqm-five-star.json", "CQM-2026-001")).isEqualTo(1);
        assertThat(certify("gbt27922", "form", GBT_ORGANISATION, "gbt27922-form.json", "GBT-2026-001")).isEqualTo(2);
        String recorder = database == Databases.POSTGRESQL ? "postgres" : "mia"; // PostgreSQL keeps its login

        HttpResponse<String> listed = get("/api/v1/certificates");
        assertThat(listed.statusCode()).as(listed.body()).isEqualTo(200);
        assertThat(listed.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t.replace(" ", "")).isEqualTo("application/json;charset=utf-8"));
        JsonNode all = JSON.readTree(listed.body());
        assertThat(all).hasSize(2);
        JsonNode cqm = all.get(0);
        assertThat(cqm.get("number").asLong()).isEqualTo(1);
        assertThat(cqm.get("reference").asText()).isEqualTo("CQM-2026-001");
        assertThat(cqm.get("organisation").asText()).isEqualTo(CQM_ORGANISATION);
        assertThat(cqm.get("scheme").asText()).isEqualTo("cqm");
        assertThat(cqm.get("variant").asText()).isEqualTo("star");
        assertThat(cqm.get("issuedOn").asText()).isEqualTo("2026-10-15"); // its onSiteDate
        assertThat(cqm.get("state").asText()).isEqualTo("active");
        assertThat(cqm.get("stars").asInt()).isEqualTo(5);
        assertThat(cqm.get("grade").asText()).isEqualTo("五星级");
        assertThat(cqm.get("recordedBy").asText()).isEqualTo(recorder);
        assertThat(cqm.at("/history/0/kind").asText()).isEqualTo("issued");
        assertThat(cqm.at("/history/0/result").isMissingNode()).isTrue(); // a listing holds no results
        assertThat(all.get(1).get("grade").asText()).isEqualTo("四星级");
        assertThat(all.get(1).get("stars").asInt()).isEqualTo(4);

        // the filters of 'register search TEXT --state S --scheme ID'
        assertThat(JSON.readTree(get("/api/v1/certificates?scheme=cqm").body()).findValuesAsText("reference"))
                .containsExactly("CQM-2026-001");
        assertThat(JSON.readTree(get("/api/v1/certificates?q=gbt-2026").body()).findValuesAsText("reference"))
                .containsExactly("GBT-2026-001");
        assertThat(JSON.readTree(get("/api/v1/certificates?q=" + enc("示例电器")).body()).findValuesAsText("reference"))
                .containsExactly("GBT-2026-001");
        assertThat(JSON.readTree(get("/api/v1/certificates?state=active&scheme=gbt27922").body())).hasSize(1);
        assertThat(JSON.readTree(get("/api/v1/certificates?state=revoked").body())).isEmpty();
        assertError(get("/api/v1/certificates?state=valid"), 400, "bad-parameter");
        assertThat(JSON.readTree(get("/api/v1/certificates?state=valid").body()).at("/place/source").asText())
                .isEqualTo("query parameter state");
        assertError(get("/api/v1/certificates", "text/html"), 406, "not-acceptable");

        // 'register show N --format json': by number or by reference, in any case; each evaluation's result in it
        HttpResponse<String> shown = get("/api/v1/certificates/1");
        assertThat(shown.statusCode()).as(shown.body()).isEqualTo(200);
        assertThat(get("/api/v1/certificates/cqm-2026-001").body()).isEqualTo(shown.body());
        JsonNode one = JSON.readTree(shown.body());
        assertThat(one.get("history")).hasSize(1);
        assertThat(one.at("/history/0/decision").asText()).isEqualTo("issue");
        assertThat(one.at("/history/0/cycleStart").asText()).isEqualTo("2026-10-15");
        assertThat(one.at("/history/0/assessment").asText()).startsWith("assessment ");
        assertThat(one.at("/history/0/reasons/0").asText()).startsWith("issued at 五星级 (five stars, 5 stars)");
        assertThat(one.at("/history/0/result/scheme").asText()).isEqualTo("cqm");
        assertThat(one.at("/history/0/result/grade").asText()).isEqualTo("五星级");
        assertThat(one.at("/history/0/recordedBy").asText()).isEqualTo(recorder);
        HttpResponse<String> none = get("/api/v1/certificates/3");
        assertError(none, 404, "no-such-certificate");
        assertThat(JSON.readTree(none.body()).get("message").asText())
                .isEqualTo("no certificate '3' in the register; GET /api/v1/certificates lists them");

        // 'register due --format json': CQM 5.1 yearly from 2026-10-15, so overdue on 2027-11-19; GB/T gives no interval
        HttpResponse<String> due = get("/api/v1/certificates/due?months=0");
        assertThat(due.statusCode()).as(due.body()).isEqualTo(200);
        JsonNode d = JSON.readTree(due.body());
        assertThat(d.get("on").asText()).isEqualTo("2027-11-19");
        assertThat(d.get("today").asText()).isEqualTo("2027-11-19");
        assertThat(d.get("due")).hasSize(1);
        assertThat(d.at("/due/0/certificate").asLong()).isEqualTo(1);
        assertThat(d.at("/due/0/reference").asText()).isEqualTo("CQM-2026-001");
        assertThat(d.at("/due/0/what").asText()).isEqualTo("surveillance");
        assertThat(d.at("/due/0/due").asText()).isEqualTo("2027-10-15");
        assertThat(d.at("/due/0/overdue").asBoolean()).isTrue();
        assertThat(d.get("unscheduled")).hasSize(1);
        assertThat(d.at("/unscheduled/0/certificate").asLong()).isEqualTo(2);
        assertThat(get("/api/v1/certificates/due?on=2027-10-14").body()).contains("\"due\" : [ ]");
        assertThat(JSON.readTree(get("/api/v1/certificates/due?months=12").body()).get("on").asText())
                .isEqualTo("2028-11-19");

        // 'register export': CSV (a row per certificate, or per entry) or JSON with every result, by Accept
        HttpResponse<String> csv = get("/api/v1/certificates/export", "text/csv");
        assertThat(csv.statusCode()).as(csv.body()).isEqualTo(200);
        assertThat(csv.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t.replace(" ", "")).isEqualTo("text/csv;charset=utf-8;header=present"));
        String version = one.get("schemeVersion").asText();
        assertThat(csv.body()).startsWith("number,reference,organisation,scheme,variant,scheme_version,issued_on,state,"
                + "stars,grade,cycle_start,last_evaluation,entries\r\n"
                + "1,CQM-2026-001,\"示例服务有限公司 (Example Service Co., Ltd. — fictitious)\",cqm,star," + csvCell(version)
                + ",2026-10-15,active,5,五星级,2026-10-15,2026-10-15,1\r\n2,GBT-2026-001,");
        assertThat(csv.body().split("\r\n")).hasSize(3);
        HttpResponse<String> events = get("/api/v1/certificates/export?events=true");
        assertThat(events.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t.replace(" ", "")).isEqualTo("text/csv;charset=utf-8;header=present"));
        assertThat(events.body()).startsWith("number,reference,seq,kind,date,decision,state,stars,grade,cycle_start,"
                + "reason,incident_type,assessment,recorded_at,recorded_by\r\n1,CQM-2026-001,1,issued,2026-10-15,issue,"
                + "active,5,五星级,2026-10-15,");
        assertError(get("/api/v1/certificates/export?events=true", "application/json"), 406, "not-acceptable");
        HttpResponse<String> exported = get("/api/v1/certificates/export");
        assertThat(exported.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t.replace(" ", "")).isEqualTo("application/json;charset=utf-8"));
        assertThat(exported.headers().firstValue("Content-Disposition")).contains("attachment; filename=\"register.json\"");
        JsonNode export = JSON.readTree(exported.body());
        assertThat(export.get("format").asText()).isEqualTo("aftersales-register-export-1");
        assertThat(export.get("exportedAt").asText()).isEqualTo("2027-11-19T04:00:00Z");
        assertThat(export.get("certificates")).hasSize(2);
        assertThat(export.at("/certificates/0")).isEqualTo(one); // show's very fields, results included

        OpenApiSchemas schemas = new OpenApiSchemas();
        schemas.assertValid(listed.body(), "/paths/~1api~1v1~1certificates/get/responses/200/content/application~1json/schema");
        schemas.assertValid(shown.body(), "/components/schemas/Certificate");
        schemas.assertValid(due.body(), "/components/schemas/Due");
        schemas.assertValid(exported.body(), "/components/schemas/RegisterExport");
        schemas.assertValid(none.body(), "/components/schemas/Error");
    }

    @ParameterizedTest
    @EnumSource(Databases.class)
    void aManagerDecidesByTheSchemesRulesAndTheRegisterRefusesWhatTheyRefuse(Databases database) throws Exception {
        service = new TestService(database);
        certify("cqm", "star", CQM_ORGANISATION, "cqm/cqm-five-star.json", "CQM-2026-001");
        String recorder = database == Databases.POSTGRESQL ? "postgres" : "mia";

        // 2026-11-12: a verified major complaint of 2026-06-20 not rectified (CQM 6.4): suspended, its stars kept
        HttpResponse<String> suspended = post("/api/v1/certificates/1/surveillance?name=surveillance-1.json",
                "application/json", example("cqm/surveillance-unrectified-complaint.json"));
        assertThat(suspended.statusCode()).as(suspended.body()).isEqualTo(200);
        JsonNode s = JSON.readTree(suspended.body());
        assertThat(s.get("state").asText()).isEqualTo("suspended");
        assertThat(s.get("stars").asInt()).isEqualTo(5);
        assertThat(s.get("history")).hasSize(2);
        assertThat(s.at("/history/1/kind").asText()).isEqualTo("surveillance");
        assertThat(s.at("/history/1/date").asText()).isEqualTo("2026-11-12");
        assertThat(s.at("/history/1/decision").asText()).isEqualTo("suspend");
        assertThat(s.at("/history/1/assessment").asText()).isEqualTo("surveillance-1.json");
        assertThat(s.at("/history/1/reasons").toString()).contains("majorComplaint on 2026-06-20");
        assertThat(s.at("/history/1/recordedBy").asText()).isEqualTo(recorder);
        assertThat(s.at("/history/1/result/scheme").asText()).isEqualTo("cqm");
        // who decided, from where: the service's change log, on either database
        assertThat(service.changes().get(0).actor()).isEqualTo("mia");
        assertThat(service.changes().get(0).origin()).startsWith("http ");
        assertThat(service.changes().get(0).what()).isEqualTo("surveillance of certificate 1 (CQM-2026-001) recorded"
                + " as entry #2: suspend, now suspended 五星级");

        // 2026-11-18, sent as YAML, by its reference: no serious event, S 88 < 90 for five stars: reinstated at four
        String yaml = YAML.writeValueAsString(JSON.readTree(example("cqm/surveillance-downgrade.json")));
        HttpResponse<String> downgraded = post("/api/v1/certificates/CQM-2026-001/surveillance", "application/yaml",
                yaml);
        assertThat(downgraded.statusCode()).as(downgraded.body()).isEqualTo(200);
        JsonNode dn = JSON.readTree(downgraded.body());
        assertThat(dn.get("state").asText()).isEqualTo("active");
        assertThat(dn.get("stars").asInt()).isEqualTo(4);
        assertThat(dn.get("grade").asText()).isEqualTo("四星级");
        assertThat(dn.at("/history/2/decision").asText()).isEqualTo("downgrade");
        assertThat(dn.at("/history/2/assessment").asText()).isEqualTo("request body");
        assertThat(dn.at("/history/2/reasons/0").asText()).startsWith("reinstated");
        assertThat(dn.at("/history/2/reasons").toString()).contains("S当面 87 < 90 needed for 五星级");

        // an incident, which CQM 5.1 answers with an extra evaluation
        HttpResponse<String> noted = post("/api/v1/certificates/1/incidents", "application/json",
                "{\"type\": \"majorComplaint\", \"date\": \"2026-11-20\", \"note\": \"press report\"}");
        assertThat(noted.statusCode()).as(noted.body()).isEqualTo(200);
        JsonNode n = JSON.readTree(noted.body());
        assertThat(n.at("/history/3/kind").asText()).isEqualTo("incident");
        assertThat(n.at("/history/3/incidentType").asText()).isEqualTo("majorComplaint");
        assertThat(n.get("stars").asInt()).isEqualTo(4); // the grade is unchanged
        JsonNode due = JSON.readTree(get("/api/v1/certificates/due?months=0").body());
        assertThat(due.findValuesAsText("what")).contains("extra evaluation");
        assertError(post("/api/v1/certificates/1/incidents", "application/json",
                "{\"type\": \"accident\", \"date\": \"2026-11-20\"}"), 400, "bad-input");

        // a CQM surveillance that the rules refuse: its file lists no complaint, though the register holds one
        String silent = example("cqm/surveillance-downgrade.json").replace("2026-11-18", "2026-11-29");
        HttpResponse<String> refused = post("/api/v1/certificates/1/surveillance?name=surveillance-3.json",
                "application/json", silent);
        assertError(refused, 409, "register-refused");
        assertThat(JSON.readTree(refused.body()).get("message").asText()).isEqualTo("surveillance-3.json: lists no"
                + " majorComplaint on 2026-11-20 (entry #4), noted in the register for certificate 1 (CQM-2026-001);"
                + " the grade is decided on the file alone, so add it to the file's events, with what cqm asks of it"
                + " (e.g. rectified), and record the evaluation again");
        // an evaluation before the last one
        assertError(post("/api/v1/certificates/1/surveillance", "application/json",
                example("cqm/cqm-five-star.json")), 409, "register-refused");
        // another scheme's assessment: bad input, its place the body
        HttpResponse<String> wrong = post("/api/v1/certificates/1/reevaluation", "application/json",
                example("gbt27922-form.json"));
        assertError(wrong, 400, "bad-input");
        assertThat(JSON.readTree(wrong.body()).get("message").asText())
                .isEqualTo("request body: has no part of scheme cqm; its parts are gbt27922");
        assertThat(JSON.readTree(wrong.body()).at("/place/source").asText()).isEqualTo("request body");
        // a body that is not an assessment, with the place of its fault
        HttpResponse<String> broken = post("/api/v1/certificates/1/surveillance", "application/json", "{\"x\": ");
        assertError(broken, 400, "bad-input");
        assertThat(JSON.readTree(broken.body()).at("/place/source").asText()).isEqualTo("request body");
        assertError(post("/api/v1/certificates/1/surveillance", "text/plain", "x"), 415, "unsupported-media-type");
        assertError(post("/api/v1/certificates/1/surveillance?onSerious=warn", "application/json",
                example("cqm/cqm-five-star.json")), 400, "bad-parameter");
        assertError(post("/api/v1/certificates/9/surveillance", "application/json",
                example("cqm/cqm-five-star.json")), 404, "no-such-certificate");
        assertThat(JSON.readTree(get("/api/v1/certificates/1").body()).get("history")).hasSize(4); // nothing written

        // a re-evaluation whose file lists the complaint, rectified: a new cycle at four stars (CQM Note 1, example 2)
        String listed = silent.replace("\"events\": []", "\"events\": [{\"type\": \"majorComplaint\", \"date\":"
                + " \"2026-11-20\", \"rectified\": true}]");
        HttpResponse<String> regraded = post("/api/v1/certificates/1/reevaluation", "application/json", listed);
        assertThat(regraded.statusCode()).as(regraded.body()).isEqualTo(200);
        JsonNode r = JSON.readTree(regraded.body());
        assertThat(r.at("/history/4/kind").asText()).isEqualTo("re-evaluation");
        assertThat(r.at("/history/4/decision").asText()).isEqualTo("regrade");
        assertThat(r.get("cycleStart").asText()).isEqualTo("2026-11-29");
        assertThat(r.get("lastEvaluation").asText()).isEqualTo("2026-11-29");
        assertThat(r.get("stars").asInt()).isEqualTo(4);
        assertThat(service.changes().get(0).what()).startsWith("re-evaluation of certificate 1 (CQM-2026-001) recorded"
                + " as entry #5: regrade");

        // none of it for an auditor, nor an admin
        assertError(send("POST", "/api/v1/certificates/1/surveillance", "auditor-token", "application/json", listed,
                null), 403, "forbidden");
        assertError(send("GET", "/api/v1/certificates/1", "admin-token", null, null, null), 403, "forbidden");
        new OpenApiSchemas().assertValid(regraded.body(), "/components/schemas/Certificate");
    }

    @ParameterizedTest
    @EnumSource(Databases.class)
    void hostileIdentifiersAndFiltersFindNothingAndBreakNothing(Databases database) throws Exception {
        service = new TestService(database);
        String hostile = "R'; DROP TABLE certificate; --";
        certify("gbt27922", "form", GBT_ORGANISATION, "gbt27922-form.json", hostile);
        // its reference is a value like any other: found by it, and the table is still there
        HttpResponse<String> byHostile = get("/api/v1/certificates/" + enc(hostile));
        assertThat(byHostile.statusCode()).as(byHostile.body()).isEqualTo(200);
        assertThat(JSON.readTree(byHostile.body()).get("number").asLong()).isEqualTo(1);
        for (String key : List.of("1' OR '1'='1", "1 OR 1=1", "' OR ''='", "1; DELETE FROM certificate", "%", "_",
                "0", "-1", "99999999999999999999", "1e0", "0x1", "x".repeat(300), "<script>alert(1)</script>")) {
            HttpResponse<String> r = get("/api/v1/certificates/" + enc(key));
            assertError(r, 404, "no-such-certificate");
            // echoed as a JSON string, which no browser takes for markup
            assertThat(r.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
        }
        // a NUL in a path is refused by HTTP itself, before the API, in the API's shape
        assertError(get("/api/v1/certificates/%00"), 400, "bad-request");
        for (String filter : List.of("q=" + enc("' OR 1=1 --"), "q=" + enc("%"), "q=_", "q=" + enc("!"),
                "scheme=" + enc("gbt27922' OR '1'='1"), "scheme=" + enc("%"))) {
            HttpResponse<String> r = get("/api/v1/certificates?" + filter);
            assertThat(r.statusCode()).as(filter + ": " + r.body()).isEqualTo(200);
            assertThat(JSON.readTree(r.body())).as(filter).isEmpty();
        }
        assertThat(JSON.readTree(get("/api/v1/certificates?q=" + enc("drop table")).body())).hasSize(1);
        // a NUL, which PostgreSQL refuses in any text: refused here first, on either database
        assertError(get("/api/v1/certificates?q=%00"), 400, "bad-parameter");
        assertError(get("/api/v1/certificates?scheme=cqm%00"), 400, "bad-parameter");
        HttpResponse<String> nul = post("/api/v1/certificates/1/incidents", "application/json",
                "{\"type\": \"majorComplaint\", \"date\": \"2026-11-21\", \"note\": \"a\\u0000b\"}");
        assertError(nul, 400, "bad-input");
        assertThat(JSON.readTree(nul.body()).get("message").asText())
                .isEqualTo("note: a text of 1 to 10000 characters without NUL is needed");
        assertError(get("/api/v1/certificates?state=" + enc("active' OR 1=1 --")), 400, "bad-parameter");
        // path tricks: never a certificate, never a route the token may not call, never a stack trace
        for (String trick : List.of("/api/v1/certificates/..%2F..%2Fchanges", "/api/v1/certificates/%2e%2e/%2e%2e/changes",
                "/api/v1/certificates/1/..%2F2", "/api/v1/certificates//1", "/api/v1/certificates/1%2Fsurveillance")) {
            HttpResponse<String> r = get(trick);
            assertThat(r.statusCode()).as(trick + ": " + r.body()).isIn(400, 404);
            assertThat(JSON.readTree(r.body()).get("code").asText()).as(trick).isIn("bad-request", "no-such-route",
                    "no-such-certificate");
        }
        // months and dates that are not
        for (String bad : List.of("months=-1", "months=121", "months=abc", "months=1e2", "months=", "months=99999999999",
                "months=" + enc("1 OR 1=1"), "months=1&on=2027-01-01", "on=2027-13-01", "on=" + enc("2027-01-01'--"), "")) {
            HttpResponse<String> r = get("/api/v1/certificates/due?" + bad);
            assertError(r, 400, "bad-parameter");
            assertThat(JSON.readTree(r.body()).at("/place/source").asText()).as(bad)
                    .isIn("query parameter months", "query parameter on");
        }
        assertThat(JSON.readTree(get("/api/v1/certificates/due?months=-1").body()).get("message").asText())
                .isEqualTo("months: '-1' is not a number of months from 0 to 120");
        assertThat(JSON.readTree(get("/api/v1/certificates").body())).hasSize(1); // all there still
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static String csvCell(String v) {
        return v.contains(",") || v.contains("\"") ? "\"" + v.replace("\"", "\"\"") + "\"" : v;
    }
}

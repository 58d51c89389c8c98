package io.github.aftersales.service;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The stateless routes as a program calls them: a real server, real HTTP, the bundled examples. */
class GradingRoutesTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path EXAMPLES = Path.of("..", "examples");
    private static TestService service;

    @BeforeAll
    static void start() {
        service = new TestService();
    }

    @AfterAll
    static void stop() {
        service.close();
    }

    private static HttpResponse<String> evaluate(String contentType, byte[] body, String accept, String query)
            throws Exception {
        HttpRequest.Builder b = service.request("/api/v1/evaluations" + query, "auditor-token")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (contentType != null) {
            b.header("Content-Type", contentType);
        }
        if (accept != null) {
            b.header("Accept", accept);
        }
        return service.send(b.build());
    }

    @Test
    void theGbtFormExampleGradesAsTheCommandLineGradesIt() throws Exception {
        HttpResponse<String> r = evaluate("application/json", Files.readAllBytes(EXAMPLES.resolve("gbt27922-form.json")),
                null, "");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/json"));
        JsonNode s = JSON.readTree(r.body()).at("/schemes/0");
        // 91 of the 98 applicable points, scaled to 92.85 of 100: four stars, 2.1 points short of five
        assertThat(s.get("score").decimalValue()).isEqualByComparingTo("91");
        assertThat(s.get("maxScore").decimalValue()).isEqualByComparingTo("98");
        assertThat(s.get("total").decimalValue()).isEqualByComparingTo("92.85");
        assertThat(s.get("stars").asInt()).isEqualTo(4);
        assertThat(s.get("reasons").get(0).asText()).isEqualTo("total 92.85 < 95 needed for 五星级 (five stars): 2.1 more points");
    }

    @Test
    void yamlIsReadAndAReportIsAnsweredByAccept() throws Exception {
        byte[] annexB = Files.readAllBytes(EXAMPLES.resolve("gbt27922-annex-b.yaml"));
        HttpResponse<String> md = evaluate("application/yaml", annexB, "text/markdown", "?lang=en");
        assertThat(md.statusCode()).as(md.body()).isEqualTo(200);
        assertThat(md.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/markdown"));
        assertThat(md.body()).startsWith("# ").contains("B.6.3.2");
        HttpResponse<String> html = evaluate("application/yaml", annexB, "text/html", "?lang=zh");
        assertThat(html.statusCode()).isEqualTo(200);
        assertThat(html.body()).startsWith("<!DOCTYPE html>").contains("B.6.3.2");
        assertThat(html.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(
                csp -> assertThat(csp).startsWith("default-src 'none'"));
    }

    @Test
    void aBadAssessmentIsOneErrorNamingThePlaceInTheBody() throws Exception {
        HttpResponse<String> r = evaluate("application/json", "{\n  \"organisation\": \"x\",\n  \"schemes\": [{\"scheme\": 7}]\n}"
                .getBytes(java.nio.charset.StandardCharsets.UTF_8), null, "");
        assertThat(r.statusCode()).isEqualTo(400);
        JsonNode e = JSON.readTree(r.body());
        assertThat(e.get("status").asInt()).isEqualTo(400);
        assertThat(e.get("code").asText()).isEqualTo("bad-input");
        assertThat(e.at("/place/source").asText()).isEqualTo("request body");
        assertThat(e.at("/place/line").asInt()).isEqualTo(3);
        assertThat(r.body()).doesNotContain("Exception").doesNotContain("\tat ");
    }

    @Test
    void theTemplateComesAsJsonYamlOrAFormThatGradesBack() throws Exception {
        String path = "/api/v1/schemes/gbt27922/variants/form/template";
        HttpResponse<String> json = service.send(service.request(path, "auditor-token").build());
        assertThat(json.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(json.body()).at("/schemes/0/scheme").asText()).isEqualTo("gbt27922");
        HttpResponse<String> yaml = service.send(service.request(path, "auditor-token").header("Accept", "application/yaml").build());
        assertThat(yaml.body()).contains("scheme: gbt27922");
        HttpResponse<byte[]> xlsx = service.sendForBytes(service.request(path, "auditor-token")
                .header("Accept", GradingRoutes.XLSX).build());
        assertThat(xlsx.statusCode()).isEqualTo(200);
        assertThat(xlsx.body()).startsWith((byte) 'P', (byte) 'K');
        // the blank form sent back: it is read, and refused for what a blank form lacks, with its cell
        HttpResponse<String> back = evaluate(GradingRoutes.XLSX, xlsx.body(), null, "");
        assertThat(back.statusCode()).as(back.body()).isEqualTo(400);
        assertThat(JSON.readTree(back.body()).at("/place/source").asText()).isEqualTo("request body");
        assertThat(back.body()).doesNotContain("/tmp").doesNotContain("upload-");
        // and graded when every clause is counted as stated (missing as zero): 0 of 100
        HttpResponse<String> zero = evaluate(GradingRoutes.XLSX, xlsx.body(), null, "?missingAsZero=true");
        assertThat(zero.statusCode()).as(zero.body()).isEqualTo(200);
        assertThat(JSON.readTree(zero.body()).at("/schemes/0/total").decimalValue()).isEqualByComparingTo("0");
    }

    @Test
    void unknownSchemesAndVariantsAreNamedWithWhatThereIs() throws Exception {
        HttpResponse<String> r = service.send(service.request("/api/v1/schemes/gbt2792/variants/form/template",
                "auditor-token").build());
        assertThat(r.statusCode()).isEqualTo(404);
        assertThat(JSON.readTree(r.body()).get("code").asText()).isEqualTo("no-such-scheme");
        assertThat(r.body()).contains("gbt27922");
        HttpResponse<String> v = service.send(service.request("/api/v1/schemes/gbt27922/variants/nope/template",
                "auditor-token").build());
        assertThat(JSON.readTree(v.body()).get("code").asText()).isEqualTo("no-such-variant");
    }

    @Test
    void whatTheServerCannotReadOrAnswerIsSaid() throws Exception {
        byte[] form = Files.readAllBytes(EXAMPLES.resolve("gbt27922-form.json"));
        assertThat(evaluate(null, form, null, "").statusCode()).isEqualTo(415);
        assertThat(evaluate("text/csv", form, null, "").statusCode()).isEqualTo(415);
        HttpResponse<String> zero = evaluate("application/json", form, "text/html;q=0, application/json", "");
        assertThat(zero.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith(
                "application/json"));
        HttpResponse<String> accept = evaluate("application/json", form, "application/pdf", "");
        assertThat(accept.statusCode()).isEqualTo(406);
        assertThat(JSON.readTree(accept.body()).get("code").asText()).isEqualTo("not-acceptable");
        HttpResponse<String> reading = evaluate("application/json", form, null, "?notApplicable=half");
        assertThat(reading.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(reading.body()).get("message").asText())
                .isEqualTo("notApplicable: 'half' is not one of prorate, full-points");
        HttpResponse<String> noRoute = service.send(service.request("/api/v1/nothing", "auditor-token").build());
        assertThat(noRoute.statusCode()).isEqualTo(404);
        assertThat(JSON.readTree(noRoute.body()).get("code").asText()).isEqualTo("no-such-route");
        HttpResponse<String> method = service.send(service.request("/api/v1/schemes", "auditor-token")
                .DELETE().build());
        assertThat(method.statusCode()).isEqualTo(405);
        assertThat(JSON.readTree(method.body()).get("code").asText()).isEqualTo("method-not-allowed");
    }

    @Test
    void aReadingInTheQueryIsUsedAndShownAndAWrongOneIsRefused() throws Exception {
        // examples/gbt27922-form.json: 5.2.5.5 not applicable; prorated 91 of 98 = 92.85 (four stars), with full
        // points 93 of 100 (four stars): the reading is said either way
        byte[] form = Files.readAllBytes(EXAMPLES.resolve("gbt27922-form.json"));
        HttpResponse<String> full = evaluate("application/json", form, null,
                "?reading=gbt27922.notApplicable%3Dfull-points");
        assertThat(full.statusCode()).isEqualTo(200);
        JsonNode result = JSON.readTree(full.body()).get("schemes").get(0);
        assertThat(result.get("total").decimalValue()).isEqualByComparingTo("93");
        assertThat(result.get("readings").get(0).get("text").asText())
                .isEqualTo("gbt27922.notApplicable = full-points (chosen on the command line)");
        HttpResponse<String> bad = evaluate("application/json", form, null, "?reading=gbt27922.notApplicable%3Dhalf");
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(bad.body()).get("message").asText()).isEqualTo("reading gbt27922.notApplicable=half:"
                + " 'half' is not a value of gbt27922.notApplicable; allowed: prorate, full-points");
        assertThat(JSON.readTree(bad.body()).get("code").asText()).isEqualTo("bad-parameter");
    }

    @Test
    void aBodyOverTheLimitIsRefusedWhateverItsLengthHeaderSays() throws Exception {
        try (TestService small = new TestService(1024)) {
            byte[] form = Files.readAllBytes(EXAMPLES.resolve("gbt27922-form.json"));
            // streamed without a length: the server counts what it reads
            HttpRequest chunked = small.request("/api/v1/evaluations", "auditor-token")
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(form))).build();
            HttpResponse<String> r = small.send(chunked);
            assertThat(r.statusCode()).isEqualTo(413);
            assertThat(JSON.readTree(r.body()).get("code").asText()).isEqualTo("too-large");
        }
    }

    @Test
    void anAdminSeesEachRouteTimedWithItsStatusAndNeverAValueOfItsPath() throws Exception {
        service.send(service.request("/health", null).build());
        service.send(service.request("/api/v1/schemes/gbt2792/variants/form/template", "auditor-token").build());
        HttpResponse<String> metrics = service.send(service.request("/metrics", "admin-token").build());
        assertThat(metrics.statusCode()).isEqualTo(200);
        assertThat(metrics.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/plain"));
        assertThat(metrics.body()).contains("aftersales_http_requests_seconds_count{method=\"GET\",route=\"/health\",status=\"200\"}")
                .contains("route=\"/api/v1/schemes/{scheme}/variants/{variant}/template\",status=\"404\"")
                .doesNotContain("gbt2792");
    }

    @Test
    void aWorkbookThatUnpacksToMoreThan64MiBIsRefusedBeforeItIsRead() throws Exception {
        java.io.ByteArrayOutputStream zipped = new java.io.ByteArrayOutputStream();
        try (java.util.zip.ZipOutputStream zip = new java.util.zip.ZipOutputStream(zipped)) {
            zip.putNextEntry(new java.util.zip.ZipEntry("xl/worksheets/sheet1.xml"));
            byte[] zeros = new byte[1 << 20];
            for (int i = 0; i < 65; i++) {
                zip.write(zeros);
            }
            zip.closeEntry();
        }
        assertThat(zipped.size()).isLessThan(1 << 20); // 65 MiB in well under one
        byte[] honest = zipped.toByteArray();
        // the same zip whose central directory says the entry unpacks to 1 byte: the bytes inflated are counted
        byte[] lying = honest.clone();
        int central = lastIndexOf(lying, new byte[] {0x50, 0x4b, 0x01, 0x02});
        java.nio.ByteBuffer.wrap(lying).order(java.nio.ByteOrder.LITTLE_ENDIAN).putInt(central + 24, 1);
        for (byte[] workbook : new byte[][] {honest, lying}) {
            HttpResponse<String> r = evaluate(GradingRoutes.XLSX, workbook, null, "");
            assertThat(r.statusCode()).as(r.body()).isEqualTo(413);
            assertThat(JSON.readTree(r.body()).get("message").asText()).isEqualTo("the workbook unpacks to more than"
                    + " 64 MiB; a filled form is well under 1 MiB");
        }
    }

    private static int lastIndexOf(byte[] in, byte[] what) {
        for (int i = in.length - what.length; i >= 0; i--) {
            if (java.util.Arrays.equals(in, i, i + what.length, what, 0, what.length)) {
                return i;
            }
        }
        throw new AssertionError("not found");
    }

    @Test
    void whatHttpItselfRefusesIsAnsweredInTheOneShapeToo() throws Exception {
        for (String request : new String[] {"GET /api/v1/schemes/% HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n",
            "GET * HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n", "POST /api/v1/evaluations HTTP/1.1\r\nHost: x\r\nConnection: close\r\nContent-Length: abc\r\n\r\n",
            "GET /health HTTP/1.1\r\nHost: x\r\nConnection: close\r\nX-Big: " + "a".repeat(20_000) + "\r\n\r\n"}) {
            try (java.net.Socket socket = new java.net.Socket("127.0.0.1", service.server.port())) {
                socket.getOutputStream().write(request.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
                socket.getOutputStream().flush();
                socket.setSoTimeout(5_000);
                String answer = new String(socket.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
                String head = answer.substring(0, answer.indexOf("\r\n\r\n"));
                String body = answer.substring(answer.indexOf("\r\n\r\n") + 4);
                assertThat(head).as(request.substring(0, 30)).startsWith("HTTP/1.1 4").containsIgnoringCase(
                        "Content-Type: application/json");
                JsonNode e = JSON.readTree(body);
                assertThat(e.get("code").asText()).isEqualTo("bad-request");
                assertThat(e.get("status").asInt()).isBetween(400, 499);
                assertThat(body).doesNotContain("<html").doesNotContain("Exception");
            }
        }
    }
}

package io.github.aftersales.service;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.aftersales.service.accounts.SignIns;
import java.io.ByteArrayOutputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A file sent as a browser's form (multipart/form-data, as {@code curl -F} sends it) to an API route that takes the
 * file itself as its body: 415 in the one error shape, saying what the route takes and how to send it; nothing is
 * stored. Before, a bearer token's form was kept as the evidence file, boundaries and all, and a session's form was
 * read for its CSRF token and left an empty body ("the file is empty").
 */
class MultipartBodiesTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String BOUNDARY = "----curl-form-7d1";
    private TestService service;
    private long id;

    @BeforeEach
    void start() throws Exception {
        service = new TestService();
        HttpResponse<String> made = service.send(service.request("/api/v1/assessments", "manager-token")
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(
                        "{\"scheme\": \"gbt27922\", \"organisation\": \"Co.\", \"assignedTo\": \"zhang\"}")).build());
        assertThat(made.statusCode()).as(made.body()).isEqualTo(201);
        id = JSON.readTree(made.body()).get("id").asLong();
    }

    @AfterEach
    void stop() {
        service.close();
    }

    /** A form as {@code curl -F _csrf=… -F file=@abc.pdf} sends it. */
    private static byte[] form(String csrf) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        if (csrf != null) {
            body.writeBytes(("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n" + csrf
                    + "\r\n").getBytes(StandardCharsets.UTF_8));
        }
        body.writeBytes(("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"abc.pdf\"\r\n"
                + "Content-Type: application/pdf\r\n\r\nabc\r\n--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return body.toByteArray();
    }

    private static HttpRequest.Builder multipart(HttpRequest.Builder b, String method, byte[] body) {
        return b.header("Content-Type", "multipart/form-data; boundary=" + BOUNDARY).method(method,
                HttpRequest.BodyPublishers.ofByteArray(body));
    }

    private static JsonNode refused(HttpResponse<String> r) throws Exception {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(415);
        assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t.replace(" ", ""))
                .isEqualTo("application/json;charset=utf-8"));
        JsonNode body = JSON.readTree(r.body());
        assertThat(body.get("status").asInt()).isEqualTo(415);
        assertThat(body.get("code").asText()).isEqualTo("unsupported-media-type");
        return body;
    }

    private static final String EVIDENCE_MESSAGE = "POST /api/v1/assessments/{id}/evidence takes the file itself as the"
            + " request body, with the file's own Content-Type (application/pdf, image/jpeg …), not a multipart/form-data"
            + " form: send its bytes as they are (curl --data-binary @FILE -H 'Content-Type: application/pdf'), the"
            + " clause and the file's name in the query (?clause=…&name=…)";

    private int files() throws Exception {
        HttpResponse<String> list = service.send(service.request("/api/v1/assessments/" + id + "/evidence",
                "auditor-token").GET().build());
        return JSON.readTree(list.body()).size();
    }

    @Test
    void anEvidenceFileSentAsAFormIsRefusedSayingWhatTheRouteTakes() throws Exception {
        String path = "/api/v1/assessments/" + id + "/evidence?clause=5.1.1.2&name=abc.pdf";
        // with a token
        JsonNode byToken = refused(service.send(multipart(service.request(path, "auditor-token"), "POST", form(null))
                .build()));
        assertThat(byToken.get("message").asText()).isEqualTo(EVIDENCE_MESSAGE);
        // with a session, its CSRF token in the header, or in the form as a page's form carries it
        SignIns.SignedIn session = (SignIns.SignedIn) service.signIns.signIn("zhang", TestService.password("zhang"),
                "test", null);
        String cookie = SessionCookie.NAME + "=" + session.secret();
        String csrf = SessionCookie.csrfToken(session.secret());
        JsonNode byHeader = refused(service.send(multipart(service.request(path, null).header("Cookie", cookie)
                .header(SessionCookie.CSRF_HEADER, csrf), "POST", form(null)).build()));
        assertThat(byHeader.get("message").asText()).isEqualTo(EVIDENCE_MESSAGE);
        JsonNode byField = refused(service.send(multipart(service.request(path, null).header("Cookie", cookie), "POST",
                form(csrf)).build()));
        assertThat(byField.get("message").asText()).isEqualTo(EVIDENCE_MESSAGE);
        assertThat(files()).isZero();
        assertThat(service.changes()).noneMatch(c -> c.what().startsWith("added evidence file"));

        // the same file as its bytes is kept
        HttpResponse<String> added = service.send(service.request(path, "auditor-token")
                .header("Content-Type", "application/pdf").POST(HttpRequest.BodyPublishers.ofString("abc")).build());
        assertThat(added.statusCode()).as(added.body()).isEqualTo(201);
        assertThat(files()).isEqualTo(1);
    }

    @Test
    void anAssessmentSentAsAFormIsRefusedNamingTheTypesItIsReadIn() throws Exception {
        String types = "application/json or application/yaml or"
                + " application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
        JsonNode save = refused(service.send(multipart(service.request("/api/v1/assessments/" + id, "auditor-token"),
                "PUT", form(null)).build()));
        assertThat(save.get("message").asText()).isEqualTo("PUT /api/v1/assessments/{id} takes its request body as "
                + types + ", not a multipart/form-data form: send the document's bytes as they are, with their"
                + " Content-Type (curl --data-binary @FILE -H 'Content-Type: application/json', not curl -F)");
        JsonNode grade = refused(service.send(multipart(service.request("/api/v1/evaluations", "auditor-token"),
                "POST", form(null)).build()));
        assertThat(grade.get("message").asText()).startsWith("POST /api/v1/evaluations takes its request body as "
                + types + ", not a multipart/form-data form");
        JsonNode submit = refused(service.send(multipart(service.request("/api/v1/assessments/" + id + "/submit",
                "auditor-token"), "POST", form(null)).build()));
        assertThat(submit.get("message").asText()).isEqualTo("POST /api/v1/assessments/{id}/submit takes no request"
                + " body, and no multipart/form-data form");
        // the assessment is still the draft it was
        HttpResponse<String> now = service.send(service.request("/api/v1/assessments/" + id, "auditor-token").GET()
                .build());
        assertThat(JSON.readTree(now.body()).get("state").asText()).isEqualTo("draft");
    }
}

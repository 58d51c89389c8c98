package io.github.aftersales.service;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import io.github.aftersales.register.Databases;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * An assessment's life through the API, on H2 and on PostgreSQL: made, filled, a stale save refused losing
 * nothing, submitted, returned, approved into the register.
 */
class AssessmentRoutesTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String EXAMPLE_ORGANISATION = "示例电器有限公司 (Example Appliances Co., Ltd. — fictitious)";
    private TestService service;

    @AfterEach
    void stop() {
        service.close();
    }

    private HttpResponse<String> send(String method, String path, String token, String body, String ifMatch)
            throws Exception {
        HttpRequest.Builder b = service.request(path, token).header("Content-Type", "application/json");
        if (ifMatch != null) {
            b.header("If-Match", ifMatch);
        }
        b.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        return service.send(b.build());
    }

    @ParameterizedTest
    @EnumSource(Databases.class)
    void aManagerAssignsTheAuditorFillsAStaleSaveLosesNothingAndTheSubmittedOneIsFixed(Databases database) throws Exception {
        service = new TestService(database);
        HttpResponse<String> made = send("POST", "/api/v1/assessments", "manager-token",
                "{\"scheme\": \"gbt27922\", \"variant\": \"form\", \"organisation\": \"示例电器有限公司 (Example Appliances Co., Ltd. — fictitious)\","
                        + " \"assignedTo\": \"zhang\"}",
                null);
        assertThat(made.statusCode()).as(made.body()).isEqualTo(201);
        JsonNode first = JSON.readTree(made.body());
        long id = first.get("id").asLong();
        assertThat(made.headers().firstValue("Location")).contains("/api/v1/assessments/" + id);
        assertThat(made.headers().firstValue("ETag")).contains("\"1\"");
        assertThat(first.get("state").asText()).isEqualTo("draft");
        assertThat(first.at("/assessment/organisation").asText()).isEqualTo(EXAMPLE_ORGANISATION);
        // the blank template does not grade yet: saved all the same, with the reason
        assertThat(first.get("result").isNull()).isTrue();
        assertThat(first.at("/problem/code").asText()).isEqualTo("not-gradable");
        assertThat(first.at("/problem/place/source").asText()).isEqualTo("assessment " + id);

        String filled = Files.readString(Path.of("..", "examples", "gbt27922-form.json"));
        String path = "/api/v1/assessments/" + id;
        HttpResponse<String> noTag = send("PUT", path, "auditor-token", filled, null);
        assertThat(noTag.statusCode()).isEqualTo(428);
        // a weak tag never matches (If-Match compares strongly), nor a list
        assertThat(send("PUT", path, "auditor-token", filled, "W/\"1\"").statusCode()).isEqualTo(412);
        assertThat(send("PUT", path, "auditor-token", filled, "\"1\", \"2\"").statusCode()).isEqualTo(412);
        HttpResponse<String> saved = send("PUT", path, "auditor-token", filled, "\"1\"");
        assertThat(saved.statusCode()).as(saved.body()).isEqualTo(200);
        assertThat(saved.headers().firstValue("ETag")).contains("\"2\"");
        JsonNode graded = JSON.readTree(saved.body());
        assertThat(graded.at("/result/schemes/0/total").decimalValue()).isEqualByComparingTo("92.85");
        assertThat(graded.at("/result/schemes/0/grade").asText()).isEqualTo("四星级");
        assertThat(graded.get("problem").isNull()).isTrue();
        assertThat(graded.get("savedBy").asText()).isEqualTo("zhang");

        // a second tab still on revision 1: refused, and revision 2 is what is kept
        HttpResponse<String> stale = send("PUT", path, "auditor-token", filled.replace("张三", "李四"), "\"1\"");
        assertThat(stale.statusCode()).isEqualTo(412);
        assertThat(JSON.readTree(stale.body()).get("message").asText()).contains("its revision is now 2")
                .contains("If-Match: \"2\"");
        HttpResponse<String> read = send("GET", path, "manager-token", null, null);
        assertThat(JSON.readTree(read.body()).at("/assessment/assessor").asText()).isEqualTo("张三 (example auditor)");
        assertThat(read.headers().firstValue("ETag")).contains("\"2\"");

        HttpResponse<String> submitted = send("POST", path + "/submit", "auditor-token", null, "\"2\"");
        assertThat(submitted.statusCode()).as(submitted.body()).isEqualTo(200);
        assertThat(JSON.readTree(submitted.body()).get("state").asText()).isEqualTo("submitted");
        assertThat(submitted.headers().firstValue("ETag")).contains("\"3\"");
        HttpResponse<String> after = send("PUT", path, "auditor-token", filled, "\"3\"");
        assertThat(after.statusCode()).isEqualTo(409);
        assertThat(JSON.readTree(after.body()).get("code").asText()).isEqualTo("not-a-draft");

        HttpResponse<String> listed = send("GET", "/api/v1/assessments?state=submitted", "manager-token", null, null);
        assertThat(JSON.readTree(listed.body()).findValuesAsText("organisation")).containsExactly(EXAMPLE_ORGANISATION);
        HttpResponse<String> others = send("GET", "/api/v1/assessments", "other-auditor-token", null, null);
        assertThat(JSON.readTree(others.body())).isEmpty();
    }

    /** Makes an assessment for zhang, fills it with the GB/T form example and submits it; its id. */
    private long submittedForm() throws Exception {
        HttpResponse<String> made = send("POST", "/api/v1/assessments", "manager-token",
                "{\"scheme\": \"gbt27922\", \"organisation\": \"" + EXAMPLE_ORGANISATION + "\", \"assignedTo\": \"zhang\"}",
                null);
        long id = JSON.readTree(made.body()).get("id").asLong();
        String filled = Files.readString(Path.of("..", "examples", "gbt27922-form.json"));
        assertThat(send("PUT", "/api/v1/assessments/" + id, "auditor-token", filled, "\"1\"").statusCode()).isEqualTo(200);
        assertThat(send("POST", "/api/v1/assessments/" + id + "/submit", "auditor-token", null, "\"2\"").statusCode())
                .isEqualTo(200);
        return id;
    }

    @ParameterizedTest
    @EnumSource(Databases.class)
    void returnedWithCommentsItIsFilledAgainAndApprovedTheRegisterHoldsItsCertificate(Databases database) throws Exception {
        service = new TestService(database);
        long id = submittedForm();
        String path = "/api/v1/assessments/" + id;
        HttpResponse<String> back = send("POST", path + "/return", "manager-token",
                "{\"comments\": \"5.1.2.2: attach the staff training records\"}", "\"3\"");
        assertThat(back.statusCode()).as(back.body()).isEqualTo(200);
        JsonNode returned = JSON.readTree(back.body());
        assertThat(returned.get("state").asText()).isEqualTo("returned");
        assertThat(returned.get("comments").asText()).isEqualTo("5.1.2.2: attach the staff training records");
        // the auditor saves and submits again
        String filled = Files.readString(Path.of("..", "examples", "gbt27922-form.json"));
        assertThat(send("PUT", path, "auditor-token", filled, "\"4\"").statusCode()).isEqualTo(200);
        assertThat(send("POST", path + "/submit", "auditor-token", null, "\"5\"").statusCode()).isEqualTo(200);

        HttpResponse<String> approved = send("POST", path + "/approve", "manager-token",
                "{\"reference\": \"GBT-2026-001\"}", "\"6\"");
        assertThat(approved.statusCode()).as(approved.body()).isEqualTo(200);
        JsonNode a = JSON.readTree(approved.body());
        assertThat(a.get("state").asText()).isEqualTo("approved");
        assertThat(a.get("revision").asInt()).isEqualTo(8); // 7: approving, 8: approved with its certificate
        assertThat(a.at("/certificate/number").asLong()).isEqualTo(1);
        assertThat(a.at("/certificate/reference").asText()).isEqualTo("GBT-2026-001");
        // the register holds it: four stars, issued on the form's date, the stored bytes its evidence
        try (var register = io.github.aftersales.register.Register.open(service.settings,
                io.github.aftersales.register.Register.Access.READ)) {
            var certificate = register.find("GBT-2026-001");
            assertThat(certificate.current().stars()).isEqualTo(4);
            assertThat(certificate.current().grade()).isEqualTo("四星级");
            assertThat(certificate.certificate().organisation())
                    .isEqualTo("示例电器有限公司 (Example Appliances Co., Ltd. — fictitious)");
            assertThat(certificate.certificate().issuedOn()).isEqualTo(java.time.LocalDate.parse("2026-11-20"));
            byte[] evidence = register.assessment(1, 1).orElseThrow();
            assertThat(JSON.readTree(evidence)).isEqualTo(a.get("assessment"));
        }
        // every change is in the log, with who and from where
        List<String> log = service.changes().stream().map(e -> e.actor() + " " + e.origin() + ": " + e.what()).toList();
        assertThat(log.subList(0, 3)).containsExactly(
                "mia http 127.0.0.1: approved assessment " + id + " revision 8: certificate 1",
                "zhang http 127.0.0.1: submitted assessment " + id + " revision 6",
                "zhang http 127.0.0.1: saved assessment " + id + " revision 5");
        JsonNode changes = JSON.readTree(send("GET", "/api/v1/changes?limit=2", "admin-token", null, null).body());
        assertThat(changes).hasSize(2);
        assertThat(changes.get(0).get("what").asText()).isEqualTo("approved assessment " + id + " revision 8: certificate 1");
        assertThat(changes.get(0).get("actor").asText()).isEqualTo("mia");
        assertThat(changes.get(0).get("origin").asText()).isEqualTo("http 127.0.0.1");
        assertThat(send("GET", "/api/v1/changes?limit=0", "admin-token", null, null).statusCode()).isEqualTo(400);
        // decided: no second approval, no more saves
        assertThat(send("POST", path + "/approve", "manager-token", null, "\"8\"").statusCode()).isEqualTo(409);
        assertThat(send("PUT", path, "auditor-token", filled, "\"8\"").statusCode()).isEqualTo(409);
    }

    /** Leaves assessment {@code id} (submitted at revision 3) approving, as a process would that stopped 3 minutes ago. */
    private void stoppedWhileApproving(long id) {
        java.time.Clock then = java.time.Clock.offset(java.time.Clock.systemUTC(), java.time.Duration.ofMinutes(-3));
        service.store(then).save(id, 3, io.github.aftersales.service.assessments.AssessmentStore.State.APPROVING,
                service.store(then).find(id).orElseThrow().content(), "mia");
    }

    @ParameterizedTest
    @EnumSource(Databases.class)
    void anApprovalLeftUnfinishedIsFinishedByApprovingAgainWithOneCertificate(Databases database) throws Exception {
        service = new TestService(database);
        // the process stopped before the register recorded anything: approving again records it now
        long notRecorded = submittedForm();
        stoppedWhileApproving(notRecorded);
        HttpResponse<String> finished = send("POST", "/api/v1/assessments/" + notRecorded + "/approve", "manager-token",
                "{\"reference\": \"F-1\"}", "\"4\"");
        assertThat(finished.statusCode()).as(finished.body()).isEqualTo(200);
        JsonNode f = JSON.readTree(finished.body());
        assertThat(f.get("state").asText()).isEqualTo("approved");
        assertThat(f.get("revision").asInt()).isEqualTo(6); // 4: left approving, 5: claimed again, 6: approved
        assertThat(f.at("/certificate/reference").asText()).isEqualTo("F-1");

        // the process stopped after the register recorded it: approving again finds that certificate, makes none
        long recorded = submittedForm();
        var before = recordedBeforeTheStop(recorded, "F-2");
        stoppedWhileApproving(recorded);
        HttpResponse<String> found = send("POST", "/api/v1/assessments/" + recorded + "/approve", "manager-token", null,
                "\"4\"");
        assertThat(found.statusCode()).as(found.body()).isEqualTo(200);
        assertThat(JSON.readTree(found.body()).at("/certificate/number").asLong()).isEqualTo(before.id());
        assertThat(JSON.readTree(found.body()).at("/certificate/reference").asText()).isEqualTo("F-2");
        try (var register = io.github.aftersales.register.Register.open(service.settings,
                io.github.aftersales.register.Register.Access.READ)) {
            assertThat(register.list(null)).hasSize(2); // F-1 and F-2, no third
        }
        assertThat(service.changes().get(0).what()).isEqualTo("finished the approval of assessment " + recorded
                + " revision 6: certificate " + before.id());
    }

    /** What an approval of assessment {@code id} (submitted at revision 3) records before its process stops. */
    private io.github.aftersales.service.assessments.AssessmentStore.Certificate recordedBeforeTheStop(long id,
            String reference) throws Exception {
        var row = service.store(java.time.Clock.systemUTC()).find(id).orElseThrow();
        var graded = io.github.aftersales.core.assessment.AssessmentReader.read(new java.io.ByteArrayInputStream(
                row.content()), "x", io.github.aftersales.core.json.LocatedReader.Syntax.JSON);
        var schemes = new java.util.LinkedHashMap<String, io.github.aftersales.spi.Scheme>();
        io.github.aftersales.core.registry.SchemeRegistry.discover(getClass().getClassLoader()).installed()
                .forEach(i -> schemes.put(i.scheme().id(), i.scheme()));
        var evaluation = new io.github.aftersales.core.evaluation.Evaluator(k -> java.util.Optional.ofNullable(
                schemes.get(k)), schemes.keySet()).evaluate(graded,
                io.github.aftersales.core.evaluation.EvaluationOptions.DEFAULTS);
        return new io.github.aftersales.service.assessments.RegisterCertifier(service.settings, schemes,
                java.time.Clock.systemDefaultZone()).record("mia", row.organisation(), reference, "assessment " + id
                + " revision 3", row.content(), graded, evaluation);
    }

    @ParameterizedTest
    @EnumSource(Databases.class)
    void aFinishThatStoppedTooIsFinishedWithTheOneCertificate(Databases database) throws Exception {
        service = new TestService(database);
        long id = submittedForm();
        var before = recordedBeforeTheStop(id, null);
        stoppedWhileApproving(id);
        // a manager finishing it claimed it again (revision 5) and stopped as well
        java.time.Clock then = java.time.Clock.offset(java.time.Clock.systemUTC(), java.time.Duration.ofMinutes(-3));
        service.store(then).save(id, 4, io.github.aftersales.service.assessments.AssessmentStore.State.APPROVING,
                service.store(then).find(id).orElseThrow().content(), "mia");
        HttpResponse<String> found = send("POST", "/api/v1/assessments/" + id + "/approve", "manager-token", null,
                "\"5\"");
        assertThat(found.statusCode()).as(found.body()).isEqualTo(200);
        assertThat(JSON.readTree(found.body()).at("/certificate/number").asLong()).isEqualTo(before.id());
        try (var register = io.github.aftersales.register.Register.open(service.settings,
                io.github.aftersales.register.Register.Access.READ)) {
            assertThat(register.list(null)).hasSize(1);
        }
    }

    @ParameterizedTest
    @EnumSource(Databases.class)
    void anOrganisationIsKeptAsTheRegisterKeepsItSoAFinishFindsItsCertificate(Databases database) throws Exception {
        service = new TestService(database);
        HttpResponse<String> made = send("POST", "/api/v1/assessments", "manager-token",
                "{\"scheme\": \"gbt27922\", \"organisation\": \" " + EXAMPLE_ORGANISATION + " \", \"assignedTo\": \"zhang\"}",
                null);
        assertThat(JSON.readTree(made.body()).get("organisation").asText()).isEqualTo(EXAMPLE_ORGANISATION);
        long id = JSON.readTree(made.body()).get("id").asLong();
        String filled = Files.readString(Path.of("..", "examples", "gbt27922-form.json"));
        assertThat(send("PUT", "/api/v1/assessments/" + id, "auditor-token", filled, "\"1\"").statusCode()).isEqualTo(200);
        assertThat(send("POST", "/api/v1/assessments/" + id + "/submit", "auditor-token", null, "\"2\"").statusCode())
                .isEqualTo(200);
        var before = recordedBeforeTheStop(id, null);
        stoppedWhileApproving(id);
        HttpResponse<String> found = send("POST", "/api/v1/assessments/" + id + "/approve", "manager-token", null, "\"4\"");
        assertThat(found.statusCode()).as(found.body()).isEqualTo(200);
        assertThat(JSON.readTree(found.body()).at("/certificate/number").asLong()).isEqualTo(before.id());
        try (var register = io.github.aftersales.register.Register.open(service.settings,
                io.github.aftersales.register.Register.Access.READ)) {
            assertThat(register.list(null)).hasSize(1);
        }
    }

    @ParameterizedTest
    @EnumSource(Databases.class)
    void anApprovalInProgressIsNotTakenOver(Databases database) throws Exception {
        service = new TestService(database);
        long id = submittedForm();
        service.store(java.time.Clock.systemUTC()).save(id, 3,
                io.github.aftersales.service.assessments.AssessmentStore.State.APPROVING,
                service.store(java.time.Clock.systemUTC()).find(id).orElseThrow().content(), "mia");
        HttpResponse<String> r = send("POST", "/api/v1/assessments/" + id + "/approve", "manager-token", null, "\"4\"");
        assertThat(r.statusCode()).isEqualTo(409);
        JsonNode error = JSON.readTree(r.body());
        assertThat(error.get("code").asText()).isEqualTo("approval-in-progress");
        assertThat(error.get("message").asText()).startsWith("assessment " + id + " is being approved by mia since ")
                .contains("; if that approval stopped, approve again from ");
        assertThat(JSON.readTree(send("GET", "/api/v1/assessments/" + id, "manager-token", null, null).body())
                .get("revision").asInt()).isEqualTo(4);
    }

    @ParameterizedTest
    @EnumSource(Databases.class)
    void anApprovalTheRegisterRefusesPutsItBackWithTheReason(Databases database) throws Exception {
        service = new TestService(database);
        long first = submittedForm();
        assertThat(send("POST", "/api/v1/assessments/" + first + "/approve", "manager-token",
                "{\"reference\": \"R-1\"}", "\"3\"").statusCode()).isEqualTo(200);
        long second = submittedForm();
        HttpResponse<String> refused = send("POST", "/api/v1/assessments/" + second + "/approve", "manager-token",
                "{\"reference\": \"R-1\"}", "\"3\"");
        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(409);
        assertThat(JSON.readTree(refused.body()).get("code").asText()).isEqualTo("register-refused");
        JsonNode after = JSON.readTree(send("GET", "/api/v1/assessments/" + second, "manager-token", null, null).body());
        assertThat(after.get("state").asText()).isEqualTo("submitted");
        assertThat(after.get("comments").asText()).startsWith("not approved: the register refused: ").contains("R-1");
        assertThat(after.get("certificate").isNull()).isTrue();
    }

    @ParameterizedTest
    @EnumSource(Databases.class)
    void aSaveKeepsTheOrganisationAndTheSchemesTheAssessmentWasMadeFor(Databases database) throws Exception {
        service = new TestService(database);
        long id = JSON.readTree(send("POST", "/api/v1/assessments", "manager-token", "{\"scheme\": \"gbt27922\","
                + " \"organisation\": \"" + EXAMPLE_ORGANISATION + "\", \"assignedTo\": \"zhang\"}", null).body())
                .get("id").asLong();
        String path = "/api/v1/assessments/" + id;
        // another organisation's file, and the combined grade's file for the same organisation: both refused
        String combined = Files.readString(Path.of("..", "examples", "zg025-combined.json"));
        String gbt = Files.readString(Path.of("..", "examples", "gbt27922-form.json"));
        HttpResponse<String> other = send("PUT", path, "auditor-token", gbt.replace(EXAMPLE_ORGANISATION, "另一家公司"),
                "\"1\"");
        assertThat(other.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(other.body()).get("message").asText()).startsWith("organisation: this assessment is of "
                + EXAMPLE_ORGANISATION);
        JsonNode renamed = JSON.readTree(combined);
        ((com.fasterxml.jackson.databind.node.ObjectNode) renamed).put("organisation", EXAMPLE_ORGANISATION);
        HttpResponse<String> parts = send("PUT", path, "auditor-token", renamed.toString(), "\"1\"");
        assertThat(parts.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(parts.body()).get("message").asText()).isEqualTo("schemes: this assessment is of"
                + " gbt27922/form; the body has gbt27922/form and zg025/items and zg025-combined/combined");
        assertThat(JSON.readTree(send("GET", path, "manager-token", null, null).body()).get("revision").asInt()).isEqualTo(1);
    }

    @ParameterizedTest
    @EnumSource(Databases.class)
    void aDecisionIsTakenOnTheRevisionReadOrNotAtAll(Databases database) throws Exception {
        service = new TestService(database);
        long id = submittedForm();
        String path = "/api/v1/assessments/" + id;
        // a return sent on a revision after the one read (as an approval's would be): refused, nothing written
        HttpResponse<String> ahead = send("POST", path + "/return", "manager-token", "{\"comments\": \"x\"}", "\"4\"");
        assertThat(ahead.statusCode()).isEqualTo(412);
        assertThat(send("POST", path + "/approve", "manager-token", null, "\"3\"").statusCode()).isEqualTo(200);
        // the approval is taken: a return on any revision is refused, and no second certificate is made
        for (String tag : new String[] {"\"3\"", "\"4\"", "\"5\""}) {
            assertThat(send("POST", path + "/return", "manager-token", "{\"comments\": \"x\"}", tag).statusCode())
                    .isIn(409, 412);
        }
        JsonNode after = JSON.readTree(send("GET", path, "manager-token", null, null).body());
        assertThat(after.get("state").asText()).isEqualTo("approved");
        assertThat(after.at("/certificate/number").asLong()).isEqualTo(1);
    }

    @ParameterizedTest
    @EnumSource(Databases.class)
    void whatCannotBeMadeOrSavedIsSaidWithItsPlace(Databases database) throws Exception {
        service = new TestService(database);
        assertThat(JSON.readTree(send("POST", "/api/v1/assessments", "manager-token",
                "{\"scheme\": \"gbt27922\", \"organisation\": \"Co.\", \"assignedTo\": \"mia\"}", null).body())
                .get("message").asText()).isEqualTo("assignedTo: mia is not an auditor's account");
        assertThat(send("POST", "/api/v1/assessments", "auditor-token",
                "{\"scheme\": \"gbt27922\", \"organisation\": \"Co.\", \"assignedTo\": \"li\"}", null).statusCode())
                .isEqualTo(403);
        HttpResponse<String> own = send("POST", "/api/v1/assessments", "auditor-token",
                "{\"scheme\": \"cqm\", \"organisation\": \"Co.\"}", null);
        assertThat(own.statusCode()).as(own.body()).isEqualTo(201);
        long id = JSON.readTree(own.body()).get("id").asLong();
        HttpResponse<String> broken = send("PUT", "/api/v1/assessments/" + id, "auditor-token", "{\n  \"organisation\": ,\n}",
                "\"1\"");
        assertThat(broken.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(broken.body()).at("/place/line").asInt()).isEqualTo(2);
        assertThat(send("POST", "/api/v1/assessments/" + id + "/submit", "auditor-token", null, "\"1\"").body())
                .contains("not-gradable");
        assertThat(send("GET", "/api/v1/assessments/abc", "manager-token", null, null).statusCode()).isEqualTo(404);
    }
}

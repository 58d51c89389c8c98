package io.github.aftersales.service;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.aftersales.register.Databases;
import io.github.aftersales.service.assessments.Evidence;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Evidence files through the API, on H2 and PostgreSQL: stored with their SHA-256, listed, sent back only as a
 * download, held to their limits (413), reached only as the assessment is, and fixed once it is submitted; and each
 * saved revision's grade in the list.
 */
class EvidenceRoutesTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** SHA-256("abc"), FIPS 180-2 appendix B.1: the standard's own example, not computed by the code under test. */
    private static final String SHA256_ABC = "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad";
    private TestService service;

    @AfterEach
    void stop() {
        if (service != null) {
            service.close();
        }
    }

    private long made(String auditor) throws Exception {
        HttpResponse<String> made = service.send(service.request("/api/v1/assessments", "manager-token")
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(
                        "{\"scheme\": \"gbt27922\", \"organisation\": \"示例电器有限公司 (Example Appliances Co., Ltd. —"
                                + " fictitious)\", \"assignedTo\": \"" + auditor + "\"}")).build());
        assertThat(made.statusCode()).as(made.body()).isEqualTo(201);
        return JSON.readTree(made.body()).get("id").asLong();
    }

    private HttpResponse<String> add(long id, String token, String clause, String name, String type, byte[] bytes)
            throws Exception {
        String query = "?clause=" + URLEncoder.encode(clause, StandardCharsets.UTF_8)
                + (name == null ? "" : "&name=" + URLEncoder.encode(name, StandardCharsets.UTF_8));
        return service.send(service.request("/api/v1/assessments/" + id + "/evidence" + query, token)
                .header("Content-Type", type).POST(HttpRequest.BodyPublishers.ofByteArray(bytes)).build());
    }

    private HttpResponse<String> get(String path, String token) throws Exception {
        return service.send(service.request(path, token).GET().build());
    }

    @ParameterizedTest
    @EnumSource(Databases.class)
    void aFileIsStoredWithItsHashListedAndSentBackOnlyAsADownload(Databases database) throws Exception {
        service = new TestService(database);
        long id = made("zhang");
        HttpResponse<String> added = add(id, "auditor-token", "5.1.1.2", "售后服务承诺.pdf", "application/pdf",
                "abc".getBytes(StandardCharsets.US_ASCII));
        assertThat(added.statusCode()).as(added.body()).isEqualTo(201);
        JsonNode file = JSON.readTree(added.body());
        assertThat(file.get("sha256").asText()).isEqualTo(SHA256_ABC);
        assertThat(file.get("size").asLong()).isEqualTo(3);
        assertThat(file.get("clause").asText()).isEqualTo("5.1.1.2");
        assertThat(file.get("part").asInt()).isZero();
        assertThat(file.get("name").asText()).isEqualTo("售后服务承诺.pdf");
        assertThat(file.get("mediaType").asText()).isEqualTo("application/pdf");
        assertThat(file.get("uploadedBy").asText()).isEqualTo("zhang");
        String download = "/api/v1/assessments/" + id + "/evidence/" + file.get("id").asLong();
        assertThat(added.headers().firstValue("Location")).contains(download);

        // a manager reads them as the auditor does
        for (String token : new String[] {"auditor-token", "manager-token"}) {
            JsonNode listed = JSON.readTree(get("/api/v1/assessments/" + id + "/evidence", token).body());
            assertThat(listed).hasSize(1);
            assertThat(listed.get(0)).isEqualTo(file);
            HttpResponse<byte[]> bytes = service.sendForBytes(service.request(download, token).GET().build());
            assertThat(bytes.statusCode()).isEqualTo(200);
            assertThat(bytes.body()).isEqualTo("abc".getBytes(StandardCharsets.US_ASCII));
            // never what was declared, never inline: a browser saves it and sniffs nothing
            assertThat(bytes.headers().firstValue("Content-Type")).contains("application/octet-stream");
            assertThat(bytes.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
            assertThat(bytes.headers().firstValue("Content-Disposition")).contains("attachment;"
                    + " filename=\"______.pdf\"; filename*=UTF-8''%E5%94%AE%E5%90%8E%E6%9C%8D%E5%8A%A1%E6%89%BF%E8%AF%BA.pdf");
            assertThat(bytes.headers().firstValue("Content-Security-Policy")).contains("default-src 'none'; sandbox");
            // base64 of the 32 bytes ba 78 16 bf …
            assertThat(bytes.headers().firstValue("Repr-Digest"))
                    .contains("sha-256=:ungWv48Bz+pBQUDeXa4iI7ADYaOWF3qctBD/YfIAFa0=:");
        }
        assertThat(service.changes().get(0).what()).isEqualTo("added evidence file " + file.get("id").asLong()
                + " (售后服务承诺.pdf, 3 bytes, SHA-256 " + SHA256_ABC + ") to clause 5.1.1.2 of assessment " + id);

        // removed while a draft: gone, bytes and all
        HttpResponse<String> removed = service.send(service.request(download, "auditor-token").DELETE().build());
        assertThat(removed.statusCode()).as(removed.body()).isEqualTo(204);
        assertThat(JSON.readTree(get("/api/v1/assessments/" + id + "/evidence", "auditor-token").body())).isEmpty();
        HttpResponse<String> gone = get(download, "auditor-token");
        assertThat(gone.statusCode()).isEqualTo(404);
        assertThat(JSON.readTree(gone.body()).get("code").asText()).isEqualTo("no-such-evidence");
    }

    @ParameterizedTest
    @EnumSource(Databases.class)
    void aFileOverItsLimitOrOverTheAssessmentsIsRefusedWith413AndNothingIsKept(Databases database) throws Exception {
        service = new TestService(database, new Evidence.Limits(1000, 2500));
        long id = made("zhang");
        byte[] kib = new byte[1000];
        Arrays.fill(kib, (byte) 'x');
        HttpResponse<String> tooBig = add(id, "auditor-token", "5.1.1.2", "scan.pdf", "application/pdf", new byte[1001]);
        assertThat(tooBig.statusCode()).isEqualTo(413);
        JsonNode error = JSON.readTree(tooBig.body());
        assertThat(error.get("status").asInt()).isEqualTo(413);
        assertThat(error.get("code").asText()).isEqualTo("too-large");
        assertThat(error.get("message").asText()).isEqualTo("an evidence file is at most 1000 bytes; this one is larger");
        assertThat(add(id, "auditor-token", "5.1.1.2", "one.pdf", "application/pdf", kib).statusCode()).isEqualTo(201);
        assertThat(add(id, "auditor-token", "5.1.1.3", "two.pdf", "application/pdf", kib).statusCode()).isEqualTo(201);
        // 2000 held + 1000 > 2500
        HttpResponse<String> full = add(id, "auditor-token", "5.1.1.2", "three.pdf", "application/pdf", kib);
        assertThat(full.statusCode()).isEqualTo(413);
        assertThat(JSON.readTree(full.body()).get("message").asText()).isEqualTo("assessment " + id + " keeps at most"
                + " 2.4 KiB of evidence files; it holds 2 KiB and three.pdf is 1000 bytes: remove a file first");
        assertThat(JSON.readTree(get("/api/v1/assessments/" + id + "/evidence", "auditor-token").body())
                .findValuesAsText("name")).containsExactly("one.pdf", "two.pdf");
        // what a file that fits is, after one is removed, is counted again
        long first = JSON.readTree(get("/api/v1/assessments/" + id + "/evidence", "auditor-token").body()).get(0)
                .get("id").asLong();
        assertThat(service.send(service.request("/api/v1/assessments/" + id + "/evidence/" + first, "auditor-token")
                .DELETE().build()).statusCode()).isEqualTo(204);
        assertThat(add(id, "auditor-token", "5.1.1.2", "three.pdf", "application/pdf", kib).statusCode()).isEqualTo(201);
    }

    @Test
    void anotherAuditorFindsNothingAManagerOnlyReadsAndASubmittedAssessmentsFilesAreFixed() throws Exception {
        service = new TestService(Databases.H2);
        long id = made("zhang");
        JsonNode file = JSON.readTree(add(id, "auditor-token", "5.1.1.2", "a.txt", "text/plain",
                "abc".getBytes(StandardCharsets.US_ASCII)).body());
        String list = "/api/v1/assessments/" + id + "/evidence";
        String download = list + "/" + file.get("id").asLong();
        // li, another auditor: as if there were no such assessment, whatever the route
        for (HttpResponse<String> r : java.util.List.of(get(list, "other-auditor-token"), get(download, "other-auditor-token"),
                add(id, "other-auditor-token", "5.1.1.2", "b.txt", "text/plain", new byte[] {1}),
                service.send(service.request(download, "other-auditor-token").DELETE().build()))) {
            assertThat(r.statusCode()).as(r.body()).isEqualTo(404);
            assertThat(JSON.readTree(r.body()).get("code").asText()).isEqualTo("no-such-assessment");
        }
        // a manager reads, never changes; an admin keeps accounts
        assertThat(add(id, "manager-token", "5.1.1.2", "b.txt", "text/plain", new byte[] {1}).statusCode()).isEqualTo(403);
        assertThat(service.send(service.request(download, "manager-token").DELETE().build()).statusCode()).isEqualTo(403);
        assertThat(get(download, "admin-token").statusCode()).isEqualTo(403);
        // a clause the assessment does not list, no clause, an empty file
        HttpResponse<String> noClause = add(id, "auditor-token", "9.9.9", "b.txt", "text/plain", new byte[] {1});
        assertThat(noClause.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(noClause.body()).get("message").asText()).isEqualTo("clause: assessment " + id
                + " has no clause 9.9.9");
        assertThat(add(id, "auditor-token", "5.1.1.2", "b.txt", "text/plain", new byte[0]).statusCode()).isEqualTo(400);

        // filled and submitted: its files are what was submitted
        String filled = Files.readString(Path.of("..", "examples", "gbt27922-form.json"));
        assertThat(service.send(service.request("/api/v1/assessments/" + id, "auditor-token")
                .header("Content-Type", "application/json").header("If-Match", "\"1\"")
                .PUT(HttpRequest.BodyPublishers.ofString(filled)).build()).statusCode()).isEqualTo(200);
        assertThat(service.send(service.request("/api/v1/assessments/" + id + "/submit", "auditor-token")
                .header("If-Match", "\"2\"").POST(HttpRequest.BodyPublishers.noBody()).build()).statusCode())
                .isEqualTo(200);
        HttpResponse<String> late = add(id, "auditor-token", "5.1.1.2", "b.txt", "text/plain", new byte[] {1});
        assertThat(late.statusCode()).isEqualTo(409);
        assertThat(JSON.readTree(late.body()).get("code").asText()).isEqualTo("not-a-draft");
        assertThat(service.send(service.request(download, "auditor-token").DELETE().build()).statusCode()).isEqualTo(409);
        assertThat(get(download, "manager-token").statusCode()).isEqualTo(200);
    }

    /**
     * A draft's content is the auditor's to write, a clause the standard does not have included: a file is attached
     * only to a clause of the scheme's catalog, not to whatever id a draft holds.
     */
    @Test
    void aFileIsAttachedOnlyToAClauseOfTheSchemesCatalog() throws Exception {
        service = new TestService(Databases.H2);
        long id = made("zhang");
        com.fasterxml.jackson.databind.node.ObjectNode draft = (com.fasterxml.jackson.databind.node.ObjectNode) JSON
                .readTree(Files.readString(Path.of("..", "examples", "gbt27922-form.json")));
        ((com.fasterxml.jackson.databind.node.ArrayNode) draft.get("schemes").get(0).get("findings")).addObject()
                .put("id", "9.9.9").put("title", "not a clause of GB/T 27922").put("points", 1);
        HttpResponse<String> saved = service.send(service.request("/api/v1/assessments/" + id, "auditor-token")
                .header("Content-Type", "application/json").header("If-Match", "\"1\"")
                .PUT(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(draft))).build());
        assertThat(saved.statusCode()).as(saved.body()).isEqualTo(200);
        HttpResponse<String> made = add(id, "auditor-token", "9.9.9", "b.txt", "text/plain", new byte[] {1});
        assertThat(made.statusCode()).as(made.body()).isEqualTo(400);
        assertThat(JSON.readTree(made.body()).get("message").asText()).isEqualTo("clause: assessment " + id
                + " has no clause 9.9.9");
        // the clauses of the standard still take their files; a part the assessment does not have, none
        assertThat(add(id, "auditor-token", "5.1.1.2", "b.txt", "text/plain", new byte[] {1}).statusCode()).isEqualTo(201);
        HttpResponse<String> part = service.send(service.request("/api/v1/assessments/" + id
                + "/evidence?part=1&clause=5.1.1.2", "auditor-token").POST(HttpRequest.BodyPublishers.ofByteArray(
                        new byte[] {1})).build());
        assertThat(part.statusCode()).as(part.body()).isEqualTo(400);
        assertThat(JSON.readTree(get("/api/v1/assessments/" + id + "/evidence", "auditor-token").body())
                .findValuesAsText("clause")).containsExactly("5.1.1.2");
    }

    /** A file is reached only through its own assessment's address: another assessment's, even the same auditor's, has none. */
    @Test
    void aFileIsReachedOnlyThroughItsOwnAssessment() throws Exception {
        service = new TestService(Databases.H2);
        long a = made("zhang");
        long b = made("zhang");
        long file = JSON.readTree(add(a, "auditor-token", "5.1.1.2", "a.txt", "text/plain",
                "abc".getBytes(StandardCharsets.US_ASCII)).body()).get("id").asLong();
        String elsewhere = "/api/v1/assessments/" + b + "/evidence/" + file;
        for (String token : new String[] {"auditor-token", "manager-token"}) {
            HttpResponse<String> r = get(elsewhere, token);
            assertThat(r.statusCode()).as(r.body()).isEqualTo(404);
            assertThat(JSON.readTree(r.body()).get("message").asText()).isEqualTo("assessment " + b
                    + " has no evidence file " + file);
        }
        assertThat(service.send(service.request(elsewhere, "auditor-token").DELETE().build()).statusCode()).isEqualTo(404);
        assertThat(JSON.readTree(get("/api/v1/assessments/" + b + "/evidence", "auditor-token").body())).isEmpty();
        assertThat(get("/api/v1/assessments/" + a + "/evidence/" + file, "auditor-token").statusCode()).isEqualTo(200);
    }

    /**
     * A long name is cut to what both databases keep: 255 UTF-16 units (H2 counts those, PostgreSQL characters), never
     * within a character; a name of 200 "📄" (each two units) was cut to 255 characters, 510 units, which H2 refused
     * with a 500.
     */
    @ParameterizedTest
    @EnumSource(Databases.class)
    void aLongNameOfCharactersBeyondTheBasicPlaneIsCutToWhatTheDatabaseKeeps(Databases database) throws Exception {
        service = new TestService(database);
        long id = made("zhang");
        HttpResponse<String> added = add(id, "auditor-token", "5.1.1.2", "\uD83D\uDCC4".repeat(200) + ".pdf",
                "application/pdf", new byte[] {1});
        assertThat(added.statusCode()).as(added.body()).isEqualTo(201);
        // 127 of them are 254 units; a 128th would be 256
        assertThat(JSON.readTree(added.body()).get("name").asText()).isEqualTo("\uD83D\uDCC4".repeat(127));
    }

    /** The API takes a file up to its own limit (20 MiB), beyond the 16 MiB of any other request's body. */
    @Test
    void aFileLargerThanOtherRequestsButWithinItsLimitIsKept() throws Exception {
        service = new TestService(Databases.H2);
        long id = made("zhang");
        HttpResponse<String> added = add(id, "auditor-token", "5.1.1.2", "scan.pdf", "application/pdf",
                new byte[18 << 20]);
        assertThat(added.statusCode()).as(added.body()).isEqualTo(201);
        assertThat(JSON.readTree(added.body()).get("size").asLong()).isEqualTo(18L << 20);
    }

    @Test
    void aNameIsKeptAsGivenAndOnlyEverSentAsAnAttachmentsName() throws Exception {
        service = new TestService(Databases.H2);
        long id = made("zhang");
        JsonNode file = JSON.readTree(add(id, "auditor-token", "5.1.1.2", "<script>alert(1)</script>.pdf", "text/html",
                "<script>alert(1)</script>".getBytes(StandardCharsets.US_ASCII)).body());
        assertThat(file.get("name").asText()).isEqualTo("<script>alert(1)</script>.pdf");
        assertThat(file.get("mediaType").asText()).isEqualTo("text/html");
        HttpResponse<String> r = get("/api/v1/assessments/" + id + "/evidence/" + file.get("id").asLong(), "manager-token");
        assertThat(r.headers().firstValue("Content-Type")).contains("application/octet-stream");
        assertThat(r.headers().firstValue("Content-Disposition")).contains("attachment;"
                + " filename=\"<script>alert(1)<_script>.pdf\"; filename*=UTF-8''%3Cscript%3Ealert%281%29%3C%2Fscript%3E.pdf");
        // a name that would break the header or trick a reader: quotes, a line break, a right-to-left override
        JsonNode odd = JSON.readTree(add(id, "auditor-token", "5.1.1.2", "a\"b\r\nSet-Cookie: x\u202Efdp.exe", "",
                new byte[] {1}).body());
        assertThat(odd.get("name").asText()).isEqualTo("a\"b__Set-Cookie: x_fdp.exe");
        assertThat(odd.get("mediaType").asText()).isEqualTo("application/octet-stream");
        HttpResponse<String> oddly = get("/api/v1/assessments/" + id + "/evidence/" + odd.get("id").asLong(),
                "manager-token");
        assertThat(oddly.headers().firstValue("Content-Disposition")).contains("attachment;"
                + " filename=\"a_b__Set-Cookie: x_fdp.exe\"; filename*=UTF-8''a%22b__Set-Cookie%3A%20x_fdp.exe");
        assertThat(oddly.headers().firstValue("Set-Cookie")).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(Databases.class)
    void eachSavedRevisionKeepsItsGradeForTheList(Databases database) throws Exception {
        service = new TestService(database);
        long id = made("zhang");
        JsonNode blank = JSON.readTree(get("/api/v1/assessments", "auditor-token").body()).get(0);
        assertThat(blank.get("grade").isNull()).as("the blank template does not grade").isTrue();
        String filled = Files.readString(Path.of("..", "examples", "gbt27922-form.json"));
        HttpResponse<String> saved = service.send(service.request("/api/v1/assessments/" + id, "auditor-token")
                .header("Content-Type", "application/json").header("If-Match", "\"1\"")
                .PUT(HttpRequest.BodyPublishers.ofString(filled)).build());
        assertThat(saved.statusCode()).as(saved.body()).isEqualTo(200);
        // the example scores 92.85 of 100: four stars (docs/service.md's walk-through)
        JsonNode grade = JSON.readTree(get("/api/v1/assessments", "manager-token").body()).get(0).get("grade");
        assertThat(grade.get("grade").asText()).isEqualTo("四星级");
        assertThat(grade.get("gradeEn").asText()).isEqualTo("four stars");
        assertThat(grade.get("total").asText()).isEqualTo("92.85 / 100");
        assertThat(JSON.readTree(saved.body()).get("grade")).isEqualTo(grade);
    }

    /**
     * An upload and its line in the change log are one transaction: when the line cannot be written, no file is kept;
     * when the file's bytes cannot be, no line is. (Each failure made by moving a table out of the way: a 500, its
     * defect logged with an id.)
     */
    @ParameterizedTest
    @EnumSource(Databases.class)
    void anUploadAndItsChangeLogLineCommitTogetherOrNeitherDoes(Databases database) throws Exception {
        service = new TestService(database);
        long id = made("zhang");
        byte[] abc = "abc".getBytes(StandardCharsets.US_ASCII);
        String listing = "/api/v1/assessments/" + id + "/evidence";
        java.util.function.Supplier<Long> lines = () -> service.changes().stream()
                .filter(c -> c.what().startsWith("added evidence file")).count();

        service.jdbi().useHandle(h -> h.execute("ALTER TABLE service_change RENAME TO change_away"));
        HttpResponse<String> noLog;
        try {
            noLog = add(id, "auditor-token", "5.1.1.2", "a.pdf", "application/pdf", abc);
        } finally {
            service.jdbi().useHandle(h -> h.execute("ALTER TABLE change_away RENAME TO service_change"));
        }
        assertThat(noLog.statusCode()).as(noLog.body()).isEqualTo(500);
        assertThat(JSON.readTree(noLog.body()).get("code").asText()).isEqualTo("internal");
        assertThat(JSON.readTree(get(listing, "auditor-token").body())).isEmpty();
        long rows = service.jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM service_evidence")
                .mapTo(Long.class).one() + h.createQuery("SELECT COUNT(*) FROM service_evidence_content")
                .mapTo(Long.class).one());
        assertThat(rows).isZero();
        assertThat(lines.get()).isZero();

        service.jdbi().useHandle(h -> h.execute("ALTER TABLE service_evidence_content RENAME TO content_away"));
        HttpResponse<String> noBytes;
        try {
            noBytes = add(id, "auditor-token", "5.1.1.2", "a.pdf", "application/pdf", abc);
        } finally {
            service.jdbi().useHandle(h -> h.execute("ALTER TABLE content_away RENAME TO service_evidence_content"));
        }
        assertThat(noBytes.statusCode()).as(noBytes.body()).isEqualTo(500);
        assertThat(JSON.readTree(get(listing, "auditor-token").body())).isEmpty();
        assertThat(lines.get()).isZero();

        // with both tables there, both are written
        HttpResponse<String> added = add(id, "auditor-token", "5.1.1.2", "a.pdf", "application/pdf", abc);
        assertThat(added.statusCode()).as(added.body()).isEqualTo(201);
        long file = JSON.readTree(added.body()).get("id").asLong();
        assertThat(JSON.readTree(get(listing, "auditor-token").body())).hasSize(1);
        assertThat(service.changes().get(0).what()).isEqualTo("added evidence file " + file + " (a.pdf, 3 bytes,"
                + " SHA-256 " + SHA256_ABC + ") to clause 5.1.1.2 of assessment " + id);
    }
}

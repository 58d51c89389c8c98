package io.github.aftersales.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.github.aftersales.register.RegisterSettings;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A body's whole register, 100,000 certificates, listed, searched, scheduled and exported by the
 * CLI in a child JVM with 256 MiB of heap, on H2 and on PostgreSQL (issue 23, item 6). The register
 * is filled by batch inserts of what one real record wrote (its file and result), not by 100,000
 * records.
 */
@Tag("thorough") // 100,000 certificates on H2 and PostgreSQL: about 45 s
class RegisterScaleTest {

    private static final int CERTIFICATES = 100_000;
    private static final int REAL = 300;
    private static final List<String> SMALL_HEAP = List.of("-Xmx256m");
    private static EmbeddedPostgres postgres;

    @TempDir
    Path dir;

    @BeforeAll
    static void startPostgres() throws Exception {
        postgres = EmbeddedPostgresOrSkip.shared();
    }

    /**
     * With {@code -Dregister.scale.dir=DIR} the H2 register is made there and kept, for measuring by
     * hand (docs/performance.md).
     */
    @Test
    void aHundredThousandCertificatesOnH2InBoundedMemory() throws Exception {
        String kept = System.getProperty("register.scale.dir");
        Path registerDir = kept == null ? dir.resolve("register") : Path.of(kept);
        listsAndExportsAHundredThousand(registerDir.toString(),
                RegisterSettings.embedded(registerDir, "test").url(), null);
    }

    @Test
    void aHundredThousandCertificatesOnPostgresqlInBoundedMemory() throws Exception {
        try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE scale");
        }
        String url = postgres.getJdbcUrl("postgres", "scale");
        listsAndExportsAHundredThousand(url + "&user=postgres", url, "postgres");
    }

    /**
     * The command in a child JVM with 256 MiB of heap; its wall time goes to the test's output (the
     * figures of docs/performance.md), never into an assertion.
     */
    private CliProcess.Ran timed(String... args) throws Exception {
        long start = System.nanoTime();
        CliProcess.Ran ran = CliProcess.run(dir, SMALL_HEAP, args);
        System.out.printf("%s: %.1f s (-Xmx256m, exit %d)%n", String.join(" ", args).replaceAll(" --register .*$", "")
                .replaceAll("-o \\S+", "-o FILE"), (System.nanoTime() - start) / 1e9, ran.exit());
        return ran;
    }

    /** What a fill made, as the test counts it. */
    record Filled(int live, int incidents, long events) {
    }

    private void listsAndExportsAHundredThousand(String register, String jdbcUrl, String user) throws Exception {
        CliRun first = CliRun.of("register", "record", "examples/cqm/cqm-five-star.json", "--reference", "REAL-1",
                "--register", register);
        assertThat(first.exit()).as(first.err()).isZero();
        long start = System.nanoTime();
        Filled filled = fill(jdbcUrl, user);
        System.out.printf("%s: filled with %,d certificates and %,d entries in %.1f s%n", jdbcUrl.replaceAll("[?;].*", ""),
                CERTIFICATES, filled.events(), (System.nanoTime() - start) / 1e9);
        int total = CERTIFICATES + 1;

        CliProcess.Ran list = timed("register", "list", "--register", register);
        assertThat(list.exit()).as(list.err()).isZero();
        List<String> lines = list.out().lines().toList();
        assertThat(lines).hasSize(total + 2); // the header, a line each, the count
        assertThat(lines.get(1)).startsWith("1     REAL-1");
        assertThat(lines.get(total)).startsWith(total + " ").endsWith("Scale Co. " + CERTIFICATES);
        assertThat(lines.get(total + 1)).isEqualTo(total + " certificates");

        // filters are the database's: every tenth certificate is revoked, one organisation is searched for
        CliProcess.Ran revoked = timed("register", "list", "--state", "revoked",
                "--register", register);
        assertThat(revoked.out().lines().toList()).last().isEqualTo((total - 1 - filled.live()) + " certificates");
        CliProcess.Ran search = timed("register", "search", "scale co. 99999",
                "--format", "json", "--register", register);
        assertThat(search.exit()).as(search.err()).isZero();
        assertThat(search.out()).contains("\"organisation\" : \"Scale Co. 99999\"").doesNotContain("Scale Co. 9999\"");

        // every live certificate is due for its yearly surveillance (CQM 5.1), overdue on 2026-01-01, and each
        // incident not followed by an evaluation for an extra one
        CliProcess.Ran due = timed("register", "due", "--on", "2030-01-01", "--today",
                "2026-01-01", "--register", register);
        assertThat(due.exit()).as(due.err()).isZero();
        int dueItems = filled.live() + 1 + filled.incidents(); // the real certificate of 2026-10-15 is due too
        assertThat(due.out().lines().toList()).last().isEqualTo(dueItems + " due, " + (dueItems - 1) + " overdue");
        // as JSON, written an item at a time (the whole tree did not fit in 256 MiB: exit 71, out of memory)
        CliProcess.Ran dueJson = timed("register", "due", "--on", "2030-01-01", "--today", "2026-01-01", "--format",
                "json", "--register", register);
        assertThat(dueJson.exit()).as(dueJson.err()).isZero();
        assertThat(dueJson.out()).startsWith("{\n  \"on\" : \"2030-01-01\",\n  \"today\" : \"2026-01-01\",\n  \"due\" : [ {\n")
                .endsWith("  } ],\n  \"unscheduled\" : [ ]\n}\n");
        assertThat(dueJson.out().split("\n    \"what\" : ", -1)).hasSize(dueItems + 1);
        assertThat(dueJson.out().split("\n    \"overdue\" : true,\n", -1)).hasSize(dueItems - 1 + 1);

        Path csv = dir.resolve("register.csv");
        CliProcess.Ran exportCsv = timed("register", "export", "-o", csv.toString(),
                "--register", register);
        assertThat(exportCsv.exit()).as(exportCsv.err()).isZero();
        try (Stream<String> rows = Files.lines(csv)) {
            assertThat(rows.count()).isEqualTo(total + 1);
        }
        Path events = dir.resolve("events.csv");
        CliProcess.Ran exportEvents = timed("register", "export", "--events", "-o",
                events.toString(), "--register", register);
        assertThat(exportEvents.exit()).as(exportEvents.err()).isZero();
        try (Stream<String> rows = Files.lines(events)) {
            assertThat(rows.count()).isEqualTo(filled.events() + 1 + 1);
        }
        Path json = dir.resolve("register.json");
        CliProcess.Ran exportJson = timed("register", "export", "--format", "json", "-o",
                json.toString(), "--register", register);
        assertThat(exportJson.exit()).as(exportJson.err()).isZero();
        assertThat(certificatesWithResults(json)).isEqualTo(total);
        Files.delete(json);
    }

    /**
     * 100,000 CQM certificates, issued on 1,000 different days of 2020 to 2022: every third surveilled
     * (kept) 200 days later, every tenth revoked by a re-evaluation 300 days later, every seventh live
     * one with a major complaint 250 days later. The first {@value #REAL} carry the real record's file
     * and result (about 60 kB an entry: the JSON export's first pages are full size); the rest a short
     * stand-in, or the register would be 10 GB.
     */
    private Filled fill(String url, String user) throws Exception {
        int live = 0;
        int incidents = 0;
        long events = 0;
        try (Connection c = DriverManager.getConnection(url, user, null)) {
            c.setAutoCommit(false);
            byte[] file;
            String result;
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT assessment, result FROM"
                    + " certificate_event WHERE certificate_id = 1 AND seq = 1")) {
                assertThat(rs.next()).isTrue();
                file = rs.getBytes(1);
                result = rs.getString(2);
            }
            OffsetDateTime at = OffsetDateTime.of(2026, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC);
            try (PreparedStatement cert = c.prepareStatement("INSERT INTO certificate (id, organisation, scheme,"
                    + " variant, scheme_version, issued_on, recorded_at, recorded_by) VALUES (?, ?, 'cqm', 'star',"
                    + " 'CQM/F-RZ-ZY-06-001', ?, ?, 'filler')");
                    PreparedStatement event = c.prepareStatement("INSERT INTO certificate_event (certificate_id, seq,"
                            + " kind, event_date, decision, state, stars, grade, cycle_start, reason, incident_type,"
                            + " assessment_name, assessment, result, recorded_at, recorded_by) VALUES (?, ?, ?, ?, ?,"
                            + " ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'filler')")) {
                byte[] realFile = file;
                String realResult = result;
                for (int i = 1; i <= CERTIFICATES; i++) {
                    long id = i + 1;
                    file = i <= REAL ? realFile : "{}".getBytes(java.nio.charset.StandardCharsets.UTF_8);
                    result = i <= REAL ? realResult : "{\"scheme\":\"cqm\",\"variant\":\"star\"}";
                    LocalDate issued = LocalDate.of(2020, 1, 1).plusDays(i % 1000);
                    cert.setLong(1, id);
                    cert.setString(2, "Scale Co. " + i);
                    cert.setObject(3, issued);
                    cert.setObject(4, at);
                    cert.addBatch();
                    int seq = 0;
                    event(event, id, ++seq, "issued", issued, "issue", "active", 5, issued, null, file, result, at);
                    if (i % 3 == 0) {
                        event(event, id, ++seq, "surveillance", issued.plusDays(200), "keep", "active", 5, issued, null,
                                file, result, at);
                    }
                    if (i % 10 == 0) {
                        event(event, id, ++seq, "re-evaluation", issued.plusDays(300), "revoke", "revoked", 0, issued,
                                null, file, result, at);
                    } else {
                        live++;
                        if (i % 7 == 0) {
                            event(event, id, ++seq, "incident", issued.plusDays(250), "note", "active", 5, issued,
                                    "majorComplaint", null, null, at);
                            incidents++;
                        }
                    }
                    events += seq;
                    if (i % 2000 == 0) {
                        cert.executeBatch();
                        event.executeBatch();
                        c.commit();
                    }
                }
                cert.executeBatch();
                event.executeBatch();
                c.commit();
            }
            try (Statement s = c.createStatement()) {
                s.execute("ALTER TABLE certificate ALTER COLUMN id RESTART WITH " + (CERTIFICATES + 2));
            }
            c.commit();
        }
        return new Filled(live, incidents, events);
    }

    private static void event(PreparedStatement p, long id, int seq, String kind, LocalDate date, String decision,
            String state, int stars, LocalDate cycle, String incident, byte[] file, String result, OffsetDateTime at)
            throws Exception {
        p.setLong(1, id);
        p.setInt(2, seq);
        p.setString(3, kind);
        p.setObject(4, date);
        p.setString(5, decision);
        p.setString(6, state);
        p.setInt(7, stars);
        p.setString(8, stars == 0 ? "—" : "五星级");
        p.setObject(9, cycle);
        p.setString(10, kind + " " + decision);
        p.setString(11, incident);
        p.setString(12, file == null ? null : "cqm-five-star.json");
        p.setBytes(13, file);
        p.setString(14, result);
        p.setObject(15, at);
        p.addBatch();
    }

    /** Certificates in the JSON export whose entries carry their results, read as a stream. */
    private static long certificatesWithResults(Path json) throws Exception {
        long certificates = 0;
        try (JsonParser p = new JsonFactory().createParser(json.toFile())) {
            assertThat(p.nextToken()).isEqualTo(JsonToken.START_OBJECT);
            while (p.nextToken() != JsonToken.END_OBJECT) {
                String field = p.currentName();
                p.nextToken();
                if (!"certificates".equals(field)) {
                    p.skipChildren();
                    continue;
                }
                while (p.nextToken() == JsonToken.START_OBJECT) {
                    boolean result = false;
                    int depth = 1;
                    while (depth > 0) {
                        JsonToken t = p.nextToken();
                        if (t == JsonToken.FIELD_NAME && "result".equals(p.currentName()) && depth == 3) {
                            result = true;
                        }
                        depth += t.isStructStart() ? 1 : t.isStructEnd() ? -1 : 0;
                    }
                    certificates += result ? 1 : 0;
                }
            }
        }
        return certificates;
    }
}

package io.github.aftersales.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import io.github.aftersales.register.RegisterSettings;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code register record} of many assessments in one process (issue 23, item 7): NDJSON on standard
 * input, folders, several files; each certificate its own transaction, a refused one named by its
 * line and skipped, the exit code saying so.
 */
class RegisterBatchRecordTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private static String line(String example, String date) throws Exception {
        ObjectNode form = (ObjectNode) JSON.readTree(Path.of("examples", example).toFile());
        if (date != null) {
            form.put("date", date);
        }
        return JSON.writeValueAsString(form);
    }

    @Test
    void ndjsonOnStandardInputRecordsEachLineAndNamesTheLinesRefused() throws Exception {
        String form = line("gbt27922-form.json", null);
        Path book = dir.resolve("book.ndjson");
        Files.writeString(book, String.join("\n", line("cqm/cqm-five-star.json", null), "{\"organisation\": ", "",
                line("gbt27922-form.json", "2099-01-01"), form) + "\n");
        String register = dir.resolve("register").toString();

        Path out = dir.resolve("out.txt");
        Path err = dir.resolve("err.txt");
        Process p = CliProcess.builder("", "register", "record", "-", "--register", register)
                .redirectInput(book.toFile()).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        assertThat(p.waitFor()).isEqualTo(6); // a refusal (6) is the worst of a bad line (3) and it
        List<String> errors = Files.readAllLines(err);
        assertThat(errors).hasSize(2);
        assertThat(errors.get(0)).startsWith("error: <stdin>:2:");
        assertThat(errors.get(1)).startsWith("error: <stdin>:4: a certificate issued on 2099-01-01 is after today");
        assertThat(Files.readAllLines(out)).containsExactly(
                "recorded certificate 1: 示例服务有限公司 (Example Service Co., Ltd. — fictitious), cqm star, 五星级"
                        + " (5 stars), issued 2026-10-15",
                "recorded certificate 2: 示例电器有限公司 (Example Appliances Co., Ltd. — fictitious), gbt27922 form,"
                        + " 四星级 (4 stars), issued 2026-11-20",
                "  in " + Path.of(register, "register.mv.db") + " (--register)",
                "recorded 2 certificates; 2 refused (each named above) and not recorded");

        // the bytes stored are the line graded, named by its line
        Path stored = dir.resolve("stored.json");
        CliProcess.Ran show = CliProcess.run(dir, List.of(), "register", "show", "2", "--assessment", "1", "-o",
                stored.toString(), "--register", register);
        assertThat(show.exit()).as(show.err()).isZero();
        assertThat(Files.readString(stored, StandardCharsets.UTF_8)).isEqualTo(form);
        CliProcess.Ran history = CliProcess.run(dir, List.of(), "register", "show", "2", "--register", register);
        assertThat(history.out()).contains("[stdin line 5]");
    }

    @Test
    void aFolderAndFilesAreRecordedInOneRunAndAReferenceNamesOneFileOnly() throws Exception {
        Path forms = Files.createDirectories(dir.resolve("forms/sub"));
        // the example of a day earlier: the example itself, given below too, would be the same file twice
        Files.writeString(forms.resolve("a.json"), line("gbt27922-form.json", "2026-11-19"));
        Files.writeString(forms.resolve("b.ndjson"), line("cqm/cqm-five-star.json", null) + "\n"
                + line("zg025-combined.json", null) + "\n");
        String register = dir.resolve("register").toString();

        CliProcess.Ran ran = CliProcess.run(dir, List.of(), "register", "record", dir.resolve("forms").toString(),
                "examples/gbt27922-form.json", "--register", register);
        assertThat(ran.exit()).as(ran.err()).isZero();
        assertThat(ran.err()).isEmpty();
        assertThat(ran.out().lines().toList()).last().isEqualTo("recorded 4 certificates");
        assertThat(ran.out()).contains("recorded certificate 1: 示例电器有限公司", "recorded certificate 2: 示例服务有限公司",
                "recorded certificate 3: ", "zg025-combined combined, 九星级", "recorded certificate 4: 示例电器有限公司");

        CliProcess.Ran reference = CliProcess.run(dir, List.of(), "register", "record", dir.resolve("forms").toString(),
                "--reference", "R-1", "--register", register);
        assertThat(reference.exit()).isEqualTo(2);
        assertThat(reference.err()).isEqualTo("error: --reference names one certificate: give one assessment file with"
                + " it\n");
    }

    /**
     * kill -9 of a batch in the middle (issue 23, item 7): each certificate it committed is whole (its
     * issue entry, the line's bytes and result) and readable, none is half-written, and the same batch
     * run again names each line already recorded and records only the rest: no line twice.
     */
    @Tag("thorough") // 300 forms killed midway on both databases: about 30 s
    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void aBatchKilledMidwayLeavesWholeCertificatesAndRunAgainRecordsEachLineOnce(String database) throws Exception {
        Path book = dir.resolve("book.ndjson");
        CliProcess.Ran generated = CliProcess.run(dir, List.of(), "generate", "--scheme", "gbt27922", "--count", "300",
                "--seed", "3", "-o", book.toString());
        assertThat(generated.exit()).as(generated.err()).isZero();
        List<String> lines = Files.readAllLines(book, StandardCharsets.UTF_8);
        assertThat(lines).hasSize(300);
        String register;
        String jdbc;
        if (database.equals("h2")) {
            register = dir.resolve("register").toString();
            jdbc = RegisterSettings.embedded(dir.resolve("register"), "test").url();
        } else {
            EmbeddedPostgres postgres = EmbeddedPostgresOrSkip.shared();
            try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
                s.execute("CREATE DATABASE killed");
            }
            jdbc = postgres.getJdbcUrl("postgres", "killed");
            register = jdbc + "&user=postgres";
        }

        // killed once it has said it recorded 40 (each line is said after its transaction commits)
        Path err = dir.resolve("killed.err");
        Process p = CliProcess.builder("", "register", "record", book.toString(), "--register", register)
                .redirectError(err.toFile()).start();
        List<String> said = new ArrayList<>();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = out.readLine(); line != null; line = out.readLine()) {
                said.add(line);
                if (said.stream().filter(l -> l.startsWith("recorded certificate ")).count() == 40) {
                    p.destroyForcibly(); // SIGKILL: no shutdown hook, no rollback by the program
                    break;
                }
            }
        }
        assertThat(p.waitFor(1, TimeUnit.MINUTES)).isTrue();
        assertThat(p.exitValue()).as("killed, not finished").isEqualTo(137);
        long saidRecorded = said.stream().filter(l -> l.startsWith("recorded certificate ")).count();
        assertThat(saidRecorded).isEqualTo(40);

        // every certificate committed is whole: one issue entry holding its line, byte for byte, and its result
        int committed;
        try (Connection c = DriverManager.getConnection(jdbc, database.equals("h2") ? null : "postgres", null);
                Statement s = c.createStatement()) {
            committed = count(s, "SELECT COUNT(*) FROM certificate");
            assertThat(count(s, "SELECT COUNT(*) FROM certificate_event")).isEqualTo(committed);
            try (ResultSet rs = s.executeQuery("SELECT c.id, c.organisation, e.seq, e.kind, e.assessment_name,"
                    + " e.assessment, e.result FROM certificate c JOIN certificate_event e ON e.certificate_id = c.id"
                    + " ORDER BY c.id")) {
                while (rs.next()) {
                    assertThat(rs.getInt("seq")).isEqualTo(1);
                    assertThat(rs.getString("kind")).isEqualTo("issued");
                    String name = rs.getString("assessment_name");
                    assertThat(name).startsWith("book.ndjson line ");
                    int line = Integer.parseInt(name.substring("book.ndjson line ".length()));
                    assertThat(new String(rs.getBytes("assessment"), StandardCharsets.UTF_8))
                            .isEqualTo(lines.get(line - 1));
                    assertThat(lines.get(line - 1)).contains("\"" + rs.getString("organisation") + "\"");
                    assertThat(JSON.readTree(rs.getString("result")).path("grade").asText()).isNotEmpty();
                }
            }
        }
        // what it said it recorded is there, and the few it committed while the kill was on its way
        assertThat(committed).isGreaterThanOrEqualTo(40);
        CliProcess.Ran list = CliProcess.run(dir, List.of(), "register", "list", "--register", register);
        assertThat(list.exit()).as(list.err()).isZero();
        assertThat(list.out().lines().toList()).last().isEqualTo(committed + " certificates");
        CliProcess.Ran export = CliProcess.run(dir, List.of(), "register", "export", "--format", "json", "--register",
                register);
        assertThat(export.exit()).as(export.err()).isZero();
        assertThat(JSON.readTree(export.out()).path("certificates").size()).isEqualTo(committed);

        // the same batch again: each line recorded before is refused by its line and certificate, the rest recorded
        CliProcess.Ran again = CliProcess.run(dir, List.of(), "register", "record", book.toString(), "--register",
                register);
        assertThat(again.exit()).as(again.err()).isEqualTo(6);
        List<String> already = again.err().lines().filter(l -> l.contains(": already in the register as certificate "))
                .toList();
        assertThat(already).hasSize(committed);
        assertThat(already.get(0)).matches("error: " + java.util.regex.Pattern.quote(book.toString())
                + ":1: already in the register as certificate 1, issued on this same file to generated organisation 1,"
                + " gbt27922 form, on \\d{4}-\\d{2}-\\d{2}; not recorded again");
        long noLevel = again.err().lines().filter(l -> l.contains("reaches no level")).count();
        assertThat(again.err().lines().count()).isEqualTo(committed + noLevel);
        int recordedAgain = Integer.parseInt(again.out().lines().reduce((a, b) -> b).orElseThrow()
                .replaceFirst("^recorded (\\d+) certificates?;.*$", "$1"));
        assertThat(committed + recordedAgain).isEqualTo(lines.size() - noLevel);
        assertThat(recordedAgain).as("killed midway").isPositive();

        try (Connection c = DriverManager.getConnection(jdbc, database.equals("h2") ? null : "postgres", null);
                Statement s = c.createStatement()) {
            assertThat(count(s, "SELECT COUNT(*) FROM certificate")).isEqualTo(lines.size() - noLevel);
            Set<String> names = new HashSet<>();
            try (ResultSet rs = s.executeQuery("SELECT assessment_name FROM certificate_event")) {
                while (rs.next()) {
                    assertThat(names.add(rs.getString(1))).as("each line once: %s", rs.getString(1)).isTrue();
                }
            }
            assertThat(names).hasSize(lines.size() - (int) noLevel);
        }
    }

    private static int count(Statement s, String sql) throws Exception {
        try (ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getInt(1);
        }
    }
}

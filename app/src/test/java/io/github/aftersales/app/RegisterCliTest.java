package io.github.aftersales.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The register through the real command line: what a newcomer does with the bundled examples, on the
 * embedded register and on PostgreSQL by changing only --register, and every refusal as one line.
 */
class RegisterCliTest {

    private static EmbeddedPostgres postgres;

    @TempDir
    Path dir;

    @BeforeAll
    static void startPostgres() throws Exception {
        postgres = EmbeddedPostgresOrSkip.shared();
    }

    private static CliRun run(String register, String... args) {
        String[] all = new String[args.length + 3];
        all[0] = "register";
        System.arraycopy(args, 0, all, 1, args.length);
        all[args.length + 1] = "--register";
        all[args.length + 2] = register;
        CliRun r = CliRun.of(all);
        assertThat(r.clean()).as(r.err()).isTrue();
        return r;
    }

    /** Record the examples, downgrade one by surveillance, list what is due next year; the output. */
    private static List<String> newcomer(String register) {
        CliRun cqm = run(register, "record", "examples/cqm/cqm-five-star.json", "--reference", "CQM-2026-001");
        assertThat(cqm.exit()).as(cqm.err()).isZero();
        assertThat(cqm.out()).startsWith("recorded certificate 1 (CQM-2026-001): 示例服务有限公司").contains("cqm star, 五星级"
                + " (5 stars), issued 2026-10-15");
        CliRun combined = run(register, "record", "examples/zg025-combined.json");
        assertThat(combined.out()).contains("recorded certificate 2: ").contains("zg025-combined combined, 九星级 (9 stars),"
                + " issued 2026-11-20");
        CliRun form = run(register, "record", "examples/gbt27922-form.json", "--reference", "GBT-7");
        assertThat(form.out()).contains("gbt27922 form, 四星级 (4 stars)");


        CliRun surveil = run(register, "surveil", "CQM-2026-001", "examples/cqm/surveillance-downgrade.json");
        assertThat(surveil.exit()).as(surveil.err()).isZero();
        assertThat(surveil.out()).startsWith("certificate 1 (CQM-2026-001), surveillance of 2026-11-18: downgrade —"
                + " active, 五星级 (5 stars) → active, 四星级 (4 stars)");

        CliRun due = run(register, "due", "--on", "2027-12-31", "--today", "2026-11-23");
        assertThat(due.exit()).isZero();
        // CQM 5.1: yearly from the surveillance of 2026-11-18; ZG025 4.4: yearly from the issue on 2026-11-20;
        // GB/T 27922 gives no interval
        assertThat(due.out()).contains("2027-11-18  surveillance      certificate 1 (CQM-2026-001),")
                .contains("2027-11-20  surveillance      certificate 2,")
                .contains("certificate 3 (GBT-7), 示例电器有限公司 (Example Appliances Co., Ltd. — fictitious): the standard"
                        + " of gbt27922 form gives no surveillance interval")
                .contains("2 due, 0 overdue");

        CliRun list = run(register, "list");
        CliRun show = run(register, "show", "1");
        assertThat(show.out()).contains("#1  2026-10-15  issued: issue → active, 五星级 (5 stars)  [cqm-five-star.json]")
                .contains("#2  2026-11-18  surveillance: downgrade → active, 四星级 (4 stars)  [surveillance-downgrade.json]")
                .contains("S当面 87 < 90 needed for 五星级 (five stars)");
        CliRun csv = run(register, "export", "--format", "csv");
        return List.of(list.out(), due.out(), show.out().replaceAll("recorded \\S+ by \\S+", "recorded …"),
                csv.out());
    }

    @Test
    void newcomerRecordsSurveilsAndListsWhatIsDueOnBothDatabases() throws Exception {
        List<String> embedded = newcomer(dir.resolve("register").toString());
        try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE newcomer");
        }
        List<String> shared = newcomer(postgres.getJdbcUrl("postgres", "newcomer"));
        assertThat(shared).isEqualTo(embedded);
        assertThat(embedded.get(0)).contains("1     CQM-2026-001     active     cqm star                   4 stars")
                .contains("3 certificates");
        assertThat(List.of(embedded.get(3).split("\r\n"))).hasSize(4).first().isEqualTo("number,reference,organisation,scheme,"
                + "variant,scheme_version,issued_on,state,stars,grade,cycle_start,last_evaluation,entries");
    }

    @Test
    void embeddedRegisterMovesToPostgresqlWithItsWholeHistory() throws Exception {
        String embedded = dir.resolve("register").toString();
        newcomer(embedded);
        try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE moved");
        }
        String shared = postgres.getJdbcUrl("postgres", "moved");
        CliRun copy = run(embedded, "copy", "--to", shared);
        assertThat(copy.exit()).as(copy.err()).isZero();
        assertThat(copy.out()).startsWith("copied 3 certificates with their history from ");
        for (String[] args : List.of(new String[] {"list"}, new String[] {"show", "1", "--format", "json"},
                new String[] {"export", "--format", "csv", "--events"})) {
            assertThat(run(shared, args).out()).as(String.join(" ", args)).isEqualTo(run(embedded, args).out());
        }
        assertThat(run(shared, "show", "1", "--assessment", "2").out())
                .isEqualTo(Files.readString(Path.of("examples/cqm/surveillance-downgrade.json")));
        // numbering goes on after the copied certificates; a second copy is refused
        assertThat(run(shared, "record", "examples/cqm/cqm-five-star.json").out()).startsWith("recorded certificate 4");
        CliRun again = run(embedded, "copy", "--to", shared);
        assertThat(again.exit()).isEqualTo(ExitCode.REFUSED);
        assertThat(again.err()).contains("already holds 4 certificates; a copy goes into an empty register only");
    }

    @Test
    void exportJsonHoldsEveryEntryWithItsResult() throws Exception {
        String register = dir.toString();
        run(register, "record", "examples/cqm/cqm-five-star.json");
        run(register, "surveil", "1", "examples/cqm/surveillance-unrectified-complaint.json");
        Path out = dir.resolve("register.json");
        CliRun export = run(register, "export", "--format", "json", "-o", out.toString());
        assertThat(export.exit()).as(export.err()).isZero();
        JsonNode json = new ObjectMapper().readTree(Files.readString(out));
        JsonNode history = json.get("certificates").get(0).get("history");
        assertThat(history).hasSize(2);
        assertThat(history.get(1).get("decision").asText()).isEqualTo("suspend");
        assertThat(history.get(1).get("state").asText()).isEqualTo("suspended");
        assertThat(history.get(1).get("result").get("stars").asInt()).isEqualTo(1); // 一星级: the complaint (6.2)
        assertThat(json.get("certificates").get(0).get("stars").asInt()).isEqualTo(5); // kept while suspended
        // the export is not written over without --force
        CliRun again = run(register, "export", "--format", "json", "-o", out.toString());
        assertThat(again.exit()).isEqualTo(ExitCode.OUTPUT);
        // the stored assessment file comes back byte for byte
        Path back = dir.resolve("back.json");
        assertThat(run(register, "show", "1", "--assessment", "2", "-o", back.toString()).exit()).isZero();
        assertThat(Files.readAllBytes(back)).isEqualTo(Files.readAllBytes(
                Path.of("examples/cqm/surveillance-unrectified-complaint.json")));
    }

    @Test
    void refusalsAreOneLineWithTheirExitCode() throws Exception {
        String register = dir.toString();
        assertThat(run(register, "list").exit()).isEqualTo(ExitCode.DATABASE);
        assertThat(run(register, "list").err()).isEqualTo("error: there is no register yet at "
                + dir.toAbsolutePath().resolve("register.mv.db") + " (--register); 'register record' creates it\n");
        assertThat(Files.exists(dir.resolve("register.mv.db"))).isFalse();

        run(register, "record", "examples/cqm/cqm-five-star.json");
        CliRun unknown = run(register, "show", "7");
        assertThat(unknown.exit()).isEqualTo(ExitCode.INPUT);
        assertThat(unknown.err()).isEqualTo("error: no certificate '7' in the register ('register list' shows them)\n");

        CliRun missing = run(register, "surveil", "1", "examples/cqm/no-such-file.json");
        assertThat(missing.exit()).isEqualTo(ExitCode.INPUT);
        assertThat(missing.err()).contains("no-such-file.json");

        CliRun before = run(register, "incident", "1", "--type", "majorComplaint", "--date", "2026-01-01");
        assertThat(before.exit()).isEqualTo(ExitCode.REFUSED);
        assertThat(before.err()).isEqualTo("error: certificate 1 was issued on 2026-10-15; an incident on 2026-01-01 is"
                + " before that\n");

        assertThat(run(register, "surveil", "1", "examples/cqm/surveillance-unrectified-complaint.json",
                "--on-serious", "revoke").exit()).isZero();
        CliRun revoked = run(register, "surveil", "1", "examples/cqm/surveillance-downgrade.json");
        assertThat(revoked.exit()).isEqualTo(ExitCode.REFUSED);
        assertThat(revoked.err()).startsWith("error: certificate 1 was revoked on 2026-11-12 (");

        CliRun wrongScheme = run(register, "record", "examples/zg025-combined.json", "--scheme", "cqm");
        assertThat(wrongScheme.exit()).isEqualTo(ExitCode.INPUT);
        assertThat(wrongScheme.err()).isEqualTo("error: zg025-combined.json: has no part of scheme cqm; its parts are"
                + " gbt27922, zg025, zg025-combined\n");

        CliRun badDate = run(register, "due", "--on", "2027-13-01");
        assertThat(badDate.exit()).isEqualTo(ExitCode.USAGE);

        assertThat(run(register, "show", "1").out()).contains("#2  2026-11-12  surveillance: revoke → revoked");
        assertThat(run(register, "list").out()).contains("revoked");
        assertThat(run(register, "list", "--state", "revoked").out()).contains("1 certificate\n");
        assertThat(run(register, "list", "--state", "active").out()).isEqualTo("no certificate is active\n");
        assertThat(run(register, "search", "示例", "--scheme", "zg025").out())
                .isEqualTo("no certificate containing '示例' is of scheme zg025\n");
        assertThat(run(register, "list", "--state", "lapsed").exit()).isEqualTo(ExitCode.USAGE);
    }

    @Test
    void textOutputEscapesControlCharactersAndANoteStaysOneReason() throws Exception {
        String register = dir.toString();
        // a name that would add a forged row to the list, and clear the screen
        String forged = "Real Co.\n2     FORGED-1         active     cqm star                   5 stars        2026-10-15"
                + "  Fake Co.\u001b[2J";
        String shown = "Real Co.\\n2     FORGED-1         active     cqm star                   5 stars        2026-10-15"
                + "  Fake Co.\\u001b[2J";
        CliRun recorded = run(register, "record", "examples/cqm/cqm-five-star.json", "--organisation", forged,
                "--reference", "R-\u001b[31m1");
        assertThat(recorded.exit()).as(recorded.err()).isZero();
        assertThat(recorded.out()).startsWith("recorded certificate 1 (R-\\u001b[31m1): " + shown + ", cqm star")
                .hasLineCount(2);
        CliRun noted = run(register, "incident", "1", "--type", "negativeInformation", "--date", "2026-11-01", "--note",
                "first line\nsecond line\r\u001b[0m");
        assertThat(noted.exit()).as(noted.err()).isZero();
        assertThat(noted.out()).hasLineCount(2).endsWith("; first line\\nsecond line\\r\\u001b[0m\n");

        List<String> list = run(register, "list").out().lines().toList();
        assertThat(list).hasSize(3);
        assertThat(list.get(1)).startsWith("1     R-\\u001b[31m1").endsWith(" " + shown);
        assertThat(list.get(2)).isEqualTo("1 certificate");
        assertThat(run(register, "search", "real").out().lines().toList()).isEqualTo(list);
        assertThat(run(register, "search", "no\u001bsuch").out())
                .isEqualTo("no certificate's organisation or reference contains 'no\\u001bsuch'\n");

        String show = run(register, "show", "1").out();
        assertThat(show).contains("  组织 Organisation: " + shown + "\n")
                .contains("; first line\\nsecond line\\r\\u001b[0m\n         recorded ");
        String due = run(register, "due", "--on", "2027-12-31", "--today", "2026-11-23").out();
        assertThat(due).contains("2027-10-15  surveillance      certificate 1 (R-\\u001b[31m1), " + shown + ", cqm star")
                .contains("1 due, 0 overdue");
        for (String out : List.of(recorded.out(), noted.out(), String.join("\n", list), show, due)) {
            assertThat(out).doesNotContain("\u001b").doesNotContain("\r").doesNotContain("FORGED-1         active\n");
        }

        // the note is one reason in JSON too, kept as given but for its line breaks
        JsonNode reasons = new ObjectMapper().readTree(run(register, "show", "1", "--format", "json").out())
                .get("history").get(1).get("reasons");
        assertThat(reasons).hasSize(1);
        assertThat(reasons.get(0).asText()).startsWith("negativeInformation on 2026-11-01: ")
                .endsWith("; first line\\nsecond line\\r\u001b[0m");
        assertThat(new ObjectMapper().readTree(run(register, "list", "--format", "json").out()).get(0)
                .get("organisation").asText()).isEqualTo(forged);
    }

    @Test
    void oneStarIsSingular() {
        // the verified major complaint not rectified leaves 一星级 (CQM 6.2)
        CliRun one = run(dir.toString(), "record", "examples/cqm/surveillance-unrectified-complaint.json");
        assertThat(one.out()).contains("cqm star, 一星级 (1 star), issued 2026-11-12");
        assertThat(run(dir.toString(), "show", "1").out()).contains("现状 Now:          active, 一星级 (1 star);")
                .contains("issued at 一星级 (one star, 1 star) on surveillance-unrectified-complaint.json");
    }

    /**
     * {@code due --format json}, now written an item at a time, is byte for byte what the whole tree
     * gave before: the expected text is what the aftersales before the change (ed9517e) wrote of this
     * register, with every kind of field (a reference and none, overdue and not, an extra evaluation,
     * an unscheduled certificate).
     */
    @Test
    void dueAsJsonIsWrittenAsBefore() {
        String register = dir.toString();
        run(register, "record", "examples/cqm/cqm-five-star.json", "--reference", "CQM-2026-001");
        run(register, "record", "examples/zg025-combined.json");
        run(register, "record", "examples/gbt27922-form.json");
        CliRun incident = run(register, "incident", "CQM-2026-001", "--type", "majorComplaint", "--date", "2026-11-20",
                "--note", "a \"quoted\" note");
        assertThat(incident.exit()).as(incident.err()).isZero();
        CliRun due = run(register, "due", "--on", "2027-12-31", "--today", "2027-11-19", "--format", "json");
        assertThat(due.exit()).as(due.err()).isZero();
        assertThat(due.out()).isEqualTo("""
                {
                  "on" : "2027-12-31",
                  "today" : "2027-11-19",
                  "due" : [ {
                    "certificate" : 1,
                    "reference" : "CQM-2026-001",
                    "organisation" : "示例服务有限公司 (Example Service Co., Ltd. — fictitious)",
                    "scheme" : "cqm",
                    "variant" : "star",
                    "state" : "active",
                    "what" : "extra evaluation",
                    "due" : "2026-11-20",
                    "overdue" : true,
                    "basis" : "majorComplaint on 2026-11-20 calls for an extra evaluation (CQM/F-RZ-ZY-06-001 5.1: 一般情况下每年评价一次，特殊情况如发生事故、重大投诉等情况时，增加评价次数; 6.4)"
                  }, {
                    "certificate" : 1,
                    "reference" : "CQM-2026-001",
                    "organisation" : "示例服务有限公司 (Example Service Co., Ltd. — fictitious)",
                    "scheme" : "cqm",
                    "variant" : "star",
                    "state" : "active",
                    "what" : "surveillance",
                    "due" : "2027-10-15",
                    "overdue" : true,
                    "basis" : "at most 12 months after the last evaluation on 2026-10-15 (CQM/F-RZ-ZY-06-001 5.1: 一般情况下每年评价一次，特殊情况如发生事故、重大投诉等情况时，增加评价次数; 6.4)"
                  }, {
                    "certificate" : 2,
                    "reference" : null,
                    "organisation" : "示例电器有限公司 (Example Appliances Co., Ltd. — fictitious)",
                    "scheme" : "zg025-combined",
                    "variant" : "combined",
                    "state" : "active",
                    "what" : "surveillance",
                    "due" : "2027-11-20",
                    "overdue" : false,
                    "basis" : "at most 12 months after the last evaluation on 2026-11-20 (CTS Q/ZG025-2022 4.4: 至少按年度进行监督评价，至少每三年重新评价一次)"
                  } ],
                  "unscheduled" : [ {
                    "certificate" : 3,
                    "why" : "the standard of gbt27922 form gives no surveillance interval"
                  } ]
                }
                """);
    }

    @Test
    void aReadNeverChangesTheRegisterFile() throws Exception {
        String register = dir.toString();
        run(register, "record", "examples/cqm/cqm-five-star.json", "--reference", "R-1");
        run(register, "surveil", "R-1", "examples/cqm/surveillance-downgrade.json");
        Path file = dir.resolve("register.mv.db");
        byte[] before = Files.readAllBytes(file);
        for (String[] args : List.of(new String[] {"list"}, new String[] {"search", "r-1"}, new String[] {"show", "1"},
                new String[] {"show", "r-1", "--format", "json"}, new String[] {"due", "--on", "2027-12-31"},
                new String[] {"export", "--format", "json"}, new String[] {"export", "--events"})) {
            CliRun r = run(register, args);
            assertThat(r.exit()).as(String.join(" ", args) + ": " + r.err()).isZero();
            assertThat(Files.readAllBytes(file)).as(String.join(" ", args)).isEqualTo(before);
        }
    }

    @Test
    void theRegisterFileIsNeverTakenAsTheOutput() throws Exception {
        String register = dir.toString();
        run(register, "record", "examples/cqm/cqm-five-star.json");
        Path file = dir.resolve("register.mv.db");
        for (String[] args : List.of(new String[] {"export", "-o", file.toString(), "--force"},
                new String[] {"show", "1", "--assessment", "1", "-o", file.toString(), "--force"})) {
            CliRun r = run(register, args);
            assertThat(r.exit()).isEqualTo(ExitCode.OUTPUT);
            assertThat(r.err()).isEqualTo("error: " + file + ": is the register's own file; choose another output file\n");
        }
        // the same register named by a URL of another form: H2 says which file it is
        String url = "jdbc:h2:" + dir.resolve("register") + ";AUTO_SERVER=TRUE";
        CliRun viaUrl = run(url, "export", "-o", file.toString(), "--force");
        assertThat(viaUrl.exit()).isEqualTo(ExitCode.OUTPUT);
        // still the register (H2 itself touches its file's header on every open, so not byte for byte)
        assertThat(run(register, "list").out()).contains("1 certificate");
        assertThat(run(register, "show", "1").out()).contains("#1  2026-10-15  issued");
    }

    @Test
    void aRefusedFirstRecordLeavesNoRegisterBehind() {
        CliRun r = run(dir.toString(), "record", "examples/gbt27922-annex-b.yaml");
        assertThat(r.exit()).isEqualTo(ExitCode.REFUSED); // a sound file the register will not issue on
        assertThat(r.err()).contains("reaches no level (未达标), so no certificate can be issued");
        assertThat(dir.resolve("register.mv.db")).doesNotExist();
        assertThat(run(dir.toString(), "copy", "--to", " ").exit()).isEqualTo(ExitCode.USAGE);
    }

    @Test
    void certificateOfASchemeNotInstalledIsNamed() throws Exception {
        String register = dir.toString();
        run(register, "record", "examples/cqm/cqm-five-star.json");
        // a certificate recorded by an aftersales that had a plugin this one lacks
        try (Connection c = java.sql.DriverManager.getConnection("jdbc:h2:file:" + dir.resolve("register")
                + ";AUTO_SERVER=TRUE"); Statement s = c.createStatement()) {
            s.executeUpdate("INSERT INTO certificate (reference, organisation, scheme, variant, scheme_version, issued_on,"
                    + " recorded_at, recorded_by) VALUES ('P-1', 'Plugin Co.', 'acme-service', 'main', 'ACME-1',"
                    + " DATE '2026-01-05', CURRENT_TIMESTAMP, 'other')");
            s.executeUpdate("INSERT INTO certificate_event (certificate_id, seq, kind, event_date, decision, state, stars,"
                    + " grade, cycle_start, reason, recorded_at, recorded_by) VALUES (2, 1, 'issued', DATE '2026-01-05',"
                    + " 'issue', 'active', 3, 'gold', DATE '2026-01-05', 'issued', CURRENT_TIMESTAMP, 'other')");
        }
        CliRun r = run(register, "surveil", "P-1", "examples/cqm/surveillance-downgrade.json");
        assertThat(r.exit()).isEqualTo(ExitCode.INPUT);
        assertThat(r.err()).startsWith("error: certificate 2 (P-1) is of scheme acme-service, which is not installed here");
        CliRun due = run(register, "due", "--on", "2027-12-31", "--today", "2026-11-23");
        assertThat(due.out()).contains("certificate 2 (P-1), Plugin Co.: scheme acme-service main is not installed");
    }

    @Test
    void fileThatIsNotARegisterIsRefusedAndKept() throws Exception {
        Path file = dir.resolve("register.mv.db");
        Files.writeString(file, "notes, not a database\n".repeat(100), StandardCharsets.UTF_8);
        CliRun r = run(dir.toString(), "record", "examples/cqm/cqm-five-star.json");
        assertThat(r.exit()).isEqualTo(ExitCode.DATABASE);
        assertThat(r.err()).startsWith("error: cannot open the register at " + file.toAbsolutePath() + " (--register): ")
                .hasLineCount(1);
        assertThat(Files.readString(file)).isEqualTo("notes, not a database\n".repeat(100));
    }

    @Test
    void postgresqlThatDoesNotAnswerIsOneLine() {
        CliRun r = run("jdbc:postgresql://127.0.0.1:1/register?connectTimeout=5", "list");
        assertThat(r.exit()).isEqualTo(ExitCode.DATABASE);
        assertThat(r.err()).startsWith("error: cannot open the register at jdbc:postgresql://127.0.0.1:1/register")
                .hasLineCount(1);
    }
}

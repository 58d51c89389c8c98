package io.github.aftersales.register;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Concurrent writers, crashes mid-write, and databases the register must refuse. */
class RegisterDurabilityTest {

    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(Databases.class)
    void concurrentWritersLoseNothing(Databases db) throws Exception {
        RegisterSettings settings = db.fresh(dir);
        EvaluatedAssessment cqm = Fixtures.evaluated("cqm/cqm-five-star.json", null);
        try (Register setup = Register.open(settings, Register.Access.WRITE)) {
            setup.record("Shared Co.", null, cqm);
        }
        int writers = 8;
        int each = 10;
        List<Callable<Void>> auditors = new ArrayList<>();
        for (int w = 0; w < writers; w++) {
            int writer = w;
            auditors.add(() -> {
                // each writer is an auditor with a connection of their own
                try (Register register = Register.open(settings, Register.Access.WRITE)) {
                    for (int i = 0; i < each; i++) {
                        register.record("Org " + writer + "-" + i, "R-" + writer + "-" + i, cqm);
                        register.incident("1", Fixtures::variantOf, "negativeInformation", LocalDate.of(2026, 11, 1),
                                "writer " + writer + " entry " + i);
                    }
                }
                return null;
            });
        }
        atOnce(auditors);
        try (Register register = Register.open(settings, Register.Access.READ)) {
            assertThat(register.list(null)).hasSize(1 + writers * each);
            assertThat(register.list("R-")).hasSize(writers * each);
            CertificateView shared = register.find("1");
            assertThat(shared.history()).extracting(CertificateEvent::seq)
                    .containsExactlyElementsOf(IntStream.rangeClosed(1, 1 + writers * each).boxed().toList());
            assertThat(shared.history()).extracting(CertificateEvent::reason).filteredOn(r -> r.contains("writer "))
                    .hasSize(writers * each).doesNotHaveDuplicates();
        }
    }

    @ParameterizedTest
    @EnumSource(Databases.class)
    void concurrentSurveillancesAreEachDecidedOnTheStateTheOtherLeft(Databases db) throws Exception {
        RegisterSettings settings = db.fresh(dir);
        try (Register setup = Register.open(settings, Register.Access.WRITE)) {
            for (int i = 0; i < 20; i++) {
                setup.record("Org " + i, null, Fixtures.evaluated("cqm/cqm-five-star.json", null));
            }
        }
        EvaluatedAssessment complaint = Fixtures.evaluated("cqm/surveillance-unrectified-complaint.json", null)
                .withDate(LocalDate.of(2026, 11, 18));
        EvaluatedAssessment lower = Fixtures.evaluated("cqm/surveillance-downgrade.json", null);
        List<Callable<Void>> auditors = new ArrayList<>();
        for (EvaluatedAssessment e : List.of(complaint, lower)) {
            auditors.add(() -> {
                try (Register register = Register.open(settings, Register.Access.UPDATE)) {
                    for (int i = 1; i <= 20; i++) {
                        register.surveil(Integer.toString(i), e, java.util.Optional.empty());
                    }
                }
                return null;
            });
        }
        atOnce(auditors);
        try (Register register = Register.open(settings, Register.Access.READ)) {
            for (CertificateView c : register.list(null)) {
                assertThat(c.history()).extracting(CertificateEvent::seq).containsExactly(1, 2, 3);
                // both on 2026-11-18: whichever came second was decided on the state the first left
                CertificateEvent second = c.history().get(2);
                if (second.decision().equals("suspend")) {
                    assertThat(c.history().get(1).decision()).isEqualTo("downgrade");
                    assertThat(second.stars()).isEqualTo(4); // suspended at the four stars the first left
                } else {
                    assertThat(c.history().get(1).decision()).isEqualTo("suspend");
                    assertThat(second.reason()).startsWith("reinstated");
                    assertThat(second.stars()).isEqualTo(4);
                }
            }
        }
    }

    @ParameterizedTest
    @EnumSource(Databases.class)
    void readingAnEmptyDatabaseCreatesNothing(Databases db) throws Exception {
        RegisterSettings settings = db.fresh(dir);
        assertThatThrownBy(() -> Register.open(settings, Register.Access.READ)).hasMessageStartingWith(
                "there is no register yet at");
        assertThatThrownBy(() -> Register.open(settings, Register.Access.UPDATE)).hasMessageStartingWith(
                "there is no register yet at");
        if (db == Databases.POSTGRESQL) {
            try (Connection c = connect(settings); Statement s = c.createStatement()) {
                assertThat(count(s, "SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = 'public'"))
                        .isZero();
            }
        } else {
            assertThat(dir.resolve("register.mv.db")).doesNotExist();
        }
    }

    @ParameterizedTest
    @EnumSource(Databases.class)
    void failureInsideAWriteLeavesTheRegisterAsItWas(Databases db) {
        RegisterSettings settings = db.fresh(dir);
        try (Register register = Register.open(settings, Register.Access.WRITE)) {
            register.record("Before Co.", null, Fixtures.evaluated("cqm/cqm-five-star.json", null));
            register.steps = step -> {
                if (step.equals("certificate inserted")) {
                    throw new IllegalStateException("disk full (simulated)");
                }
            };
            assertThatThrownBy(() -> register.record("Half Co.", null,
                    Fixtures.evaluated("cqm/cqm-five-star.json", null))).hasMessageContaining("disk full");
            register.steps = step -> {
                if (step.equals("event inserted")) {
                    throw new IllegalStateException("connection lost (simulated)");
                }
            };
            assertThatThrownBy(() -> register.incident("1", Fixtures::variantOf, "majorComplaint",
                    LocalDate.of(2026, 11, 1), null)).hasMessageContaining("connection lost");
            register.steps = step -> { };
            assertThat(register.list(null)).extracting(c -> c.certificate().organisation()).containsExactly("Before Co.");
            assertThat(register.find("1").history()).hasSize(1);
        }
    }

    @Tag("thorough") // a child JVM killed mid-write on both databases: about 9 s
    @ParameterizedTest
    @EnumSource(Databases.class)
    void processKilledMidWriteLeavesTheRegisterAsItWas(Databases db) throws Exception {
        RegisterSettings settings = db.fresh(dir);
        try (Register register = Register.open(settings, Register.Access.WRITE)) {
            register.record("Before Co.", null, Fixtures.evaluated("cqm/cqm-five-star.json", null));
        }
        for (String step : List.of("certificate inserted", "event inserted")) {
            Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp", System.getProperty("java.class.path"), CrashingWriter.class.getName(), settings.url(),
                    settings.user() == null ? "" : settings.user(), step).redirectErrorStream(true).start();
            try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(),
                    StandardCharsets.UTF_8))) {
                StringBuilder seen = new StringBuilder();
                String line;
                while ((line = out.readLine()) != null && !line.equals("REACHED " + step)) {
                    seen.append(line).append('\n');
                }
                assertThat(line).as("the child's output:\n%s", seen).isEqualTo("REACHED " + step);
                child.destroyForcibly(); // SIGKILL: no shutdown hook, no rollback by the program
                assertThat(child.waitFor(1, TimeUnit.MINUTES)).isTrue();
            }
            try (Register register = Register.open(settings, Register.Access.WRITE)) {
                assertThat(register.list(null)).extracting(c -> c.certificate().organisation())
                        .containsExactly("Before Co.");
                assertThat(register.find("1").history()).hasSize(1);
            }
        }
        try (Register register = Register.open(settings, Register.Access.WRITE)) {
            register.record("After Co.", null, Fixtures.evaluated("cqm/cqm-five-star.json", null));
            assertThat(register.list(null)).hasSize(2);
        }
    }

    @ParameterizedTest
    @EnumSource(Databases.class)
    void registerWithANewerSchemaIsRefusedAndNotWritten(Databases db) throws Exception {
        RegisterSettings settings = db.fresh(dir);
        try (Register register = Register.open(settings, Register.Access.WRITE)) {
            register.record("Before Co.", null, Fixtures.evaluated("cqm/cqm-five-star.json", null));
        }
        long rows;
        try (Connection c = connect(settings); Statement s = c.createStatement()) {
            rows = count(s, "SELECT COUNT(*) FROM \"register_schema_history\"");
            s.executeUpdate("INSERT INTO \"register_schema_history\" (\"installed_rank\", \"version\", \"description\","
                    + " \"type\", \"script\", \"checksum\", \"installed_by\", \"execution_time\", \"success\")"
                    + " VALUES (99, '99', 'from the future', 'SQL', 'V99__from_the_future.sql', 0, 'test', 1, TRUE)");
        }
        assertThatThrownBy(() -> Register.open(settings, Register.Access.WRITE))
                .isInstanceOf(RegisterException.class)
                // PostgreSQL has one migration more, the append check (V4), which H2 has no roles for; both have V7
                .hasMessageContaining("has schema version 99 (from the future), newer than this aftersales knows (up to"
                        + " 7)")
                .extracting(e -> ((RegisterException) e).kind()).isEqualTo(RegisterException.Kind.DATABASE);
        try (Connection c = connect(settings); Statement s = c.createStatement()) {
            assertThat(count(s, "SELECT COUNT(*) FROM \"register_schema_history\"")).isEqualTo(rows + 1);
            assertThat(count(s, "SELECT COUNT(*) FROM certificate")).isEqualTo(1);
        }
    }

    /**
     * A read checks the schema with one query, not Flyway: it must trust exactly what Flyway writes,
     * and leave every other history to Flyway's messages (older, newer).
     */
    @ParameterizedTest
    @EnumSource(Databases.class)
    void aReadTrustsOnlyTheSchemaHistoryThisProgramWritesAndSaysWhatElseItFinds(Databases db) throws Exception {
        RegisterSettings settings = db.fresh(dir);
        try (Register register = Register.open(settings, Register.Access.WRITE)) {
            register.record("Before Co.", null, Fixtures.evaluated("cqm/cqm-five-star.json", null));
        }
        java.util.Map<String, Integer> expected = new java.util.HashMap<>(RegisterDatabase.MIGRATIONS);
        if (db == Databases.POSTGRESQL) {
            expected.putAll(RegisterDatabase.POSTGRESQL_MIGRATIONS);
        }
        java.util.Map<String, Integer> written = new java.util.HashMap<>();
        try (Connection c = connect(settings); Statement s = c.createStatement();
                java.sql.ResultSet rs = s.executeQuery("SELECT \"version\", \"checksum\" FROM"
                        + " \"register_schema_history\" WHERE \"version\" IS NOT NULL AND \"success\"")) {
            while (rs.next()) {
                written.put(rs.getString(1), rs.getInt(2));
            }
        }
        assertThat(written).isEqualTo(expected);
        try (Register register = Register.open(settings, Register.Access.READ)) {
            assertThat(register.list(null)).hasSize(1);
        }

        // a register last written by the aftersales before V5 (the index of what due reads; and so before the
        // chain, V6 and V7): still read, by Flyway's look, and the next command that writes adds the index and chain
        try (Connection c = connect(settings); Statement s = c.createStatement()) {
            s.executeUpdate("DROP INDEX certificate_event_standing");
            for (String column : CertificateStore.CHAIN_COLUMNS) {
                s.executeUpdate("ALTER TABLE certificate_event DROP COLUMN " + column);
            }
            s.executeUpdate("DELETE FROM \"register_schema_history\" WHERE \"version\" IN ('5', '6', '7')");
        }
        try (Register register = Register.open(settings, Register.Access.READ)) {
            assertThat(register.list(null)).hasSize(1);
            assertThat(register.due(java.time.LocalDate.of(2030, 1, 1), java.time.LocalDate.of(2026, 1, 1),
                    Fixtures::variant).items()).hasSize(1); // the yearly surveillance of CQM 5.1
        }
        try (Connection c = connect(settings); Statement s = c.createStatement()) {
            assertThat(count(s, "SELECT COUNT(*) FROM \"register_schema_history\" WHERE \"version\" = '5'")).isZero();
        }
        try (Register register = Register.open(settings, Register.Access.WRITE)) {
            assertThat(register.list(null)).hasSize(1);
        }
        try (Connection c = connect(settings); Statement s = c.createStatement()) {
            assertThat(count(s, "SELECT COUNT(*) FROM \"register_schema_history\" WHERE \"version\" = '5'"))
                    .isEqualTo(1);
            assertThat(count(s, db == Databases.POSTGRESQL
                    ? "SELECT COUNT(*) FROM pg_indexes WHERE indexname = 'certificate_event_standing'"
                    : "SELECT COUNT(*) FROM information_schema.indexes WHERE index_name = 'CERTIFICATE_EVENT_STANDING'"))
                    .isEqualTo(1);
        }

        String last = db == Databases.POSTGRESQL ? "4" : "3";
        try (Connection c = connect(settings); Statement s = c.createStatement()) {
            s.executeUpdate("DELETE FROM \"register_schema_history\" WHERE \"version\" IN ('" + last
                    + "', '5', '6', '7')");
        }
        String older = db == Databases.POSTGRESQL ? "3" : "2";
        assertThatThrownBy(() -> Register.open(settings, Register.Access.READ))
                .isInstanceOf(RegisterException.class)
                .hasMessageContaining("has schema version " + older + " and this aftersales uses 7"
                        + "; a command that writes (record, surveil, reevaluate, incident) upgrades it. Nothing was"
                        + " read or written");

        try (Connection c = connect(settings); Statement s = c.createStatement()) {
            s.executeUpdate("INSERT INTO \"register_schema_history\" (\"installed_rank\", \"version\", \"description\","
                    + " \"type\", \"script\", \"checksum\", \"installed_by\", \"execution_time\", \"success\")"
                    + " VALUES (99, '99', 'from the future', 'SQL', 'V99__from_the_future.sql', 0, 'test', 1, TRUE)");
        }
        assertThatThrownBy(() -> Register.open(settings, Register.Access.READ))
                .isInstanceOf(RegisterException.class)
                .hasMessageContaining("has schema version 99 (from the future), newer than this aftersales knows (up to 7)")
                .extracting(e -> ((RegisterException) e).kind()).isEqualTo(RegisterException.Kind.DATABASE);
    }

    @Test
    void copyWhoseConnectionIsLostSaysSoInOneSentenceAndLeavesTheTargetEmpty() throws Exception {
        RegisterSettings source = Databases.H2.fresh(dir);
        try (Register register = Register.open(source, Register.Access.WRITE)) {
            register.record("One Co.", null, Fixtures.evaluated("cqm/cqm-five-star.json", null));
            register.record("Two Co.", null, Fixtures.evaluated("cqm/cqm-five-star.json", null));
        }
        RegisterSettings target = Databases.POSTGRESQL.fresh(dir);
        String database = target.url().replaceFirst("^.*/([^/?]+)(\\?.*)?$", "$1");
        try (Register from = Register.open(source, Register.Access.READ);
                Register into = Register.open(target, Register.Access.WRITE)) {
            // the server ends the copy's connections after its first certificate (a restart, a network cut)
            into.steps = step -> {
                try (Connection c = Databases.postgres().getPostgresDatabase().getConnection();
                        Statement s = c.createStatement()) {
                    s.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '" + database
                            + "'");
                } catch (java.sql.SQLException e) {
                    throw new IllegalStateException(e);
                }
            };
            assertThatThrownBy(() -> from.copyTo(into)).isInstanceOf(RegisterException.class)
                    .hasMessageStartingWith("could not copy the register to " + target.describe()
                            + " in the register at ")
                    .hasMessageEndingWith(": the connection to the database was lost. Nothing was written")
                    .hasMessageNotContaining("has been closed").hasMessageNotContaining("..");
        }
        try (Connection c = connect(target); Statement s = c.createStatement()) {
            assertThat(count(s, "SELECT COUNT(*) FROM certificate")).isZero();
        }
    }

    @Test
    void onPostgresqlAnAuditorRoleThatMayOnlyReadAndAddWorksAndCannotRewrite() throws Exception {
        RegisterSettings owner = Databases.POSTGRESQL.fresh(dir);
        try (Register register = Register.open(owner, Register.Access.WRITE)) {
            register.record("Owner Co.", null, Fixtures.evaluated("cqm/cqm-five-star.json", null));
        }
        String role = "auditor_" + System.nanoTime();
        try (Connection c = connect(owner); Statement s = c.createStatement()) {
            s.execute("CREATE ROLE " + role + " LOGIN PASSWORD 'pw'");
            // the grants docs/register.md gives
            s.execute("GRANT SELECT, INSERT ON certificate, certificate_event TO " + role);
            s.execute("GRANT USAGE ON SEQUENCE certificate_id_seq TO " + role);
            s.execute("GRANT SELECT ON register_schema_history TO " + role);
        }
        // the embedded server's URL names its superuser: the auditor's has no user in it
        String url = owner.url().replaceFirst("\\?.*$", "");
        RegisterSettings auditor = new RegisterSettings(url, role, "pw", "test");
        try (Register register = Register.open(auditor, Register.Access.WRITE)) {
            register.record("Auditor Co.", null, Fixtures.evaluated("cqm/cqm-five-star.json", null));
            register.surveil("1", Fixtures.evaluated("cqm/surveillance-downgrade.json", null), java.util.Optional.empty());
            assertThat(register.list(null)).hasSize(2);
            assertThat(register.find("1").stars()).isEqualTo(4);
        }
        Properties p = new Properties();
        p.setProperty("user", role);
        p.setProperty("password", "pw");
        try (Connection c = DriverManager.getConnection(url, p); Statement s = c.createStatement()) {
            assertThat(c.getMetaData().getUserName()).isEqualTo(role);
            assertThatThrownBy(() -> s.executeUpdate("UPDATE certificate_event SET stars = 5"))
                    .hasMessageContaining("permission denied");
            assertThatThrownBy(() -> s.executeUpdate("DELETE FROM certificate_event"))
                    .hasMessageContaining("permission denied");

            // issue 23, item 8: the forged history, a CQM surveillance upgrade back-dated to 2020 by someone else
            String forged = "INSERT INTO certificate_event (certificate_id, seq, kind, event_date, decision, state,"
                    + " stars, grade, cycle_start, reason, assessment_name, assessment, result, recorded_at,"
                    + " recorded_by) VALUES (1, 3, 'surveillance', DATE '%s', '%s', 'active', %d, '%s',"
                    + " DATE '2026-10-15', 'forged', 'f.json', '\\x7b7d', '{}',"
                    + " TIMESTAMP WITH TIME ZONE '2020-06-01 10:00:00+00', 'someone-else')";
            assertThatThrownBy(() -> s.executeUpdate(forged.formatted("2020-06-01", "upgrade", 5, "五星级")))
                    .hasMessageContaining("register: certificate 1 entry #3: 2020-06-01 is before the issue on"
                            + " 2026-10-15");
            assertThatThrownBy(() -> s.executeUpdate(forged.formatted("2026-11-20", "upgrade", 5, "五星级")))
                    .hasMessageContaining("register: certificate 1 entry #3: a surveillance of cqm star does not"
                            + " raise the certificate");
            assertThatThrownBy(() -> s.executeUpdate(forged.formatted("2026-11-20", "keep", 5, "五星级")))
                    .hasMessageContaining("register: certificate 1 entry #3: a surveillance keeps");
            assertThatThrownBy(() -> s.executeUpdate(forged.formatted("2026-11-20", "keep", 4, "四星级")
                    .replace("VALUES (1, 3,", "VALUES (1, 4,")))
                    .hasMessageContaining("register: certificate 1 entry #4: the next entry is #3");
            // tables of the session's own, named like the register's, come first on its search path: the
            // checks do not read them (their search path puts temporary tables last)
            s.execute("CREATE TEMP TABLE certificate (LIKE public.certificate)");
            s.execute("CREATE TEMP TABLE certificate_event (LIKE public.certificate_event)");
            assertThatThrownBy(() -> s.executeUpdate(forged.formatted("2020-06-01", "upgrade", 5, "五星级")
                    .replace("INSERT INTO certificate_event", "INSERT INTO public.certificate_event")))
                    .hasMessageContaining("register: certificate 1 entry #3: 2020-06-01 is before the issue on"
                            + " 2026-10-15");
            s.execute("DROP TABLE pg_temp.certificate_event, pg_temp.certificate");
            // a role that may create in the register's schema (PostgreSQL 14 and older let every role) makes an
            // equality on text that never holds, which would turn the upgrade check off: the checks do not see it
            try (Connection o = connect(owner); Statement os = o.createStatement()) {
                os.execute("GRANT CREATE ON SCHEMA public TO " + role);
            }
            s.execute("CREATE FUNCTION public.never_equal(a VARCHAR, b VARCHAR) RETURNS BOOLEAN LANGUAGE sql"
                    + " AS 'SELECT false'");
            s.execute("CREATE OPERATOR public.= (LEFTARG = VARCHAR, RIGHTARG = VARCHAR, FUNCTION = public.never_equal)");
            try {
                assertThatThrownBy(() -> s.executeUpdate(forged.formatted("2026-11-20", "upgrade", 5, "五星级")))
                        .hasMessageContaining("register: certificate 1 entry #3: a surveillance of cqm star does not"
                                + " raise the certificate");
            } finally {
                s.execute("DROP OPERATOR public.= (VARCHAR, VARCHAR)");
                s.execute("DROP FUNCTION public.never_equal(VARCHAR, VARCHAR)");
                try (Connection o = connect(owner); Statement os = o.createStatement()) {
                    os.execute("REVOKE CREATE ON SCHEMA public FROM " + role);
                }
            }
            // what the database can check it lets through, stamped with its own clock and the auditor's login
            OffsetDateTime before = OffsetDateTime.now().minusMinutes(1);
            s.executeUpdate(forged.formatted("2026-11-20", "keep", 4, "四星级"));
            try (ResultSet rs = s.executeQuery("SELECT recorded_by, recorded_at FROM certificate_event"
                    + " WHERE certificate_id = 1 AND seq = 3")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString(1)).isEqualTo(role);
                assertThat(rs.getObject(2, OffsetDateTime.class)).isAfter(before);
            }
            try (ResultSet rs = s.executeQuery("SELECT surveillance_regrading, recorded_by FROM certificate"
                    + " WHERE id = 2")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString(1)).isEqualTo("keep-or-downgrade"); // CQM 6.4, as the program recorded it
                assertThat(rs.getString(2)).isEqualTo(role);
            }
            // a certificate without its issue entry is refused when its transaction ends
            assertThatThrownBy(() -> s.executeUpdate("INSERT INTO certificate (organisation, scheme, variant,"
                    + " scheme_version, issued_on) VALUES ('Ghost Co.', 'cqm', 'star', 'x', DATE '2026-01-01')"))
                    .hasMessageContaining("register: certificate 3 has no issue entry");
        }
        try (Register register = Register.open(auditor, Register.Access.READ)) {
            assertThat(register.find("1").current().recordedBy()).isEqualTo(role);
        }
    }

    @Test
    void readingARegisterThatIsNotThereCreatesNothing() {
        RegisterSettings settings = RegisterSettings.embedded(dir.resolve("none"), "test");
        assertThatThrownBy(() -> Register.open(settings, Register.Access.READ))
                .hasMessageStartingWith("there is no register yet at " + dir.resolve("none").toAbsolutePath()
                        .resolve("register.mv.db") + " (test)")
                .hasMessageEndingWith("; 'register record' creates it");
        assertThat(dir.resolve("none")).doesNotExist();
    }

    @Test
    void fileThatIsNotARegisterIsRefusedAndKept() throws Exception {
        Path file = dir.resolve("register.mv.db");
        byte[] junk = "these are an auditor's notes, not a database\n".repeat(200).getBytes(StandardCharsets.UTF_8);
        Files.write(file, junk);
        assertThatThrownBy(() -> Register.open(RegisterSettings.embedded(dir, "test"), Register.Access.WRITE))
                .isInstanceOf(RegisterException.class).hasMessageStartingWith("cannot open the register at " + file
                        .toAbsolutePath());
        assertThat(Files.readAllBytes(file)).isEqualTo(junk);
    }

    @Test
    void directoryThatCannotBeCreatedIsRefused() throws Exception {
        Path notADirectory = Files.writeString(dir.resolve("plain-file"), "x");
        assertThatThrownBy(() -> Register.open(RegisterSettings.embedded(notADirectory.resolve("sub"), "test"),
                Register.Access.WRITE)).isInstanceOf(RegisterException.class)
                .hasMessageStartingWith("cannot open the register at " + notADirectory.toAbsolutePath());
    }

    @Test
    void postgresqlThatDoesNotAnswerIsRefused() {
        RegisterSettings settings = new RegisterSettings("jdbc:postgresql://127.0.0.1:1/register?connectTimeout=5",
                "auditor", "secret", "--register");
        assertThatThrownBy(() -> Register.open(settings, Register.Access.WRITE))
                .isInstanceOf(RegisterException.class)
                .hasMessageStartingWith("cannot open the register at jdbc:postgresql://127.0.0.1:1/register"
                        + "?connectTimeout=5 (--register): ")
                .hasMessageNotContaining("secret");
    }

    @Test
    void killedWhileCreatingTheRegisterLeavesNoneAndTheNextRecordMakesAWholeOne() throws Exception {
        RegisterSettings settings = Databases.H2.fresh(dir);
        for (String step : List.of("creating the schema", "schema created")) {
            Process child = crashAt(settings, step);
            child.destroyForcibly(); // SIGKILL in the middle of the very first record
            assertThat(child.waitFor(1, TimeUnit.MINUTES)).isTrue();
            assertThat(dir.resolve("register.mv.db")).as("after a kill at '%s'", step).doesNotExist();
            assertThatThrownBy(() -> Register.open(settings, Register.Access.READ))
                    .hasMessageStartingWith("there is no register yet at");
        }
        try (Register register = Register.open(settings, Register.Access.WRITE)) {
            register.record("After Co.", null, Fixtures.evaluated("cqm/cqm-five-star.json", null));
            assertThat(register.list(null)).hasSize(1);
        }
        // what the killed processes left is gone
        try (var files = Files.list(dir)) {
            assertThat(files.map(f -> f.getFileName().toString())).containsExactly("register.mv.db");
        }
    }

    @Test
    void aRegisterLeftHalfMadeIsNamedWithTheWayOut() throws Exception {
        // what an older aftersales killed during its first record left: one table (H2 keeps each CREATE TABLE)
        try (Connection c = DriverManager.getConnection("jdbc:h2:file:" + dir.resolve("register"));
                Statement s = c.createStatement()) {
            s.execute("CREATE TABLE certificate (id BIGINT PRIMARY KEY)");
        }
        for (Register.Access access : Register.Access.values()) {
            assertThatThrownBy(() -> Register.open(RegisterSettings.embedded(dir, "test"), access))
                    .isInstanceOf(RegisterException.class)
                    .hasMessage("the register at " + dir.toAbsolutePath().resolve("register.mv.db") + " (test) was left"
                            + " half-made (a process stopped while creating it: certificate but no schema applied) and"
                            + " so holds no certificate; remove it (delete " + dir.toAbsolutePath()
                                    .resolve("register.mv.db") + ") and run 'register record' again");
        }
    }

    /**
     * Another local user who may read the register's file but not write it: no server to connect to,
     * no lock file with a key, and H2 itself cannot change the file. Run as {@code nobody} (needs root).
     */
    @Test
    void aUserWhoCannotWriteTheFileCannotChangeTheRegister() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue("root".equals(System.getProperty("user.name"))
                && Files.isExecutable(Path.of("/usr/bin/setpriv")), "needs root and setpriv to act as another user");
        Files.setPosixFilePermissions(dir, java.nio.file.attribute.PosixFilePermissions.fromString("rwxr-xr-x"));
        Path h2 = Files.copy(Path.of(org.h2.Driver.class.getProtectionDomain().getCodeSource().getLocation().toURI()),
                dir.resolve("h2.jar"));
        Path registerDir = Files.createDirectory(dir.resolve("register"));
        RegisterSettings settings = RegisterSettings.embedded(registerDir, "test");
        try (Register register = Register.open(settings, Register.Access.WRITE)) {
            register.record("Owner Co.", null, Fixtures.evaluated("cqm/cqm-five-star.json", null));
            Path file = registerDir.resolve("register.mv.db");
            Files.setPosixFilePermissions(file, java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--"));
            // while the owner has it open: nothing beside the file, and no port of this process listens
            try (var files = Files.list(registerDir)) {
                assertThat(files.map(f -> f.getFileName().toString())).containsExactly("register.mv.db");
            }
            assertThat(listeningSocketsOfThisProcess()).isEmpty();
            String forged = asNobody(h2, registerDir);
            assertThat(forged).doesNotContain("Update count");
            assertThat(register.find("1").history()).singleElement().satisfies(e -> assertThat(e.stars()).isEqualTo(5));
        }
        byte[] closed = Files.readAllBytes(registerDir.resolve("register.mv.db"));
        assertThat(asNobody(h2, registerDir)).doesNotContain("Update count");
        assertThat(Files.readAllBytes(registerDir.resolve("register.mv.db"))).isEqualTo(closed);
        try (Register register = Register.open(settings, Register.Access.READ)) {
            assertThat(register.find("1").stars()).isEqualTo(5);
        }
    }

    /** Tries, as user nobody with H2's own shell, to rewrite the history, by the file and through a server. */
    private static String asNobody(Path h2, Path registerDir) throws Exception {
        StringBuilder all = new StringBuilder();
        for (String url : List.of("jdbc:h2:file:" + registerDir.resolve("register"),
                "jdbc:h2:file:" + registerDir.resolve("register") + ";AUTO_SERVER=TRUE")) {
            Process p = new ProcessBuilder("/usr/bin/setpriv", "--reuid=65534", "--regid=65534", "--clear-groups",
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp", h2.toString(),
                    "org.h2.tools.Shell", "-url", url, "-user", "", "-password", "",
                    "-sql", "UPDATE certificate_event SET stars = 1").redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(p.waitFor(2, TimeUnit.MINUTES)).isTrue();
            // refused by H2 itself: the file is read-only to nobody, or open (locked) by its owner
            assertThat(out).as("nobody's shell on %s", url).doesNotContain("Could not find or load main class")
                    .containsAnyOf("The database is read only", "Database may be already in use",
                            "AUTO_SERVER=TRUE && (readOnly");
            all.append(out);
        }
        return all.toString();
    }

    /** The TCP sockets in LISTEN state that this JVM holds (from /proc: its socket inodes among the listening ones). */
    private static List<String> listeningSocketsOfThisProcess() throws Exception {
        java.util.Set<String> mine = new java.util.HashSet<>();
        try (var fds = Files.list(Path.of("/proc/self/fd"))) {
            for (Path fd : fds.toList()) {
                try {
                    String target = Files.readSymbolicLink(fd).toString();
                    if (target.startsWith("socket:[")) {
                        mine.add(target.substring(8, target.length() - 1));
                    }
                } catch (java.io.IOException gone) {
                    // closed meanwhile
                }
            }
        }
        List<String> listening = new ArrayList<>();
        for (String table : List.of("/proc/net/tcp", "/proc/net/tcp6")) {
            Path p = Path.of(table);
            if (!Files.exists(p)) {
                continue;
            }
            // read once: other processes open and close sockets between two reads
            List<String> lines = Files.readAllLines(p);
            for (String line : lines.subList(1, lines.size())) {
                String[] f = line.trim().split("\\s+");
                if (f.length > 9 && f[3].equals("0A") && mine.contains(f[9])) {
                    listening.add(table + " " + f[1]);
                }
            }
        }
        return listening;
    }

    @Test
    @Tag("thorough") // waits out a held register
    void aSecondProcessWaitsForTheRegisterThenSucceedsOrIsToldItIsBusy() throws Exception {
        RegisterSettings settings = Databases.H2.fresh(dir);
        try (Register register = Register.open(settings, Register.Access.WRITE)) {
            register.record("Before Co.", null, Fixtures.evaluated("cqm/cqm-five-star.json", null));
        }
        Process holder = crashAt(settings, "event inserted"); // holds the register open, mid-write
        java.time.Duration was = RegisterDatabase.wait;
        RegisterDatabase.wait = java.time.Duration.ofSeconds(1);
        try {
            for (Register.Access access : Register.Access.values()) {
                assertThatThrownBy(() -> Register.open(settings, access)).isInstanceOf(RegisterException.class)
                        .hasMessage("the register at " + settings.describe() + " is busy: another process has had it"
                                + " open for the last 1 s; nothing was done, try again when it has finished");
            }
        } finally {
            RegisterDatabase.wait = was;
        }
        // the holder ends while this one waits: it then opens, and finds what the holder committed
        long start = System.nanoTime();
        Thread ender = new Thread(() -> {
            try {
                Thread.sleep(1500);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            holder.destroyForcibly();
        });
        ender.start();
        try (Register register = Register.open(settings, Register.Access.WRITE)) {
            assertThat(System.nanoTime() - start).isGreaterThan(TimeUnit.MILLISECONDS.toNanos(1000));
            assertThat(register.find("1").history()).hasSize(1);
        }
        ender.join();
    }

    @Test
    void aReadNeverWritesTheFileAndAFileThatMayOnlyBeReadIsRead() throws Exception {
        RegisterSettings settings = Databases.H2.fresh(dir);
        try (Register register = Register.open(settings, Register.Access.WRITE)) {
            register.record("Read Co.", "R-1", Fixtures.evaluated("cqm/cqm-five-star.json", null));
            register.surveil("R-1", Fixtures.evaluated("cqm/surveillance-downgrade.json", null), java.util.Optional.empty());
        }
        Path file = dir.resolve("register.mv.db");
        Files.setPosixFilePermissions(file, java.nio.file.attribute.PosixFilePermissions.fromString("r--r--r--"));
        byte[] before = Files.readAllBytes(file);
        // two readers at once: reading shares the file
        try (Register one = Register.open(settings, Register.Access.READ);
                Register two = Register.open(settings, Register.Access.READ)) {
            assertThat(one.list(null)).singleElement().satisfies(c -> assertThat(c.stars()).isEqualTo(4));
            assertThat(two.find("r-1").history()).hasSize(2);
            assertThat(one.due(LocalDate.of(2027, 12, 31), LocalDate.of(2027, 1, 1), Fixtures::variant).items())
                    .hasSize(1);
            assertThat(two.assessment(1, 2)).isPresent();
        }
        assertThat(Files.readAllBytes(file)).isEqualTo(before);
    }

    private static Process crashAt(RegisterSettings settings, String step) throws Exception {
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), CrashingWriter.class.getName(), settings.url(),
                settings.user() == null ? "" : settings.user(), step).redirectErrorStream(true).start();
        BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
        StringBuilder seen = new StringBuilder();
        String line;
        while ((line = out.readLine()) != null && !line.equals("REACHED " + step)) {
            seen.append(line).append('\n');
        }
        assertThat(line).as("the child's output:\n%s", seen).isEqualTo("REACHED " + step);
        return child;
    }

    /** Starts every task at the same moment, each on its own thread, and waits for all (their failures fail the test). */
    private static void atOnce(List<Callable<Void>> tasks) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(tasks.size());
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Void>> done = new ArrayList<>();
            for (Callable<Void> task : tasks) {
                done.add(pool.submit(() -> {
                    start.await();
                    return task.call();
                }));
            }
            start.countDown();
            for (Future<Void> f : done) {
                f.get(2, TimeUnit.MINUTES);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static Connection connect(RegisterSettings settings) throws Exception {
        Properties p = new Properties();
        if (settings.user() != null) {
            p.setProperty("user", settings.user());
        }
        return DriverManager.getConnection(settings.url(), p);
    }

    private static long count(Statement s, String sql) throws Exception {
        try (ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}

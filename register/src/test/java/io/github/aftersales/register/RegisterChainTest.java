package io.github.aftersales.register;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The hash chain of each certificate's history, on H2 and PostgreSQL: what the program records
 * checks whole; a row edited, removed or a certificate changed behind the program's back (plain SQL,
 * as the database's owner) is named by {@link Register#check}; a register from before the chain is
 * sealed by its upgrade.
 */
class RegisterChainTest {

    private static final Clock LATER = Clock.fixed(Instant.parse("2027-06-01T08:00:00.123456789Z"),
            ZoneId.of("Asia/Shanghai"));

    @TempDir
    Path dir;

    /** A CQM certificate issued, suspended by a surveillance, then downgraded by another, and an incident. */
    private static void history(Register register) {
        register.record("示例服务有限公司", "CQM-2026-001", Fixtures.evaluated("cqm/cqm-five-star.json", null)
                .withProvenance("{\"inputDigest\":\"sha256:00\"}"));
        register.surveil("1", Fixtures.evaluated("cqm/surveillance-unrectified-complaint.json", null), Optional.empty());
        register.surveil("1", Fixtures.evaluated("cqm/surveillance-downgrade.json", null), Optional.empty());
        register.incident("1", Fixtures::variantOf, "majorComplaint", java.time.LocalDate.of(2026, 11, 23), "press");
        register.record("Second Co.", null, Fixtures.evaluated("gbt27922-form.json", null));
    }

    private static List<String> check(Register register, Register.ChainCheck[] counts) {
        List<String> found = new ArrayList<>();
        counts[0] = register.check(found::add);
        return found;
    }

    private static void sql(RegisterSettings settings, String... statements) throws Exception {
        Properties p = new Properties();
        if (settings.user() != null) {
            p.setProperty("user", settings.user());
        }
        try (Connection c = DriverManager.getConnection(settings.url(), p); Statement s = c.createStatement()) {
            for (String statement : statements) {
                s.executeUpdate(statement);
            }
        }
    }

    @ParameterizedTest
    @EnumSource(Databases.class)
    void whatTheProgramRecordsChecksWholeAndEachEditBehindItsBackIsNamed(Databases db) throws Exception {
        RegisterSettings settings = db.fresh(dir);
        Register.ChainCheck[] counts = {null};
        String digest;
        try (Register register = Register.open(settings, Register.Access.WRITE, LATER, "auditor")) {
            history(register);
            assertThat(check(register, counts)).isEmpty();
            assertThat(counts[0].certificates()).isEqualTo(2);
            assertThat(counts[0].entries()).isEqualTo(5);
            assertThat(counts[0].registerDigest()).matches("sha256:[0-9a-f]{64}");
            digest = counts[0].registerDigest();
        }
        // the same register read again checks the same
        try (Register register = Register.open(settings, Register.Access.READ)) {
            assertThat(check(register, counts)).isEmpty();
            assertThat(counts[0].registerDigest()).isEqualTo(digest);
        }

        // a surveillance's grade made better behind the program's back
        sql(settings, "UPDATE certificate_event SET grade = '五星级', stars = 5 WHERE certificate_id = 1 AND seq = 3");
        try (Register register = Register.open(settings, Register.Access.READ)) {
            List<String> found = check(register, counts);
            assertThat(found).hasSize(1);
            assertThat(found.get(0)).startsWith("certificate 1 entry #3: was changed after it was recorded");
            assertThat(counts[0].broken()).isEqualTo(1);
        }
        sql(settings, "UPDATE certificate_event SET grade = '四星级', stars = 4 WHERE certificate_id = 1 AND seq = 3");
        try (Register register = Register.open(settings, Register.Access.READ)) {
            assertThat(check(register, counts)).as("put back as it was").isEmpty();
        }

        // the certificate's organisation changed, and the stored result of the issue
        sql(settings, "UPDATE certificate SET organisation = 'Other Co.' WHERE id = 2",
                "UPDATE certificate_event SET result = REPLACE(result, '五星级', '六星级') WHERE certificate_id = 1"
                        + " AND seq = 1");
        try (Register register = Register.open(settings, Register.Access.READ)) {
            List<String> found = check(register, counts);
            assertThat(found).hasSize(2);
            assertThat(found.get(0)).startsWith("certificate 1 entry #1: was changed after it was recorded");
            assertThat(found.get(1)).startsWith("certificate 2 entry #1: the certificate's row was changed");
        }

        // an entry removed from the middle of a history
        sql(settings, "DELETE FROM certificate_event WHERE certificate_id = 1 AND seq = 2");
        try (Register register = Register.open(settings, Register.Access.READ)) {
            List<String> found = check(register, counts);
            assertThat(found).anyMatch(f -> f.startsWith("certificate 1 entry #3: entry #2 is missing"))
                    .anyMatch(f -> f.startsWith("certificate 1 entry #3: does not follow entry #2"));
        }
    }

    @ParameterizedTest
    @EnumSource(Databases.class)
    void aRegisterFromBeforeTheChainIsSealedByItsUpgradeAndGrowsOnIt(Databases db) throws Exception {
        RegisterSettings settings = db.fresh(dir);
        try (Register register = Register.open(settings, Register.Access.WRITE, LATER, "auditor")) {
            history(register);
        }
        // as the aftersales before the chain left it: schema version 5, no chain columns
        sql(settings, "ALTER TABLE certificate_event DROP COLUMN provenance",
                "ALTER TABLE certificate_event DROP COLUMN prev_digest",
                "ALTER TABLE certificate_event DROP COLUMN entry_digest",
                "DELETE FROM \"register_schema_history\" WHERE \"version\" IN ('6', '7')");
        Register.ChainCheck[] counts = {null};
        // read as it is: listed, not checked, and a copy of it is sealed as it is copied
        try (Register register = Register.open(settings, Register.Access.READ)) {
            assertThat(register.list(null)).hasSize(2);
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> register.check(f -> { }))
                    .isInstanceOf(RegisterException.class).hasMessageContaining("has no chain yet");
            try (Register copy = Register.open(RegisterSettings.embedded(dir.resolve("copy"), "copy"),
                    Register.Access.WRITE)) {
                assertThat(register.copyTo(copy)).isEqualTo(2);
                assertThat(check(copy, counts)).isEmpty();
                assertThat(counts[0].entries()).isEqualTo(5);
            }
        }
        try (Register register = Register.open(settings, Register.Access.WRITE, LATER, "auditor")) {
            assertThat(check(register, counts)).isEmpty();
            assertThat(counts[0].entries()).isEqualTo(5);
            register.incident("CQM-2026-001", Fixtures::variantOf, "majorComplaint", java.time.LocalDate.of(2026, 11,
                    25), "after the upgrade");
            assertThat(check(register, counts)).isEmpty();
            assertThat(counts[0].entries()).isEqualTo(6);
        }
    }
}

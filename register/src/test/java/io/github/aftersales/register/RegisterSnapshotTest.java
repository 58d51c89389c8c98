package io.github.aftersales.register;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A listing read a page at a time is one snapshot (issue 15, item 5): a writer adds an incident to
 * the first and the last certificate in each of its transactions while {@code list} reads them two
 * to a page, so that the two are read many statements apart; both must show as many incidents.
 */
class RegisterSnapshotTest {

    private static final int CERTIFICATES = 40;

    @TempDir
    Path dir;

    private int page;

    @BeforeEach
    void smallPages() {
        page = CertificateStore.page;
        CertificateStore.page = 2;
    }

    @AfterEach
    void pages() {
        CertificateStore.page = page;
    }

    @Test
    void aListingRacingAWriterOnPostgresqlIsOneSnapshot() throws Exception {
        race();
    }

    /** The race is a matter of timing: the thorough run repeats it 20 times in a row. */
    @RepeatedTest(20)
    @Tag("thorough")
    void aListingRacingAWriterOnPostgresqlIsOneSnapshotTwentyTimesInARow() throws Exception {
        race();
    }

    private void race() throws Exception {
        RegisterSettings settings = Databases.POSTGRESQL.fresh(dir);
        try (Register register = Register.open(settings, Register.Access.WRITE)) {
            for (int i = 0; i < CERTIFICATES; i++) {
                register.record("Snapshot Co. " + i, null, Fixtures.evaluated("cqm/cqm-five-star.json", null));
            }
        }
        AtomicBoolean stop = new AtomicBoolean();
        AtomicInteger committed = new AtomicInteger();
        AtomicReference<Throwable> failed = new AtomicReference<>();
        Thread writer = new Thread(() -> {
            try (Connection c = DriverManager.getConnection(settings.url(), settings.user(), settings.password())) {
                c.setAutoCommit(false);
                for (int seq = 2; !stop.get(); seq++) {
                    for (long certificate : new long[] {1, CERTIFICATES}) {
                        try (PreparedStatement p = c.prepareStatement("INSERT INTO certificate_event (certificate_id,"
                                + " seq, kind, event_date, decision, state, stars, grade, cycle_start, reason,"
                                + " incident_type) VALUES (?, ?, 'incident', DATE '2026-10-20', 'note', 'active', 5,"
                                + " '五星级', DATE '2026-10-15', 'raced', 'majorComplaint')")) {
                            p.setLong(1, certificate);
                            p.setInt(2, seq);
                            p.executeUpdate();
                        }
                    }
                    c.commit();
                    committed.incrementAndGet();
                }
            } catch (Throwable e) {
                failed.set(e);
            }
        });
        writer.start();
        try (Register register = Register.open(settings, Register.Access.READ)) {
            while (committed.get() < 3 && failed.get() == null) {
                Thread.onSpinWait();
            }
            int before = committed.get();
            List<CertificateView> listed = new ArrayList<>();
            register.forEach(Listing.all(), false, c -> {
                listed.add(c);
                sleep(); // the writer commits meanwhile
            });
            stop.set(true);
            writer.join();
            assertThat(failed.get()).isNull();
            assertThat(listed).hasSize(CERTIFICATES);
            long first = incidents(listed.get(0));
            long last = incidents(listed.get(CERTIFICATES - 1));
            assertThat(first).as("incidents of certificate 1 and of certificate %d, read %d pages apart",
                    CERTIFICATES, CERTIFICATES / 2 - 1).isEqualTo(last).isGreaterThanOrEqualTo(before);
            assertThat(committed.get()).as("the writer committed while the listing read").isGreaterThan(before);
        } finally {
            stop.set(true);
            writer.join();
        }
        Optional.ofNullable(failed.get()).ifPresent(e -> {
            throw new AssertionError(e);
        });
    }

    private static void sleep() {
        try {
            Thread.sleep(2);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static long incidents(CertificateView c) {
        return c.history().stream().filter(e -> e.kind() == EventKind.INCIDENT).count();
    }
}

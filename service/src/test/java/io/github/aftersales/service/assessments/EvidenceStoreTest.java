package io.github.aftersales.service.assessments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.aftersales.register.Databases;
import io.github.aftersales.service.accounts.ServiceDatabase;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The store itself refuses to change the files of an assessment that is no longer editable, on both databases. */
class EvidenceStoreTest {

    @TempDir
    Path dir;

    private static byte[] text(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    /**
     * The state is read under the assessment's lock (the one a save takes), not only before: an addition checked on a
     * draft whose insert comes after a submission has committed keeps nothing, and a submitted assessment's file is
     * not removed.
     */
    @ParameterizedTest
    @EnumSource(Databases.class)
    void aSubmittedAssessmentsFilesAreNeitherAddedNorRemoved(Databases database) {
        try (ServiceDatabase db = ServiceDatabase.open(database.fresh(dir))) {
            AssessmentStore assessments = new AssessmentStore(db.jdbi(), Clock.systemUTC());
            EvidenceStore store = new EvidenceStore(db.jdbi(), Clock.systemUTC());
            AssessmentStore.Stored made = assessments.create("gbt27922", "form", "示例 Co.", "zhang", text("{}"), "mia");
            EvidenceStore.File kept = store.add(made.id(), 0, "5.1.1.2", "a.pdf", "application/pdf", text("abc"), "zhang",
                    1000);
            assessments.save(made.id(), 1, AssessmentStore.State.SUBMITTED, text("{}"), "zhang");

            assertThatThrownBy(() -> store.add(made.id(), 0, "5.1.1.2", "late.pdf", "application/pdf", text("def"),
                    "zhang", 1000)).hasMessage("the assessment is submitted");
            assertThatThrownBy(() -> store.remove(made.id(), kept.id())).hasMessage("the assessment is submitted");
            assertThat(store.list(made.id())).extracting(EvidenceStore.File::name).containsExactly("a.pdf");

            // returned to its auditor: editable again
            assessments.save(made.id(), 2, AssessmentStore.State.RETURNED, text("{}"), "mia");
            assertThat(store.remove(made.id(), kept.id())).isPresent();
            assertThat(store.list(made.id())).isEmpty();
        }
    }

    /**
     * An assessment's files are listed and their sizes summed from their rows alone: with the table of bytes out of
     * reach both still work (an addition beyond the limit is refused with what is held), only a download needs it; the
     * bytes are a BLOB on H2 (out of the row), BYTEA on PostgreSQL, and a removal deletes them.
     */
    @ParameterizedTest
    @EnumSource(Databases.class)
    void listingAndSummingReadNoBytes(Databases database) {
        try (ServiceDatabase db = ServiceDatabase.open(database.fresh(dir))) {
            AssessmentStore assessments = new AssessmentStore(db.jdbi(), Clock.systemUTC());
            EvidenceStore store = new EvidenceStore(db.jdbi(), Clock.systemUTC());
            AssessmentStore.Stored made = assessments.create("gbt27922", "form", "示例 Co.", "zhang", text("{}"), "mia");
            byte[] bytes = new byte[3000];
            for (int i = 0; i < bytes.length; i++) {
                bytes[i] = (byte) (i * 7);
            }
            EvidenceStore.File a = store.add(made.id(), 0, "5.1.1.2", "a.bin", "x/y", bytes, "zhang", 10_000);
            store.add(made.id(), 0, "5.1.1.3", "b.txt", "text/plain", text("abcd"), "zhang", 10_000);

            java.util.List<String> columns = db.jdbi().withHandle(h -> h.createQuery("SELECT LOWER(column_name) FROM"
                    + " information_schema.columns WHERE LOWER(table_name) = 'service_evidence'").mapTo(String.class)
                    .list());
            assertThat(columns).contains("size_bytes", "sha256").doesNotContain("content");
            String type = db.jdbi().withHandle(h -> h.createQuery("SELECT LOWER(data_type) FROM information_schema.columns"
                    + " WHERE LOWER(table_name) = 'service_evidence_content' AND LOWER(column_name) = 'content'")
                    .mapTo(String.class).one());
            assertThat(type).isEqualTo(database == Databases.H2 ? "binary large object" : "bytea");

            db.jdbi().useHandle(h -> h.execute("ALTER TABLE service_evidence_content RENAME TO evidence_content_away"));
            assertThat(store.list(made.id())).extracting(EvidenceStore.File::name, EvidenceStore.File::size)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple("a.bin", 3000L),
                            org.assertj.core.groups.Tuple.tuple("b.txt", 4L));
            // 3000 + 4 held, 7000 more would be 10004: refused before any byte is written
            assertThatThrownBy(() -> store.add(made.id(), 0, "5.1.1.2", "c.bin", "x/y", new byte[7000], "zhang",
                    10_000)).isInstanceOfSatisfying(EvidenceStore.Full.class, f -> assertThat(f.held()).isEqualTo(3004));
            assertThatThrownBy(() -> store.find(made.id(), a.id())).isNotNull();
            db.jdbi().useHandle(h -> h.execute("ALTER TABLE evidence_content_away RENAME TO service_evidence_content"));

            assertThat(store.find(made.id(), a.id()).orElseThrow().bytes()).isEqualTo(bytes);
            assertThat(store.remove(made.id(), a.id())).isPresent();
            long kept = db.jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM service_evidence_content")
                    .mapTo(Long.class).one());
            assertThat(kept).isEqualTo(1L);
            assertThat(store.find(made.id(), a.id())).isEmpty();
        }
    }

    /** What is done with an addition (the change log's line) fails: the file is not kept, its bytes neither. */
    @ParameterizedTest
    @EnumSource(Databases.class)
    void anAdditionWhoseLineFailsKeepsNothing(Databases database) {
        try (ServiceDatabase db = ServiceDatabase.open(database.fresh(dir))) {
            AssessmentStore assessments = new AssessmentStore(db.jdbi(), Clock.systemUTC());
            EvidenceStore store = new EvidenceStore(db.jdbi(), Clock.systemUTC());
            AssessmentStore.Stored made = assessments.create("gbt27922", "form", "示例 Co.", "zhang", text("{}"), "mia");
            java.util.List<Long> seen = new java.util.ArrayList<>();
            assertThatThrownBy(() -> store.add(made.id(), 0, "5.1.1.2", "a.pdf", "application/pdf", text("abc"), "zhang",
                    1000, (h, f) -> {
                        seen.add(f.id());
                        throw new IllegalStateException("the change log cannot be written");
                    })).hasMessage("the change log cannot be written");
            // the line was asked for the file as stored, then both were undone
            assertThat(seen).hasSize(1);
            assertThat(store.list(made.id())).isEmpty();
            assertThat(store.find(made.id(), seen.get(0))).isEmpty();
            long bytes = db.jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM service_evidence_content")
                    .mapTo(Long.class).one());
            assertThat(bytes).isZero();
        }
    }
}

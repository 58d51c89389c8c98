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
}

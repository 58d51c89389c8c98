package io.github.aftersales.service.assessments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.aftersales.register.Databases;
import io.github.aftersales.service.accounts.ServiceDatabase;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Revisions, stale saves and listing, on both databases. */
class AssessmentStoreTest {

    @TempDir
    Path dir;

    private static byte[] text(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @ParameterizedTest
    @EnumSource(Databases.class)
    void everySaveIsARevisionAndAStaleOneWritesNothing(Databases database) {
        try (ServiceDatabase db = ServiceDatabase.open(database.fresh(dir))) {
            AssessmentStore store = new AssessmentStore(db.jdbi(), Clock.systemUTC());
            AssessmentStore.Stored made = store.create("gbt27922", "form", "示例 Co.", "zhang", text("{\"v\":1}"), "mia");
            assertThat(made.revision()).isEqualTo(1);
            assertThat(made.state()).isEqualTo(AssessmentStore.State.DRAFT);
            AssessmentStore.Stored second = store.save(made.id(), 1, AssessmentStore.State.DRAFT, text("{\"v\":2}"), "zhang");
            assertThat(second.revision()).isEqualTo(2);
            assertThat(new String(second.content(), StandardCharsets.UTF_8)).isEqualTo("{\"v\":2}");
            // a save on revision 1 again: refused, the revision to start from named, nothing written
            assertThatThrownBy(() -> store.save(made.id(), 1, AssessmentStore.State.DRAFT, text("{\"v\":\"lost?\"}"), "li"))
                    .isInstanceOfSatisfying(AssessmentStore.Stale.class, s -> assertThat(s.current()).isEqualTo(2));
            assertThat(new String(store.find(made.id()).orElseThrow().content(), StandardCharsets.UTF_8)).isEqualTo("{\"v\":2}");

            store.create("cqm", "star", "Other Co.", "li", text("{}"), "mia");
            store.save(made.id(), 2, AssessmentStore.State.SUBMITTED, text("{\"v\":2}"), "zhang");
            assertThat(store.list(Optional.empty(), Optional.empty())).extracting(AssessmentStore.Stored::organisation)
                    .containsExactly("示例 Co.", "Other Co.");
            assertThat(store.list(Optional.of("zhang"), Optional.empty())).singleElement()
                    .satisfies(s -> assertThat(s.revision()).isEqualTo(3));
            assertThat(store.list(Optional.empty(), Optional.of(AssessmentStore.State.DRAFT)))
                    .extracting(AssessmentStore.Stored::assignedTo).containsExactly("li");
            assertThat(store.find(999)).isEmpty();
        }
    }

    /**
     * A database made before grades were kept (the service's tables up to V4), holding a revision: upgraded, that
     * revision lists with no grade (the lists show "—"), and the next save keeps its own.
     */
    @ParameterizedTest
    @EnumSource(Databases.class)
    void revisionsSavedBeforeGradesWereKeptListWithoutOne(Databases database) throws Exception {
        io.github.aftersales.register.RegisterSettings settings = database.fresh(dir);
        io.github.aftersales.register.Register.open(settings, io.github.aftersales.register.Register.Access.WRITE)
                .close();
        org.flywaydb.core.Flyway.configure(getClass().getClassLoader())
                .dataSource(settings.url(), settings.user(), settings.password()).locations("classpath:db/service")
                .table("service_schema_history").baselineOnMigrate(true).baselineVersion("0").target("4")
                .placeholders(ServiceDatabase.placeholders(settings))
                .load().migrate();
        java.util.Properties credentials = new java.util.Properties();
        if (settings.user() != null) {
            credentials.setProperty("user", settings.user());
        }
        try (java.sql.Connection c = java.sql.DriverManager.getConnection(settings.url(), credentials);
                java.sql.Statement st = c.createStatement()) {
            st.execute("INSERT INTO service_assessment (id, scheme, variant, organisation, assigned_to, created_at,"
                    + " created_by) VALUES (7, 'gbt27922', 'form', 'Old Co.', 'zhang', CURRENT_TIMESTAMP, 'mia')");
            try (java.sql.PreparedStatement revision = c.prepareStatement("INSERT INTO service_assessment_revision"
                    + " (assessment_id, revision, state, content, saved_at, saved_by) VALUES (7, 1, 'draft', ?,"
                    + " CURRENT_TIMESTAMP, 'zhang')")) {
                revision.setBytes(1, text("{}"));
                revision.execute();
            }
        }
        try (ServiceDatabase db = ServiceDatabase.open(settings)) {
            AssessmentStore store = new AssessmentStore(db.jdbi(), Clock.systemUTC());
            assertThat(store.list(Optional.empty(), Optional.empty())).singleElement()
                    .satisfies(s -> assertThat(s.grade()).isEqualTo(AssessmentStore.Grade.NONE));
            AssessmentStore.Grade four = new AssessmentStore.Grade("四星级", "four stars", "92.85 / 100", "92.85");
            store.save(7, 1, AssessmentStore.State.DRAFT, text("{}"), "zhang", AssessmentStore.Decision.NONE, four);
            assertThat(store.find(7).orElseThrow().grade()).isEqualTo(four);
            assertThat(store.list(Optional.of("zhang"), Optional.empty())).singleElement()
                    .satisfies(s -> assertThat(s.grade()).isEqualTo(four));
        }
    }

    @ParameterizedTest
    @EnumSource(Databases.class)
    void ofEightSavesOnOneRevisionAtOnceOneIsKeptAndSevenAreToldSo(Databases database) throws Exception {
        try (ServiceDatabase db = ServiceDatabase.open(database.fresh(dir))) {
            AssessmentStore store = new AssessmentStore(db.jdbi(), Clock.systemUTC());
            long id = store.create("gbt27922", "form", "Co.", "zhang", text("{}"), "zhang").id();
            ExecutorService pool = Executors.newFixedThreadPool(8);
            CountDownLatch go = new CountDownLatch(1);
            List<Future<Boolean>> saves = new ArrayList<>();
            for (int n = 0; n < 8; n++) {
                int which = n;
                saves.add(pool.submit(() -> {
                    go.await();
                    try {
                        store.save(id, 1, AssessmentStore.State.DRAFT, text("{\"by\":" + which + "}"), "zhang");
                        return true;
                    } catch (AssessmentStore.Stale stale) {
                        return false;
                    }
                }));
            }
            go.countDown();
            int kept = 0;
            for (Future<Boolean> f : saves) {
                kept += f.get() ? 1 : 0;
            }
            pool.shutdown();
            assertThat(kept).isEqualTo(1);
            assertThat(store.find(id).orElseThrow().revision()).isEqualTo(2);
        }
    }
}

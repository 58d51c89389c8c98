package io.github.aftersales.service.assessments;

import java.sql.SQLException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;

/**
 * Assessments filled through the service, each save a new revision: nothing is updated or deleted, and a
 * save made on a revision that is no longer the latest is refused ({@link Stale}) with nothing written.
 */
public final class AssessmentStore {

    /** Where an assessment is in its life. */
    public enum State {
        /** Being filled by its auditor. */
        DRAFT,
        /** Sent for review: its auditor can no longer change it. */
        SUBMITTED,
        /** Sent back by a manager with comments: its auditor fills it again. */
        RETURNED,
        /** A manager's approval taken, the register being written (an interrupted approval stays here). */
        APPROVING,
        /** Approved: the register holds its certificate. */
        APPROVED;

        /** Whether its auditor may change it. */
        public boolean editable() {
            return this == DRAFT || this == RETURNED;
        }

        public String key() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }

        static State of(String key) {
            return valueOf(key.toUpperCase(java.util.Locale.ROOT));
        }
    }

    /** An assessment at its latest revision. */
    public record Stored(long id, String scheme, String variant, String organisation, String assignedTo, int revision,
            State state, byte[] content, OffsetDateTime savedAt, String savedBy, String comments,
            Certificate certificate, Grade grade) {
    }

    /**
     * A revision's grade as it was when saved (the score panel's): each part's grade as the standard names it and in
     * English, its total of the points declared and its percent, parts joined by {@value #JOIN}; all {@code null} for
     * a revision that did not grade, or was saved before grades were kept.
     */
    public record Grade(String grade, String gradeEn, String total, String percent) {
        public static final Grade NONE = new Grade(null, null, null, null);
        /** Between the parts of a combined assessment. */
        public static final String JOIN = " + ";
    }

    /** The register's certificate an approval recorded. */
    public record Certificate(long id, String reference) {
    }

    /** What a revision says besides its content: a manager's comments, the certificate of an approval. */
    public record Decision(String comments, Certificate certificate) {
        public static final Decision NONE = new Decision(null, null);
    }

    /** A save refused because another was made first: {@code current} is the revision to start again from. */
    public static final class Stale extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final int current;

        Stale(int current) {
            super("the assessment has been saved since: its revision is now " + current, null, false, false);
            this.current = current;
        }

        public int current() {
            return current;
        }
    }

    private final Jdbi jdbi;
    private final Clock clock;

    public AssessmentStore(Jdbi jdbi, Clock clock) {
        this.jdbi = jdbi;
        this.clock = clock;
    }

    /** Stores a new assessment as its revision 1, a draft. */
    public Stored create(String scheme, String variant, String organisation, String assignedTo, byte[] content,
            String by) {
        return create(scheme, variant, organisation, assignedTo, content, by, Grade.NONE);
    }

    /** Stores a new assessment as its revision 1, a draft, with its grade. */
    public Stored create(String scheme, String variant, String organisation, String assignedTo, byte[] content,
            String by, Grade grade) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        long id = jdbi.inTransaction(h -> {
            long made = h.createUpdate("INSERT INTO service_assessment (scheme, variant, organisation, assigned_to,"
                    + " created_at, created_by) VALUES (:scheme, :variant, :organisation, :assigned, :at, :by)")
                    .bind("scheme", scheme).bind("variant", variant).bind("organisation", organisation)
                    .bind("assigned", assignedTo).bind("at", now).bind("by", by)
                    .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
            insertRevision(h, made, 1, State.DRAFT, content, now, by, Decision.NONE, grade);
            return made;
        });
        return find(id).orElseThrow();
    }

    /** The latest revision of an assessment. */
    public Optional<Stored> find(long id) {
        return jdbi.withHandle(h -> h.createQuery("SELECT a.id, a.scheme, a.variant, a.organisation, a.assigned_to,"
                + " r.revision, r.state, r.content, r.saved_at, r.saved_by, r.comments, r.certificate_id,"
                + " r.certificate_reference, r.grade, r.grade_en, r.grade_total, r.grade_percent FROM service_assessment a"
                + " JOIN service_assessment_revision r ON r.assessment_id = a.id WHERE a.id = :id"
                + " ORDER BY r.revision DESC FETCH FIRST 1 ROWS ONLY").bind("id", id)
                .map((rs, ctx) -> new Stored(rs.getLong("id"), rs.getString("scheme"), rs.getString("variant"),
                        rs.getString("organisation"), rs.getString("assigned_to"), rs.getInt("revision"),
                        State.of(rs.getString("state")), rs.getBytes("content"),
                        rs.getObject("saved_at", OffsetDateTime.class), rs.getString("saved_by"), rs.getString("comments"),
                        rs.getObject("certificate_id") == null ? null
                                : new Certificate(rs.getLong("certificate_id"), rs.getString("certificate_reference")),
                        grade(rs)))
                .findOne());
    }

    /** The latest revision of an assessment that was in {@code state}, if one was. */
    public Optional<Integer> latestIn(long id, State state) {
        return jdbi.withHandle(h -> h.createQuery("SELECT MAX(revision) FROM service_assessment_revision"
                + " WHERE assessment_id = :id AND state = :state").bind("id", id).bind("state", state.key())
                .mapTo(Integer.class).findOne());
    }

    /** The assessments (latest revisions, without their content), those of one auditor when given, by id. */
    public List<Stored> list(Optional<String> assignedTo, Optional<State> state) {
        String where = (assignedTo.isPresent() ? " AND a.assigned_to = :assigned" : "")
                + (state.isPresent() ? " AND r.state = :state" : "");
        return jdbi.withHandle(h -> h.createQuery("SELECT a.id, a.scheme, a.variant, a.organisation, a.assigned_to,"
                + " r.revision, r.state, r.saved_at, r.saved_by, r.grade, r.grade_en, r.grade_total, r.grade_percent"
                + " FROM service_assessment a"
                + " JOIN service_assessment_revision r ON r.assessment_id = a.id"
                + " WHERE r.revision = (SELECT MAX(m.revision) FROM service_assessment_revision m WHERE m.assessment_id = a.id)"
                + where + " ORDER BY a.id")
                .bindMap(filters(assignedTo, state))
                .map((rs, ctx) -> new Stored(rs.getLong("id"), rs.getString("scheme"), rs.getString("variant"),
                        rs.getString("organisation"), rs.getString("assigned_to"), rs.getInt("revision"),
                        State.of(rs.getString("state")), null, rs.getObject("saved_at", OffsetDateTime.class),
                        rs.getString("saved_by"), null, null, grade(rs)))
                .list());
    }

    private static Grade grade(java.sql.ResultSet rs) throws SQLException {
        return new Grade(rs.getString("grade"), rs.getString("grade_en"), rs.getString("grade_total"), rs.getString("grade_percent"));
    }

    private static java.util.Map<String, Object> filters(Optional<String> assignedTo, Optional<State> state) {
        java.util.Map<String, Object> bound = new java.util.HashMap<>();
        assignedTo.ifPresent(a -> bound.put("assigned", a));
        state.ifPresent(s -> bound.put("state", s.key()));
        return bound;
    }

    /**
     * Saves a new revision on top of {@code onRevision}.
     *
     * @throws Stale when {@code onRevision} is not the latest: nothing is written
     */
    public Stored save(long id, int onRevision, State state, byte[] content, String by) {
        return save(id, onRevision, state, content, by, Decision.NONE);
    }

    /**
     * Saves a new revision on top of {@code onRevision}, with a decision's comments or certificate.
     *
     * @throws Stale when {@code onRevision} is not the latest: nothing is written
     */
    public Stored save(long id, int onRevision, State state, byte[] content, String by, Decision decision) {
        return save(id, onRevision, state, content, by, decision, Grade.NONE);
    }

    /**
     * Saves a new revision on top of {@code onRevision}, with a decision's comments or certificate and the grade of
     * {@code content}.
     *
     * @throws Stale when {@code onRevision} is not the latest: nothing is written
     */
    public Stored save(long id, int onRevision, State state, byte[] content, String by, Decision decision,
            Grade grade) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        try {
            jdbi.useTransaction(h -> {
                // the lock an evidence file's addition or removal takes: a submission waits for one under way, and
                // one that follows finds the assessment submitted
                h.createQuery("SELECT id FROM service_assessment WHERE id = :id FOR UPDATE").bind("id", id)
                        .mapTo(Long.class).findOne();
                int latest = h.createQuery("SELECT MAX(revision) FROM service_assessment_revision WHERE assessment_id = :id")
                        .bind("id", id).mapTo(Integer.class).one();
                if (latest != onRevision) {
                    throw new Stale(latest);
                }
                insertRevision(h, id, onRevision + 1, state, content, now, by, decision, grade);
            });
        } catch (UnableToExecuteStatementException e) {
            // two saves on the same revision at once: the key (assessment, revision) lets one in
            if (e.getCause() instanceof SQLException sql && "23505".equals(sql.getSQLState())) {
                throw new Stale(find(id).map(Stored::revision).orElse(onRevision + 1));
            }
            throw e;
        }
        return find(id).orElseThrow();
    }

    private static void insertRevision(org.jdbi.v3.core.Handle h, long id, int revision, State state, byte[] content,
            OffsetDateTime at, String by, Decision decision, Grade grade) {
        h.createUpdate("INSERT INTO service_assessment_revision (assessment_id, revision, state, content, saved_at,"
                + " saved_by, comments, certificate_id, certificate_reference, grade, grade_en, grade_total, grade_percent) VALUES"
                + " (:id, :revision, :state, :content, :at, :by, :comments, :certificate, :reference, :grade, :gradeEn,"
                + " :total, :percent)").bind("id", id)
                .bindByType("grade", grade.grade(), String.class).bindByType("gradeEn", grade.gradeEn(), String.class)
                .bindByType("total", grade.total(), String.class).bindByType("percent", grade.percent(), String.class)
                .bind("revision", revision).bind("state", state.key()).bind("content", content).bind("at", at)
                .bind("by", by).bind("comments", decision.comments())
                .bindByType("certificate", decision.certificate() == null ? null : decision.certificate().id(), Long.class)
                .bindByType("reference", decision.certificate() == null ? null : decision.certificate().reference(),
                        String.class)
                .execute();
    }
}

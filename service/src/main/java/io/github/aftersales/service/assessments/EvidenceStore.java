package io.github.aftersales.service.assessments;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/**
 * The evidence files of assessments, in the service's database: each file's bytes as uploaded
 * ({@code service_evidence_content}), apart from what identifies it ({@code service_evidence}: the clause it is for, its
 * name and declared media type, its size and SHA-256), so that listing an assessment's files and summing their sizes
 * read no bytes. The bytes are only ever read back to be sent as a download.
 */
public final class EvidenceStore {

    /** A file as listed: what identifies it, without its bytes. */
    public record File(long id, long assessmentId, int part, String clause, String name, String mediaType, long size,
            String sha256, OffsetDateTime uploadedAt, String uploadedBy) {
    }

    /** A file with its bytes, to be downloaded. */
    public record Content(File file, byte[] bytes) {
    }

    /** An addition refused because the assessment's files would come to more than the most it keeps. */
    public static final class Full extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final long held;

        Full(long held) {
            super("the assessment's evidence files come to " + held + " bytes already", null, false, false);
            this.held = held;
        }

        /** The bytes the assessment's files held when the addition was refused. */
        public long held() {
            return held;
        }
    }

    /**
     * A change refused because the assessment is no longer editable (submitted, being approved, approved) by the time
     * its row was locked: an upload that began on a draft and ended after its submission.
     */
    public static final class NotEditable extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final AssessmentStore.State state;

        NotEditable(AssessmentStore.State state) {
            super("the assessment is " + state.key(), null, false, false);
            this.state = state;
        }

        /** The state the assessment was found in. */
        public AssessmentStore.State state() {
            return state;
        }
    }

    private static final String COLUMNS = "id, assessment_id, part, clause, file_name, media_type, size_bytes, sha256,"
            + " uploaded_at, uploaded_by";

    private final Jdbi jdbi;
    private final Clock clock;

    public EvidenceStore(Jdbi jdbi, Clock clock) {
        this.jdbi = jdbi;
        this.clock = clock;
    }

    /** The SHA-256 of {@code bytes}, as 64 lower-case hexadecimal digits. */
    public static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    /**
     * Stores a file for a clause of an assessment, its SHA-256 computed here. The assessment's row is locked while its
     * state is read and its files are counted, so that two additions at once cannot pass {@code maxTotal} together,
     * and no file is added once a submission ({@link AssessmentStore#save}, which takes the same lock) has committed.
     *
     * @param maxTotal the most all the assessment's files may come to, this one included
     * @throws Full when they would come to more: nothing is written
     * @throws NotEditable when the assessment is no longer a draft or returned: nothing is written
     */
    public File add(long assessmentId, int part, String clause, String name, String mediaType, byte[] bytes, String by,
            long maxTotal) {
        return add(assessmentId, part, clause, name, mediaType, bytes, by, maxTotal, (h, f) -> { });
    }

    /**
     * Stores a file as {@link #add(long, int, String, String, String, byte[], String, long)} does, and does {@code also}
     * (the change log's line) in the same transaction: both commit, or neither does (a failure of {@code also} leaves
     * no file).
     */
    public File add(long assessmentId, int part, String clause, String name, String mediaType, byte[] bytes, String by,
            long maxTotal, java.util.function.BiConsumer<org.jdbi.v3.core.Handle, File> also) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        String sha256 = sha256(bytes);
        return jdbi.inTransaction(h -> {
            editableOrRefuse(h, assessmentId);
            long held = h.createQuery("SELECT COALESCE(SUM(size_bytes), 0) FROM service_evidence"
                    + " WHERE assessment_id = :id").bind("id", assessmentId).mapTo(Long.class).one();
            if (held + bytes.length > maxTotal) {
                throw new Full(held);
            }
            long added = h.createUpdate("INSERT INTO service_evidence (assessment_id, part, clause, file_name,"
                    + " media_type, size_bytes, sha256, uploaded_at, uploaded_by) VALUES (:assessment, :part, :clause,"
                    + " :name, :type, :size, :sha256, :at, :by)")
                    .bind("assessment", assessmentId).bind("part", part).bind("clause", clause).bind("name", name)
                    .bind("type", mediaType).bind("size", (long) bytes.length).bind("sha256", sha256)
                    .bind("at", now).bind("by", by)
                    .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
            h.createUpdate("INSERT INTO service_evidence_content (evidence_id, content) VALUES (:id, :content)")
                    .bind("id", added).bind("content", bytes).execute();
            File file = h.createQuery("SELECT " + COLUMNS + " FROM service_evidence WHERE id = :id")
                    .bind("id", added).map((rs, ctx) -> file(rs)).one();
            also.accept(h, file);
            return file;
        });
    }

    /** The files of an assessment, oldest first, without their bytes. */
    public List<File> list(long assessmentId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT " + COLUMNS + " FROM service_evidence"
                + " WHERE assessment_id = :id ORDER BY id").bind("id", assessmentId)
                .map((rs, ctx) -> file(rs)).list());
    }

    /** A file of an assessment with its bytes; empty when the assessment has no file {@code id}. */
    public Optional<Content> find(long assessmentId, long id) {
        return jdbi.withHandle(h -> h.createQuery("SELECT e.id, e.assessment_id, e.part, e.clause, e.file_name,"
                + " e.media_type, e.size_bytes, e.sha256, e.uploaded_at, e.uploaded_by, c.content FROM service_evidence e"
                + " JOIN service_evidence_content c ON c.evidence_id = e.id"
                + " WHERE e.assessment_id = :assessment AND e.id = :id").bind("assessment", assessmentId).bind("id", id)
                .map((rs, ctx) -> new Content(file(rs), rs.getBytes("content"))).findOne());
    }

    /**
     * Deletes a file of an assessment, its bytes with it; empty when there was none.
     *
     * @throws NotEditable when the assessment is no longer a draft or returned: nothing is deleted
     */
    public Optional<File> remove(long assessmentId, long id) {
        return remove(assessmentId, id, (h, f) -> { });
    }

    /**
     * Deletes a file of an assessment, its bytes with it, and does {@code also} (the change log's line) in the same
     * transaction; empty, and nothing done, when there was none.
     *
     * @throws NotEditable when the assessment is no longer a draft or returned: nothing is deleted
     */
    public Optional<File> remove(long assessmentId, long id,
            java.util.function.BiConsumer<org.jdbi.v3.core.Handle, File> also) {
        return jdbi.inTransaction(h -> {
            editableOrRefuse(h, assessmentId);
            Optional<File> file = h.createQuery("SELECT " + COLUMNS + " FROM service_evidence"
                    + " WHERE assessment_id = :assessment AND id = :id").bind("assessment", assessmentId).bind("id", id)
                    .map((rs, ctx) -> file(rs)).findOne();
            file.ifPresent(f -> {
                h.createUpdate("DELETE FROM service_evidence_content WHERE evidence_id = :id").bind("id", id).execute();
                h.createUpdate("DELETE FROM service_evidence WHERE id = :id").bind("id", id).execute();
                also.accept(h, f);
            });
            return file;
        });
    }

    /** Locks the assessment's row (as a save does) and refuses when its latest revision may no longer be changed. */
    private static void editableOrRefuse(org.jdbi.v3.core.Handle h, long assessmentId) {
        h.createQuery("SELECT id FROM service_assessment WHERE id = :id FOR UPDATE").bind("id", assessmentId)
                .mapTo(Long.class).one();
        AssessmentStore.State state = AssessmentStore.State.of(h.createQuery("SELECT state FROM"
                + " service_assessment_revision WHERE assessment_id = :id ORDER BY revision DESC FETCH FIRST 1 ROWS ONLY")
                .bind("id", assessmentId).mapTo(String.class).one());
        if (!state.editable()) {
            throw new NotEditable(state);
        }
    }

    private static File file(ResultSet rs) throws SQLException {
        return new File(rs.getLong("id"), rs.getLong("assessment_id"), rs.getInt("part"), rs.getString("clause"),
                rs.getString("file_name"), rs.getString("media_type"), rs.getLong("size_bytes"),
                rs.getString("sha256"), rs.getObject("uploaded_at", OffsetDateTime.class),
                rs.getString("uploaded_by"));
    }
}

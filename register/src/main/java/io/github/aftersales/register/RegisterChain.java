package io.github.aftersales.register;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.HexFormat;
import java.util.function.Consumer;

/**
 * The hash chain of each certificate's history. Each entry holds {@code prev_digest}, the digest of
 * the entry before it (for the first entry, of its certificate's row), and {@code entry_digest}, the
 * digest of its own canonical encoding, which includes {@code prev_digest}: an entry changed, removed
 * or put in between outside the program breaks the chain at that place, and {@link #check} names it.
 *
 * <p>The canonical encoding (version 1) is a list of fields, each written as its UTF-8 length in
 * decimal, {@code :}, the bytes and {@code ,}, or {@code -,} for a null: first the name of the
 * encoding, then the columns in the order below; dates as {@code 2026-11-20}, times as UTC ISO-8601
 * to the microsecond ({@link Instant#toString}), numbers in decimal, the stored file and the result
 * as the {@code sha256:} digest of their bytes (UTF-8 for the result). A digest is {@code sha256:}
 * and the hex SHA-256 of the encoding.
 * <ul>
 * <li>certificate: {@code aftersales-register-certificate/1}, id, reference, organisation, scheme,
 * variant, scheme_version, issued_on, recorded_at, recorded_by, surveillance_regrading;
 * <li>entry: {@code aftersales-register-entry/1}, certificate_id, seq, kind, event_date, decision,
 * state, stars, grade, cycle_start, reason, incident_type, assessment_name, assessment, result,
 * provenance, recorded_at, recorded_by, prev_digest.
 * </ul>
 */
final class RegisterChain {

    private RegisterChain() {
    }

    /** A certificate's row, as the chain reads it. */
    record CertificateRow(long id, String reference, String organisation, String scheme, String variant,
            String schemeVersion, LocalDate issuedOn, Instant recordedAt, String recordedBy,
            String surveillanceRegrading) {

        String digest() {
            return RegisterChain.digest(new Encoding("aftersales-register-certificate/1").add(id).add(reference)
                    .add(organisation).add(scheme).add(variant).add(schemeVersion).add(issuedOn).add(recordedAt)
                    .add(recordedBy).add(surveillanceRegrading));
        }

        static final String COLUMNS = "id, reference, organisation, scheme, variant, scheme_version, issued_on,"
                + " recorded_at, recorded_by, surveillance_regrading";

        static CertificateRow of(ResultSet rs) throws SQLException {
            return new CertificateRow(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                    rs.getString(6), rs.getObject(7, LocalDate.class), instant(rs.getObject(8, OffsetDateTime.class)),
                    rs.getString(9), rs.getString(10));
        }
    }

    /** An entry's row, as the chain reads it: the file and result by their digests. */
    record EntryRow(long certificate, int seq, String kind, LocalDate eventDate, String decision, String state,
            int stars, String grade, LocalDate cycleStart, String reason, String incidentType, String assessmentName,
            String assessmentDigest, String resultDigest, String provenance, Instant recordedAt, String recordedBy,
            String prevDigest, String entryDigest) {

        /** The digest this entry's content gives (its {@code entry_digest} if no one changed it). */
        String digest() {
            return RegisterChain.digest(new Encoding("aftersales-register-entry/1").add(certificate).add(seq).add(kind)
                    .add(eventDate).add(decision).add(state).add(stars).add(grade).add(cycleStart).add(reason)
                    .add(incidentType).add(assessmentName).add(assessmentDigest).add(resultDigest).add(provenance)
                    .add(recordedAt).add(recordedBy).add(prevDigest));
        }

        static final String COLUMNS = "certificate_id, seq, kind, event_date, decision, state, stars, grade,"
                + " cycle_start, reason, incident_type, assessment_name, assessment, result, provenance, recorded_at,"
                + " recorded_by, prev_digest, entry_digest";

        static EntryRow of(ResultSet rs) throws SQLException {
            byte[] file = rs.getBytes(13);
            String result = rs.getString(14);
            return new EntryRow(rs.getLong(1), rs.getInt(2), rs.getString(3), rs.getObject(4, LocalDate.class),
                    rs.getString(5), rs.getString(6), rs.getInt(7), rs.getString(8), rs.getObject(9, LocalDate.class),
                    rs.getString(10), rs.getString(11), rs.getString(12), file == null ? null : RegisterChain.digest(file),
                    result == null ? null : RegisterChain.digest(result.getBytes(StandardCharsets.UTF_8)), rs.getString(15),
                    instant(rs.getObject(16, OffsetDateTime.class)), rs.getString(17), rs.getString(18),
                    rs.getString(19));
        }
    }

    /** The canonical encoding's fields. */
    private static final class Encoding {
        private final java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();

        Encoding(String name) {
            add(name);
        }

        Encoding add(Object value) {
            if (value == null) {
                bytes.writeBytes("-,".getBytes(StandardCharsets.US_ASCII));
                return this;
            }
            byte[] b = String.valueOf(value).getBytes(StandardCharsets.UTF_8);
            bytes.writeBytes((b.length + ":").getBytes(StandardCharsets.US_ASCII));
            bytes.writeBytes(b);
            bytes.write(',');
            return this;
        }
    }

    private static String digest(Encoding e) {
        return digest(e.bytes.toByteArray());
    }

    static String digest(byte[] bytes) {
        try {
            return "sha256:" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("this Java has no SHA-256, which every Java has", e);
        }
    }

    static Instant instant(OffsetDateTime t) {
        return t == null ? null : t.toInstant();
    }

    /** The digest the next entry of certificate {@code number} chains to: its last entry's, or its row's. */
    static String head(Connection c, long number, int nextSeq) throws SQLException {
        if (nextSeq == 1) {
            try (PreparedStatement s = c.prepareStatement("SELECT " + CertificateRow.COLUMNS
                    + " FROM certificate WHERE id = ?")) {
                s.setLong(1, number);
                try (ResultSet rs = s.executeQuery()) {
                    if (!rs.next()) {
                        throw new IllegalStateException("certificate " + number + " is not in the register");
                    }
                    return CertificateRow.of(rs).digest();
                }
            }
        }
        try (PreparedStatement s = c.prepareStatement("SELECT " + EntryRow.COLUMNS
                + " FROM certificate_event WHERE certificate_id = ? AND seq = ?")) {
            s.setLong(1, number);
            s.setInt(2, nextSeq - 1);
            try (ResultSet rs = s.executeQuery()) {
                if (!rs.next()) {
                    throw new IllegalStateException("certificate " + number + " has no entry #" + (nextSeq - 1));
                }
                EntryRow last = EntryRow.of(rs);
                // the digest it holds: a change of it since is 'register check's to tell, not hidden by this entry
                return last.entryDigest() != null ? last.entryDigest() : last.digest();
            }
        }
    }

    /** One thing {@link #check} found: where, and what. */
    record Finding(long certificate, int seq, String what) {
        @Override
        public String toString() {
            return "certificate " + certificate + (seq > 0 ? " entry #" + seq : "") + ": " + what;
        }
    }

    /** What a whole check came to. */
    record Checked(long certificates, long entries, String registerDigest) {
    }

    /**
     * Recomputes every certificate's chain, a page of certificates at a time, handing each break to
     * {@code found}; returns the counts and the digest of the register as it stands (over each
     * certificate's number and last entry's digest), which a body may note to tell later whether a whole
     * chain was rewritten.
     */
    static Checked check(Connection c, Consumer<Finding> found) throws SQLException {
        MessageDigest all;
        try {
            all = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        long certificates = 0;
        long entries = 0;
        long after = 0;
        int page = 200;
        try (PreparedStatement certs = c.prepareStatement("SELECT " + CertificateRow.COLUMNS + " FROM certificate"
                + " WHERE id > ? ORDER BY id FETCH FIRST " + page + " ROWS ONLY");
                PreparedStatement events = c.prepareStatement("SELECT " + EntryRow.COLUMNS + " FROM certificate_event"
                        + " WHERE certificate_id = ? ORDER BY seq")) {
            for (;;) {
                java.util.List<CertificateRow> rows = new java.util.ArrayList<>();
                certs.setLong(1, after);
                try (ResultSet rs = certs.executeQuery()) {
                    while (rs.next()) {
                        rows.add(CertificateRow.of(rs));
                    }
                }
                for (CertificateRow cert : rows) {
                    certificates++;
                    String before = cert.digest();
                    int expectedSeq = 1;
                    String head = before;
                    events.setLong(1, cert.id());
                    try (ResultSet rs = events.executeQuery()) {
                        while (rs.next()) {
                            EntryRow e = EntryRow.of(rs);
                            entries++;
                            if (e.seq() != expectedSeq) {
                                found.accept(new Finding(cert.id(), e.seq(), "entry #" + expectedSeq
                                        + (e.seq() > expectedSeq ? " is missing" : " comes twice")
                                        + ": the history was changed outside the program"));
                                expectedSeq = e.seq();
                            }
                            expectedSeq++;
                            if (e.entryDigest() == null || e.prevDigest() == null) {
                                found.accept(new Finding(cert.id(), e.seq(), "is not sealed (no digest): it was"
                                        + " written outside the program, or by a program that does not chain"));
                                head = e.digest();
                                before = head;
                                continue;
                            }
                            if (!e.prevDigest().equals(before)) {
                                found.accept(new Finding(cert.id(), e.seq(), e.seq() == 1
                                        ? "the certificate's row was changed after it was recorded (reference,"
                                                + " organisation, scheme, variant, version, issue date, who or when):"
                                                + " its digest is " + before + ", the issue entry was sealed on "
                                                + e.prevDigest()
                                        : "does not follow entry #" + (e.seq() - 1) + ": it was sealed after "
                                                + e.prevDigest() + ", and entry #" + (e.seq() - 1) + " holds " + before));
                            }
                            String digest = e.digest();
                            if (!digest.equals(e.entryDigest())) {
                                found.accept(new Finding(cert.id(), e.seq(), "was changed after it was recorded: its"
                                        + " content digests to " + digest + ", it was sealed as " + e.entryDigest()));
                            }
                            before = e.entryDigest();
                            head = e.entryDigest();
                        }
                    }
                    if (expectedSeq == 1) {
                        found.accept(new Finding(cert.id(), 0, "has no entry: its issue entry was removed"));
                    }
                    all.update((cert.id() + " " + head + "\n").getBytes(StandardCharsets.US_ASCII));
                }
                if (rows.size() < page) {
                    break;
                }
                after = rows.get(rows.size() - 1).id();
            }
        }
        return new Checked(certificates, entries, "sha256:" + HexFormat.of().formatHex(all.digest()));
    }

    /**
     * Seals every entry of the register as it stands: what migration V7 does to the entries recorded
     * before the chain, certificate by certificate, each entry's digests written in place.
     */
    static void sealAll(Connection c) throws SQLException {
        try (PreparedStatement certs = c.prepareStatement("SELECT " + CertificateRow.COLUMNS + " FROM certificate"
                + " ORDER BY id");
                PreparedStatement events = c.prepareStatement("SELECT " + EntryRow.COLUMNS + " FROM certificate_event"
                        + " WHERE certificate_id = ? ORDER BY seq");
                PreparedStatement update = c.prepareStatement("UPDATE certificate_event SET prev_digest = ?,"
                        + " entry_digest = ? WHERE certificate_id = ? AND seq = ?")) {
            java.util.List<CertificateRow> rows = new java.util.ArrayList<>();
            try (ResultSet rs = certs.executeQuery()) {
                while (rs.next()) {
                    rows.add(CertificateRow.of(rs));
                }
            }
            int batched = 0;
            for (CertificateRow cert : rows) {
                String before = cert.digest();
                events.setLong(1, cert.id());
                try (ResultSet rs = events.executeQuery()) {
                    while (rs.next()) {
                        EntryRow e = EntryRow.of(rs);
                        EntryRow sealed = new EntryRow(e.certificate(), e.seq(), e.kind(), e.eventDate(), e.decision(),
                                e.state(), e.stars(), e.grade(), e.cycleStart(), e.reason(), e.incidentType(),
                                e.assessmentName(), e.assessmentDigest(), e.resultDigest(), e.provenance(),
                                e.recordedAt(), e.recordedBy(), before, null);
                        String digest = sealed.digest();
                        update.setString(1, before);
                        update.setString(2, digest);
                        update.setLong(3, e.certificate());
                        update.setInt(4, e.seq());
                        update.addBatch();
                        if (++batched % 500 == 0) {
                            update.executeBatch();
                        }
                        before = digest;
                    }
                }
            }
            update.executeBatch();
        }
    }
}

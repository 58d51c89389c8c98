package io.github.aftersales.register;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Handle;

/**
 * The SQL of the two tables: their one column list each, the row mappers, and the statements that
 * insert and read them. Everything else in the register works on records.
 */
final class CertificateStore {

    /** The columns of {@code certificate}, in the order of {@link Certificate}'s fields. */
    static final List<String> CERTIFICATE_COLUMNS = List.of("id", "reference", "organisation", "scheme", "variant",
            "scheme_version", "issued_on", "recorded_at", "recorded_by", "surveillance_regrading");

    /** The columns of {@code certificate_event}. */
    static final List<String> EVENT_COLUMNS = List.of("certificate_id", "seq", "kind", "event_date", "decision",
            "state", "stars", "grade", "cycle_start", "reason", "incident_type", "assessment_name", "assessment",
            "result", "recorded_at", "recorded_by");

    /**
     * The columns of {@code certificate_event} that schema version 6 adds: the provenance and the chain
     * ({@link RegisterChain}). Listings read none of them, so a register not yet upgraded to version 6 is
     * still read; a copy copies them.
     */
    static final List<String> CHAIN_COLUMNS = List.of("provenance", "prev_digest", "entry_digest");

    /** Certificates read a page at a time: a listing of any size holds one page of histories at once. */
    static int page = 1000; // smaller in tests, to read a few certificates in many pages
    /** With results, which are most of an entry's size, a smaller page. */
    static final int PAGE_WITH_RESULTS = 100;

    private CertificateStore() {
    }

    private static String select(String alias, List<String> columns) {
        return columns.stream().map(c -> alias + "." + c).collect(Collectors.joining(", "));
    }

    /** An event's columns as read: never the file's bytes (read alone, on demand); the result only when asked. */
    private static String eventSelect(boolean results) {
        return EVENT_COLUMNS.stream().filter(c -> !c.equals("assessment"))
                .map(c -> c.equals("result") && !results ? "NULL AS result" : "e." + c)
                .collect(Collectors.joining(", "));
    }

    /**
     * Inserts a certificate and returns its number.
     *
     * @param stamp when and by whom, or {@code null} where the database records both (PostgreSQL)
     */
    static long insertCertificate(Handle h, String reference, String organisation, EvaluatedAssessment evaluation,
            Stamp stamp) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("reference", reference);
        row.put("organisation", organisation);
        row.put("scheme", evaluation.result().scheme());
        row.put("variant", evaluation.result().variant());
        row.put("scheme_version", evaluation.result().schemeVersion());
        row.put("issued_on", evaluation.date());
        row.put("surveillance_regrading", Lifecycle.surveillanceRegrading(evaluation.variant()));
        stamp(row, stamp);
        return h.createUpdate(insertSql("certificate", row)).bindMap(row).executeAndReturnGeneratedKeys("id")
                .mapTo(Long.class).one();
    }

    /** When and by whom an entry was recorded, as the program knows it (H2, which has no user of its own). */
    record Stamp(Instant at, String by) {
    }

    private static void stamp(Map<String, Object> row, Stamp stamp) {
        if (stamp != null) {
            row.put("recorded_at", OffsetDateTime.ofInstant(stamp.at(), ZoneOffset.UTC));
            row.put("recorded_by", stamp.by());
        }
    }

    /** Inserts an entry; {@code stamp} as for {@link #insertCertificate}. */
    static void insertEvent(Handle h, long number, int seq, NewEvent e, Stamp stamp) {
        EvaluatedAssessment evidence = e.evidence();
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("certificate_id", number);
        row.put("seq", seq);
        row.put("kind", e.kind().key());
        row.put("event_date", e.date());
        row.put("decision", e.decision());
        row.put("state", e.state().key());
        row.put("stars", e.stars());
        row.put("grade", e.grade());
        row.put("cycle_start", e.cycleStart());
        row.put("reason", e.reason());
        row.put("incident_type", e.incidentType());
        row.put("assessment_name", evidence == null ? null : evidence.fileName());
        row.put("assessment", evidence == null ? null : evidence.fileBytes());
        row.put("result", evidence == null ? null : evidence.resultJson());
        row.put("provenance", evidence == null ? null : evidence.provenanceJson());
        seal(h, row, e, stamp);
        stamp(row, stamp);
        insert(h, "certificate_event", row);
    }

    /**
     * Chains the entry to the one before it ({@link RegisterChain}): its {@code prev_digest} and its own
     * {@code entry_digest}, over what will be stored, who and when included (on PostgreSQL the database's
     * clock and login, which its append check writes: the transaction's {@code CURRENT_TIMESTAMP} and the
     * {@code SESSION_USER}, asked here in the same transaction).
     */
    private static void seal(Handle h, Map<String, Object> row, NewEvent e, Stamp stamp) {
        long number = (Long) row.get("certificate_id");
        int seq = (Integer) row.get("seq");
        Stamp as = stamp != null ? stamp : h.createQuery("SELECT CURRENT_TIMESTAMP, SESSION_USER")
                .map((rs, ctx) -> new Stamp(rs.getObject(1, OffsetDateTime.class).toInstant(), rs.getString(2))).one();
        try {
            String prev = RegisterChain.head(h.getConnection(), number, seq);
            byte[] file = (byte[]) row.get("assessment");
            String result = (String) row.get("result");
            RegisterChain.EntryRow entry = new RegisterChain.EntryRow(number, seq, e.kind().key(), e.date(),
                    e.decision(), e.state().key(), e.stars(), e.grade(), e.cycleStart(), e.reason(), e.incidentType(),
                    (String) row.get("assessment_name"), file == null ? null : RegisterChain.digest(file),
                    result == null ? null : RegisterChain.digest(result.getBytes(java.nio.charset.StandardCharsets.UTF_8)),
                    (String) row.get("provenance"), as.at(), as.by(), prev, null);
            row.put("prev_digest", prev);
            row.put("entry_digest", entry.digest());
        } catch (SQLException x) {
            throw new org.jdbi.v3.core.statement.UnableToExecuteStatementException(x, null);
        }
    }

    /** Inserts a row given by column name (every key one of the table's columns). */
    static void insert(Handle h, String table, Map<String, Object> row) {
        h.createUpdate(insertSql(table, row)).bindMap(row).execute();
    }

    private static String insertSql(String table, Map<String, Object> row) {
        return "INSERT INTO " + table + " (" + String.join(", ", row.keySet()) + ") VALUES ("
                + row.keySet().stream().map(c -> ":" + c).collect(Collectors.joining(", ")) + ")";
    }

    /** One certificate with its history, by number or reference. */
    static CertificateView load(Handle h, String certificate) {
        String key = certificate.strip();
        Optional<Certificate> found = key.chars().allMatch(Character::isDigit) && !key.isEmpty() && key.length() < 19
                ? h.createQuery("SELECT " + select("c", CERTIFICATE_COLUMNS) + " FROM certificate c WHERE c.id = :id")
                        .bind("id", Long.parseLong(key)).map((rs, ctx) -> certificate(rs)).findOne()
                : byReference(h, key);
        Certificate c = found.orElseThrow(() -> new RegisterException(RegisterException.Kind.NOT_FOUND,
                "no certificate '" + certificate + "' in the register ('register list' shows them)"));
        return new CertificateView(c, history(h, c.number(), true));
    }

    /** A certificate's history, oldest first. */
    static List<CertificateEvent> history(Handle h, long number, boolean results) {
        return h.createQuery("SELECT " + eventSelect(results) + " FROM certificate_event e WHERE e.certificate_id = :id"
                + " ORDER BY e.seq").bind("id", number).map((rs, ctx) -> event(rs)).list();
    }

    /** The reference as written, else the one reference that differs from it only in case. */
    private static Optional<Certificate> byReference(Handle h, String key) {
        List<Certificate> found = h.createQuery("SELECT " + select("c", CERTIFICATE_COLUMNS) + " FROM certificate c"
                + " WHERE LOWER(c.reference) = LOWER(:r) ORDER BY c.id").bind("r", key).map((rs, ctx) -> certificate(rs))
                .list();
        Optional<Certificate> exact = found.stream().filter(c -> key.equals(c.reference())).findFirst();
        if (exact.isPresent() || found.size() <= 1) {
            return exact.or(() -> found.stream().findFirst());
        }
        // two recorded before references were compared without case: the number tells them apart
        throw new RegisterException(RegisterException.Kind.INPUT, "reference '" + key + "' differs only in case from"
                + " those of certificates " + String.join(", ", found.stream().map(c -> c.number() + " ('"
                        + c.reference() + "')").toList()) + "; name the certificate by its number");
    }

    /**
     * Hands each certificate the listing selects to {@code each}, by number, a page at a time: the
     * filters are the database's, and only one page of histories is held at once. The caller runs it
     * in one snapshot, so that the pages agree with each other.
     */
    static void forEach(Handle h, Listing listing, boolean results, Consumer<CertificateView> each) {
        int page = results ? Math.min(PAGE_WITH_RESULTS, CertificateStore.page) : CertificateStore.page;
        long after = 0;
        for (;;) {
            List<CertificateView> found = page(h, listing, results, after, page);
            found.forEach(each);
            if (found.size() < page) {
                return;
            }
            after = found.get(found.size() - 1).number();
        }
    }

    /**
     * At most {@code limit} certificates the listing selects, numbered above {@code after}, by number, each with
     * its history: one page, read by the database's filters and the key.
     */
    static List<CertificateView> page(Handle h, Listing listing, boolean results, long after, int limit) {
        StringBuilder where = new StringBuilder(" WHERE c.id > :after");
        if (listing.text() != null) {
            where.append(" AND (LOWER(c.organisation) LIKE :text ESCAPE '!' OR LOWER(c.reference) LIKE :text ESCAPE '!')");
        }
        if (listing.scheme() != null) {
            where.append(" AND c.scheme = :scheme");
        }
        List<String> states = listing.states().stream().map(State::key).sorted().toList();
        if (!states.isEmpty()) {
            // a certificate's state is its last entry's
            where.append(" AND (SELECT l.state FROM certificate_event l WHERE l.certificate_id = c.id ORDER BY l.seq"
                    + " DESC FETCH FIRST 1 ROWS ONLY) IN (<states>)");
        }
        String certificates = "SELECT " + select("c", CERTIFICATE_COLUMNS) + " FROM certificate c" + where
                + " ORDER BY c.id FETCH FIRST " + limit + " ROWS ONLY";
        var query = h.createQuery(certificates).bind("after", after);
        if (listing.text() != null) {
            query.bind("text", listing.pattern());
        }
        if (listing.scheme() != null) {
            query.bind("scheme", listing.scheme());
        }
        if (!states.isEmpty()) {
            query.bindList("states", states);
        }
        List<Certificate> found = query.map((rs, ctx) -> certificate(rs)).list();
        if (found.isEmpty()) {
            return List.of();
        }
        Map<Long, List<CertificateEvent>> histories = new LinkedHashMap<>();
        long first = found.get(0).number();
        long last = found.get(found.size() - 1).number();
        // a page of consecutive numbers (most are) is a range of the key, which both databases read fastest;
        // a sparse one (a search) lists its numbers, so that no other certificate's entries are read
        boolean dense = last - first < 2L * found.size();
        var events = h.createQuery("SELECT " + eventSelect(results) + " FROM certificate_event e WHERE "
                + (dense ? "e.certificate_id BETWEEN :first AND :last" : "e.certificate_id IN (<ids>)")
                + " ORDER BY e.certificate_id, e.seq");
        if (dense) {
            events.bind("first", first).bind("last", last);
        } else {
            events.bindList("ids", found.stream().map(Certificate::number).toList());
        }
        events.map((rs, ctx) -> event(rs)).forEach(e -> histories.computeIfAbsent(e.certificate(),
                k -> new ArrayList<>()).add(e));
        List<CertificateView> views = new ArrayList<>(found.size());
        for (Certificate c : found) {
            views.add(new CertificateView(c, histories.getOrDefault(c.number(), List.of())));
        }
        return views;
    }

    /**
     * Hands where each certificate stands to {@code each}, by number: what {@code due} asks of every
     * certificate, read from the few columns it needs a page at a time (no reason, file name or
     * result, no row per entry kept), by plain JDBC. The caller runs it in one snapshot.
     */
    static void forEachStanding(Handle h, Consumer<Standing> each) {
        int page = CertificateStore.page * 5; // a few short rows a certificate
        java.sql.Connection c = h.getConnection();
        try (java.sql.PreparedStatement certificates = c.prepareStatement("SELECT "
                + String.join(", ", CERTIFICATE_COLUMNS) + " FROM certificate WHERE id > ? ORDER BY id FETCH FIRST "
                + page + " ROWS ONLY");
                java.sql.PreparedStatement events = c.prepareStatement("SELECT certificate_id, seq, kind, event_date,"
                        + " state, stars, grade, cycle_start, incident_type FROM certificate_event WHERE certificate_id"
                        + " BETWEEN ? AND ? ORDER BY certificate_id, seq")) {
            long after = 0;
            List<Standing.Builder> found = new ArrayList<>(page);
            // what a due list keeps of each certificate, its scheme, version, grade and recorder once each
            Shared shared = new Shared();
            for (;;) {
                found.clear();
                certificates.setLong(1, after);
                try (ResultSet rs = certificates.executeQuery()) {
                    while (rs.next()) {
                        found.add(new Standing.Builder(new Certificate(rs.getLong(1), rs.getString(2), rs.getString(3),
                                shared.of(rs.getString(4)), shared.of(rs.getString(5)), shared.of(rs.getString(6)),
                                rs.getObject(7, LocalDate.class), rs.getObject(8, OffsetDateTime.class).toInstant(),
                                shared.of(rs.getString(9)))));
                    }
                }
                if (found.isEmpty()) {
                    return;
                }
                long first = found.get(0).certificate().number();
                long last = found.get(found.size() - 1).certificate().number();
                // every certificate from the first to the last is in the page: the range holds only their entries
                events.setLong(1, first);
                events.setLong(2, last);
                try (ResultSet rs = events.executeQuery()) {
                    int i = 0;
                    while (rs.next()) {
                        long number = rs.getLong(1);
                        while (i < found.size() - 1 && found.get(i).certificate().number() < number) {
                            i++;
                        }
                        if (found.get(i).certificate().number() != number) {
                            continue; // not in this snapshot's page (cannot be: both are read in one snapshot)
                        }
                        found.get(i).add(rs.getInt(2), EventKind.fromKey(rs.getString(3)),
                                rs.getObject(4, LocalDate.class), State.fromKey(rs.getString(5)), rs.getInt(6),
                                shared.of(rs.getString(7)), rs.getObject(8, LocalDate.class), rs.getString(9));
                    }
                }
                for (Standing.Builder b : found) {
                    each.accept(b.build());
                }
                if (found.size() < page) {
                    return;
                }
                after = last;
            }
        } catch (SQLException e) {
            throw new org.jdbi.v3.core.statement.UnableToExecuteStatementException(e, null);
        }
    }

    /** Every row of a certificate, by column name, as stored: what a copy writes again. */
    static Map<String, Object> certificateRow(Handle h, long number) {
        return h.createQuery("SELECT " + String.join(", ", CERTIFICATE_COLUMNS) + " FROM certificate WHERE id = :id")
                .bind("id", number).mapToMap().one();
    }

    /**
     * Every entry of a certificate, by column name, as stored (the file's bytes included), oldest first;
     * with the provenance and chain columns when the register has them ({@code chained}).
     */
    static void eventRows(Handle h, long number, boolean chained, Consumer<Map<String, Object>> each) {
        List<String> columns = new ArrayList<>(EVENT_COLUMNS);
        if (chained) {
            columns.addAll(CHAIN_COLUMNS);
        }
        h.createQuery("SELECT " + String.join(", ", columns) + " FROM certificate_event WHERE certificate_id = :id"
                + " ORDER BY seq").bind("id", number).mapToMap().forEach(each);
    }

    /** One copy of each of the few values that most rows repeat (a scheme, a grade), up to a bound. */
    private static final class Shared {
        private final Map<String, String> seen = new java.util.HashMap<>();

        String of(String value) {
            if (value == null) {
                return null;
            }
            String known = seen.get(value);
            if (known != null) {
                return known;
            }
            if (seen.size() < 10_000) {
                seen.put(value, value);
            }
            return value;
        }
    }

    private static Certificate certificate(ResultSet rs) throws SQLException {
        return new Certificate(rs.getLong("id"), rs.getString("reference"), rs.getString("organisation"),
                rs.getString("scheme"), rs.getString("variant"), rs.getString("scheme_version"),
                rs.getObject("issued_on", LocalDate.class), rs.getObject("recorded_at", OffsetDateTime.class).toInstant(),
                rs.getString("recorded_by"));
    }

    private static CertificateEvent event(ResultSet rs) throws SQLException {
        return new CertificateEvent(rs.getLong("certificate_id"), rs.getInt("seq"), EventKind.fromKey(rs.getString("kind")),
                rs.getObject("event_date", LocalDate.class), rs.getString("decision"),
                State.fromKey(rs.getString("state")), rs.getInt("stars"), rs.getString("grade"),
                rs.getObject("cycle_start", LocalDate.class), rs.getString("reason"), rs.getString("incident_type"),
                rs.getString("assessment_name"), rs.getString("result"),
                rs.getObject("recorded_at", OffsetDateTime.class).toInstant(), rs.getString("recorded_by"));
    }
}

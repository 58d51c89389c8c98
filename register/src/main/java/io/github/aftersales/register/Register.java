package io.github.aftersales.register;

import io.github.aftersales.spi.SurveillanceRules.Action;
import io.github.aftersales.spi.Variant;
import java.sql.Connection;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import java.util.function.Function;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.JdbiException;
import org.jdbi.v3.core.transaction.TransactionIsolationLevel;

/**
 * The certificate register: certificates and their append-only history in H2 or PostgreSQL.
 *
 * <p>Every write is one transaction: a certificate and its issue event together, or one event. Two
 * writers appending to one certificate at once cannot both win: the event key (certificate, seq)
 * makes the second insert fail, and it is decided again on the new state. Nothing is updated in
 * place or deleted. The schema is Flyway's, the same migrations for both databases; a register
 * migrated by a newer version of this program is refused rather than written to.
 */
public final class Register implements AutoCloseable {

    /** What the caller means to do with the register. */
    public enum Access {
        /** Look only: the register must exist, and nothing in it is changed, its schema included. */
        READ,
        /** Add to a register that exists (its schema is upgraded if older). */
        UPDATE,
        /** Add, creating the register if there is none. */
        WRITE
    }

    /**
     * How long a writer keeps deciding again while others append to the same certificate before it. Each entry
     * is now sealed to the one before it, which makes a transaction longer and collisions likelier: a count of
     * attempts (20 was the limit) ran out with eight writers on one certificate on PostgreSQL.
     */
    private static final long CONTENDED_NANOS = java.time.Duration.ofSeconds(60).toNanos();

    private final RegisterSettings settings;
    private final Jdbi jdbi;
    private final Connection keeper;
    private final Clock clock;
    private final String user;
    /** The H2 file this register is, as H2 itself names it; empty for a server database. */
    private final java.util.Optional<java.nio.file.Path> file;
    /** Test hook: told each step of a write, so a test can crash the process between two of them. */
    Consumer<String> steps = step -> { };

    private Register(RegisterSettings settings, Jdbi jdbi, Connection keeper, Clock clock, String user,
            java.util.Optional<java.nio.file.Path> file) {
        this.settings = settings;
        this.jdbi = jdbi;
        this.keeper = keeper;
        this.clock = clock;
        this.user = user;
        this.file = file;
    }

    /** Opens the register, creating or migrating its schema; see {@link #open(RegisterSettings, Access, Clock, String)}. */
    public static Register open(RegisterSettings settings, Access access) {
        // the local date decides "today": an evaluation in Beijing this morning is not in the future
        return open(settings, access, Clock.systemDefaultZone(), System.getProperty("user.name", "unknown"));
    }

    /**
     * Opens the register.
     *
     * @param settings where it is
     * @param access   whether the register may be created or its schema upgraded
     * @param clock    for the time each entry is recorded, and today's date (in the clock's zone)
     * @param user     who records, stored with each entry (on H2; PostgreSQL takes its session's login)
     * @throws RegisterException when it cannot be opened or has a newer schema; nothing is written then
     */
    public static Register open(RegisterSettings settings, Access access, Clock clock, String user) {
        RegisterDatabase.Opened opened = RegisterDatabase.open(settings, access);
        return new Register(settings, opened.jdbi(), opened.keeper(), clock, user, opened.file());
    }

    /**
     * This open register, what is recorded through it recorded as by {@code user} (on H2; PostgreSQL takes its
     * session's login): one register open for a service's life, each decision its caller's. Closing what this
     * returns closes nothing; the register is closed through the one it was made from.
     */
    public Register recordingAs(String user) {
        return new Register(settings, jdbi, null, clock, user, file);
    }

    /** The file this register is, when it is an embedded one: no output may be written over it. */
    public java.util.Optional<java.nio.file.Path> file() {
        return file;
    }


    /** Where the register is, for messages. */
    public RegisterSettings settings() {
        return settings;
    }

    /**
     * Records an evaluated assessment as a new certificate.
     *
     * @param organisation the certified organisation
     * @param reference    the body's own certificate number, or {@code null}
     * @param evaluation   the evaluation it is issued on; it must reach a level
     * @return the certificate with its issue event
     */
    public CertificateView record(String organisation, String reference, EvaluatedAssessment evaluation) {
        return record(organisation, reference, evaluation, false);
    }

    /**
     * Records an evaluated assessment as a new certificate, as {@link #record(String, String,
     * EvaluatedAssessment)} does; with {@code once}, not if the register already holds a certificate
     * issued on the very same file (its bytes) for the same organisation, scheme and date: a batch
     * stopped midway can be run again, and what it recorded before is not recorded twice.
     *
     * @throws RegisterException of kind {@code REFUSED} naming the certificate recorded before
     */
    public CertificateView record(String organisation, String reference, EvaluatedAssessment evaluation,
            boolean once) {
        checkRecord(organisation, reference, evaluation, clock);
        String ref = reference == null ? null : reference.strip();
        NewEvent issue = Lifecycle.issue(evaluation, today());
        try {
            return jdbi.inTransaction(TransactionIsolationLevel.READ_COMMITTED, h -> {
                if (ref != null) {
                    // asked before the insert: a refused reference uses up no number (an identity is not rolled back)
                    refuseTakenReference(h, ref);
                }
                if (once) {
                    refuseRecorded(h, organisation.strip(), evaluation);
                }
                Instant now = now();
                CertificateStore.Stamp stamp = stamp();
                long number = CertificateStore.insertCertificate(h, ref, organisation.strip(), evaluation, stamp);
                steps.accept("certificate inserted");
                CertificateStore.insertEvent(h, number, 1, issue, stamp);
                steps.accept("issue event inserted");
                return CertificateStore.load(h, Long.toString(number));
            });
        } catch (JdbiException e) {
            if (SqlErrors.uniqueViolation(e) && ref != null) {
                // recorded by another auditor between the question and the insert
                jdbi.useHandle(h -> refuseTakenReference(h, ref));
            }
            throw databaseError("record a certificate", e);
        }
    }

    /** A reference is the same whatever its case: "cqm-2026-001" is certificate CQM-2026-001's. */
    private static void refuseTakenReference(Handle h, String ref) {
        h.createQuery("SELECT id, reference FROM certificate WHERE LOWER(reference) = LOWER(:r) ORDER BY id")
                .bind("r", ref).map((rs, ctx) -> rs.getLong("id") + (rs.getString("reference").equals(ref) ? ""
                        : ", as '" + rs.getString("reference") + "'")).findFirst().ifPresent(taken -> {
                            throw new RegisterException(RegisterException.Kind.REFUSED, "reference '" + ref
                                    + "' is already in the register (certificate " + taken + ")");
                        });
    }

    /** Refuses the file a certificate of the same organisation, scheme and date was issued on. */
    private static void refuseRecorded(Handle h, String organisation, EvaluatedAssessment evaluation) {
        h.createQuery("SELECT c.id, c.reference FROM certificate c JOIN certificate_event e ON e.certificate_id = c.id"
                + " AND e.seq = 1 WHERE c.organisation = :organisation AND c.scheme = :scheme AND c.variant = :variant"
                + " AND c.issued_on = :issued AND e.assessment = :file ORDER BY c.id")
                .bind("organisation", organisation).bind("scheme", evaluation.result().scheme())
                .bind("variant", evaluation.result().variant()).bind("issued", evaluation.date())
                .bind("file", evaluation.fileBytes())
                .map((rs, ctx) -> rs.getLong("id") + (rs.getString("reference") == null ? ""
                        : " (" + rs.getString("reference") + ")")).findFirst().ifPresent(taken -> {
                            throw new RegisterException(RegisterException.Kind.REFUSED, "already in the register as"
                                    + " certificate " + taken + ", issued on this same file to " + organisation + ", "
                                    + evaluation.result().scheme() + " " + evaluation.result().variant() + ", on "
                                    + evaluation.date() + "; not recorded again");
                        });
    }

    /**
     * What {@link #record} checks before it writes, without a register: a command calls it before it
     * opens (and so creates) one, so a refused first record leaves no empty register behind.
     *
     * @throws RegisterException when the certificate cannot be recorded
     */
    public static void checkRecord(String organisation, String reference, EvaluatedAssessment evaluation, Clock clock) {
        if (organisation == null || organisation.isBlank()) {
            throw new RegisterException(RegisterException.Kind.INPUT, evaluation.fileName()
                    + ": names no organisation; give one with --organisation");
        }
        String ref = reference == null ? null : reference.strip();
        if (ref != null && (ref.isEmpty() || ref.chars().allMatch(Character::isDigit))) {
            throw new RegisterException(RegisterException.Kind.INPUT, "reference '" + reference + "' must not be blank"
                    + " or all digits (numbers are the register's own)");
        }
        fits("the organisation", organisation.strip(), 1000);
        fits("the reference", ref, 200);
        fits("the file name", evaluation.fileName(), 1000);
        Lifecycle.issue(evaluation, LocalDate.now(clock));
    }

    /**
     * Applies a surveillance assessment by the scheme's rules (CQM 6.4: keep, downgrade, suspend,
     * revoke; ZG025 4.4: the new grade), read with the readings the evaluation's run chose
     * ({@link EvaluatedAssessment#readings()}) before the file's {@code options.readings}.
     */
    public CertificateView surveil(String certificate, EvaluatedAssessment evaluation, Optional<Action> onSerious) {
        fits("the file name", evaluation.fileName(), 1000);
        return append(certificate, c -> Lifecycle.surveil(c, evaluation, onSerious, today()));
    }

    /**
     * Applies a full re-evaluation: the new grade stands and a new cycle starts; no grade revokes;
     * serious events in the file suspend or revoke as on a surveillance, read as there.
     */
    public CertificateView reevaluate(String certificate, EvaluatedAssessment evaluation, Optional<Action> onSerious) {
        fits("the file name", evaluation.fileName(), 1000);
        return append(certificate, c -> Lifecycle.reevaluate(c, evaluation, onSerious, today()));
    }

    /**
     * Notes an incident (an event type the variant declares); where the scheme's cycle says so it
     * calls for an extra evaluation.
     */
    public CertificateView incident(String certificate, Function<CertificateView, Variant> variant, String type,
            LocalDate date, String note) {
        fits("the note", note, 10_000);
        return append(certificate, c -> Lifecycle.incident(c, variant.apply(c), type, date, note, today()));
    }

    /** One certificate with its history, by the register's number or the body's reference. */
    public CertificateView find(String certificate) {
        try {
            return inSnapshot(h -> CertificateStore.load(h, certificate));
        } catch (JdbiException e) {
            throw databaseError("read certificate " + certificate, e);
        }
    }

    /**
     * The certificate first issued on the assessment named {@code assessmentName} (the name its history gives the
     * assessment, as recorded), of {@code organisation} (compared as recorded: stripped); empty when there is none. A process that recorded a
     * certificate and stopped before it could say so finds it here.
     */
    public java.util.Optional<CertificateView> issuedFrom(String assessmentName, String organisation) {
        try {
            return inSnapshot(h -> h.createQuery("SELECT c.id FROM certificate c JOIN certificate_event e ON"
                    + " e.certificate_id = c.id AND e.seq = 1 WHERE e.assessment_name = :name AND c.organisation = :org"
                    + " ORDER BY c.id FETCH FIRST 1 ROWS ONLY").bind("name", assessmentName).bind("org", organisation.strip())
                    .mapTo(Long.class).findOne().map(id -> CertificateStore.load(h, Long.toString(id))));
        } catch (JdbiException e) {
            throw databaseError("look for the certificate issued on " + assessmentName, e);
        }
    }

    /**
     * Hands each certificate the listing selects, with its history, to {@code each}, by number. The
     * filters are the database's, one page of certificates is held at a time, and every page is read
     * in one snapshot: a certificate recorded meanwhile is in none of them or in its own page whole.
     *
     * @param results whether each evaluation's result JSON is read (most of an entry's size; a listing shows none)
     */
    public void forEach(Listing listing, boolean results, Consumer<CertificateView> each) {
        try {
            inSnapshot(h -> {
                CertificateStore.forEach(h, listing, results, each);
                return null;
            });
        } catch (JdbiException e) {
            throw databaseError("list certificates", e);
        }
    }

    /**
     * One page of a listing: at most {@code limit} certificates it selects numbered above {@code after}, by number,
     * with their histories (no results). A page for people: the next starts after the last number of this one.
     *
     * @param limit 1 to 1000
     */
    public List<CertificateView> page(Listing listing, long after, int limit) {
        if (limit < 1 || limit > 1000 || after < 0) {
            throw new IllegalArgumentException("a page is 1 to 1000 certificates after a number of 0 or more");
        }
        try {
            return inSnapshot(h -> CertificateStore.page(h, listing, false, after, limit));
        } catch (JdbiException e) {
            throw databaseError("list certificates", e);
        }
    }

    /** A read of several statements, as one snapshot: a read-only REPEATABLE READ transaction. */
    private <T> T inSnapshot(org.jdbi.v3.core.HandleCallback<T, RuntimeException> read) {
        return jdbi.withHandle(h -> {
            h.setReadOnly(true);
            return h.inTransaction(TransactionIsolationLevel.REPEATABLE_READ, read::withHandle);
        });
    }

    /**
     * The certificates whose organisation or reference contains {@code text} (any case; all when
     * {@code null}), by number, held together: for a few; {@link #forEach} for a register of any size.
     */
    public List<CertificateView> list(String text) {
        List<CertificateView> found = new ArrayList<>();
        forEach(new Listing(text, java.util.Set.of(), null), false, found::add);
        return found;
    }

    /** Every certificate with its history, each evaluation's result JSON included, held together. */
    public List<CertificateView> listWithResults() {
        List<CertificateView> found = new ArrayList<>();
        forEach(Listing.all(), true, found::add);
        return found;
    }

    /**
     * What needs surveillance, re-evaluation or an extra evaluation by {@code on}, overdue meaning
     * before {@code today}. The certificates are read a page at a time; only what is due is kept.
     *
     * @param variants finds a certificate's scheme variant (its cycle) among the installed schemes
     */
    public DueReport due(LocalDate on, LocalDate today, BiFunction<String, String, Optional<Variant>> variants) {
        Lifecycle.Due due = new Lifecycle.Due(on, today, variants);
        try {
            // revoked ones are skipped as read: cheaper than asking each one's last state
            inSnapshot(h -> {
                CertificateStore.forEachStanding(h, due::add);
                return null;
            });
        } catch (JdbiException e) {
            throw databaseError("list certificates", e);
        }
        return due.report();
    }

    /**
     * What {@link #check} found.
     *
     * @param certificates   certificates read
     * @param entries        entries read
     * @param broken         places where a chain is broken (each handed to the caller)
     * @param registerDigest the digest of the register as it stands: over each certificate's number and its
     *                       last entry's digest, to note and compare later (a chain rewritten whole, or its
     *                       last entry removed, shows only there)
     */
    public record ChainCheck(long certificates, long entries, long broken, String registerDigest) {
    }

    /**
     * Recomputes the hash chain of every certificate's history ({@code docs/register.md}, The chain) in one
     * snapshot, a page of certificates at a time, and hands each place it is broken to {@code found}, as
     * a line: an entry changed after it was recorded, one that does not follow the entry before it (one
     * removed or put in between), a certificate's row changed, an entry not sealed.
     */
    public ChainCheck check(Consumer<String> found) {
        long[] broken = {0};
        if (!chained()) {
            throw new RegisterException(RegisterException.Kind.DATABASE, "the register at " + settings.describe()
                    + " has no chain yet (its schema is from an aftersales before version 6 of it): a command that"
                    + " writes (record, surveil, reevaluate, incident) upgrades it and seals its entries as they stand."
                    + " Nothing was checked");
        }
        try {
            RegisterChain.Checked checked = inSnapshot(h -> {
                try {
                    return RegisterChain.check(h.getConnection(), f -> {
                        broken[0]++;
                        found.accept(f.toString());
                    });
                } catch (java.sql.SQLException e) {
                    throw new org.jdbi.v3.core.statement.UnableToExecuteStatementException(e, null);
                }
            });
            return new ChainCheck(checked.certificates(), checked.entries(), broken[0], checked.registerDigest());
        } catch (JdbiException e) {
            throw databaseError("check the register", e);
        }
    }

    /** The assessment file an event was recorded on, byte for byte, or empty. */
    public Optional<byte[]> assessment(long certificate, int seq) {
        try {
            return jdbi.withHandle(h -> h.createQuery("SELECT assessment FROM certificate_event WHERE certificate_id"
                    + " = :c AND seq = :s").bind("c", certificate).bind("s", seq).mapTo(byte[].class).findOne());
        } catch (JdbiException e) {
            throw databaseError("read an assessment", e);
        }
    }

    /**
     * Copies this register, every certificate and entry as recorded (numbers, files, results, times
     * and names), into {@code target}, which must hold no certificate: how an embedded register
     * moves to the PostgreSQL its body shares. One transaction: on failure the target stays empty.
     *
     * @return the number of certificates copied
     */
    public int copyTo(Register target) {
        return RegisterCopy.copy(this, target);
    }

    Jdbi jdbi() {
        return jdbi;
    }

    /** Whether the register has the provenance and chain columns (schema version 6: every register a write upgraded). */
    boolean chained() {
        try {
            return jdbi.withHandle(h -> h.createQuery("SELECT COUNT(*) FROM \"register_schema_history\" WHERE"
                    + " \"version\" = '6' AND \"success\"").mapTo(Long.class).one()) > 0;
        } catch (JdbiException e) {
            throw databaseError("read the register's schema", e);
        }
    }

    RegisterException databaseError(String what, JdbiException e) {
        return SqlErrors.databaseError(settings, what, e);
    }

    @Override
    public void close() {
        RegisterDatabase.closeQuietly(keeper);
    }

    private CertificateView append(String certificate, Function<CertificateView, NewEvent> decide) {
        long deadline = System.nanoTime() + CONTENDED_NANOS;
        for (int attempt = 1;; attempt++) {
            try {
                return jdbi.inTransaction(TransactionIsolationLevel.READ_COMMITTED, h -> {
                    CertificateView c = CertificateStore.load(h, certificate);
                    NewEvent event = decide.apply(c);
                    CertificateStore.insertEvent(h, c.number(), c.current().seq() + 1, event, stamp());
                    steps.accept("event inserted");
                    return CertificateStore.load(h, Long.toString(c.number()));
                });
            } catch (JdbiException e) {
                if (SqlErrors.uniqueViolation(e) && System.nanoTime() - deadline < 0) {
                    // another writer appended first: decide again on the state it left, after a random pause that
                    // grows (up to 64 ms), so that writers on one certificate stop colliding in step
                    try {
                        Thread.sleep(java.util.concurrent.ThreadLocalRandom.current().nextLong(1L << Math.min(attempt, 6)));
                    } catch (InterruptedException interrupted) {
                        Thread.currentThread().interrupt();
                        throw databaseError("record on certificate " + certificate, e);
                    }
                    continue;
                }
                throw databaseError("record on certificate " + certificate, e);
            }
        }
    }

    private LocalDate today() {
        return LocalDate.now(clock);
    }

    private static void fits(String what, String value, int limit) {
        // characters as people count them: code points, so an emoji is one (the columns hold twice the limit in UTF-16)
        if (value != null && value.codePointCount(0, value.length()) > limit) {
            throw new RegisterException(RegisterException.Kind.INPUT, what + " is " + value.codePointCount(0,
                    value.length()) + " characters long; the register keeps at most " + limit);
        }
    }

    /**
     * Who records and when, as this program knows it; none on PostgreSQL, whose own clock and session
     * user are taken (the append check of migration V4 sets them whatever a client sends).
     */
    private CertificateStore.Stamp stamp() {
        return settings.url().startsWith("jdbc:postgresql:") ? null : new CertificateStore.Stamp(now(), user);
    }

    private Instant now() {
        // PostgreSQL keeps microseconds: truncate so what is read back equals what was written
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

}

package io.github.aftersales.register;

import io.github.aftersales.spi.SurveillanceRules.Action;
import io.github.aftersales.spi.Variant;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import java.util.function.Function;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationState;
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

    private static final String HISTORY_TABLE = "register_schema_history";
    private static final int ATTEMPTS = 20;

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
     * @param user     who records, stored with each entry
     * @throws RegisterException when it cannot be opened or has a newer schema; nothing is written then
     */
    public static Register open(RegisterSettings settings, Access access, Clock clock, String user) {
        String url = settings.url();
        if (access != Access.WRITE && settings.embeddedFile() && !url.toUpperCase(Locale.ROOT).contains("IFEXISTS")) {
            url = url + ";IFEXISTS=TRUE";
        }
        if (access == Access.READ && settings.embeddedFile()
                && !url.toUpperCase(Locale.ROOT).contains("ACCESS_MODE_DATA")
                && !url.toUpperCase(Locale.ROOT).contains("AUTO_SERVER=TRUE")) {
            // a read opens the file read-only: it is never rewritten, a file the user may only read can be
            // listed, and readers share the file (a writer waits for them, and they for it)
            url = url + ";ACCESS_MODE_DATA=r";
        }
        Connection keeper = null;
        try {
            java.util.Properties credentials = new java.util.Properties();
            if (settings.user() != null) {
                credentials.setProperty("user", settings.user());
            }
            if (settings.password() != null) {
                credentials.setProperty("password", settings.password());
            }
            if (access == Access.WRITE) {
                createWhole(settings, credentials);
            }
            String target = url;
            // one connection held open for the register's life: an embedded H2 stays open (and locked) between handles
            keeper = connectWaiting(settings, target, credentials);
            Flyway flyway = flyway(url, settings);
            refuseHalfMade(keeper, flyway, settings);
            refuseNewerSchema(flyway, settings);
            if (access == Access.READ) {
                refuseMissingOrOlderSchema(flyway, settings);
            } else {
                if (access == Access.UPDATE && flyway.info().applied().length == 0) {
                    throw noRegisterYet(settings);
                }
                flyway.migrate();
            }
            Jdbi jdbi = Jdbi.create(() -> DriverManager.getConnection(target, credentials));
            return new Register(settings, jdbi, keeper, clock, user, h2File(keeper));
        } catch (SQLException | FlywayException e) {
            closeQuietly(keeper);
            if (access != Access.WRITE && settings.embeddedFile() && e instanceof SQLException s
                    && s.getErrorCode() == 90146) {
                throw noRegisterYet(settings);
            }
            throw new RegisterException(RegisterException.Kind.DATABASE, "cannot open the register at "
                    + settings.describe() + ": " + firstLine(e), e);
        } catch (RuntimeException e) {
            closeQuietly(keeper);
            throw e;
        }
    }

    /** The register's migrations on the database at {@code url}. */
    private static Flyway flyway(String url, RegisterSettings settings) {
        return Flyway.configure(Register.class.getClassLoader()).dataSource(url, settings.user(), settings.password())
                .locations(url.startsWith("jdbc:postgresql:") ? new String[] {"classpath:db/register",
                    "classpath:db/by-database/postgresql"} : new String[] {"classpath:db/register"})
                .table(HISTORY_TABLE).load();
    }

    /** How long a command waits for another process to let go of an embedded register. */
    public static final java.time.Duration WAIT = java.time.Duration.ofSeconds(30);
    /** {@link #WAIT}, shorter in tests. */
    static java.time.Duration wait = WAIT;

    /**
     * Connects, waiting while another process has the embedded file open: H2 locks the file with the
     * operating system's lock (released when that process ends, even killed), exclusively to write and
     * shared to read. No server, no port, no lock file holding a key: nothing but the file itself.
     */
    private static Connection connectWaiting(RegisterSettings settings, String url, java.util.Properties credentials)
            throws SQLException {
        long deadline = System.nanoTime() + wait.toNanos();
        for (;;) {
            try {
                return DriverManager.getConnection(url, credentials);
            } catch (SQLException e) {
                if (!settings.embeddedFile() || e.getErrorCode() != 90020) {
                    throw e;
                }
                if (System.nanoTime() > deadline) {
                    throw new RegisterException(RegisterException.Kind.DATABASE, "the register at "
                            + settings.describe() + " is busy: another process has had it open for the last "
                            + wait.toSeconds() + " s; nothing was done, try again when it has finished", e);
                }
                try {
                    Thread.sleep(java.util.concurrent.ThreadLocalRandom.current().nextLong(20, 120));
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
            }
        }
    }


    /** Test hook: told each step of creating an embedded register, so a test can crash the process there. */
    static Consumer<String> creating = step -> { };

    /**
     * Makes a new embedded register whole or not at all: H2 does not roll back a CREATE TABLE, so a
     * process killed while creating the schema in place would leave half a register. The schema is
     * made in a file of this process's own, closed, and then linked to the register's name, which
     * fails if another process made the register first (its register is then used, ours dropped).
     */
    private static void createWhole(RegisterSettings settings, java.util.Properties credentials) throws SQLException {
        Optional<java.nio.file.Path> file = settings.embeddedFilePath();
        if (file.isEmpty()) {
            return; // a server database, where Flyway's transactions hold the DDL, or an H2 URL of another form
        }
        java.nio.file.Path register = file.get().toAbsolutePath();
        java.nio.file.Path dir = register.getParent();
        String name = register.getFileName().toString().replaceFirst("\\.mv\\.db$", "");
        removeAbandoned(dir, name);
        if (java.nio.file.Files.exists(register)) {
            return;
        }
        String base = dir.resolve(name + ".creating-" + ProcessHandle.current().pid()).toString();
        java.nio.file.Path made = java.nio.file.Path.of(base + ".mv.db");
        String url = settings.url();
        String options = url.indexOf(';') < 0 ? "" : url.substring(url.indexOf(';'));
        String tempUrl = "jdbc:h2:file:" + base + options;
        try {
            java.nio.file.Files.deleteIfExists(made);
            creating.accept("creating the schema");
            try (Connection c = DriverManager.getConnection(tempUrl, credentials)) {
                flyway(tempUrl, settings).migrate();
                try (var st = c.createStatement()) {
                    st.execute("SHUTDOWN"); // written out and closed before it becomes the register
                }
            }
            creating.accept("schema created");
            try {
                java.nio.file.Files.createLink(register, made);
            } catch (java.nio.file.FileAlreadyExistsException raced) {
                // another process made the register meanwhile: theirs is the register
            } catch (UnsupportedOperationException | java.io.IOException noLinks) {
                try {
                    java.nio.file.Files.move(made, register); // no hard links here: a rename that refuses to replace
                } catch (java.nio.file.FileAlreadyExistsException raced) {
                    // as above
                }
            }
        } catch (java.io.IOException e) {
            throw new SQLException("cannot create " + register + ": " + e.getMessage(), e);
        } finally {
            try {
                java.nio.file.Files.deleteIfExists(made);
            } catch (java.io.IOException ignored) {
                // a leftover of a process that is gone is removed by the next one that creates
            }
        }
    }

    /** Removes what a process killed while creating the register left: its own file, named by its process id. */
    private static void removeAbandoned(java.nio.file.Path dir, String name) {
        if (!java.nio.file.Files.isDirectory(dir)) {
            return;
        }
        try (var files = java.nio.file.Files.newDirectoryStream(dir, name + ".creating-*.mv.db")) {
            for (java.nio.file.Path f : files) {
                String pid = f.getFileName().toString().replaceAll("^.*\\.creating-(\\d+)\\.mv\\.db$", "$1");
                if (pid.matches("\\d{1,18}") && ProcessHandle.of(Long.parseLong(pid)).isEmpty()) {
                    java.nio.file.Files.deleteIfExists(f);
                }
            }
        } catch (java.io.IOException | RuntimeException ignored) {
            // only tidying: the register does not depend on it
        }
    }

    /**
     * A register left half-made by an older aftersales killed while creating it (H2 keeps each CREATE
     * TABLE): some of its tables and no schema applied. Said with the way out, instead of Flyway's failure.
     */
    private static void refuseHalfMade(Connection c, Flyway flyway, RegisterSettings settings) throws SQLException {
        if (java.util.Arrays.stream(flyway.info().applied()).anyMatch(m -> m.getState().isApplied()
                && !m.getState().isFailed())) {
            return;
        }
        List<String> tables = new ArrayList<>();
        try (ResultSet rs = c.getMetaData().getTables(null, c.getSchema(), "%", new String[] {"TABLE"})) {
            while (rs.next()) {
                String t = rs.getString("TABLE_NAME").toLowerCase(Locale.ROOT);
                if (t.equals("certificate") || t.equals("certificate_event")) {
                    tables.add(t);
                }
            }
        }
        if (!tables.isEmpty()) {
            throw new RegisterException(RegisterException.Kind.DATABASE, "the register at " + settings.describe()
                    + " was left half-made (a process stopped while creating it: " + String.join(" and ", tables)
                    + " but no schema applied) and so holds no certificate; remove it"
                    + (settings.embeddedFilePath().isPresent() ? " (delete " + settings.embeddedFilePath().get() + ")"
                            : " (drop those tables)") + " and run 'register record' again");
        }
    }

    /** H2's own name for its file (whatever form the URL took: ~, relative, file: or not); empty elsewhere. */
    private static java.util.Optional<java.nio.file.Path> h2File(Connection c) throws SQLException {
        if (!c.getMetaData().getDatabaseProductName().equals("H2")) {
            return java.util.Optional.empty();
        }
        try (var st = c.createStatement(); ResultSet rs = st.executeQuery("CALL DATABASE_PATH()")) {
            String path = rs.next() ? rs.getString(1) : null;
            return path == null ? java.util.Optional.empty()
                    : java.util.Optional.of(java.nio.file.Path.of(path + ".mv.db").toAbsolutePath().normalize());
        }
    }

    /** The file this register is, when it is an embedded one: no output may be written over it. */
    public java.util.Optional<java.nio.file.Path> file() {
        return file;
    }

    private static RegisterException noRegisterYet(RegisterSettings settings) {
        return new RegisterException(RegisterException.Kind.DATABASE, "there is no register yet at "
                + settings.describe() + "; 'register record' creates it");
    }

    /** A read changes nothing: not even the schema of a register an older aftersales made. */
    private static void refuseMissingOrOlderSchema(Flyway flyway, RegisterSettings settings) {
        var info = flyway.info();
        if (info.applied().length == 0) {
            throw noRegisterYet(settings);
        }
        if (info.pending().length > 0) {
            throw new RegisterException(RegisterException.Kind.DATABASE, "the register at " + settings.describe()
                    + " has schema version " + info.current().getVersion() + " and this aftersales uses "
                    + info.pending()[info.pending().length - 1].getVersion() + "; a command that writes (record,"
                    + " surveil, reevaluate, incident) upgrades it. Nothing was read or written");
        }
    }

    private static void refuseNewerSchema(Flyway flyway, RegisterSettings settings) {
        List<String> newer = new ArrayList<>();
        for (MigrationInfo m : flyway.info().all()) {
            if (m.getState() == MigrationState.FUTURE_SUCCESS || m.getState() == MigrationState.FUTURE_FAILED) {
                newer.add(m.getVersion() + " (" + m.getDescription() + ")");
            }
        }
        if (!newer.isEmpty()) {
            MigrationInfo[] known = flyway.info().all();
            String ours = known.length == 0 ? "none" : String.valueOf(java.util.Arrays.stream(known)
                    .filter(m -> !m.getState().name().startsWith("FUTURE")).map(MigrationInfo::getVersion)
                    .max(Comparable::compareTo).orElse(null));
            throw new RegisterException(RegisterException.Kind.DATABASE, "the register at " + settings.describe()
                    + " has schema version " + String.join(", ", newer) + ", newer than this aftersales knows (up to "
                    + ours + "); use the newer aftersales that migrated it. Nothing was written");
        }
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
        checkRecord(organisation, reference, evaluation, clock);
        String ref = reference == null ? null : reference.strip();
        NewEvent issue = Lifecycle.issue(evaluation, today());
        try {
            return jdbi.inTransaction(TransactionIsolationLevel.READ_COMMITTED, h -> {
                if (ref != null) {
                    // asked before the insert: a refused reference uses up no number (an identity is not rolled back)
                    refuseTakenReference(h, ref);
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
     * revoke; ZG025 4.4: the new grade).
     */
    public CertificateView surveil(String certificate, EvaluatedAssessment evaluation, Optional<Action> onSerious) {
        fits("the file name", evaluation.fileName(), 1000);
        return append(certificate, c -> Lifecycle.surveil(c, evaluation, onSerious, today()));
    }

    /**
     * Applies a full re-evaluation: the new grade stands and a new cycle starts; no grade revokes;
     * serious events in the file suspend or revoke as on a surveillance.
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
            return jdbi.withHandle(h -> CertificateStore.load(h, certificate));
        } catch (JdbiException e) {
            throw databaseError("read certificate " + certificate, e);
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
            jdbi.useHandle(h -> {
                h.setReadOnly(true);
                h.useTransaction(TransactionIsolationLevel.REPEATABLE_READ, t -> CertificateStore.forEach(t, listing,
                        results, each));
            });
        } catch (JdbiException e) {
            throw databaseError("list certificates", e);
        }
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
        forEach(Listing.live(), false, due::add);
        return due.report();
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
        long copiedUpTo;
        int copied;
        try {
            // the source read as one snapshot, the target written in one transaction
            long[] highest = {0};
            copied = target.jdbi.inTransaction(TransactionIsolationLevel.READ_COMMITTED, out -> {
                long existing = out.createQuery("SELECT COUNT(*) FROM certificate").mapTo(Long.class).one();
                if (existing > 0) {
                    throw new RegisterException(RegisterException.Kind.REFUSED, "the register at "
                            + target.settings.describe() + " already holds " + existing + " certificates; a copy goes"
                            + " into an empty register only. Nothing was written");
                }
                return jdbi.inTransaction(TransactionIsolationLevel.REPEATABLE_READ, in -> {
                    List<Long> numbers = in.createQuery("SELECT id FROM certificate ORDER BY id").mapTo(Long.class)
                            .list();
                    for (long number : numbers) {
                        CertificateStore.insert(out, "certificate", CertificateStore.certificateRow(in, number));
                        CertificateStore.eventRows(in, number, row -> CertificateStore.insert(out, "certificate_event",
                                row));
                        highest[0] = Math.max(highest[0], number);
                        target.steps.accept("certificate copied");
                    }
                    return numbers.size();
                });
            });
            copiedUpTo = highest[0];
        } catch (JdbiException e) {
            throw databaseError("copy the register to " + target.settings.describe(), e);
        }
        try {
            // new certificates are numbered after the copied ones (after the copy: in H2 this ends a transaction)
            target.jdbi.useHandle(h -> h.execute("ALTER TABLE certificate ALTER COLUMN id RESTART WITH "
                    + (copiedUpTo + 1)));
        } catch (JdbiException e) {
            throw new RegisterException(RegisterException.Kind.DATABASE, "copied " + copied + " certificates to "
                    + target.settings.describe() + ", but could not make new numbers follow them: " + firstLine(e)
                    + ". Run: ALTER TABLE certificate ALTER COLUMN id RESTART WITH " + (copiedUpTo + 1), e);
        }
        return copied;
    }

    @Override
    public void close() {
        closeQuietly(keeper);
    }

    private CertificateView append(String certificate, Function<CertificateView, NewEvent> decide) {
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
                if (SqlErrors.uniqueViolation(e) && attempt < ATTEMPTS) {
                    continue; // another writer appended first: decide again on the state it left
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

    private RegisterException databaseError(String what, JdbiException e) {
        return SqlErrors.databaseError(settings, what, e);
    }

    private static String firstLine(Throwable e) {
        return SqlErrors.firstLine(e);
    }

    private static void closeQuietly(Connection c) {
        if (c != null) {
            try {
                c.close();
            } catch (SQLException ignored) {
                // closing is best effort; the transactions are already committed or rolled back
            }
        }
    }
}

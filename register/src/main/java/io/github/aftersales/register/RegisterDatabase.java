package io.github.aftersales.register;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Consumer;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationInfoService;
import org.flywaydb.core.api.MigrationState;
import org.jdbi.v3.core.Jdbi;

/**
 * Opening a register: the connection (waiting while another process has the embedded file), making a
 * new embedded register whole or not at all, and the schema's checks and migrations. The register's
 * one Flyway setup is here.
 */
final class RegisterDatabase {

    private static final String HISTORY_TABLE = "register_schema_history";

    private RegisterDatabase() {
    }

    /** What an opened register is made of. */
    record Opened(Jdbi jdbi, Connection keeper, Optional<Path> file) {
    }

    /**
     * Opens the register's database, creating it or migrating its schema as {@code access} allows.
     *
     * @throws RegisterException when it cannot be opened or has a newer schema; nothing is written then
     */
    static Opened open(RegisterSettings settings, Register.Access access) {
        String url = settings.url();
        if (access != Register.Access.WRITE && settings.embeddedFile() && !url.toUpperCase(Locale.ROOT).contains("IFEXISTS")) {
            url = url + ";IFEXISTS=TRUE";
        }
        if (access == Register.Access.READ && settings.embeddedFile()
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
            if (access == Register.Access.WRITE) {
                createWhole(settings, credentials);
            }
            String target = url;
            // one connection held open for the register's life: an embedded H2 stays open (and locked) between handles
            keeper = connectWaiting(settings, target, credentials);
            boolean postgresql = url.startsWith("jdbc:postgresql:");
            if (access == Register.Access.READ && current(keeper, postgresql)) {
                // the schema this program makes, exactly: nothing for Flyway to say (its look costs half a second)
                Jdbi jdbi = Jdbi.create(() -> DriverManager.getConnection(target, credentials));
                return new Opened(jdbi, keeper, h2File(keeper));
            }
            Flyway flyway = flyway(url, settings);
            MigrationInfoService info = flyway.info(); // asked once: it reads the migrations and the history
            refuseHalfMade(keeper, info, settings);
            refuseNewerSchema(info, settings);
            if (access == Register.Access.READ) {
                refuseMissingOrOlderSchema(info, settings);
            } else {
                if (access == Register.Access.UPDATE && info.applied().length == 0) {
                    throw noRegisterYet(settings);
                }
                flyway.migrate();
            }
            Jdbi jdbi = Jdbi.create(() -> DriverManager.getConnection(target, credentials));
            return new Opened(jdbi, keeper, h2File(keeper));
        } catch (SQLException | FlywayException e) {
            closeQuietly(keeper);
            if (access != Register.Access.WRITE && settings.embeddedFile() && e instanceof SQLException s
                    && s.getErrorCode() == 90146) {
                throw noRegisterYet(settings);
            }
            throw new RegisterException(RegisterException.Kind.DATABASE, "cannot open the register at "
                    + settings.describe() + ": " + SqlErrors.firstLine(e), e);
        } catch (RuntimeException e) {
            closeQuietly(keeper);
            throw e;
        }
    }

    /**
     * The migrations this program applies, as Flyway records them in the schema history (version,
     * checksum); {@code RegisterTest} checks them against what Flyway resolves from the migration files.
     */
    static final java.util.Map<String, Integer> MIGRATIONS = java.util.Map.of("1", -197906178, "2", 1998073274,
            "3", 1916881705, "5", -1491991575, "6", -1579574398, "7", V7__seal_existing_history.CHECKSUM);
    /**
     * The migrations a read does without when the register has not taken them yet: indexes that only
     * make a read faster (V5, what {@code due} reads). A register written last by an older aftersales
     * (an archived one, which no command may write) is still read, with Flyway's look at its history
     * and without the speed-up; the next command that writes adds them.
     */
    static final java.util.Set<String> SPEED_ONLY = java.util.Set.of("5");
    /**
     * The migrations a read does without too: the provenance and chain columns (V6) and the sealing of what
     * was recorded before them (V7), which no listing reads. A register not yet upgraded is read as it is;
     * {@code register check} says it has no chain yet, and a copy of it is sealed as it is copied.
     */
    static final java.util.Set<String> CHAIN = java.util.Set.of("6", "7");
    /** Those applied on PostgreSQL only ({@code db/by-database/postgresql}). */
    static final java.util.Map<String, Integer> POSTGRESQL_MIGRATIONS = java.util.Map.of("4", 1272034008);

    /**
     * Whether the schema history holds exactly this program's migrations, each applied whole: one
     * query instead of Flyway's resolving every migration file. Anything else (no history, an older,
     * newer, failed or changed migration) is for Flyway to tell, with the messages of
     * {@link #open}; so is any failure of the query.
     */
    private static boolean current(Connection c, boolean postgresql) {
        java.util.Map<String, Integer> expected = new java.util.HashMap<>(MIGRATIONS);
        if (postgresql) {
            expected.putAll(POSTGRESQL_MIGRATIONS);
        }
        try (var st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT \"version\", \"checksum\","
                + " \"success\", \"type\" FROM \"" + HISTORY_TABLE + "\"")) {
            java.util.Set<String> found = new java.util.HashSet<>();
            while (rs.next()) {
                String version = rs.getString(1);
                if (version == null) {
                    if (!"TABLE".equals(rs.getString(4)) && !"SCHEMA".equals(rs.getString(4))) {
                        return false; // a repeatable migration or other entry this program does not make
                    }
                    continue; // Flyway's note that it made the table or schema
                }
                Integer checksum = expected.get(version);
                int sum = rs.getInt(2);
                if (checksum == null || rs.wasNull() || sum != checksum || !rs.getBoolean(3) || !found.add(version)) {
                    return false;
                }
            }
            return found.equals(expected.keySet());
        } catch (SQLException e) {
            return false;
        }
    }

    /** The register's migrations on the database at {@code url}. */
    private static Flyway flyway(String url, RegisterSettings settings) {
        return Flyway.configure(Register.class.getClassLoader()).dataSource(url, settings.user(), settings.password())
                .locations(url.startsWith("jdbc:postgresql:") ? new String[] {"classpath:db/register",
                    "classpath:db/by-database/postgresql"} : new String[] {"classpath:db/register"})
                .javaMigrations(new V7__seal_existing_history()).table(HISTORY_TABLE).load();
    }

    /** How long a command waits for another process to let go of an embedded register. */
    static final java.time.Duration WAIT = java.time.Duration.ofSeconds(30);
    /** {@link #WAIT}, shorter in tests. */
    static java.time.Duration wait = WAIT;

    /**
     * Connects, waiting while another process has the embedded file open: H2 locks the file with the
     * operating system's lock (released when that process ends, even killed), exclusively to write and
     * shared to read. No server, no port, no lock file holding a key: nothing but the file itself.
     */
    static Connection connectWaiting(RegisterSettings settings, String url, java.util.Properties credentials)
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
    private static void refuseHalfMade(Connection c, MigrationInfoService info, RegisterSettings settings)
            throws SQLException {
        if (java.util.Arrays.stream(info.applied()).anyMatch(m -> m.getState().isApplied()
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


    static RegisterException noRegisterYet(RegisterSettings settings) {
        return new RegisterException(RegisterException.Kind.DATABASE, "there is no register yet at "
                + settings.describe() + "; 'register record' creates it");
    }

    /** A read changes nothing: not even the schema of a register an older aftersales made. */
    private static void refuseMissingOrOlderSchema(MigrationInfoService info, RegisterSettings settings) {
        if (info.applied().length == 0) {
            throw noRegisterYet(settings);
        }
        if (java.util.Arrays.stream(info.pending()).anyMatch(m -> !SPEED_ONLY.contains(m.getVersion().getVersion())
                && !CHAIN.contains(m.getVersion().getVersion()))) {
            throw new RegisterException(RegisterException.Kind.DATABASE, "the register at " + settings.describe()
                    + " has schema version " + info.current().getVersion() + " and this aftersales uses "
                    + info.pending()[info.pending().length - 1].getVersion() + "; a command that writes (record,"
                    + " surveil, reevaluate, incident) upgrades it. Nothing was read or written");
        }
    }

    private static void refuseNewerSchema(MigrationInfoService info, RegisterSettings settings) {
        List<String> newer = new ArrayList<>();
        for (MigrationInfo m : info.all()) {
            if (m.getState() == MigrationState.FUTURE_SUCCESS || m.getState() == MigrationState.FUTURE_FAILED) {
                newer.add(m.getVersion() + " (" + m.getDescription() + ")");
            }
        }
        if (!newer.isEmpty()) {
            MigrationInfo[] known = info.all();
            String ours = known.length == 0 ? "none" : String.valueOf(java.util.Arrays.stream(known)
                    .filter(m -> !m.getState().name().startsWith("FUTURE")).map(MigrationInfo::getVersion)
                    .max(Comparable::compareTo).orElse(null));
            throw new RegisterException(RegisterException.Kind.DATABASE, "the register at " + settings.describe()
                    + " has schema version " + String.join(", ", newer) + ", newer than this aftersales knows (up to "
                    + ours + "); use the newer aftersales that migrated it. Nothing was written");
        }
    }

    static void closeQuietly(Connection c) {
        if (c != null) {
            try {
                c.close();
            } catch (SQLException ignored) {
                // closing is best effort; the transactions are already committed or rolled back
            }
        }
    }
}

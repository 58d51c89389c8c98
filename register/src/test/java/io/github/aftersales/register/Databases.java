package io.github.aftersales.register;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The two databases every register test runs on: an H2 file (the embedded default) and a real
 * PostgreSQL 18 (started once for the test JVM from Maven Central's binaries), a fresh database each.
 * Shared with the modules that keep tables beside the register's (the register's test jar).
 */
public enum Databases {
    H2, POSTGRESQL;

    private static final AtomicInteger COUNTER = new AtomicInteger();
    private static EmbeddedPostgres postgres;

    /** A database no test has used: an H2 file in {@code directory}, or a new PostgreSQL database. */
    public RegisterSettings fresh(Path directory) {
        return switch (this) {
            case H2 -> RegisterSettings.embedded(directory, "test");
            case POSTGRESQL -> freshPostgres();
        };
    }

    /** The test JVM's PostgreSQL, started on first use; the calling test is skipped where it cannot run. */
    public static synchronized EmbeddedPostgres postgres() {
        if (postgres == null) {
            try {
                postgres = EmbeddedPostgresOrSkip.start();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot start the embedded PostgreSQL", e);
            }
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    postgres.close();
                } catch (IOException ignored) {
                    // the JVM is ending
                }
            }));
        }
        return postgres;
    }

    private static RegisterSettings freshPostgres() {
        EmbeddedPostgres pg = postgres();
        String name = "register_" + COUNTER.incrementAndGet();
        try (Connection c = pg.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return new RegisterSettings(pg.getJdbcUrl("postgres", name), "postgres", null, "test");
    }
}

package io.github.aftersales.service.accounts;

import io.github.aftersales.register.Register;
import io.github.aftersales.register.RegisterException;
import io.github.aftersales.register.RegisterSettings;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.jdbi.v3.core.Jdbi;

/**
 * The service's tables, in the register's database beside the register's own, with a migration history of
 * their own ({@code service_schema_history}): the register's schema and its checks are untouched.
 *
 * <p>Opening makes the register first (whole, by the register's own rules), then the service's tables: the
 * register's migrations refuse a database that holds other tables but not their history.
 */
public final class ServiceDatabase implements AutoCloseable {

    private final Jdbi jdbi;
    private final Connection keeper;
    private final com.zaxxer.hikari.HikariDataSource pool;

    private ServiceDatabase(Jdbi jdbi, Connection keeper, com.zaxxer.hikari.HikariDataSource pool) {
        this.jdbi = jdbi;
        this.keeper = keeper;
        this.pool = pool;
    }

    /**
     * Opens (and creates or upgrades) the register and the service's tables.
     *
     * @throws RegisterException when the database cannot be opened or its schema is newer than this program's
     */
    public static ServiceDatabase open(RegisterSettings settings) {
        Register.open(settings, Register.Access.WRITE).close();
        Properties credentials = new Properties();
        if (settings.user() != null) {
            credentials.setProperty("user", settings.user());
        }
        if (settings.password() != null) {
            credentials.setProperty("password", settings.password());
        }
        Connection keeper = null;
        try {
            // held for the database's life: an embedded H2 file stays open between the requests' connections
            keeper = DriverManager.getConnection(settings.url(), credentials);
            Flyway.configure(ServiceDatabase.class.getClassLoader())
                    .dataSource(settings.url(), settings.user(), settings.password())
                    .locations("classpath:db/service").table("service_schema_history")
                    // the register's tables are there already: the service's history starts beside them
                    .baselineOnMigrate(true).baselineVersion("0")
                    .placeholders(placeholders(settings))
                    .load().migrate();
            // a pool: opening a connection per request would cost more than the request (a PostgreSQL login
            // each time); its size bounds what one instance asks of a shared database
            com.zaxxer.hikari.HikariConfig config = new com.zaxxer.hikari.HikariConfig();
            config.setJdbcUrl(settings.url());
            config.setUsername(settings.user());
            config.setPassword(settings.password());
            config.setMaximumPoolSize(POOL_SIZE);
            config.setPoolName("aftersales-service");
            config.setInitializationFailTimeout(-1); // the keeper above has already said whether it opens
            com.zaxxer.hikari.HikariDataSource pool = new com.zaxxer.hikari.HikariDataSource(config);
            return new ServiceDatabase(Jdbi.create(pool), keeper, pool);
        } catch (SQLException | FlywayException e) {
            if (keeper != null) {
                try {
                    keeper.close();
                } catch (SQLException ignored) {
                    // already failing: the first error is the one to report
                }
            }
            throw new RegisterException(RegisterException.Kind.DATABASE, "cannot open the service's tables at "
                    + settings.describe() + ": " + firstLine(e.getMessage()), e);
        }
    }

    /**
     * The values the service's migrations leave to the database: {@code binary}, the type of an evidence file's bytes
     * (V4), a BLOB on H2 (kept out of the row) and BYTEA on PostgreSQL.
     */
    public static java.util.Map<String, String> placeholders(RegisterSettings settings) {
        return java.util.Map.of("binary", settings.url().startsWith("jdbc:postgresql:") ? "BYTEA" : "BLOB");
    }

    public Jdbi jdbi() {
        return jdbi;
    }

    /** Connections one instance holds at most. */
    static final int POOL_SIZE = 10;

    @Override
    public void close() {
        pool.close();
        try {
            keeper.close();
        } catch (SQLException e) {
            // closing: nothing of the service's is unwritten (every change commits before it returns)
        }
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "";
        }
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}

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

    private ServiceDatabase(Jdbi jdbi, Connection keeper) {
        this.jdbi = jdbi;
        this.keeper = keeper;
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
                    .load().migrate();
            return new ServiceDatabase(Jdbi.create(() -> DriverManager.getConnection(settings.url(), credentials)), keeper);
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

    public Jdbi jdbi() {
        return jdbi;
    }

    @Override
    public void close() {
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

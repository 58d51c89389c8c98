package io.github.aftersales.register;

import java.sql.SQLException;
import org.jdbi.v3.core.JdbiException;

/** What a database failure means, in one sentence for the user: the one place SQL errors are read. */
final class SqlErrors {

    private SqlErrors() {
    }

    /** A failure of {@code what} on the register at {@code where}, after which nothing was written. */
    static RegisterException databaseError(RegisterSettings where, String what, JdbiException e) {
        RegisterException refused = refusedByDatabase(e);
        if (refused != null) {
            return refused;
        }
        return new RegisterException(RegisterException.Kind.DATABASE, "could not " + what + " in the register at "
                + where.describe() + ": " + firstLine(e) + ". Nothing was written", e);
    }

    /**
     * The register's own refusal raised inside the database (its append check, SQL state 23514 with
     * a message starting "register:"), as the refusal it is: exit 6, not a database failure.
     */
    private static RegisterException refusedByDatabase(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException s && "23514".equals(s.getSQLState()) && s.getMessage() != null
                    && s.getMessage().contains("register: ")) {
                String m = s.getMessage().substring(s.getMessage().indexOf("register: ") + "register: ".length());
                return new RegisterException(RegisterException.Kind.REFUSED, "the database refused the entry: "
                        + m.lines().findFirst().orElse(m).strip(), e);
            }
        }
        return null;
    }

    /** Two writers took the same key: the second is decided again on what the first left. */
    static boolean uniqueViolation(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException s && "23505".equals(s.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    /** The database's own sentence: the first SQL error in the chain (H2's error code suffix dropped), else the root's. */
    static String firstLine(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException s && s.getMessage() != null) {
                switch (s.getErrorCode()) {
                    case 90028, 90030, 90048 -> {
                        return "the file is not a register this program can read (not an H2 database, damaged, or"
                                + " written by another H2 version)";
                    }
                    case 90020 -> {
                        return "another program holds the file open";
                    }
                    default -> {
                        if (connectionLost(s)) {
                            // the driver's "This connection has been closed." says less than this
                            return "the connection to the database was lost";
                        }
                        String m = s.getMessage().replaceAll(" \\[\\d+-\\d+]$", "");
                        return m.lines().findFirst().orElse(m).strip().replaceAll("\\.+$", "");
                    }
                }
            }
        }
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String m = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        return m.lines().findFirst().orElse(m).strip().replaceAll("\\.+$", "");
    }

    /** SQL states of a connection gone (08: connection exception; 57P0x: the server ended it). */
    private static boolean connectionLost(SQLException s) {
        String state = s.getSQLState();
        return state != null && (state.startsWith("08") || state.startsWith("57P0"));
    }
}

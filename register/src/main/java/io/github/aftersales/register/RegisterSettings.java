package io.github.aftersales.register;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;

/**
 * Where the register is: a JDBC URL (H2 for the embedded default, PostgreSQL to share one among
 * auditors) and the credentials, if any.
 *
 * @param url      the JDBC URL
 * @param user     the database user, or {@code null}
 * @param password the password, or {@code null}; never shown
 * @param origin   where the URL came from, for messages ("--register", a configuration file, the default)
 */
public record RegisterSettings(String url, String user, String password, String origin) {

    public RegisterSettings {
        requireNonNull(url, "url is null");
        requireNonNull(origin, "origin is null");
    }

    /** The embedded default: an H2 file {@code register.mv.db} in {@code directory}. */
    public static RegisterSettings embedded(Path directory, String origin) {
        // No AUTO_SERVER: its port listened beyond loopback and its lock file held the key to it. The lock is
        // the operating system's, which H2 takes on the file itself (FILE_LOCK=NO drops only H2's own lock
        // file, whose watchdog made a second process fail): a second aftersales waits its turn (RegisterDatabase.WAIT).
        // No trace file: errors are reported to the user, not written beside the register. WRITE_DELAY=0: each
        // commit is written to the file before it returns (H2 otherwise writes every 500 ms, and a process killed
        // in between loses certificates it had said were recorded).
        return new RegisterSettings("jdbc:h2:file:" + directory.toAbsolutePath().resolve("register")
                + ";FILE_LOCK=NO;TRACE_LEVEL_FILE=0;WRITE_DELAY=0", null, null, origin);
    }

    /** Whether this is an H2 database in a file (created on first write, absent until then). */
    public boolean embeddedFile() {
        return url.startsWith("jdbc:h2:file:") || (url.startsWith("jdbc:h2:") && !url.startsWith("jdbc:h2:mem:")
                && !url.startsWith("jdbc:h2:tcp:") && !url.startsWith("jdbc:h2:ssl:"));
    }

    /**
     * The file of an embedded register given as {@code jdbc:h2:file:}, for messages; an open
     * {@link Register#file()} knows the file whatever form the URL took.
     */
    public java.util.Optional<Path> embeddedFilePath() {
        if (!url.startsWith("jdbc:h2:file:")) {
            return java.util.Optional.empty();
        }
        String path = url.substring("jdbc:h2:file:".length());
        int options = path.indexOf(';');
        return java.util.Optional.of(Path.of((options < 0 ? path : path.substring(0, options)) + ".mv.db"));
    }

    /** The file of an embedded register, or the URL without the password some drivers allow in it, for messages. */
    public String describe() {
        if (embeddedFilePath().isPresent()) {
            return embeddedFilePath().get() + " (" + origin + ")";
        }
        String shown = url.replaceAll("(?i)(password=)[^;&]*", "$1***");
        return shown + " (" + origin + ")";
    }
}

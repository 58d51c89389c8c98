package io.github.aftersales.app;

/** The exit codes, documented in README.md. */
public final class ExitCode {
    /** Evaluated (whatever the grade), or the command did what was asked. */
    public static final int OK = 0;
    /** Bad usage: an unknown option, a missing argument, an unknown scheme or variant on the command line. */
    public static final int USAGE = 2;
    /** Bad input: a file that cannot be read, is malformed, or does not fit the scheme. */
    public static final int INPUT = 3;
    /** An output file exists and {@code --force} was not given, or it cannot be written. */
    public static final int OUTPUT = 4;
    /**
     * A scheme (usually a plugin) failed: it threw (an exception or an Error) while an assessment was
     * evaluated or a template written, or a plugin ended the program while it was loaded. The
     * message names the scheme and where it came from (the jar).
     */
    public static final int SCHEME = 5;
    /**
     * The register refused: the certificate is revoked, a date is before its issue or last evaluation,
     * the file reaches no level to issue on, the reference is taken.
     */
    public static final int REFUSED = 6;
    /** The register's database cannot be opened, has a newer schema, or failed; nothing was written. */
    public static final int DATABASE = 7;
    /** {@code serve} cannot listen where it was told: the port is taken or the address is not this machine's. */
    public static final int LISTEN = 8;
    /** {@code register check}: an entry of the register was changed outside the program (its chain is broken). */
    public static final int TAMPERED = 9;
    /** {@code verify}: the codes 10 to 13 of {@link io.github.aftersales.app.commands.VerifyCommand}. */
    public static final int VERIFY_INPUT_CHANGED = 10;
    /** A defect of this program; the message says so. */
    public static final int INTERNAL = 70;
    /**
     * The Java virtual machine failed: out of memory, or an internal error of the JVM. Not a defect
     * of the input, a scheme or this program; run again with more memory ({@code java -Xmx4g …}).
     */
    public static final int JVM = 71;

    private ExitCode() {
    }
}

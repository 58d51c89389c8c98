package io.github.aftersales.app;

/** A problem the user can fix, with the exit code it ends the run with; printed as one line. */
public final class UserException extends RuntimeException {
    private final int exitCode;

    public UserException(int exitCode, String message) {
        super(message);
        this.exitCode = exitCode;
    }

    public int exitCode() {
        return exitCode;
    }
}

package io.github.aftersales.register;

/**
 * A register operation that was refused or could not be done, with one sentence for the user.
 * Nothing was written when this is thrown.
 */
public final class RegisterException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** Why the operation failed, for the exit code. */
    public enum Kind {
        /** No certificate with that number or reference. */
        NOT_FOUND,
        /** The certificate's state or dates forbid the operation (revoked, a date before its issue). */
        REFUSED,
        /** The assessment or an argument cannot make a certificate (no grade, several parts). */
        INPUT,
        /** The database cannot be opened, has a newer schema, or failed. */
        DATABASE
    }

    private final Kind kind;

    public RegisterException(Kind kind, String message) {
        super(message);
        this.kind = kind;
    }

    public RegisterException(Kind kind, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }
}

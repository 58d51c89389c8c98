package io.github.aftersales.core.evaluation;

/**
 * A scheme failed while it was evaluated: a defect of the scheme (usually a plugin), not of the
 * assessment. The other schemes and assessments are not affected.
 */
public final class SchemeFailureException extends RuntimeException {

    private final String scheme;

    public SchemeFailureException(String scheme, Throwable cause) {
        super("scheme " + scheme + " failed while evaluating: " + (cause.getMessage() == null
                ? cause.getClass().getSimpleName() : cause.getMessage()), cause);
        this.scheme = scheme;
    }

    /** The scheme's id. */
    public String scheme() {
        return scheme;
    }
}

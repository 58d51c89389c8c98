package io.github.aftersales.core.evaluation;

import io.github.aftersales.core.registry.Messages;

/**
 * A scheme failed: a defect of the scheme (usually a plugin), not of the assessment. It threw while
 * it was evaluated, or a plugin's code threw (an exception or an Error) when it was called. The
 * other schemes and assessments are not affected.
 */
public final class SchemeFailureException extends RuntimeException {

    private final String scheme;

    /** The scheme failed while it was evaluated. */
    public SchemeFailureException(String scheme, Throwable cause) {
        this(scheme, "while evaluating", Messages.failure(cause), cause);
    }

    /**
     * @param when        when it failed, e.g. {@code in variants()}
     * @param description what it threw, in one line ({@link Messages#failure})
     */
    public SchemeFailureException(String scheme, String when, String description, Throwable cause) {
        super("scheme " + scheme + " failed " + when + ": " + description, cause);
        this.scheme = scheme;
    }

    /** The scheme's id. */
    public String scheme() {
        return scheme;
    }
}

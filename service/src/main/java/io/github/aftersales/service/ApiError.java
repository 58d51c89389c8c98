package io.github.aftersales.service;

import io.github.aftersales.core.json.Located;

/**
 * An error answered to the client in the one shape every error of the API has ({@link ErrorBody}): the
 * HTTP status, a stable code for programs, a message for people, and the place in the input when there is one.
 */
public final class ApiError extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int status;
    private final String code;
    private final String source;
    private final transient Located.Position position;

    public ApiError(int status, String code, String message) {
        this(status, code, message, null, null);
    }

    public ApiError(int status, String code, String message, String source, Located.Position position) {
        super(message, null, false, false); // an answer, not a defect: no stack trace is made
        this.status = status;
        this.code = code;
        this.source = source;
        this.position = position;
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }

    /** The input the error is in ({@code request body}), or {@code null}. */
    public String source() {
        return source;
    }

    /** The line and column in {@link #source()}, or {@code null}. */
    public Located.Position position() {
        return position;
    }
}

package io.github.aftersales.core.json;

import static java.util.Objects.requireNonNull;

/**
 * A problem in a file or resource the user or a scheme author gave, with where it is. Its message
 * is the one line a user sees: {@code source:line:column: what is wrong}.
 */
public class LocatedException extends RuntimeException {

    private final String source;
    private final Located.Position position;
    private final String problem;

    public LocatedException(String source, Located.Position position, String problem) {
        super(format(source, position, problem));
        this.source = requireNonNull(source, "source is null");
        this.position = position == null ? new Located.Position(0, 0) : position;
        this.problem = requireNonNull(problem, "problem is null");
    }

    private static String format(String source, Located.Position position, String problem) {
        String where = position == null || position.line() <= 0 ? "" : ":" + position;
        return source + where + ": " + problem;
    }

    /** The file or resource. */
    public String source() {
        return source;
    }

    /** Where in it; line 0 when the problem is not at one place. */
    public Located.Position position() {
        return position;
    }

    /** What is wrong, without the place. */
    public String problem() {
        return problem;
    }
}

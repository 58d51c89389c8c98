package io.github.aftersales.records;

/**
 * A row that was skipped, and why: its line in the file (where the row starts), its column (1-based,
 * 0 when the row as a whole is wrong) and that column's header as the file names it.
 */
public record RowProblem(int line, int column, String header, String message) {

    /** As every located problem is said: {@code records.csv:17:4: opened: '2026-13-01' is not …}. */
    public String describe(String source) {
        return source + ":" + line + (column > 0 ? ":" + column + ": " + header : "") + ": " + message;
    }
}

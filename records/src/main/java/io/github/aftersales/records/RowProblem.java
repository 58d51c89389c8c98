package io.github.aftersales.records;

/**
 * A row that was skipped, and why: its line in the file (where the row starts), its column (1-based,
 * 0 when the row as a whole is wrong) and that column's header as the file names it.
 */
public record RowProblem(int line, int column, String header, String message, String place) {

    /**
     * As every located problem is said: {@code records.csv:17:4: opened: '2026-13-01' is not …}, in a
     * workbook {@code records.xlsx: Sheet1!D17: opened: …}.
     */
    public String describe(String source) {
        String where = place.contains("!") ? ": " + place : ":" + place;
        return source + where + (column > 0 ? ": " + header : "") + ": " + message;
    }
}

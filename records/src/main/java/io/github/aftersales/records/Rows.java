package io.github.aftersales.records;

/** The rows of an export, one at a time: a CSV file's ({@link CsvRows}) or a workbook sheet's ({@link XlsxRows}). */
interface Rows extends AutoCloseable {

    /** Reads the next row that is not blank; false at the end. */
    boolean next();

    /** The line (CSV) or row number (xlsx) the current row starts on, from 1. */
    int line();

    int size();

    String field(int i);

    /** Whether the current row ended inside a quoted field that was never closed (CSV only). */
    boolean unclosedQuote();

    /** Where column {@code column} (from 1) of row {@code line} is, as a person finds it: {@code 17:4}, {@code Sheet1!D17}. */
    String place(int line, int column);

    @Override
    void close();
}

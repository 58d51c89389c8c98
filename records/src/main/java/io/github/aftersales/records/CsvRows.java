package io.github.aftersales.records;

import java.io.CharConversionException;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.CharacterCodingException;
import java.util.Arrays;

/**
 * The rows of a CSV file as RFC 4180 writes them, read one at a time into fields that are reused:
 * quoted fields (a doubled quote inside is one), line breaks inside quotes, CRLF, LF or CR line ends,
 * a leading byte-order mark. Memory is one row: a field longer than {@link #MAX_FIELD} characters
 * ends the reading (an unclosed quote would otherwise take in the rest of the file).
 */
public final class CsvRows implements Rows {

    /** The longest field read: far above any cell of an export, and what keeps a broken file's memory small. */
    public static final int MAX_FIELD = 65_536;

    private final Reader in;
    private final String source;
    private final char delimiter;
    private final char[] buffer = new char[1 << 16];
    private int position;
    private int limit;
    private boolean started;

    private char[] field = new char[256];
    private String[] fields = new String[16];
    private int size;
    private int line = 1;
    private int rowLine;
    private boolean unclosed;

    public CsvRows(Reader in, char delimiter, String source) {
        this.in = in;
        this.delimiter = delimiter;
        this.source = source;
    }

    /** Reads the next row that is not blank; false at the end of the file. */
    @Override
    public boolean next() {
        while (true) {
            if (!row()) {
                return false;
            }
            if (size > 1 || !fields[0].isEmpty() || unclosed) {
                return true;
            }
        }
    }

    /** The line the current row starts on (1 for the first). */
    @Override
    public int line() {
        return rowLine;
    }

    /** The number of fields in the current row. */
    @Override
    public int size() {
        return size;
    }

    /** Field {@code i} of the current row. */
    @Override
    public String field(int i) {
        return fields[i];
    }

    @Override
    public String place(int line, int column) {
        return line + (column > 0 ? ":" + column : "");
    }

    /** Whether the current row ended inside a quoted field: at the end of the file, with no closing quote. */
    @Override
    public boolean unclosedQuote() {
        return unclosed;
    }

    private int read() {
        if (position == limit) {
            try {
                limit = in.read(buffer, 0, buffer.length);
            } catch (CharacterCodingException | CharConversionException e) {
                throw new RecordsException(source, line, 1, "is not text in the export's encoding here (" + e.getMessage()
                        + "); say the encoding in the mapping file, e.g. encoding: GB18030");
            } catch (IOException e) {
                throw new RecordsException(source, "cannot be read: " + e.getMessage());
            }
            position = 0;
            if (limit <= 0) {
                limit = 0;
                return -1;
            }
            if (!started) {
                started = true;
                if (buffer[0] == '\uFEFF') {
                    position = 1;
                    return read();
                }
            }
        }
        return buffer[position++];
    }

    private boolean row() {
        size = 0;
        unclosed = false;
        rowLine = line;
        int c = read();
        if (c == -1) {
            return false;
        }
        int length = 0;
        boolean quoted = false;
        boolean inQuotes = false;
        while (true) {
            if (inQuotes) {
                if (c == -1) {
                    unclosed = true;
                    add(length);
                    return true;
                }
                if (c == '"') {
                    c = read();
                    if (c == '"') {
                        length = append(length, '"');
                        c = read();
                        continue;
                    }
                    inQuotes = false;
                    continue;
                }
                if (c == '\n' || (c == '\r')) {
                    line++;
                    if (c == '\r') {
                        int d = read();
                        if (d == '\n') {
                            length = append(length, '\r');
                            c = '\n';
                        } else {
                            length = append(length, '\r');
                            c = d;
                            continue;
                        }
                    }
                }
                length = append(length, (char) c);
                c = read();
                continue;
            }
            if (c == delimiter) {
                add(length);
                length = 0;
                quoted = false;
                c = read();
                continue;
            }
            if (c == -1 || c == '\n' || c == '\r') {
                add(length);
                if (c == '\r') {
                    int d = read();
                    if (d != '\n' && d != -1) {
                        position--; // CR alone ends the line; what follows starts the next
                    }
                }
                if (c != -1) {
                    line++;
                }
                return true;
            }
            if (c == '"' && length == 0 && !quoted) {
                inQuotes = true;
                quoted = true;
                c = read();
                continue;
            }
            length = append(length, (char) c);
            c = read();
        }
    }

    private int append(int length, char c) {
        if (length == field.length) {
            if (length >= MAX_FIELD) {
                throw new RecordsException(source, rowLine, size + 1, "a field longer than " + MAX_FIELD
                        + " characters (a quote that is never closed?): this is not an export that can be read");
            }
            field = Arrays.copyOf(field, Math.min(length * 2, MAX_FIELD));
        }
        field[length] = c;
        return length + 1;
    }

    private void add(int length) {
        if (size == fields.length) {
            if (size >= 4096) {
                throw new RecordsException(source, rowLine, size + 1, "a row of more than 4096 fields: this is not an"
                        + " export that can be read (is the delimiter right?)");
            }
            fields = Arrays.copyOf(fields, size * 2);
        }
        fields[size++] = length == 0 ? "" : new String(field, 0, length);
    }

    @Override
    public void close() {
        try {
            in.close();
        } catch (IOException e) {
            // read to the end already, or failed and said so
        }
    }
}

package io.github.aftersales.records;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.math.BigDecimal;
import java.nio.charset.CodingErrorAction;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads a service-record export row by row, in one pass and one row's memory: binds the header to the
 * fields through the {@link Mapping}, turns each row into a {@link ServiceRecord}, and skips a bad row
 * with a {@link RowProblem} naming its line and column: never a guessed value. Computes the SHA-256 of
 * the file's bytes as it reads them, so a sample drawn from them can be drawn again.
 */
public final class RecordReader implements AutoCloseable {

    /** The problems kept to list; the rest are counted. */
    public static final int PROBLEMS_LISTED = 1000;

    private final String source;
    private final Mapping mapping;
    private final Rows rows;
    private final MessageDigest digest;
    private final boolean workbook;
    private final int[] column = new int[RecordField.values().length];
    private final String[] header;
    private final ServiceRecord record = new ServiceRecord();
    private final List<RowProblem> problems = new ArrayList<>();
    private long problemCount;
    private long rowCount;
    private String sha256;
    private boolean ended;

    private RecordReader(String source, Mapping mapping, Rows rows, MessageDigest digest, String sha256) {
        this.source = source;
        this.mapping = mapping;
        this.rows = rows;
        this.digest = digest;
        this.sha256 = sha256;
        this.workbook = rows instanceof XlsxRows;
        if (!rows.next()) {
            throw new RecordsException(source, workbook ? "the sheet is empty: an export starts with a header row naming"
                    + " its columns" : "the file is empty: an export starts with a header row naming its columns");
        }
        header = new String[rows.size()];
        Map<String, Integer> at = new java.util.HashMap<>();
        for (int i = 0; i < rows.size(); i++) {
            header[i] = rows.field(i).strip();
            at.putIfAbsent(header[i].toLowerCase(Locale.ROOT), i);
        }
        List<String> missing = new ArrayList<>();
        for (RecordField f : RecordField.values()) {
            Integer i = at.get(mapping.headers().get(f).toLowerCase(Locale.ROOT));
            column[f.ordinal()] = i == null ? -1 : i;
            if (i == null && f.required()) {
                missing.add(f.key() + " ('" + mapping.headers().get(f) + "')");
            }
        }
        if (!missing.isEmpty()) {
            throw new RecordsException(source, workbook ? 0 : rows.line(), 1, (workbook ? rows.place(rows.line(), 0) + ": "
                    : "") + "not a service-record export this mapping reads: the header"
                    + " has no column for " + String.join(", ", missing) + "; its columns: " + shortList(header)
                    + " (map the export's own names with --mapping, docs/records.md)");
        }
    }

    private static String shortList(String[] header) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < header.length && i < 20; i++) {
            String h = header[i].length() > 40 ? header[i].substring(0, 40) + "…" : header[i];
            b.append(i == 0 ? "" : ", ").append(Text.printable(h));
        }
        return b.append(header.length > 20 ? ", …" : "").toString();
    }

    /** Opens an export (CSV) for reading with {@code mapping}. */
    public static RecordReader open(Path file, Mapping mapping) {
        String source = file.toString();
        InputStream raw;
        try {
            if (Files.isDirectory(file)) {
                throw new RecordsException(source, "is a directory, not an export");
            }
            raw = Files.newInputStream(file);
        } catch (NoSuchFileException e) {
            throw new RecordsException(source, "no such file");
        } catch (AccessDeniedException e) {
            throw new RecordsException(source, "cannot be read: permission denied");
        } catch (IOException e) {
            throw new RecordsException(source, "cannot be read: " + e.getMessage());
        }
        boolean zip;
        try (InputStream peek = Files.newInputStream(file)) {
            byte[] start = peek.readNBytes(4);
            zip = start.length == 4 && start[0] == 'P' && start[1] == 'K' && start[2] == 3 && start[3] == 4;
        } catch (IOException e) {
            close(raw);
            throw new RecordsException(source, "cannot be read: " + e.getMessage());
        }
        if (zip) {
            close(raw);
            return openWorkbook(file, source, mapping);
        }
        return open(raw, source, mapping);
    }

    /** An xlsx workbook: its SHA-256 first (one read of the bytes), then its sheet's rows. */
    private static RecordReader openWorkbook(Path file, String source, Mapping mapping) {
        String sha;
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            byte[] buffer = new byte[1 << 16];
            for (int n; (n = in.read(buffer)) > 0;) {
                md.update(buffer, 0, n);
            }
            sha = HexFormat.of().formatHex(md.digest());
        } catch (IOException e) {
            throw new RecordsException(source, "cannot be read: " + e.getMessage());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        XlsxRows rows = XlsxRows.open(file, mapping.sheet(), source);
        try {
            return new RecordReader(source, mapping, rows, null, sha);
        } catch (RuntimeException e) {
            rows.close();
            throw e;
        }
    }

    /** Reads an export from {@code in}, named {@code source} in messages. */
    public static RecordReader open(InputStream in, String source, Mapping mapping) {
        MessageDigest sha;
        try {
            sha = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        BufferedInputStream buffered = new BufferedInputStream(new DigestInputStream(in, sha), 1 << 16);
        try {
            buffered.mark(8192);
            byte[] start = buffered.readNBytes(4096);
            buffered.reset();
            refuseBinary(source, start, mapping);
        } catch (IOException e) {
            close(buffered);
            throw new RecordsException(source, "cannot be read: " + e.getMessage());
        } catch (RecordsException e) {
            close(buffered);
            throw e;
        }
        InputStreamReader reader = new InputStreamReader(buffered, mapping.encoding().newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT));
        CsvRows rows = new CsvRows(reader, mapping.delimiter(), source);
        try {
            return new RecordReader(source, mapping, rows, sha, null);
        } catch (RuntimeException e) {
            rows.close();
            throw e;
        }
    }

    private static void close(InputStream in) {
        try {
            in.close();
        } catch (IOException ignored) {
            // already failing
        }
    }

    private static void refuseBinary(String source, byte[] start, Mapping mapping) {
        if (start.length >= 4 && start[0] == 'P' && start[1] == 'K' && start[2] == 3 && start[3] == 4) {
            throw new RecordsException(source, "is a zip file (an Excel workbook?) read as a stream: give it as a file");
        }
        if (start.length >= 4 && (start[0] & 0xff) == 0xD0 && (start[1] & 0xff) == 0xCF && (start[2] & 0xff) == 0x11
                && (start[3] & 0xff) == 0xE0) {
            throw new RecordsException(source, "is an Office 97-2003 file (.xls?), not CSV text: save the export as CSV"
                    + " (UTF-8) and read that");
        }
        boolean utf16 = mapping.encoding().name().startsWith("UTF-16") || mapping.encoding().name().startsWith("UTF-32");
        if (!utf16) {
            if (start.length >= 2 && ((start[0] & 0xff) == 0xFF && (start[1] & 0xff) == 0xFE
                    || (start[0] & 0xff) == 0xFE && (start[1] & 0xff) == 0xFF)) {
                throw new RecordsException(source, "is UTF-16 text: say so in the mapping file (encoding: UTF-16) or save"
                        + " the export as UTF-8");
            }
            for (byte b : start) {
                if (b == 0) {
                    throw new RecordsException(source, "is not text (it holds NUL bytes): an export is a CSV file");
                }
            }
        }
    }

    /** The header as the file writes it. */
    public List<String> header() {
        return List.of(header);
    }

    /** Whether the export has a column for {@code field}. */
    public boolean has(RecordField field) {
        return column[field.ordinal()] >= 0;
    }

    /**
     * The next good record (the same object each time, refilled), or {@code null} at the end of the
     * file. Bad rows on the way are counted and their problems kept.
     */
    public ServiceRecord next() {
        while (rows.next()) {
            rowCount++;
            RowProblem p = fill();
            if (p == null) {
                return record;
            }
            problemCount++;
            if (problems.size() < PROBLEMS_LISTED) {
                problems.add(p);
            }
        }
        if (sha256 == null) {
            sha256 = HexFormat.of().formatHex(digest.digest());
        }
        ended = true;
        return null;
    }

    private String cell(RecordField f) {
        int i = column[f.ordinal()];
        if (i < 0 || i >= rows.size()) {
            return "";
        }
        String s = rows.field(i);
        int n = s.length();
        // most cells have nothing to strip: their ends are visible ASCII
        return n == 0 || (s.charAt(0) > ' ' && s.charAt(0) < 0x7f && s.charAt(n - 1) > ' ' && s.charAt(n - 1) < 0x7f) ? s
                : s.strip();
    }

    private RowProblem problem(RecordField f, String message) {
        int i = column[f.ordinal()];
        return new RowProblem(rows.line(), i + 1, header[i], message, rows.place(rows.line(), i + 1));
    }

    private static String quoted(String value) {
        String v = value.length() > 60 ? value.substring(0, 60) + "…" : value;
        return "'" + Text.printable(v) + "'";
    }

    private RowProblem fill() {
        if (rows.unclosedQuote()) {
            return new RowProblem(rows.line(), 0, "", "a quoted field is not closed before the end of the file",
                    rows.place(rows.line(), 0));
        }
        if (workbook ? rows.size() > header.length && !rows.field(rows.size() - 1).isBlank()
                : rows.size() != header.length) {
            return new RowProblem(rows.line(), 0, "", "has " + rows.size() + (workbook ? " cells" : " fields")
                    + ", the header " + header.length, rows.place(rows.line(), 0));
        }
        ServiceRecord r = record;
        r.line = rows.line();
        r.id = cell(RecordField.ID);
        if (r.id.isEmpty()) {
            return problem(RecordField.ID, "is empty: every record needs its id");
        }
        String typeWord = cell(RecordField.TYPE);
        r.type = typeWord.isEmpty() ? null : mapping.type(typeWord);
        if (r.type == null) {
            return problem(RecordField.TYPE, typeWord.isEmpty() ? "is empty" : quoted(typeWord) + " is not a request type"
                    + " (" + RequestType.words() + ") nor mapped to one in the mapping's types");
        }
        r.channel = cell(RecordField.CHANNEL);
        String opened = cell(RecordField.OPENED);
        r.opened = opened.isEmpty() ? Times.INVALID : Times.dateTime(opened, mapping.dateTimeFormat());
        if (r.opened == Times.INVALID) {
            return problem(RecordField.OPENED, opened.isEmpty() ? "is empty: every record needs the time it was opened"
                    : quoted(opened) + " is not a date-time like 2026-03-02 09:15" + patternNote());
        }
        r.firstResponse = ServiceRecord.NONE;
        String first = cell(RecordField.FIRST_RESPONSE);
        if (!first.isEmpty()) {
            r.firstResponse = Times.dateTime(first, mapping.dateTimeFormat());
            if (r.firstResponse == Times.INVALID) {
                return problem(RecordField.FIRST_RESPONSE, quoted(first) + " is not a date-time like 2026-03-02 09:15"
                        + patternNote());
            }
            if (r.firstResponse < r.opened) {
                return problem(RecordField.FIRST_RESPONSE, first + " is before the request was opened (" + opened + ")");
            }
        }
        r.resolved = ServiceRecord.NONE;
        String resolved = cell(RecordField.RESOLVED);
        if (!resolved.isEmpty()) {
            r.resolved = Times.dateTime(resolved, mapping.dateTimeFormat());
            if (r.resolved == Times.INVALID) {
                return problem(RecordField.RESOLVED, quoted(resolved) + " is not a date-time like 2026-03-02 09:15"
                        + patternNote());
            }
            if (r.firstResponse == ServiceRecord.NONE && has(RecordField.FIRST_RESPONSE)) {
                return problem(RecordField.FIRST_RESPONSE, "is empty but the request is resolved: its response and"
                        + " resolution times cannot be told");
            }
            if (r.resolved < r.opened) {
                return problem(RecordField.RESOLVED, resolved + " is before the request was opened (" + opened + ")");
            }
            if (r.firstResponse != ServiceRecord.NONE && r.resolved < r.firstResponse) {
                return problem(RecordField.RESOLVED, resolved + " is before the first response (" + first + ")");
            }
        }
        r.contacts = 0;
        String contacts = cell(RecordField.CONTACTS);
        if (!contacts.isEmpty()) {
            int c = wholeNumber(contacts);
            if (c < 1) {
                return problem(RecordField.CONTACTS, quoted(contacts) + " is not a number of contacts (1, 2, 3 …)");
            }
            r.contacts = c;
        }
        r.promisedSeconds = ServiceRecord.NONE;
        String promised = cell(RecordField.PROMISED_HOURS);
        if (!promised.isEmpty()) {
            long millis = thousandths(promised);
            if (millis <= 0 || millis > 100_000_000L) {
                return problem(RecordField.PROMISED_HOURS, quoted(promised) + " is not a time limit in hours (a number"
                        + " above 0 and at most 100000, at most 3 decimals)");
            }
            r.promisedSeconds = millis * 3600 / 1000;
        }
        r.satisfactionMillis = ServiceRecord.NONE;
        String score = cell(RecordField.SATISFACTION);
        if (!score.isEmpty()) {
            long millis = thousandths(score);
            if (millis == Long.MIN_VALUE || BigDecimal.valueOf(millis, 3).compareTo(mapping.scaleMin()) < 0
                    || BigDecimal.valueOf(millis, 3).compareTo(mapping.scaleMax()) > 0) {
                return problem(RecordField.SATISFACTION, quoted(score) + " is not a score from "
                        + mapping.scaleMin().toPlainString() + " to " + mapping.scaleMax().toPlainString()
                        + " (the mapping's satisfactionScale)");
            }
            r.satisfactionMillis = millis;
        }
        String major = cell(RecordField.MAJOR_COMPLAINT);
        String majorWord = major.isEmpty() ? major : major.toLowerCase(Locale.ROOT);
        if (major.isEmpty() || mapping.falseWords().contains(majorWord)) {
            r.majorComplaint = false;
        } else if (mapping.trueWords().contains(majorWord)) {
            r.majorComplaint = true;
        } else {
            return problem(RecordField.MAJOR_COMPLAINT, quoted(major) + " is neither yes (" + String.join(", ",
                    mapping.trueWords()) + ") nor no (" + String.join(", ", mapping.falseWords()) + ")");
        }
        if (r.majorComplaint && r.type != RequestType.COMPLAINT) {
            return problem(RecordField.MAJOR_COMPLAINT, "marks a " + r.type.word() + " request as a major complaint:"
                    + " only a complaint can be one");
        }
        r.rectifiedOn = ServiceRecord.NONE;
        String rectified = cell(RecordField.RECTIFIED_ON);
        if (!rectified.isEmpty()) {
            long day = Times.day(rectified, mapping.dateTimeFormat());
            if (day == Times.INVALID) {
                return problem(RecordField.RECTIFIED_ON, quoted(rectified) + " is not a date like 2026-03-02");
            }
            if (!r.majorComplaint) {
                return problem(RecordField.RECTIFIED_ON, "a rectification date on a request that is not a major complaint");
            }
            if (day < Math.floorDiv(r.opened, 86_400L)) {
                return problem(RecordField.RECTIFIED_ON, rectified + " is before the complaint was opened (" + opened + ")");
            }
            r.rectifiedOn = day;
        }
        return null;
    }

    private String patternNote() {
        return mapping.dateTimePattern() == null ? "" : " (the mapping's pattern " + mapping.dateTimePattern() + ")";
    }

    /** A whole number of at most 6 digits, or -1. */
    private static int wholeNumber(String s) {
        if (s.isEmpty() || s.length() > 6) {
            return -1;
        }
        int v = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            v = v * 10 + c - '0';
        }
        return v;
    }

    /** A plain decimal with at most 3 decimals and 9 digits before the point, in thousandths; else {@link Long#MIN_VALUE}. */
    static long thousandths(String s) {
        int n = s.length();
        int i = 0;
        boolean negative = false;
        if (i < n && (s.charAt(i) == '-' || s.charAt(i) == '+')) {
            negative = s.charAt(i) == '-';
            i++;
        }
        long whole = 0;
        int digits = 0;
        while (i < n && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
            whole = whole * 10 + s.charAt(i++) - '0';
            digits++;
        }
        long fraction = 0;
        int decimals = 0;
        if (i < n && s.charAt(i) == '.') {
            i++;
            while (i < n && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
                fraction = fraction * 10 + s.charAt(i++) - '0';
                decimals++;
            }
            if (decimals == 0) {
                return Long.MIN_VALUE;
            }
        }
        if (i != n || digits == 0 || digits > 9 || decimals > 3) {
            return Long.MIN_VALUE;
        }
        for (int k = decimals; k < 3; k++) {
            fraction *= 10;
        }
        long v = whole * 1000 + fraction;
        return negative ? -v : v;
    }

    /** Data rows read so far, good and bad (the header not counted). */
    public long rows() {
        return rowCount;
    }

    /** Bad rows skipped so far. */
    public long problemCount() {
        return problemCount;
    }

    /** The first {@link #PROBLEMS_LISTED} problems. */
    public List<RowProblem> problems() {
        return List.copyOf(problems);
    }

    /** The SHA-256 of the file's bytes (hex), once {@link #next} has returned {@code null}. */
    public String sha256() {
        if (!ended) {
            throw new IllegalStateException("read to the end first");
        }
        return sha256;
    }

    public String source() {
        return source;
    }

    @Override
    public void close() {
        rows.close();
    }

    Map<RecordField, Boolean> columns() {
        Map<RecordField, Boolean> m = new EnumMap<>(RecordField.class);
        for (RecordField f : RecordField.values()) {
            m.put(f, has(f));
        }
        return m;
    }
}

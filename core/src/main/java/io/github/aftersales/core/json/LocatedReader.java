package io.github.aftersales.core.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import org.yaml.snakeyaml.LoaderOptions;

/**
 * Reads a whole JSON or YAML document into a {@link Located} tree with Jackson's streaming parser.
 * Duplicate keys are errors (a clause scored twice in one object must not silently win).
 */
public final class LocatedReader {

    /** The input syntax. */
    public enum Syntax { JSON, YAML }

    private static final int MAX_DEPTH = 64;

    /**
     * The most values (numbers, texts, objects, lists) one document may hold. The largest real
     * assessment (a combined GB/T 27922 and ZG025 form with every note and evidence line) holds a few
     * thousand; the bound keeps what a hostile file makes us build flat (a list of 15 million zeros
     * took 3.6 GB before it was refused).
     */
    public static final int MAX_VALUES = 100_000;

    /** The longest text (a name, a note) in characters; a whole standard's text is shorter. */
    public static final int MAX_TEXT = 100_000;

    /** The largest document in bytes or characters, the same for every format (an assessment file's limit). */
    public static final int MAX_DOCUMENT = 32 << 20;

    private static final StreamReadConstraints LIMITS = StreamReadConstraints.builder()
            .maxNestingDepth(MAX_DEPTH).maxNumberLength(100).maxStringLength(MAX_TEXT).build();

    private static final JsonFactory JSON = JsonFactory.builder().streamReadConstraints(LIMITS).build();

    /** The one JSON factory, with the limits above: also {@code DirectJsonReader}'s, so both readers refuse alike. */
    public static JsonFactory jsonFactory() {
        return JSON;
    }

    /** YAML's factory, made when a YAML document is first read (SnakeYAML's classes stay unloaded for JSON). */
    private static final class Yaml {
        static final YAMLFactory FACTORY;

        static {
            LoaderOptions options = new LoaderOptions();
            options.setMaxAliasesForCollections(20);
            options.setNestingDepthLimit(MAX_DEPTH);
            options.setAllowDuplicateKeys(true); // we report duplicates ourselves, with their place
            // SnakeYAML's own default (3 Mi code points) refused YAML files that JSON of the same size passed
            options.setCodePointLimit(MAX_DOCUMENT);
            FACTORY = YAMLFactory.builder().loaderOptions(options)
                    // YAML's plain empty value (`score:`) is null, as a person filling a form expects
                    .enable(com.fasterxml.jackson.dataformat.yaml.YAMLParser.Feature.EMPTY_STRING_AS_NULL)
                    .streamReadConstraints(LIMITS)
                    .build();
        }
    }

    private LocatedReader() {
    }

    /**
     * Reads one document.
     *
     * @param in     the bytes (UTF-8); not closed
     * @param syntax JSON or YAML
     * @throws ParseException with the line and column of the first syntax error
     */
    public static Located read(InputStream in, Syntax syntax) throws IOException, ParseException {
        return read(in, syntax, 0);
    }

    /**
     * Reads one document whose first line is line {@code 1 + lineOffset} of its file (a line of an
     * NDJSON file), so positions name the file's line.
     */
    public static Located read(InputStream in, Syntax syntax, int lineOffset) throws IOException, ParseException {
        LINE_OFFSET.set(lineOffset);
        try {
            return readDocument(in, syntax);
        } finally {
            LINE_OFFSET.remove();
        }
    }

    /** The line offset of the document being read on this thread (positions are made deep in the parse). */
    private static final ThreadLocal<Integer> LINE_OFFSET = ThreadLocal.withInitial(() -> 0);

    private static Located readDocument(InputStream in, Syntax syntax) throws IOException, ParseException {
        JsonFactory factory = syntax == Syntax.YAML ? Yaml.FACTORY : JSON;
        JsonParser p = null;
        try {
            p = factory.createParser(in); // may already fail: it detects the encoding
            JsonToken first = p.nextToken();
            if (first == null) {
                throw new ParseException(new Located.Position(1, 1), "the file is empty");
            }
            Located root = readValue(p, Located.Where.ROOT, new int[] {0, LINE_OFFSET.get()});
            JsonToken extra = p.nextToken();
            if (extra != null) {
                throw new ParseException(position(p.currentTokenLocation()),
                        "unexpected content after the end of the document");
            }
            return root;
        } catch (JsonProcessingException e) {
            // a limit (depth, text length) is reported without a place: where the parser stopped is it
            JsonLocation loc = e.getLocation() != null || p == null ? e.getLocation() : p.currentLocation();
            throw new ParseException(placeOf(loc), "malformed " + syntax.name() + ": " + plain(e.getOriginalMessage()));
        } catch (java.io.CharConversionException e) {
            throw new ParseException(new Located.Position(0, 0), "the file is not UTF-8 text; save it as UTF-8");
        } catch (RuntimeException e) {
            // SnakeYAML reports some problems (alias limits, bad indentation) as unchecked exceptions.
            throw new ParseException(placeOf(p == null ? null : p.currentLocation()),
                    "malformed " + syntax.name() + ": " + plain(e.getMessage()));
        } finally {
            if (p != null) {
                p.close();
            }
        }
    }

    private static Located.Position placeOf(JsonLocation loc) {
        return loc == null || loc.getLineNr() < 1 ? new Located.Position(0, 0) : position(loc);
    }

    /** A parser's message as one line for people: its first line, without Jackson's advice to programmers. */
    private static String plain(String s) {
        if (s == null) {
            return "unreadable";
        }
        int nl = s.indexOf('\n');
        String line = nl < 0 ? s : s.substring(0, nl);
        if (line.contains("CharConversionException") || line.contains("Invalid UTF-8")) {
            return "the file is not UTF-8 text; save it as UTF-8";
        }
        if (line.startsWith("while parsing a block") || line.startsWith("while scanning")) {
            return line + " (check the indentation and the quotes)";
        }
        if (line.contains("nesting depth")) {
            return "nested more than " + MAX_DEPTH + " levels deep";
        }
        if (line.contains("String value length")) {
            return "a text is longer than " + String.format(java.util.Locale.ROOT, "%,d", MAX_TEXT) + " characters";
        }
        if (line.contains("Number value length") || line.contains("exceeds the maximum")) {
            return "a number is too long";
        }
        if (line.contains("The incoming YAML document exceeds the limit")) {
            return "the document is longer than " + (MAX_DOCUMENT >> 20) + " MiB";
        }
        if (line.startsWith("Unrecognized token 'PK\u0003\u0004")) {
            return "this is a zip file (an Excel workbook?), not text: a filled form is read as such when its name"
                    + " ends in .xlsx";
        }
        if (line.startsWith("Unrecognized token") && line.chars().anyMatch(c -> c < 0x20 && c != '\t')) {
            return "the file holds binary data, not text";
        }
        if (line.contains("Non-standard token 'NaN'") || line.contains("Non-standard token 'Infinity'")
                || line.contains("Non-standard token '-Infinity'") || line.contains("Non-standard token '+Infinity'")) {
            return "NaN and Infinity are not numbers here";
        }
        line = line.replaceAll(" ?\\(start marker at \\[Source: .*?\\]\\)", "");
        int advice = line.indexOf(": was expecting");
        line = line.replaceAll(" *\\(for [A-Za-z.]+ at .*?\\)", "");
        int hint = line.indexOf("; enable ");
        if (hint < 0) {
            hint = line.indexOf(" (enable ");
        }
        return hint > 0 ? line.substring(0, hint) : advice > 0 && line.length() > 200 ? line.substring(0, advice) : line;
    }

    /**
     * @param count the values read so far in this document, against {@link #MAX_VALUES}; then the line
     *              offset (read once a document, not from the thread local at every value)
     */
    private static Located readValue(JsonParser p, Located.Where path, int[] count) throws IOException, ParseException {
        Located.Position pos = position(p.currentTokenLocation(), count[1]);
        if (++count[0] > MAX_VALUES) {
            throw new ParseException(pos, "more than " + String.format(java.util.Locale.ROOT, "%,d", MAX_VALUES)
                    + " values in one document; an assessment holds a few thousand at most");
        }
        JsonToken t = p.currentToken();
        if (p instanceof YAMLParser yaml && yaml.isCurrentAlias()) {
            // Jackson does not expand aliases; refusing them also rules out alias bombs
            throw new ParseException(pos, "YAML aliases (*" + p.getText() + ") are not supported here: write the value out");
        }
        if (p instanceof YAMLParser yaml && yaml.getTypeId() != null) {
            // nothing is ever built from a tag, but a tag asking for a type is not an assessment
            throw new ParseException(pos, "YAML tags (" + yaml.getTypeId() + ") are not supported here");
        }
        switch (t) {
            case START_OBJECT: {
                Fields fields = new Fields();
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String name = p.currentName();
                    Located.Position keyPos = position(p.currentTokenLocation(), count[1]);
                    int earlier = fields.indexOf(name);
                    if (earlier >= 0) {
                        String where = path.toString();
                        throw new ParseException(keyPos, "duplicate key '" + name + "' in "
                                + (where.isEmpty() ? "the document" : where) + " (first at line "
                                + fields.position(earlier).line() + ")");
                    }
                    p.nextToken();
                    fields.add(name, readValue(p, path.key(name), count), keyPos);
                }
                return new Located.Obj(pos, path, fields.members(), fields.keyPositions());
            }
            case START_ARRAY: {
                List<Located> items = new ArrayList<>();
                int i = 0;
                while (p.nextToken() != JsonToken.END_ARRAY) {
                    items.add(readValue(p, path.index(i++), count));
                }
                return new Located.Arr(pos, path, items);
            }
            case VALUE_STRING:
                return new Located.Scalar(pos, path, p.getText());
            case VALUE_NUMBER_INT:
            case VALUE_NUMBER_FLOAT:
                return new Located.Scalar(pos, path, number(p, pos));
            case VALUE_TRUE:
                return new Located.Scalar(pos, path, Boolean.TRUE);
            case VALUE_FALSE:
                return new Located.Scalar(pos, path, Boolean.FALSE);
            case VALUE_NULL:
                return new Located.Scalar(pos, path, null);
            default:
                throw new ParseException(pos, "unexpected " + t);
        }
    }

    /** Plain decimal notation, optionally with an exponent: what JSON allows, and all we accept from YAML. */
    private static final java.util.regex.Pattern PLAIN_NUMBER =
            java.util.regex.Pattern.compile("-?(0|[1-9][0-9]*)(\\.[0-9]+)?([eE][-+]?[0-9]+)?");

    private static java.math.BigDecimal number(JsonParser p, Located.Position pos) throws IOException, ParseException {
        String text = p.getText();
        if (!PLAIN_NUMBER.matcher(text).matches()) {
            if (text.toLowerCase(java.util.Locale.ROOT).matches("[-+]?\\.(nan|inf)")) {
                throw new ParseException(pos, "NaN and Infinity are not numbers here (" + text + ")");
            }
            // YAML 1.1 reads 016 as octal 14, 0x10 as 16, 1_0 as 10: refuse rather than reread
            throw new ParseException(pos, "write the number " + text + " in plain decimals (YAML would read it as "
                    + p.getDecimalValue().toPlainString() + ")");
        }
        java.math.BigDecimal n;
        try {
            n = new java.math.BigDecimal(text);
        } catch (NumberFormatException e) { // an exponent beyond an int (1E2147483648)
            throw new ParseException(pos, DecimalRange.outOfRange(text));
        }
        if (!DecimalRange.fits(n)) {
            throw new ParseException(pos, DecimalRange.outOfRange(text));
        }
        return n;
    }

    private static Located.Position position(JsonLocation loc) {
        return position(loc, LINE_OFFSET.get());
    }

    /** A parser's location as a position in a file whose first {@code lineOffset} lines came before the document. */
    public static Located.Position position(JsonLocation loc, int lineOffset) {
        return new Located.Position(loc.getLineNr() + lineOffset, loc.getColumnNr());
    }

    /** A syntax error, with where it is. */
    public static final class ParseException extends Exception {
        private final Located.Position position;

        public ParseException(Located.Position position, String message) {
            super(message);
            this.position = position;
        }

        public Located.Position position() {
            return position;
        }
    }
}

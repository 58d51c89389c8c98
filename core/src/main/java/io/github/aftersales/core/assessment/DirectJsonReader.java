package io.github.aftersales.core.assessment;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.github.aftersales.core.json.DecimalRange;
import io.github.aftersales.core.json.Located;
import io.github.aftersales.core.json.LocatedReader;
import io.github.aftersales.spi.NotApplicablePolicy;
import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads one JSON assessment straight from Jackson's tokens into the records, without the tree of
 * {@link Located} values {@link AssessmentReader} builds first (a place and a path for every value): on a
 * book of generated forms that tree cost more than the rest of the evaluation. It keeps the places the
 * records hold (parts, findings, events, the keys of facts and readings), as the located reader makes them.
 *
 * <p>It reads only what is regular. At the first thing the located reader would say something about (an
 * unknown or duplicate key, a value of the wrong type, a null read as absent where it is required, a blank
 * text, a number out of range, a date not written YYYY-MM-DD or out of range, samples or
 * a percentage out of bounds, an empty list of schemes, too many values, malformed JSON) or that it is not
 * sure of, it gives up: {@link #read} returns {@code null} and the caller reads the document again the located
 * way ({@link AssessmentReader#read(byte[], String, LocatedReader.Syntax, int)}), so every message is that
 * reader's. The keys allowed are {@link AssessmentReader}'s sets, the limits {@link LocatedReader}'s factory.
 */
public final class DirectJsonReader {

    /** How this reader stops: made once, without a stack trace, as it is thrown only to unwind. */
    private static final class GiveUp extends RuntimeException {
        private static final long serialVersionUID = 1L;

        GiveUp() {
            super("not read directly", null, false, false);
        }
    }

    private static final GiveUp GIVE_UP = new GiveUp();

    private static final Located.Where SCHEMES = Located.Where.ROOT.key("schemes");
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private final JsonParser p;
    private final int lineOffset;
    /** The values read so far, against {@link LocatedReader#MAX_VALUES}. */
    private int values;

    private DirectJsonReader(JsonParser p, int lineOffset) {
        this.p = p;
        this.lineOffset = lineOffset;
    }

    /**
     * Reads a document that is line {@code line} of an NDJSON file (a whole file when {@code line} is 0).
     *
     * @return the assessment, equal to what {@link AssessmentReader} reads from the same bytes, or {@code null}
     *         when the document is to be read the located way
     */
    public static Assessment read(byte[] bytes, int offset, int length, String source, int line) {
        try (JsonParser p = LocatedReader.jsonFactory().createParser(bytes, offset, length)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                return null;
            }
            Assessment a = new DirectJsonReader(p, Math.max(0, line - 1)).root(source, line);
            return p.nextToken() == null ? a : null;
        } catch (Exception e) { // GiveUp, malformed JSON, a limit: all said by the located reader
            return null;
        }
    }

    private Assessment root(String source, int line) throws java.io.IOException {
        count();
        String organisation = null;
        String date = null;
        String assessor = null;
        List<SchemeAssessment> parts = null;
        Keys seen = new Keys();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = key(AssessmentReader.ROOT_KEYS, seen);
            JsonToken v = value();
            switch (name) {
                case "organisation" -> organisation = optionalString(v);
                case "date" -> date = v == JsonToken.VALUE_NULL ? null : scalarText(v);
                case "assessor" -> assessor = optionalString(v);
                case "schemes" -> parts = parts(v);
                default -> skip(v);
            }
        }
        if (parts == null || parts.isEmpty()) {
            throw GIVE_UP;
        }
        return new Assessment(source, organisation, date, assessor, parts, line);
    }

    private List<SchemeAssessment> parts(JsonToken v) throws java.io.IOException {
        if (v != JsonToken.START_ARRAY) {
            throw GIVE_UP; // null is 'schemes' missing
        }
        List<SchemeAssessment> parts = new ArrayList<>(2);
        JsonToken t;
        while ((t = item()) != JsonToken.END_ARRAY) {
            if (t != JsonToken.START_OBJECT) {
                throw GIVE_UP;
            }
            parts.add(part(SCHEMES.index(parts.size())));
        }
        return parts;
    }

    private SchemeAssessment part(Located.Where where) throws java.io.IOException {
        Located.Position position = position();
        String scheme = null;
        String variant = null;
        String schemeVersion = null;
        Options options = new Options();
        List<Finding> findings = List.of();
        Map<String, Object> facts = Map.of();
        Map<String, Located.Position> factPositions = Map.of();
        List<Event> events = List.of();
        Keys seen = new Keys();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = key(AssessmentReader.PART_KEYS, seen);
            JsonToken v = value();
            switch (name) {
                case "scheme" -> scheme = optionalString(v);
                case "variant" -> variant = optionalString(v);
                case "schemeVersion" -> schemeVersion = optionalString(v);
                case "options" -> options(v, options);
                case "findings" -> findings = findings(v, where.key("findings"));
                case "facts" -> {
                    if (v != JsonToken.VALUE_NULL) {
                        facts = new LinkedHashMap<>();
                        factPositions = new HashMap<>(); // looked up by key only, as the located reader's are
                        facts(v, facts, factPositions);
                    }
                }
                case "events" -> events = events(v, where.key("events"));
                default -> skip(v); // descriptive: a template's title, guides and lists
            }
        }
        if (scheme == null) {
            throw GIVE_UP;
        }
        return new SchemeAssessment(scheme, variant, schemeVersion, options.policy, options.missingAsZero, findings,
                facts, factPositions, events, position, where, options.readings, options.readingPositions);
    }

    /** A part's options, as read. */
    private static final class Options {
        NotApplicablePolicy policy;
        boolean missingAsZero;
        Map<String, String> readings = Map.of();
        Map<String, Located.Position> readingPositions = Map.of();
    }

    private void options(JsonToken v, Options options) throws java.io.IOException {
        if (v == JsonToken.VALUE_NULL) {
            return;
        }
        if (v != JsonToken.START_OBJECT) {
            throw GIVE_UP;
        }
        Keys seen = new Keys();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = key(AssessmentReader.OPTION_KEYS, seen);
            JsonToken t = value();
            switch (name) {
                case "notApplicable" -> {
                    String key = optionalString(t);
                    if (key != null) {
                        options.policy = NotApplicablePolicy.fromKey(key).orElseThrow(() -> GIVE_UP);
                    }
                }
                case "missing" -> {
                    String m = optionalString(t);
                    if (m != null) {
                        if (!m.equals("error") && !m.equals("zero")) {
                            throw GIVE_UP;
                        }
                        options.missingAsZero = m.equals("zero");
                    }
                }
                case "readings" -> {
                    if (t != JsonToken.VALUE_NULL) {
                        readings(t, options);
                    }
                }
                default -> skip(t);
            }
        }
    }

    private void readings(JsonToken v, Options options) throws java.io.IOException {
        if (v != JsonToken.START_OBJECT) {
            throw GIVE_UP;
        }
        Map<String, String> readings = new LinkedHashMap<>();
        Map<String, Located.Position> positions = new HashMap<>(); // every key, a null one too, as the located reader
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            if (positions.put(name, position()) != null) {
                throw GIVE_UP;
            }
            JsonToken t = value();
            if (t != JsonToken.VALUE_NULL) {
                readings.put(name, scalarText(t)); // another reading of the same key is refused above
            }
        }
        options.readings = readings;
        options.readingPositions = positions;
    }

    private void facts(JsonToken v, Map<String, Object> facts, Map<String, Located.Position> positions)
            throws java.io.IOException {
        if (v != JsonToken.START_OBJECT) {
            throw GIVE_UP;
        }
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            if (positions.put(name, position()) != null) {
                throw GIVE_UP;
            }
            JsonToken t = value();
            switch (t) {
                case VALUE_NULL -> {
                    // not stated, as in a blank template
                }
                case VALUE_STRING -> facts.put(name, p.getText());
                case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> facts.put(name, number(t));
                case VALUE_TRUE -> facts.put(name, Boolean.TRUE);
                case VALUE_FALSE -> facts.put(name, Boolean.FALSE);
                default -> throw GIVE_UP;
            }
        }
    }

    private List<Finding> findings(JsonToken v, Located.Where where) throws java.io.IOException {
        if (v == JsonToken.VALUE_NULL) {
            return List.of();
        }
        if (v != JsonToken.START_ARRAY) {
            throw GIVE_UP;
        }
        List<Finding> findings = new ArrayList<>();
        JsonToken t;
        while ((t = item()) != JsonToken.END_ARRAY) {
            if (t != JsonToken.START_OBJECT) {
                throw GIVE_UP;
            }
            findings.add(finding(where.index(findings.size())));
        }
        return findings;
    }

    private Finding finding(Located.Where where) throws java.io.IOException {
        Located.Position position = position();
        String id = null;
        Conformity result = null;
        BigDecimal score = null;
        Finding.Samples samples = null;
        BigDecimal percent = null;
        String note = null;
        List<String> evidence = List.of();
        BigDecimal points = null;
        Keys seen = new Keys();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = key(AssessmentReader.FINDING_KEYS, seen);
            JsonToken v = value();
            switch (name) {
                case "id" -> id = optionalString(v); // a number is refused: its message asks for quotes
                case "result" -> {
                    String text = optionalString(v);
                    result = text == null ? null : Conformity.parse(text).orElseThrow(() -> GIVE_UP);
                }
                case "score" -> score = optionalNumber(v);
                case "samples" -> samples = samples(v);
                case "percent" -> {
                    percent = optionalNumber(v);
                    if (percent != null && (percent.signum() < 0 || percent.compareTo(HUNDRED) > 0)) {
                        throw GIVE_UP;
                    }
                }
                case "note" -> note = optionalString(v);
                case "evidence" -> evidence = strings(v);
                case "points" -> points = optionalNumber(v);
                default -> skip(v); // descriptive: a template's row, titles, required evidence
            }
        }
        if (id == null) {
            throw GIVE_UP;
        }
        return new Finding(id, result, score, samples, percent, note, evidence, points, position, where);
    }

    private Finding.Samples samples(JsonToken v) throws java.io.IOException {
        if (v == JsonToken.VALUE_NULL) {
            return null;
        }
        if (v != JsonToken.START_OBJECT) {
            throw GIVE_UP;
        }
        int checked = -1;
        int bad = -1;
        Keys seen = new Keys();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = key(AssessmentReader.SAMPLE_KEYS, seen);
            int n = sampleCount(value());
            if (name.equals("checked")) {
                checked = n;
            } else {
                bad = n;
            }
        }
        if (checked < 1 || bad < 0 || bad > checked) {
            throw GIVE_UP; // and a count missing, which is -1
        }
        return new Finding.Samples(checked, bad);
    }

    /** A count of samples: a whole number of a few digits, not negative. */
    private int sampleCount(JsonToken v) throws java.io.IOException {
        if (v != JsonToken.VALUE_NUMBER_INT || p.getTextLength() > 9) {
            throw GIVE_UP; // 3.0 is 3 to the located reader: it reads it
        }
        int n = p.getIntValue();
        if (n < 0) {
            throw GIVE_UP;
        }
        return n;
    }

    private List<String> strings(JsonToken v) throws java.io.IOException {
        if (v == JsonToken.VALUE_NULL) {
            return List.of();
        }
        if (v != JsonToken.START_ARRAY) {
            throw GIVE_UP;
        }
        List<String> list = new ArrayList<>();
        JsonToken t;
        while ((t = item()) != JsonToken.END_ARRAY) {
            String s = optionalString(t);
            if (s == null) {
                throw GIVE_UP;
            }
            list.add(s);
        }
        return list;
    }

    private List<Event> events(JsonToken v, Located.Where where) throws java.io.IOException {
        if (v == JsonToken.VALUE_NULL) {
            return List.of();
        }
        if (v != JsonToken.START_ARRAY) {
            throw GIVE_UP;
        }
        List<Event> events = new ArrayList<>();
        JsonToken t;
        while ((t = item()) != JsonToken.END_ARRAY) {
            if (t != JsonToken.START_OBJECT) {
                throw GIVE_UP;
            }
            events.add(event(where.index(events.size())));
        }
        return events;
    }

    private Event event(Located.Where where) throws java.io.IOException {
        Located.Position position = position();
        String type = null;
        LocalDate date = null;
        String note = null;
        Map<String, String> attributes = new LinkedHashMap<>();
        Keys seen = new Keys();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            if (!seen.add(name)) {
                throw GIVE_UP;
            }
            JsonToken v = value();
            switch (name) {
                case "type" -> type = optionalString(v);
                case "date" -> date = v == JsonToken.VALUE_STRING ? date(p.getText()) : null;
                case "note" -> note = optionalString(v);
                default -> {
                    if (v != JsonToken.VALUE_NULL) {
                        attributes.put(name, scalarText(v));
                    }
                }
            }
        }
        if (type == null || date == null) {
            throw GIVE_UP;
        }
        return new Event(type, date, attributes, note, position, where);
    }

    /**
     * A date written YYYY-MM-DD (what {@link LocalDate#parse} reads with four digits of year) between 1900 and
     * 2100, as {@link AssessmentReader#date} requires; anything else is left to it.
     */
    private static LocalDate date(String text) {
        if (text.length() != 10 || text.charAt(4) != '-' || text.charAt(7) != '-') {
            throw GIVE_UP;
        }
        int year = digits(text, 0, 4);
        if (year < 1900 || year > 2100) {
            throw GIVE_UP;
        }
        try {
            return LocalDate.of(year, digits(text, 5, 7), digits(text, 8, 10));
        } catch (DateTimeException e) {
            throw GIVE_UP;
        }
    }

    private static int digits(String text, int from, int to) {
        int n = 0;
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                throw GIVE_UP;
            }
            n = n * 10 + (c - '0');
        }
        return n;
    }

    /** A key of an object whose keys are {@code allowed}, once. */
    private String key(Set<String> allowed, Keys seen) throws java.io.IOException {
        String name = p.currentName();
        if (!allowed.contains(name) || !seen.add(name)) {
            throw GIVE_UP;
        }
        return name;
    }

    /** A text that is not blank, or {@code null} for null. */
    private String optionalString(JsonToken v) throws java.io.IOException {
        if (v == JsonToken.VALUE_NULL) {
            return null;
        }
        if (v != JsonToken.VALUE_STRING) {
            throw GIVE_UP;
        }
        String s = p.getText();
        if (s.isBlank()) {
            throw GIVE_UP;
        }
        return s;
    }

    private BigDecimal optionalNumber(JsonToken v) throws java.io.IOException {
        if (v == JsonToken.VALUE_NULL) {
            return null;
        }
        if (v != JsonToken.VALUE_NUMBER_INT && v != JsonToken.VALUE_NUMBER_FLOAT) {
            throw GIVE_UP;
        }
        return number(v);
    }

    /** A number, a word or true/false as text, as {@code Reading.scalarText} makes it. */
    private String scalarText(JsonToken v) throws java.io.IOException {
        return switch (v) {
            case VALUE_STRING -> p.getText();
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> number(v).toPlainString();
            case VALUE_TRUE -> "true";
            case VALUE_FALSE -> "false";
            default -> throw GIVE_UP;
        };
    }

    /**
     * A number as the located reader makes it: the exact decimal written, its scale too ({@code 1.50}, and
     * {@code 1E+1}, which a {@code BigDecimal} without trailing zeros is written as), in {@link DecimalRange}.
     */
    private BigDecimal number(JsonToken v) throws java.io.IOException {
        int length = p.getTextLength();
        if (v == JsonToken.VALUE_NUMBER_INT && length <= DecimalRange.MAX_DIGITS_BEFORE) {
            return BigDecimal.valueOf(p.getLongValue()); // a whole number of at most 12 digits fits
        }
        BigDecimal n;
        try {
            // the text the parser read, which JSON's grammar keeps to LocatedReader's plain decimals
            n = new BigDecimal(p.getTextCharacters(), p.getTextOffset(), length);
        } catch (NumberFormatException e) { // an exponent beyond an int
            throw GIVE_UP;
        }
        if (!DecimalRange.fits(n)) {
            throw GIVE_UP;
        }
        return n;
    }

    /**
     * Reads past a value nothing is made of (a template's descriptive members), checking what the located
     * reader checks of every value: keys once, numbers in range, texts decoded.
     */
    private void skip(JsonToken v) throws java.io.IOException {
        switch (v) {
            case START_OBJECT -> {
                Keys seen = new Keys();
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    if (!seen.add(p.currentName())) {
                        throw GIVE_UP;
                    }
                    skip(value());
                }
            }
            case START_ARRAY -> {
                JsonToken t;
                while ((t = item()) != JsonToken.END_ARRAY) {
                    skip(t);
                }
            }
            case VALUE_STRING -> p.getText();
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> number(v);
            case VALUE_TRUE, VALUE_FALSE, VALUE_NULL -> {
                // nothing to check
            }
            default -> throw GIVE_UP;
        }
    }

    /** The value after a key, counted. */
    private JsonToken value() throws java.io.IOException {
        JsonToken t = p.nextToken();
        count();
        return t;
    }

    /** The next item of a list, counted, or its end. */
    private JsonToken item() throws java.io.IOException {
        JsonToken t = p.nextToken();
        if (t != JsonToken.END_ARRAY) {
            count();
        }
        return t;
    }

    private void count() {
        if (++values > LocatedReader.MAX_VALUES) {
            throw GIVE_UP;
        }
    }

    /** Where the current token is, as the located reader places it. */
    private Located.Position position() {
        return LocatedReader.position(p.currentTokenLocation(), lineOffset);
    }

    /** The keys of one object so far: a few, compared one by one; many, through a set. */
    private static final class Keys {
        private final String[] few = new String[16];
        private int size;
        private Set<String> many;

        boolean add(String key) {
            if (many != null) {
                return many.add(key);
            }
            for (int i = 0; i < size; i++) {
                if (few[i].equals(key)) {
                    return false;
                }
            }
            if (size == few.length) {
                many = new HashSet<>(java.util.Arrays.asList(few));
                return many.add(key);
            }
            few[size++] = key;
            return true;
        }
    }
}

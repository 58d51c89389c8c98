package io.github.aftersales.core.assessment;

import io.github.aftersales.core.json.Located;
import io.github.aftersales.core.json.LocatedException;
import io.github.aftersales.core.json.LocatedReader;
import io.github.aftersales.core.json.Reading;
import io.github.aftersales.spi.NotApplicablePolicy;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Reads assessments from JSON or YAML, or another {@link AssessmentFormat} installed (an Excel form),
 * chosen by the file's extension. The format is documented in
 * {@code docs/assessment-format.md}; a blank one is what {@code template} writes. Every problem is
 * a {@link LocatedException} naming the file, the line and column, and the path.
 */
public final class AssessmentReader {

    // the keys each object may hold, read by both readers: the located one here and DirectJsonReader
    static final Set<String> ROOT_KEYS = Set.of("organisation", "date", "assessor", "schemes");
    static final Set<String> PART_KEYS = Set.of(
            "scheme", "variant", "schemeVersion", "title", "options", "findings", "facts", "events", "scoringGuide",
            "combines", "factsGuide", "eventTypes");
    static final Set<String> OPTION_KEYS = Set.of("notApplicable", "missing", "readings");
    static final Set<String> SAMPLE_KEYS = Set.of("checked", "nonConforming");
    /** What a finding may hold; the descriptive keys a template writes are accepted and not used. */
    static final Set<String> FINDING_KEYS = Set.of(
            "id", "result", "score", "samples", "percent", "note", "evidence",
            "row", "title", "titleEn", "points", "requiredEvidence", "asksApplicability", "checklistOf");

    /** The largest file read whole and directly ({@link DirectJsonReader}): above every real form. */
    private static final long DIRECT_FILE_BYTES = 4L << 20;

    /** The largest assessment file read: far above any real form (a few hundred KiB), far below memory. */
    public static final long MAX_FILE_BYTES = LocatedReader.MAX_DOCUMENT;

    private AssessmentReader() {
    }

    /** Whether a file of this name is read as an assessment (by directory walks). */
    public static boolean readable(String fileName) {
        String name = fileName.toLowerCase(Locale.ROOT);
        int dot = name.lastIndexOf('.');
        String ext = dot < 0 ? "" : name.substring(dot + 1);
        // another spreadsheet in a folder is reported (what it is, how to save it), not skipped unsaid; a CSV
        // beside the forms is more likely a register export than a form
        return ext.equals("json") || ext.equals("yaml") || ext.equals("yml") || AssessmentFormats.known(ext)
                || (OTHER_SPREADSHEETS.containsKey(ext) && !ext.equals("csv"));
    }

    /** Spreadsheets a form may be saved as by mistake, by extension: said in one line, not parsed as JSON. */
    private static final Map<String, String> OTHER_SPREADSHEETS = Map.of(
            "ods", "a LibreOffice spreadsheet (.ods)", "xls", "an Excel 97-2003 workbook (.xls)",
            "xlsm", "an Excel workbook with macros (.xlsm)", "numbers", "a Numbers spreadsheet (.numbers)",
            "csv", "a CSV file (.csv)", "et", "a WPS spreadsheet (.et)");

    /**
     * Reads a file; {@code .yaml}/{@code .yml} as YAML, another {@link AssessmentFormat} by its
     * extension, anything else as JSON.
     */
    public static Assessment read(Path file) {
        String source = file.toString();
        String name = file.getFileName() == null ? "" : file.getFileName().toString().toLowerCase(Locale.ROOT);
        int dot = name.lastIndexOf('.');
        String extension = dot < 0 ? "" : name.substring(dot + 1);
        if (AssessmentFormats.known(extension)) {
            if (!Files.exists(file)) {
                throw new LocatedException(source, null, "no such file");
            }
            return AssessmentFormats.find(extension).orElseThrow(() -> new LocatedException(source, null,
                    AssessmentFormats.missing(extension))).read(file);
        }
        if (Files.isDirectory(file)) {
            throw new LocatedException(source, null, "is a directory, not an assessment file");
        }
        String otherSpreadsheet = OTHER_SPREADSHEETS.get(extension);
        if (otherSpreadsheet != null) {
            // read as JSON it was "the file is not UTF-8 text", which says nothing of what to do
            throw new LocatedException(source, null, "is " + otherSpreadsheet + ", which is not read here: " + SAVE_AS_XLSX);
        }
        long size;
        try {
            size = Files.size(file);
            if (size > MAX_FILE_BYTES) {
                throw new LocatedException(source, null, "is " + (size >> 20) + " MiB; an assessment file is at most "
                        + (MAX_FILE_BYTES >> 20) + " MiB");
            }
        } catch (NoSuchFileException e) {
            throw new LocatedException(source, null, "no such file");
        } catch (IOException e) {
            throw new LocatedException(source, null, "cannot be read: " + e.getMessage());
        }
        // the size asked above is 0 for a pipe or /dev/stdin: the bytes read are counted as well
        try (InputStream in = new Bounded(Files.newInputStream(file), MAX_FILE_BYTES)) {
            LocatedReader.Syntax syntax = syntaxOf(file);
            if (syntax == LocatedReader.Syntax.JSON && size > 0 && size <= DIRECT_FILE_BYTES) {
                // a file of known size, as large as real forms are, is read whole and first directly; a pipe, and
                // a larger file, are parsed as they come (malformed text reported before the limit is reached,
                // and no copy of a large file held beside the tree: memory stays flat at a small heap)
                return read(in.readAllBytes(), source, syntax, 0);
            }
            return read(in, source, syntax);
        } catch (LocatedException e) {
            // a workbook under another name was "malformed JSON: the file is not UTF-8 text": say what it is
            throw SpreadsheetFiles.of(file).map(kind -> misnamed(source, extension, kind)).orElse(e);
        } catch (Bounded.TooLarge e) {
            throw new LocatedException(source, null, "is more than " + (MAX_FILE_BYTES >> 20) + " MiB; an assessment file"
                    + " is at most " + (MAX_FILE_BYTES >> 20) + " MiB");
        } catch (NoSuchFileException e) {
            throw new LocatedException(source, null, "no such file");
        } catch (AccessDeniedException e) {
            throw new LocatedException(source, null, "cannot be read: permission denied");
        } catch (IOException e) {
            throw new LocatedException(source, null, "cannot be read: " + e.getMessage());
        }
    }

    /** What to do with a spreadsheet (by its content) whose name does not say so. */
    private static LocatedException misnamed(String source, String extension, SpreadsheetFiles.Kind kind) {
        String named = extension.isEmpty() ? "named without an extension" : "named ." + extension;
        if (kind.equals(SpreadsheetFiles.XLSX)) {
            return new LocatedException(source, null, "is " + kind.description() + " " + named + ": a filled form is read"
                    + " as one when its name ends in .xlsx; rename it and evaluate that");
        }
        if (OTHER_SPREADSHEETS.containsKey(kind.extension())) {
            return new LocatedException(source, null, "is " + kind.description() + " " + named + ", which is not read"
                    + " here: " + SAVE_AS_XLSX);
        }
        return new LocatedException(source, null, "is " + kind.description() + ": an assessment is JSON, YAML or a"
                + " filled Excel form (.xlsx)");
    }

    /** How to turn another spreadsheet into the form this program reads. */
    public static final String SAVE_AS_XLSX = "save it as an Excel workbook (.xlsx; in LibreOffice File > Save As > Excel"
            + " 2007-365) and evaluate that";

    /** A stream that fails once more than {@code limit} bytes have been read from it. */
    private static final class Bounded extends java.io.FilterInputStream {
        /** Thrown past the limit; an {@code IOException} so that the parser passes it on untouched. */
        static final class TooLarge extends IOException {
            TooLarge() {
                super("too large");
            }
        }

        private long left;

        Bounded(InputStream in, long limit) {
            super(in);
            this.left = limit;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0 && --left < 0) {
                throw new TooLarge();
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0 && (left -= n) < 0) {
                throw new TooLarge();
            }
            return n;
        }
    }

    public static LocatedReader.Syntax syntaxOf(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        return name.endsWith(".yaml") || name.endsWith(".yml") ? LocatedReader.Syntax.YAML : LocatedReader.Syntax.JSON;
    }

    /** Reads from a stream; {@code source} names it in messages. */
    public static Assessment read(InputStream in, String source, LocatedReader.Syntax syntax) throws IOException {
        return read(in, source, syntax, 0);
    }

    /**
     * Reads a document that is line {@code line} of an NDJSON file (so messages and the result name
     * its line), or a whole file when {@code line} is 0.
     */
    public static Assessment read(InputStream in, String source, LocatedReader.Syntax syntax, int line)
            throws IOException {
        Located root;
        int lineOffset = Math.max(0, line - 1);
        try {
            root = LocatedReader.read(in, syntax, lineOffset);
        } catch (LocatedReader.ParseException e) {
            throw new LocatedException(source, e.position(), e.getMessage());
        }
        return parse(root, new Reading(source), line);
    }

    /**
     * Reads a document held in memory, as {@link #read(InputStream, String, LocatedReader.Syntax, int)} does; JSON
     * is read first straight from the parser's tokens ({@link DirectJsonReader}), and only a document that reader
     * gives up on (anything it would have to report, or is not sure of) is read again the located way, so results
     * and messages are the same either way.
     */
    public static Assessment read(byte[] bytes, String source, LocatedReader.Syntax syntax, int line) throws IOException {
        if (syntax == LocatedReader.Syntax.JSON) {
            Assessment direct = DirectJsonReader.read(bytes, 0, bytes.length, source, line);
            if (direct != null) {
                return direct;
            }
        }
        return read(new java.io.ByteArrayInputStream(bytes), source, syntax, line);
    }

    private static Assessment parse(Located rootNode, Reading r, int line) {
        Located.Obj root = r.object(rootNode, "an assessment");
        r.onlyKeys(root, ROOT_KEYS);
        List<SchemeAssessment> parts = new ArrayList<>();
        Located schemes = r.required(root, "schemes");
        for (Located item : r.list(schemes, "'schemes'")) {
            parts.add(part(r, item));
        }
        if (parts.isEmpty()) {
            throw r.problem(schemes, "'schemes' is empty: name at least one scheme to evaluate");
        }
        return new Assessment(r.source(), r.optionalString(root, "organisation").orElse(null),
                r.optional(root, "date").map(v -> r.scalarText(v, "the value")).orElse(null),
                r.optionalString(root, "assessor").orElse(null), parts, line);
    }

    private static SchemeAssessment part(Reading r, Located node) {
        Located.Obj o = r.object(node, "a scheme entry");
        r.onlyKeys(o, PART_KEYS);
        NotApplicablePolicy policy = null;
        boolean missingAsZero = false;
        Map<String, String> readings = new LinkedHashMap<>();
        Map<String, Located.Position> readingPositions = new LinkedHashMap<>();
        if (o.has("options")) {
            Located.Obj opts = r.object(o.get("options"), "'options'");
            r.onlyKeys(opts, OPTION_KEYS);
            if (opts.has("notApplicable")) {
                String key = r.requiredString(opts, "notApplicable");
                policy = NotApplicablePolicy.fromKey(key).orElseThrow(() -> r.problem(opts.get("notApplicable"),
                        "notApplicable must be 'prorate' or 'full-points', not '" + key + "'"));
            }
            if (opts.has("missing")) {
                String m = r.requiredString(opts, "missing");
                if (!m.equals("error") && !m.equals("zero")) {
                    throw r.problem(opts.get("missing"), "missing must be 'error' or 'zero', not '" + m + "'");
                }
                missingAsZero = m.equals("zero");
            }
            if (opts.has("readings") && !(opts.get("readings") instanceof Located.Scalar s && s.value() == null)) {
                Located.Obj ro = r.object(opts.get("readings"), "'readings'");
                ro.members().forEach((k, v) -> {
                    if (v instanceof Located.Scalar s && s.value() == null) {
                        return; // not chosen
                    }
                    if (!(v instanceof Located.Scalar)) {
                        throw r.problem(v, "reading '" + k + "' takes a number or a word, not " + v.kind());
                    }
                    readings.put(k, r.scalarText(v, "the value"));
                });
                readingPositions.putAll(ro.keyPositions());
            }
        }
        List<Finding> findings = new ArrayList<>();
        for (Located f : o.has("findings") ? r.list(o.get("findings"), "'findings'") : List.<Located>of()) {
            findings.add(finding(r, f));
        }
        Map<String, Object> facts = new LinkedHashMap<>();
        Map<String, Located.Position> factPositions = new LinkedHashMap<>();
        if (o.has("facts")) {
            Located.Obj fo = r.object(o.get("facts"), "'facts'");
            factPositions.putAll(fo.keyPositions());
            fo.members().forEach((k, v) -> {
                if (v instanceof Located.Scalar s && s.value() == null) {
                    return; // not stated, as in a blank template
                }
                if (!(v instanceof Located.Scalar s)) {
                    throw r.problem(v, "fact '" + k + "' must be a number, true/false, a word or a date, not " + v.kind());
                }
                facts.put(k, s.value());
            });
        }
        List<Event> events = new ArrayList<>();
        for (Located e : o.has("events") ? r.list(o.get("events"), "'events'") : List.<Located>of()) {
            events.add(event(r, e));
        }
        return new SchemeAssessment(r.requiredString(o, "scheme"), r.optionalString(o, "variant").orElse(null),
                r.optionalString(o, "schemeVersion").orElse(null), policy, missingAsZero, findings, facts, factPositions,
                events, o.position(), o.where(), readings, readingPositions);
    }

    private static Finding finding(Reading r, Located node) {
        Located.Obj o = r.object(node, "a finding");
        r.onlyKeys(o, FINDING_KEYS);
        String id = idText(r, r.required(o, "id"));
        Conformity result = null;
        if (o.has("result")) {
            String text = r.string(o.get("result"), "'result'");
            result = Conformity.parse(text).orElseThrow(() -> r.problem(o.get("result"),
                    "result must be conform (符合), not-conform (不符合) or not-applicable (不适用), not '" + text + "'"));
        }
        BigDecimal score = r.optionalNumber(o, "score").orElse(null);
        Finding.Samples samples = r.optional(o, "samples").map(v -> samples(r, v)).orElse(null);
        BigDecimal percent = r.optionalNumber(o, "percent").orElse(null);
        if (percent != null && (percent.signum() < 0 || percent.compareTo(BigDecimal.valueOf(100)) > 0)) {
            throw r.problem(o.get("percent"), "'percent' must be between 0 and 100, not " + percent.toPlainString());
        }
        List<String> evidence = r.optional(o, "evidence").map(v -> r.stringList(v, "'evidence'")).orElse(List.of());
        BigDecimal points = o.has("points") ? r.number(o.get("points"), "'points'") : null;
        return new Finding(id, result, score, samples, percent, r.optionalString(o, "note").orElse(null), evidence, points,
                o.position(), o.where());
    }

    private static Finding.Samples samples(Reading r, Located v) {
        Located.Obj o = r.object(v, "'samples'");
        r.onlyKeys(o, SAMPLE_KEYS);
        int checked = r.integer(r.required(o, "checked"), "'checked'");
        int bad = r.integer(r.required(o, "nonConforming"), "'nonConforming'");
        if (checked < 1) {
            throw r.problem(o.get("checked"), "'checked' must be at least 1, not " + checked);
        }
        if (bad < 0) {
            throw r.problem(o.get("nonConforming"), "'nonConforming' must not be negative: " + bad);
        }
        if (bad > checked) {
            throw r.problem(o.get("nonConforming"), bad + " samples not conforming out of " + checked
                    + " checked: there cannot be more non-conforming samples than samples");
        }
        return new Finding.Samples(checked, bad);
    }

    /** Ids are text; a YAML author may write {@code id: 5.1} unquoted, which YAML reads as a number. */
    private static String idText(Reading r, Located v) {
        if (v instanceof Located.Scalar s && s.value() instanceof BigDecimal) {
            throw r.problem(v, "'id' must be text: write the id in quotes (\"" + ((BigDecimal) s.value()).toPlainString()
                    + "\"), as a number it may lose its digits");
        }
        return r.string(v, "'id'");
    }

    private static Event event(Reading r, Located node) {
        Located.Obj o = r.object(node, "an event");
        String type = r.requiredString(o, "type");
        Located dateNode = r.required(o, "date");
        LocalDate date = date(r, dateNode);
        Map<String, String> attrs = new LinkedHashMap<>();
        o.members().forEach((k, v) -> {
            boolean stated = !(v instanceof Located.Scalar s && s.value() == null);
            if (stated && !k.equals("type") && !k.equals("date") && !k.equals("note")) {
                attrs.put(k, r.scalarText(v, "the value"));
            }
        });
        return new Event(type, date, attrs, r.optionalString(o, "note").orElse(null), o.position(), o.where());
    }

    /** Parses an ISO date (2026-11-20). */
    public static LocalDate date(Reading r, Located v) {
        String text = r.scalarText(v, "the value");
        LocalDate date;
        try {
            date = LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw r.problem(v, "'" + text + "' is not a date as YYYY-MM-DD");
        }
        if (date.getYear() < 1900 || date.getYear() > 2100) {
            throw r.problem(v, "'" + text + "' is not a date between 1900 and 2100");
        }
        return date;
    }
}

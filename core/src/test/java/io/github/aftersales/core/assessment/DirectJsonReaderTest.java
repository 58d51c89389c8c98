package io.github.aftersales.core.assessment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.aftersales.core.json.Located;
import io.github.aftersales.core.json.LocatedReader;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The direct reader reads what the located reader reads, field by field, and gives up on everything else, so
 * the message is the located reader's ({@link ReadersAgree}).
 */
class DirectJsonReaderTest {

    /** A form with every member a part, a finding, a fact and an event may have, on one line. */
    static final String RICH = """
            {"organisation":"Acme 售后 \\"Ltd\\"","date":"2026-10-15","assessor":"A. Auditor","schemes":[\
            {"scheme":"gbt27922","variant":"form","schemeVersion":"2011","title":"GB/T 27922",\
            "options":{"notApplicable":"prorate","missing":"zero","readings":{"r1":"strict","r2":3,"r3":null,"r4":true,\
            "r5":1.50,"r6":-0,"r7":""}},\
            "findings":[\
            {"id":"5.1.1","result":"conform","note":"ok\\n\\u00e9\\ud83d\\ude00","evidence":["doc 1","照片"],"points":2.5,\
            "row":3,"title":"t","titleEn":"t","requiredEvidence":["x"],"asksApplicability":true,"checklistOf":null},\
            {"id":"5.1.2","score":1.25,"points":0.50},\
            {"id":"5.1.3","samples":{"checked":10,"nonConforming":2}},\
            {"id":"5.1.4","percent":75.5,"evidence":[]},\
            {"id":"5.1.5","result":"不适用","score":null,"note":null,"samples":null,"percent":null,"evidence":null},\
            {"id":"5.1.6","result":" NOT-CONFORM ","score":0}\
            ],\
            "facts":{"auditOutcome":"pass","surveyScore":87.5,"complaints":0,"certified":true,"expired":false,\
            "since":"2020-01-01","blank":null,"neg":-0.0,"big":123456789012,"long":-123456789012.000000000001,"":"x"},\
            "events":[{"type":"majorComplaint","date":"2026-03-01","rectified":false,"count":2,"share":1.50,\
            "where":"shop","note":"a customer","ignored":null},{"date":"1900-01-01","type":"accident","note":null}],\
            "scoringGuide":{"a":[1,2.5,{"b":null,"c":"d"}],"e":true},"combines":["x"],"factsGuide":"g","eventTypes":[]\
            },\
            {"scheme":"zg025","variant":null,"schemeVersion":null,"options":null,"findings":null,"facts":null,"events":null},\
            {"scheme":"cqm","options":{"notApplicable":" Full-Points ","missing":"error","readings":null},"facts":{},\
            "events":[],"findings":[]}\
            ]}""";

    @Test
    void aFormWithEveryMemberIsReadDirectlyAsTheLocatedReaderReadsIt() {
        assertTrue(ReadersAgree.check(bytes(RICH), "book.ndjson", 12));
        assertTrue(ReadersAgree.check(bytes(RICH), "form.json", 0));
        Assessment a = DirectJsonReader.read(bytes(RICH), 0, bytes(RICH).length, "book.ndjson", 12);
        assertNotNull(a);
        // worked out by hand from RICH: the line is the NDJSON line, the column the byte's (UTF-8: 售后 are 6 bytes)
        SchemeAssessment part = a.parts().get(0);
        assertEquals(new Located.Position(12, 94), part.position());
        assertEquals("schemes[0]", part.path());
        assertEquals("schemes[0].findings[2]", part.findings().get(2).path());
        assertEquals(new Finding.Samples(10, 2), part.findings().get(2).samples());
        assertEquals(new BigDecimal("1.50"), new BigDecimal(part.readings().get("r5")));
        assertEquals("1.50", part.readings().get("r5"));
        assertEquals("0", part.readings().get("r6"));
        assertEquals(new BigDecimal("-0.0"), part.facts().get("neg"));
        assertEquals(1, ((BigDecimal) part.facts().get("neg")).scale());
        assertEquals("ok\né\uD83D\uDE00", part.findings().get(0).note());
        assertEquals(java.util.Map.of("rectified", "false", "count", "2", "share", "1.50", "where", "shop"),
                part.events().get(0).attributes());
        assertEquals("schemes[0].events[1]", part.events().get(1).path());
        assertTrue(part.readingPositions().containsKey("r3")); // a reading not chosen still has its place
        assertTrue(part.factPositions().containsKey("blank"));
        assertEquals(io.github.aftersales.spi.NotApplicablePolicy.FULL_POINTS, a.parts().get(2).notApplicable());
    }

    @Test
    void aPrettyPrintedFileIsReadDirectlyWithTheLinesOfItsValues() throws IOException {
        // numbers as written (a double would print -123456789012.000000000001 with an exponent)
        String pretty = new com.fasterxml.jackson.databind.ObjectMapper()
                .enable(com.fasterxml.jackson.databind.DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                .configure(com.fasterxml.jackson.databind.cfg.JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES, false)
                .readTree(RICH).toPrettyString();
        assertTrue(ReadersAgree.check(bytes(pretty), "form.json", 0));
        Assessment a = DirectJsonReader.read(bytes(pretty), 0, bytes(pretty).length, "form.json", 0);
        assertEquals(5, a.parts().get(0).position().line());
    }

    /** Each change to the rich form, and whether the direct reader still reads it. */
    static Stream<org.junit.jupiter.params.provider.Arguments> mutations() {
        List<Object[]> m = new ArrayList<>();
        // regular changes: read directly, alike
        m.add(new Object[] {"\"score\":1.25", "\"score\":-0", true});
        // exponents: the BigDecimal of the text, its scale too (what the generator writes for 10 points: 1E+1)
        m.add(new Object[] {"\"score\":1.25", "\"score\":1e2", true});
        m.add(new Object[] {"\"score\":1.25", "\"score\":1E+1", true});
        m.add(new Object[] {"\"score\":1.25", "\"score\":1E-2", true});
        m.add(new Object[] {"\"score\":1.25", "\"score\":1.0e0", true});
        m.add(new Object[] {"\"score\":1.25", "\"score\":-0e-5", true});
        m.add(new Object[] {"\"score\":1.25", "\"score\":0E-100", true});
        m.add(new Object[] {"\"complaints\":0", "\"complaints\":-0E+100", true});
        m.add(new Object[] {"\"complaints\":0", "\"complaints\":25E-1", true});
        m.add(new Object[] {"\"percent\":75.5", "\"percent\":100.000", true});
        m.add(new Object[] {"\"percent\":75.5", "\"percent\":-0.0", true});
        m.add(new Object[] {"\"score\":1.25", "\"score\":1.500000000000", true});
        m.add(new Object[] {"\"score\":1.25", "\"score\":-999999999999.999999999999", true});
        m.add(new Object[] {"\"date\":\"2026-10-15\"", "\"date\":20261015", true}); // the root date is text as written
        m.add(new Object[] {"\"date\":\"2026-10-15\"", "\"date\":false", true});
        m.add(new Object[] {"\"date\":\"2026-10-15\"", "\"date\":\"not a date\"", true});
        m.add(new Object[] {"\"note\":\"a customer\"", "\"note\":\"\\ud800\\u0000\\t\\/\"", true});
        m.add(new Object[] {"\"organisation\":\"Acme", "\"organisation\":null,\"o\":\"Acme", false});
        m.add(new Object[] {"\"date\":\"2026-03-01\"", "\"date\":\"2024-02-29\"", true});
        m.add(new Object[] {"\"date\":\"2026-03-01\"", "\"date\":\"2100-12-31\"", true});
        // irregular: given up, and the message is the located reader's
        for (String[] change : new String[][] {
                {"\"organisation\"", "\"organization\""},
                {"\"title\":\"GB/T 27922\"", "\"titel\":\"x\""},
                {"\"row\":3", "\"rows\":3"},
                {"\"missing\":\"zero\"", "\"missing\":\"zero\",\"mising\":1"},
                {"\"nonConforming\":2", "\"nonConforming\":2,\"bad\":1"},
                {"\"assessor\":\"A. Auditor\"", "\"assessor\":\"A. Auditor\",\"assessor\":\"B\""},
                {"\"variant\":\"form\"", "\"variant\":\"form\",\"variant\":null"},
                {"\"score\":1.25", "\"score\":1.25,\"score\":2"},
                {"\"complaints\":0", "\"complaints\":0,\"complaints\":null"},
                {"\"r2\":3", "\"r2\":3,\"r2\":4"},
                {"\"rectified\":false", "\"rectified\":false,\"rectified\":true"},
                {"\"c\":\"d\"", "\"c\":\"d\",\"c\":1"},
                {"\"nonConforming\":2", "\"nonConforming\":2,\"checked\":3"},
                {"\"schemes\":[", "\"schemes\":null,\"x\":["},
                {"\"schemes\":[", "\"schemes\":{\"a\":["},
                {"\"organisation\":\"Acme 售后 \\\"Ltd\\\"\"", "\"organisation\":\" \""},
                {"\"organisation\":\"Acme 售后 \\\"Ltd\\\"\"", "\"organisation\":5"},
                {"\"assessor\":\"A. Auditor\"", "\"assessor\":[]"},
                {"\"date\":\"2026-10-15\"", "\"date\":{}"},
                {"\"scheme\":\"zg025\"", "\"scheme\":null"},
                {"\"scheme\":\"zg025\"", "\"scheme\":\"\""},
                {"\"scheme\":\"zg025\",", ""},
                {"\"options\":null", "\"options\":[]"},
                {"\"notApplicable\":\"prorate\"", "\"notApplicable\":\"partly\""},
                {"\"notApplicable\":\"prorate\"", "\"notApplicable\":true"},
                {"\"missing\":\"zero\"", "\"missing\":\"Zero\""},
                {"\"readings\":{", "\"readings\":{\"r0\":[],"},
                {"\"readings\":null", "\"readings\":\"x\""},
                {"\"findings\":null", "\"findings\":{}"},
                {"{\"id\":\"5.1.2\"", "\"5.1.2\",{\"id\":\"5.1.2\""},
                {"\"id\":\"5.1.2\"", "\"id\":5.1"},
                {"\"id\":\"5.1.2\"", "\"id\":\"\""},
                {"\"id\":\"5.1.2\",", ""},
                {"\"id\":\"5.1.2\"", "\"id\":null"},
                {"\"result\":\"conform\"", "\"result\":\"fine\""},
                {"\"result\":\"conform\"", "\"result\":1"},
                {"\"score\":1.25", "\"score\":\"1.25\""},
                {"\"score\":1.25", "\"score\":true"},
                {"\"score\":1.25", "\"score\":12345678901234567890.5"},
                {"\"score\":1.25", "\"score\":1234567890123"},
                {"\"score\":1.25", "\"score\":0.0000000000001"},
                {"\"score\":1.25", "\"score\":1E2147483648"},
                {"\"score\":1.25", "\"score\":1E12"},
                {"\"score\":1.25", "\"score\":1E-13"},
                // zero to a billion places: a text (a date, a reading) or a sum of it took gigabytes, and hours
                {"\"score\":1.25", "\"score\":0E-999999999"},
                {"\"score\":1.25", "\"score\":0E-101"},
                {"\"percent\":75.5", "\"percent\":-0.0E-2147483647"},
                {"\"complaints\":0", "\"complaints\":0E+999999999"},
                {"\"score\":1.25", "\"score\":01"},
                {"\"score\":1.25", "\"score\":NaN"},
                {"\"score\":1.25", "\"score\":+1"},
                {"\"score\":1.25", "\"score\":.5"},
                {"\"percent\":75.5", "\"percent\":100.01"},
                {"\"percent\":75.5", "\"percent\":-0.5"},
                {"\"checked\":10", "\"checked\":0"},
                {"\"checked\":10", "\"checked\":10.0"},
                {"\"checked\":10", "\"checked\":1e1"},
                {"\"checked\":10", "\"checked\":\"10\""},
                {"\"checked\":10", "\"checked\":99999999999"},
                {"\"nonConforming\":2", "\"nonConforming\":11"},
                {"\"nonConforming\":2", "\"nonConforming\":-1"},
                {"\"nonConforming\":2", "\"nonConforming\":null"},
                {"\"samples\":{", "\"samples\":[{"},
                {"\"evidence\":[\"doc 1\"", "\"evidence\":[\"\""},
                {"\"evidence\":[\"doc 1\"", "\"evidence\":[null"},
                {"\"evidence\":[\"doc 1\",\"照片\"]", "\"evidence\":\"doc 1\""},
                {"\"points\":2.5", "\"points\":\"2.5\""},
                {"\"facts\":{", "\"facts\":{\"list\":[1],"},
                {"\"facts\":null", "\"facts\":7"},
                {"\"events\":null", "\"events\":{}"},
                {"{\"type\":\"majorComplaint\"", "5,{\"type\":\"majorComplaint\""},
                {"\"type\":\"majorComplaint\",", ""},
                {"\"type\":\"majorComplaint\"", "\"type\":null"},
                {"\"type\":\"majorComplaint\"", "\"type\":\" \""},
                {"\"date\":\"2026-03-01\"", "\"date\":null"},
                {"\"date\":\"2026-03-01\"", "\"date\":\"2026-02-30\""},
                {"\"date\":\"2026-03-01\"", "\"date\":\"2026-3-1\""},
                {"\"date\":\"2026-03-01\"", "\"date\":\"1899-12-31\""},
                {"\"date\":\"2026-03-01\"", "\"date\":\"2101-01-01\""},
                {"\"date\":\"2026-03-01\"", "\"date\":\"+2026-03-01\""},
                {"\"date\":\"2026-03-01\"", "\"date\":\"2026-03-01T10:00\""},
                {"\"date\":\"2026-03-01\"", "\"date\":\"２０２６-03-01\""},
                {"\"date\":\"2026-03-01\"", "\"date\":20260301"},
                {"\"rectified\":false", "\"rectified\":{}"},
                {"\"where\":\"shop\"", "\"where\":[\"shop\"]"},
                {"\"note\":\"a customer\"", "\"note\":\"\""},
                {"\"note\":\"a customer\"", "\"note\":1"},
                {"\"eventTypes\":[]", "\"eventTypes\":[1e400]"},
                {"\"eventTypes\":[]", "\"eventTypes\":[12345678901234567890]"},
                {"{\"scheme\":\"zg025\"", "{\"scheme\":\"zg025\",\"findings\":[]},[],{\"scheme\":\"zg025\""},
        }) {
            m.add(new Object[] {change[0], change[1], false});
        }
        return m.stream().map(org.junit.jupiter.params.provider.Arguments::of);
    }

    @ParameterizedTest
    @MethodSource("mutations")
    void aChangedFormIsReadAlikeOrLeftToTheLocatedReader(String from, String to, boolean direct) {
        assertTrue(RICH.contains(from), from);
        String line = RICH.replaceFirst(java.util.regex.Pattern.quote(from), java.util.regex.Matcher.quoteReplacement(to));
        assertEquals(direct, ReadersAgree.check(bytes(line), "book.ndjson", 3), line);
    }

    @Test
    void whatIsNotOneAssessmentIsLeftToTheLocatedReader() {
        for (String doc : List.of("", " ", "{}", "[]", "null", "5", "\"x\"", "{\"schemes\":[]}", RICH + " {}", RICH + "x",
                RICH.substring(0, RICH.length() - 1), "{\"schemes\":[{\"scheme\":\"x\"}]} // c")) {
            assertFalse(ReadersAgree.check(bytes(doc), "book.ndjson", 2), doc);
        }
        assertTrue(ReadersAgree.check(bytes(RICH + "\r"), "book.ndjson", 2));
        assertTrue(ReadersAgree.check(bytes("{\"schemes\":[{\"scheme\":\"x\"}]}"), "book.ndjson", 2));
        ReadersAgree.check(bytes("\uFEFF" + RICH), "book.ndjson", 2);
    }

    @Test
    void limitsAreTheLocatedReadersAndItSaysThem() {
        String many = RICH.replace("\"eventTypes\":[]", "\"eventTypes\":[" + "0,".repeat(LocatedReader.MAX_VALUES) + "0]");
        assertFalse(ReadersAgree.check(bytes(many), "book.ndjson", 1));
        String deep = RICH.replace("\"eventTypes\":[]", "\"eventTypes\":" + "[".repeat(70) + "]".repeat(70));
        assertFalse(ReadersAgree.check(bytes(deep), "book.ndjson", 1));
        String tooLong = RICH.replace("\"factsGuide\":\"g\"", "\"factsGuide\":\"" + "g".repeat(LocatedReader.MAX_TEXT + 1) + "\"");
        assertFalse(ReadersAgree.check(bytes(tooLong), "book.ndjson", 1));
        byte[] notUtf8 = bytes(RICH.replace("\"factsGuide\":\"g\"", "\"factsGuide\":\"g\u00e9\""));
        int at = indexOf(notUtf8, (byte) 0xC3);
        notUtf8[at + 1] = (byte) 'x';
        assertFalse(ReadersAgree.check(notUtf8, "book.ndjson", 1));
    }

    @Test
    void aZeroToABillionPlacesIsOutOfRangeNotWrittenOut() {
        // as the root's date it was a text of a billion zeros: out of memory, or gigabytes and seconds
        String line = RICH.replace("\"date\":\"2026-10-15\"", "\"date\":0E-999999999");
        assertFalse(ReadersAgree.check(bytes(line), "book.ndjson", 3));
        assertEquals("book.ndjson:3:46: the number 0E-999999999 is out of range: at most 12 digits before the point and 12"
                + " after it", ReadersAgree.located(bytes(line), "book.ndjson", 3));
        assertTrue(io.github.aftersales.core.json.DecimalRange.fits(new BigDecimal("-0.00")));
        assertFalse(io.github.aftersales.core.json.DecimalRange.fits(new BigDecimal("0E+101")));
    }

    @Test
    void theExamplesAndTheKeptFuzzInputsAreReadAlike() throws Exception {
        List<Path> files = new ArrayList<>();
        try (Stream<Path> s = Files.walk(Path.of("../examples"))) {
            s.filter(p -> p.toString().endsWith(".json")).forEach(files::add);
        }
        Path fuzz = Path.of(getClass().getResource("/io/github/aftersales/core/fuzz/ReaderFuzzTestInputs/json").toURI());
        try (Stream<Path> s = Files.list(fuzz)) {
            s.forEach(files::add);
        }
        assertTrue(files.size() > 5, files.toString());
        int direct = 0;
        for (Path f : files) {
            direct += ReadersAgree.check(Files.readAllBytes(f), f.toString(), 0) ? 1 : 0;
            // the whole-file reader, which reads a JSON file of known size this way
            Object located = ReadersAgree.located(Files.readAllBytes(f), f.toString(), 0);
            Object whole;
            try {
                whole = AssessmentReader.read(f);
            } catch (io.github.aftersales.core.json.LocatedException e) {
                whole = e.getMessage();
            }
            assertEquals(ReadersAgree.describe(located), ReadersAgree.describe(whole), f.toString());
        }
        assertTrue(direct >= 2, "the examples are read directly");
    }

    /** A character that may stand in a JSON text or break it, for edits of the rich form. */
    @Provide
    Arbitrary<String> edits() {
        return Arbitraries.oneOf(Arbitraries.of("\"", "{", "}", "[", "]", ",", ":", "0", "-", "e", ".", " ", "n", "\\",
                "null", "1.50", "1e2", "\"x\"", "[]", "{}", "\\u00e9", "\\ud83d\\ude00", "售", "\"id\":\"9\","),
                Arbitraries.strings().ofMaxLength(3));
    }

    @Property
    void anEditedFormIsReadAlikeOrLeftToTheLocatedReader(@ForAll @IntRange(min = 0, max = 100_000) int where,
            @ForAll @IntRange(min = 0, max = 6) int cut, @ForAll("edits") String insert,
            @ForAll @IntRange(min = 0, max = 5000) int line) {
        int at = where % RICH.length();
        String edited = RICH.substring(0, at) + insert + RICH.substring(Math.min(RICH.length(), at + cut));
        ReadersAgree.check(bytes(edited), "book.ndjson", line);
    }

    /** A number as JSON may write it (exponents, huge, negative zero, trailing zeros), and some JSON may not. */
    @Provide
    Arbitrary<String> numbers() {
        Arbitrary<String> digits = Arbitraries.strings().withCharRange('0', '9').ofMinLength(1).ofMaxLength(22);
        Arbitrary<String> sign = Arbitraries.of("", "-");
        Arbitrary<String> fraction = Arbitraries.oneOf(Arbitraries.just(""), digits.map(d -> "." + d));
        Arbitrary<String> exponent = Arbitraries.oneOf(Arbitraries.just(""), Arbitraries.just(""),
                Arbitraries.integers().between(-30, 30).map(e -> "e" + e), Arbitraries.integers().between(0, 9).map(e -> "E+" + e));
        return Combinators.combine(sign, digits, fraction, exponent).as((s, d, f, e) -> s + d + f + e);
    }

    @Property
    void numbersAndTextsAreReadAsTheLocatedReaderReadsThem(@ForAll("numbers") String score,
            @ForAll("numbers") String fact, @ForAll("numbers") String reading, @ForAll String note,
            @ForAll String organisation, @ForAll boolean escapeAll, @ForAll @IntRange(min = 0, max = 99) int line) {
        String rich = RICH.replace("\"score\":1.25", "\"score\":" + score)
                .replace("\"surveyScore\":87.5", "\"surveyScore\":" + fact)
                .replace("\"r2\":3", "\"r2\":" + reading)
                .replace("\"note\":\"ok\\n\\u00e9\\ud83d\\ude00\"", "\"note\":" + json(note, escapeAll))
                .replace("\"organisation\":\"Acme 售后 \\\"Ltd\\\"\"", "\"organisation\":" + json(organisation, escapeAll));
        boolean read = ReadersAgree.check(bytes(rich), "book.ndjson", line);
        boolean regular = Stream.of(score, fact, reading).allMatch(DirectJsonReaderTest::regularNumber)
                && !note.isBlank() && !organisation.isBlank();
        assertEquals(regular, read, rich);
    }

    /** What JSON allows, within the range. */
    private static boolean regularNumber(String n) {
        String digits = n.startsWith("-") ? n.substring(1) : n;
        if (digits.length() > 1 && digits.startsWith("0") && !digits.startsWith("0.") && !digits.startsWith("0e")
                && !digits.startsWith("0E")) {
            return false;
        }
        return io.github.aftersales.core.json.DecimalRange.fits(new BigDecimal(n));
    }

    /** A JSON string for {@code s}: as Jackson writes it, or every character past ASCII as a {@code \\u} escape. */
    private static String json(String s, boolean escapeAll) {
        if (!escapeAll) {
            try {
                return new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(s);
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                throw new AssertionError(e);
            }
        }
        StringBuilder b = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            if (c < 0x20 || c > 0x7e || c == '"' || c == '\\') {
                b.append(String.format("\\u%04x", (int) c));
            } else {
                b.append(c);
            }
        }
        return b.append('"').toString();
    }

    private static int indexOf(byte[] b, byte x) {
        for (int i = 0; i < b.length; i++) {
            if (b[i] == x) {
                return i;
            }
        }
        return -1;
    }

    static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}

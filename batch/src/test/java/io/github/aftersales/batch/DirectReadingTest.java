package io.github.aftersales.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.aftersales.core.assessment.Assessment;
import io.github.aftersales.core.assessment.AssessmentReader;
import io.github.aftersales.core.assessment.ReadersAgree;
import io.github.aftersales.core.json.LocatedException;
import io.github.aftersales.core.json.LocatedReader;
import io.github.aftersales.core.registry.SchemeRegistry;
import io.github.aftersales.spi.Scheme;
import io.github.aftersales.spi.Variant;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/**
 * NDJSON lines are read straight from the parser's tokens ({@code DirectJsonReader}): generated forms of every
 * variant of every bundled scheme are read so, as the located reader reads them, and the batch reader hands on
 * exactly what the located reader reads, line numbers included.
 */
class DirectReadingTest {

    private static final SchemeRegistry SCHEMES = SchemeRegistry.discover(DirectReadingTest.class.getClassLoader());

    /** Every variant of every scheme installed: GB/T 27922's form and annexes, ZG025, its combined grade, CQM. */
    @Provide
    Arbitrary<Variant> variants() {
        List<Variant> all = new ArrayList<>();
        for (String id : SCHEMES.ids()) {
            all.addAll(SCHEMES.find(id).orElseThrow().variants());
        }
        return Arbitraries.of(all);
    }

    @Test
    void everyBundledSchemeIsThere() {
        assertTrue(SCHEMES.ids().containsAll(List.of("gbt27922", "zg025", "zg025-combined", "cqm")), SCHEMES.ids()::toString);
        assertTrue(SCHEMES.find("gbt27922").orElseThrow().variant("annex-b").isPresent());
    }

    @Property(tries = 200)
    void aGeneratedFormIsReadDirectlyAsTheLocatedReaderReadsIt(@ForAll("variants") Variant variant, @ForAll long seed,
            @ForAll @IntRange(min = 0, max = 100_000) int line) {
        Scheme scheme = schemeOf(variant);
        Generator generator = new Generator(scheme, variant, SCHEMES::find, seed);
        for (int i = 0; i < 3; i++) {
            byte[] form = generator.next().toString().getBytes(StandardCharsets.UTF_8);
            assertTrue(ReadersAgree.check(form, "book.ndjson", line + i), () -> "not read directly: "
                    + new String(form, StandardCharsets.UTF_8));
        }
    }

    @Test
    void theBatchReaderHandsOnWhatTheLocatedReaderReadsLineByLine() throws Exception {
        ByteArrayOutputStream book = new ByteArrayOutputStream();
        List<byte[]> lines = new ArrayList<>();
        long seed = 7;
        for (String id : List.of("gbt27922", "zg025", "zg025-combined", "cqm")) {
            Scheme s = SCHEMES.find(id).orElseThrow();
            Generator g = new Generator(s, s.defaultVariant(), SCHEMES::find, seed++);
            for (int i = 0; i < 5; i++) {
                lines.add(g.next().toString().getBytes(StandardCharsets.UTF_8));
            }
        }
        // a line the direct reader leaves to the located one, and one the located one refuses
        lines.add(new String(lines.get(0), StandardCharsets.UTF_8).replace("\"date\":", "\"date\":1e1,\"x\":")
                .getBytes(StandardCharsets.UTF_8));
        lines.add(new String(lines.get(1), StandardCharsets.UTF_8).replaceFirst("\"result\":\"conform\"", "\"score\":1e2")
                .getBytes(StandardCharsets.UTF_8));
        for (byte[] l : lines) {
            book.write(l);
            book.write("\n\n".getBytes(StandardCharsets.UTF_8)); // blank lines count
        }
        List<String> read = new ArrayList<>();
        BatchReader.read(List.of("-"), new ByteArrayInputStream(book.toByteArray()), entry -> {
            try {
                read.add(ReadersAgree.describe(entry.assessment()));
            } catch (LocatedException e) {
                read.add(e.getMessage());
            }
        });
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            try {
                Assessment a = AssessmentReader.read(new ByteArrayInputStream(lines.get(i)), "<stdin>",
                        LocatedReader.Syntax.JSON, 1 + 2 * i);
                expected.add(ReadersAgree.describe(a));
            } catch (LocatedException e) {
                expected.add(e.getMessage());
            }
        }
        assertEquals(expected, read);
        assertTrue(read.get(read.size() - 2).startsWith("<stdin>:41:"), read.get(read.size() - 2));
        assertTrue(read.get(read.size() - 1).contains("score=decimal(1E2)") && read.get(read.size() - 1).endsWith("line=Integer:43, )"),
                read.get(read.size() - 1));
    }

    private static Scheme schemeOf(Variant variant) {
        for (String id : SCHEMES.ids()) {
            Scheme s = SCHEMES.find(id).orElseThrow();
            if (s.variants().contains(variant)) {
                return s;
            }
        }
        throw new IllegalArgumentException(variant.id());
    }
}

package io.github.aftersales.core.evaluation;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/** The hand-written date reading gives what {@link LocalDate#parse} gives, dates and errors alike. */
class IsoDatesTest {

    @Property(tries = 2000)
    void readsEveryDateAsTheJdkDoes(@ForAll @IntRange(min = 0, max = 9999) int year,
            @ForAll @IntRange(min = 0, max = 13) int month, @ForAll @IntRange(min = 0, max = 32) int day) {
        assertSame(String.format("%04d-%02d-%02d", year, month, day));
    }

    @Property(tries = 2000)
    void treatsAnyOtherTextAsTheJdkDoes(@ForAll("dateLike") String text) {
        assertSame(text);
    }

    @Example
    void leapDays() {
        assertEquals(LocalDate.of(2024, 2, 29), IsoDates.parse("2024-02-29"));
        assertSame("2023-02-29");
        assertSame("1900-02-29");
        assertSame("2000-02-29");
    }

    @Provide
    Arbitrary<String> dateLike() {
        return Arbitraries.strings().withChars("0123456789-+ /T:x").ofMinLength(0).ofMaxLength(12);
    }

    /** Both read the same date, or both refuse. */
    private static void assertSame(String text) {
        String expected;
        try {
            expected = LocalDate.parse(text).toString();
        } catch (DateTimeParseException e) {
            expected = "refused";
        }
        String actual;
        try {
            actual = IsoDates.parse(text).toString();
        } catch (DateTimeParseException e) {
            actual = "refused";
        }
        assertEquals(expected, actual, text);
    }
}

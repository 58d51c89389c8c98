package io.github.aftersales.core.evaluation;

import java.time.LocalDate;
import java.time.Year;

/**
 * Dates as YYYY-MM-DD, the one form facts take. A valid date of exactly that form is read by hand
 * (the JDK's formatter was a twentieth of evaluating a book, each fact being read by several
 * checks); anything else goes to {@link LocalDate#parse}, so errors are the JDK's own.
 */
final class IsoDates {

    private IsoDates() {
    }

    /** The date {@code text} spells, as {@link LocalDate#parse} reads it (and throws). */
    static LocalDate parse(Object value) {
        String text = value.toString();
        if (text.length() == 10 && text.charAt(4) == '-' && text.charAt(7) == '-') {
            int year = digits(text, 0, 4);
            int month = digits(text, 5, 7);
            int day = digits(text, 8, 10);
            if (year >= 0 && month >= 1 && month <= 12 && day >= 1
                    && day <= java.time.Month.of(month).length(Year.isLeap(year))) {
                return LocalDate.of(year, month, day);
            }
        }
        return LocalDate.parse(text);
    }

    /** The number the ASCII digits in {@code [from, to)} spell, or -1 when one is not a digit. */
    private static int digits(String text, int from, int to) {
        int n = 0;
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            n = n * 10 + (c - '0');
        }
        return n;
    }
}

package io.github.aftersales.records;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/**
 * Date-times of an export as seconds on one local clock (all times of an export are taken in one zone,
 * as written; China keeps no summer time), and dates as day numbers. The documented forms are read
 * by hand, fast: {@code 2026-03-02 09:15}, with {@code T} for the space, {@code /} for the dashes,
 * one-digit months, days and hours, and optional seconds. A mapping's {@code dateTimeFormat} is read
 * with {@link DateTimeFormatter}.
 */
final class Times {

    /** Not a date-time: parsers return this. */
    static final long INVALID = Long.MIN_VALUE;

    private Times() {
    }

    /** Seconds since 1970-01-01 00:00 on the export's clock, or {@link #INVALID}. */
    static long dateTime(String s, DateTimeFormatter format) {
        if (format != null) {
            try {
                LocalDateTime t = LocalDateTime.parse(s, format);
                // the years the documented forms take, so every figure has its month
                return t.getYear() < 1900 || t.getYear() > 2100 ? INVALID : t.toEpochSecond(ZoneOffset.UTC);
            } catch (DateTimeParseException e) {
                return INVALID;
            }
        }
        int n = s.length();
        int[] at = {0};
        long day = date(s, at);
        if (day == INVALID) {
            return INVALID;
        }
        int i = at[0];
        if (i >= n || (s.charAt(i) != ' ' && s.charAt(i) != 'T')) {
            return INVALID;
        }
        i++;
        int hour = 0;
        int digits = 0;
        while (i < n && digits < 2 && isDigit(s.charAt(i))) {
            hour = hour * 10 + s.charAt(i++) - '0';
            digits++;
        }
        if (digits == 0 || hour > 23 || i >= n || s.charAt(i) != ':') {
            return INVALID;
        }
        i++;
        if (i + 2 > n || !isDigit(s.charAt(i)) || !isDigit(s.charAt(i + 1))) {
            return INVALID;
        }
        int minute = (s.charAt(i) - '0') * 10 + s.charAt(i + 1) - '0';
        i += 2;
        int second = 0;
        if (i < n && s.charAt(i) == ':') {
            if (i + 3 != n || !isDigit(s.charAt(i + 1)) || !isDigit(s.charAt(i + 2))) {
                return INVALID;
            }
            second = (s.charAt(i + 1) - '0') * 10 + s.charAt(i + 2) - '0';
            i += 3;
        }
        if (i != n || minute > 59 || second > 59) {
            return INVALID;
        }
        return day * 86_400L + hour * 3600L + minute * 60L + second;
    }

    /** The day number (days since 1970-01-01) of a date, or of a date-time's date; {@link #INVALID} if neither. */
    static long day(String s, DateTimeFormatter format) {
        int[] at = {0};
        long day = date(s, at);
        if (day != INVALID && at[0] == s.length()) {
            return day;
        }
        long t = dateTime(s, format);
        return t == INVALID ? INVALID : Math.floorDiv(t, 86_400L);
    }

    /** Reads {@code yyyy-M-d} (or with slashes) from the start; {@code at[0]} is left after it. */
    private static long date(String s, int[] at) {
        int n = s.length();
        if (n < 8) {
            return INVALID;
        }
        for (int k = 0; k < 4; k++) {
            if (!isDigit(s.charAt(k))) {
                return INVALID;
            }
        }
        int year = Integer.parseInt(s, 0, 4, 10);
        char sep = s.charAt(4);
        if (sep != '-' && sep != '/') {
            return INVALID;
        }
        int i = 5;
        int month = 0;
        int digits = 0;
        while (i < n && digits < 2 && isDigit(s.charAt(i))) {
            month = month * 10 + s.charAt(i++) - '0';
            digits++;
        }
        if (digits == 0 || i >= n || s.charAt(i) != sep) {
            return INVALID;
        }
        i++;
        int dayOfMonth = 0;
        digits = 0;
        while (i < n && digits < 2 && isDigit(s.charAt(i))) {
            dayOfMonth = dayOfMonth * 10 + s.charAt(i++) - '0';
            digits++;
        }
        if (digits == 0 || year < 1900 || year > 2100 || month < 1 || month > 12 || dayOfMonth < 1
                || dayOfMonth > lengthOfMonth(year, month)) {
            return INVALID;
        }
        at[0] = i;
        return daysFromCivil(year, month, dayOfMonth);
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static int lengthOfMonth(int year, int month) {
        return switch (month) {
            case 2 -> (year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)) ? 29 : 28;
            case 4, 6, 9, 11 -> 30;
            default -> 31;
        };
    }

    /** Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's days_from_civil). */
    static long daysFromCivil(int y, int m, int d) {
        y -= m <= 2 ? 1 : 0;
        int era = (y >= 0 ? y : y - 399) / 400;
        int yoe = y - era * 400;
        int doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
        int doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        return era * 146_097L + doe - 719_468L;
    }

    /** A month as a number: year × 12 + month − 1. */
    static int month(long epochSecond) {
        return monthOfDay(Math.floorDiv(epochSecond, 86_400L));
    }

    /** The month (year × 12 + month − 1) of a day number (H. Hinnant's civil_from_days). */
    static int monthOfDay(long day) {
        long z = day + 719_468;
        long era = (z >= 0 ? z : z - 146_096) / 146_097;
        long doe = z - era * 146_097;
        long yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        long y = yoe + era * 400;
        long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        long mp = (5 * doy + 2) / 153;
        long m = mp < 10 ? mp + 3 : mp - 9;
        return (int) ((m <= 2 ? y + 1 : y) * 12 + m - 1);
    }

    static String monthText(int month) {
        int m = month % 12 + 1;
        return (month / 12) + (m < 10 ? "-0" : "-") + m;
    }

    static String dateText(long day) {
        return LocalDate.ofEpochDay(day).toString();
    }

    static String dateTimeText(long epochSecond) {
        return LocalDateTime.ofEpochSecond(epochSecond, 0, ZoneOffset.UTC).toString().replace('T', ' ');
    }
}

package io.touchpoint.events.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.Year;

/**
 * Reads the date-times clients send nearly always, {@code 2026-05-01T10:00:00.123Z} or with an
 * offset such as {@code +09:00}, without {@link java.time.format.DateTimeFormatter}, which costs
 * more than a whole event's other checks on the receiving thread. Anything else (lower-case
 * letters, no seconds, an offset with seconds, a year beyond four digits, an impossible date)
 * is left to {@link java.time.OffsetDateTime#parse}: this accepts a strict subset of what that
 * accepts, and reads it to the same instant.
 */
final class IsoTimes {

    private IsoTimes() {}

    /** The instant, or null when the text is not in the common form (it may still be valid ISO-8601). */
    static Instant parseCommon(String text) {
        int n = text.length();
        if (n < 20
                || text.charAt(4) != '-'
                || text.charAt(7) != '-'
                || text.charAt(10) != 'T'
                || text.charAt(13) != ':'
                || text.charAt(16) != ':') {
            return null;
        }
        int year = digits(text, 0, 4);
        int month = digits(text, 5, 2);
        int day = digits(text, 8, 2);
        int hour = digits(text, 11, 2);
        int minute = digits(text, 14, 2);
        int second = digits(text, 17, 2);
        if (year < 0
                || month < 1
                || month > 12
                || day < 1
                || hour < 0
                || hour > 23
                || minute < 0
                || minute > 59
                || second < 0
                || second > 59) {
            return null;
        }
        if (day > java.time.Month.of(month).length(Year.isLeap(year))) {
            return null;
        }
        int i = 19;
        int nanos = 0;
        if (text.charAt(i) == '.') {
            int start = ++i;
            while (i < n && i - start < 9 && isDigit(text.charAt(i))) {
                nanos = nanos * 10 + (text.charAt(i) - '0');
                i++;
            }
            int count = i - start;
            if (count == 0 || (i < n && isDigit(text.charAt(i)))) {
                return null;
            }
            for (int k = count; k < 9; k++) {
                nanos *= 10;
            }
        }
        int offsetSeconds;
        if (i == n - 1 && text.charAt(i) == 'Z') {
            offsetSeconds = 0;
        } else if (i == n - 6 && (text.charAt(i) == '+' || text.charAt(i) == '-') && text.charAt(i + 3) == ':') {
            int offsetHours = digits(text, i + 1, 2);
            int offsetMinutes = digits(text, i + 4, 2);
            if (offsetHours < 0
                    || offsetMinutes < 0
                    || offsetMinutes > 59
                    || offsetHours > 18
                    || (offsetHours == 18 && offsetMinutes > 0)) {
                return null;
            }
            offsetSeconds = (offsetHours * 3600 + offsetMinutes * 60) * (text.charAt(i) == '-' ? -1 : 1);
        } else {
            return null;
        }
        long epochDay = LocalDate.of(year, month, day).toEpochDay();
        long seconds = epochDay * 86_400 + hour * 3600L + minute * 60L + second - offsetSeconds;
        return Instant.ofEpochSecond(seconds, nanos);
    }

    /** The number written by {@code count} ASCII digits at {@code from}, or -1. */
    private static int digits(String text, int from, int count) {
        int value = 0;
        for (int i = from; i < from + count; i++) {
            char c = text.charAt(i);
            if (!isDigit(c)) {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }
}

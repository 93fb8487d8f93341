package io.touchpoint.platform;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;

/**
 * Optional request parameters as typed into a URL or a form: blank means "not given", anything
 * else must parse or the request is refused naming the parameter.
 */
public final class Params {

    private Params() {}

    /** A day such as 2026-11-01, or null when blank. */
    public static LocalDate date(String value, String field) {
        if (blank(value)) {
            return null;
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw new InvalidInputException(field, "must be a date such as 2026-11-01");
        }
    }

    /** A whole number, or null when blank. */
    public static Integer integer(String value, String field) {
        if (blank(value)) {
            return null;
        }
        try {
            return Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            throw new InvalidInputException(field, "must be a whole number");
        }
    }

    public static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}

package io.touchpoint.customers;

import java.util.Locale;

/** The kinds of identifier a profile can be found by, each with its normal form. */
public enum IdentityKind {
    USER_ID,
    ANONYMOUS_ID,
    EMAIL,
    PHONE;

    /** The stored form: trimmed; emails lower-cased; phones reduced to digits with a leading + kept. */
    public String normalize(String raw) {
        if (raw == null) {
            return null;
        }
        String value = raw.trim();
        if (value.isEmpty()) {
            return null;
        }
        return switch (this) {
            case EMAIL -> value.toLowerCase(Locale.ROOT);
            case PHONE -> normalizePhone(value);
            default -> value;
        };
    }

    private static String normalizePhone(String value) {
        String digits = value.replaceAll("[^0-9]", "");
        if (digits.length() < 6) {
            return null;
        }
        if (value.startsWith("+")) {
            return "+" + digits;
        }
        if (digits.startsWith("82") && digits.length() >= 11) {
            return "+" + digits;
        }
        if (digits.startsWith("0")) {
            // Korean domestic format (010-1234-5678): the country code replaces the trunk 0
            return "+82" + digits.substring(1);
        }
        return digits;
    }
}

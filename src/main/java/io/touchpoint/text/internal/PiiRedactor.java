package io.touchpoint.text.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Replaces personal data in a text with tokens: e-mail addresses ({@code [EMAIL]}), Korean resident
 * registration numbers ({@code [RRN]}), card numbers that pass the Luhn check and start like a
 * card network's ({@code [CARD]}), and phone numbers in Korean and international formats
 * ({@code [PHONE]}). Order numbers, prices and dates are left alone: the patterns ask for the
 * shapes of phone numbers (a Korean prefix such as 010 or 02, or a leading +) rather than any run
 * of digits.
 */
public final class PiiRedactor {

    public static final String EMAIL = "[EMAIL]";
    public static final String PHONE = "[PHONE]";
    public static final String CARD = "[CARD]";
    public static final String RRN = "[RRN]";

    private static final Pattern EMAIL_PATTERN = Pattern.compile(
            "(?<![\\w.%+-])[A-Za-z0-9][A-Za-z0-9._%+-]{0,63}@[A-Za-z0-9](?:[A-Za-z0-9-]{0,62}[A-Za-z0-9])?"
                    + "(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,62}[A-Za-z0-9])?)*\\.[A-Za-z]{2,24}(?![A-Za-z0-9-])");

    /** YYMMDD-GNNNNNN, G = 1–8 (century and sex; 5–8 for registered foreigners). */
    private static final Pattern RRN_PATTERN = Pattern.compile(
            "(?<![\\d-])(\\d{2})(0[1-9]|1[0-2])(0[1-9]|[12]\\d|3[01])\\s?[-–]\\s?[1-8]\\d{6}(?![\\d-])");

    /** 13 to 19 digits, in groups separated by single spaces or dashes. */
    private static final Pattern CARD_PATTERN = Pattern.compile("(?<![\\d-])\\d(?:[ -]?\\d){12,18}(?![\\d-])");

    private static final Pattern PHONE_PATTERN = Pattern.compile(String.join(
            "|",
            // international: +country code, then 6–14 more digits in groups (spaces, dashes, dots, parentheses)
            "(?<![\\w+])\\+\\d{1,3}(?:[ .-]?\\(?0?\\d{1,4}\\)?){1,2}(?:[ .-]?\\d{2,4}){1,4}(?![\\d])",
            // Korean mobile: 010-1234-5678, 010 1234 5678, 01012345678, 011-123-4567
            "(?<![\\d.-])01[016789][ .-]?\\d{3,4}[ .-]?\\d{4}(?![\\d-])",
            // Korean landline and internet phones: 02-123-4567, (031) 123-4567, 070-1234-5678, 0505-123-4567
            "(?<![\\d.-])\\(?0(?:2|[3-6][1-5]|70|50\\d?)\\)?[ .-]?\\d{3,4}[ .-]\\d{4}(?![\\d-])",
            // North American without +1: (415) 555-0100, 415-555-0100
            "(?<![\\d.-])\\(\\d{3}\\)\\s?\\d{3}-\\d{4}(?![\\d-])",
            "(?<![\\d.-])[2-9]\\d{2}-[2-9]\\d{2}-\\d{4}(?![\\d-])"));

    private PiiRedactor() {}

    public static String redact(String text) {
        String result = text.indexOf('@') >= 0 ? EMAIL_PATTERN.matcher(text).replaceAll(EMAIL) : text;
        // every number redacted here has at least eight digits: most comments have none
        if (result.chars().filter(c -> c >= '0' && c <= '9').count() < 8) {
            return result;
        }
        result = replaceResidentNumbers(result);
        result = replaceCards(result);
        return replacePhones(result);
    }

    private static String replaceResidentNumbers(String text) {
        Matcher m = RRN_PATTERN.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, isBirthDate(m) ? Matcher.quoteReplacement(RRN) : "$0");
        }
        m.appendTail(out);
        return out.toString();
    }

    /** The first six digits are a real date in the century the seventh digit names (1, 2, 5, 6: 1900s). */
    private static boolean isBirthDate(Matcher m) {
        char code = m.group().charAt(m.group().length() - 7);
        int century = "1256".indexOf(code) >= 0 ? 1900 : 2000;
        try {
            java.time.LocalDate.of(
                    century + Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)));
            return true;
        } catch (java.time.DateTimeException e) {
            return false;
        }
    }

    private static String replaceCards(String text) {
        Matcher m = CARD_PATTERN.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String digits = m.group().replaceAll("[ -]", "");
            m.appendReplacement(out, isCardNumber(digits) ? Matcher.quoteReplacement(CARD) : "$0");
        }
        m.appendTail(out);
        return out.toString();
    }

    private static String replacePhones(String text) {
        Matcher m = PHONE_PATTERN.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            int digits = (int) m.group().chars().filter(Character::isDigit).count();
            boolean plausible = digits >= 8 && digits <= 15;
            m.appendReplacement(out, plausible ? Matcher.quoteReplacement(PHONE) : "$0");
        }
        m.appendTail(out);
        return out.toString();
    }

    /** Starts like Visa, Mastercard, Amex, Diners, JCB, Discover, UnionPay or a Korean domestic card, and passes Luhn. */
    static boolean isCardNumber(String digits) {
        int length = digits.length();
        if (length < 13 || length > 19 || !luhn(digits)) {
            return false;
        }
        int two = Integer.parseInt(digits.substring(0, 2));
        int four = Integer.parseInt(digits.substring(0, 4));
        return digits.charAt(0) == '4'
                || (two >= 51 && two <= 55)
                || (four >= 2221 && four <= 2720)
                || two == 34
                || two == 37
                || two == 36
                || (two == 30 && four <= 3059)
                || two == 35
                || four == 6011
                || two == 65
                || (four >= 6440 && four <= 6499)
                || two == 62
                || (digits.charAt(0) == '9' && length == 16);
    }

    static boolean luhn(String digits) {
        int sum = 0;
        boolean twice = false;
        for (int i = digits.length() - 1; i >= 0; i--) {
            int d = digits.charAt(i) - '0';
            if (twice) {
                d *= 2;
                if (d > 9) {
                    d -= 9;
                }
            }
            sum += d;
            twice = !twice;
        }
        return sum % 10 == 0;
    }

    /** The kinds of personal data found, for tests and logs. */
    static List<String> kinds(String redacted) {
        List<String> kinds = new ArrayList<>();
        for (String token : List.of(EMAIL, PHONE, CARD, RRN)) {
            if (redacted.contains(token)) {
                kinds.add(token);
            }
        }
        return kinds;
    }
}

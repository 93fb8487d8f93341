package io.touchpoint.text.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Splits a comment into clauses where praise and complaint tend to meet: after sentence
 * punctuation and line breaks, after a Korean word ending in a contrastive or background connective
 * (늦었지만, 좋았는데, 괜찮은데), and before a connective word (하지만, 그런데, 근데, 그러나, but,
 * however, although, though).
 */
public final class ClauseSplitter {

    /** A clause and where it stands in the comment. */
    public record Clause(String text, int start, int end) {}

    private static final Pattern BOUNDARY = Pattern.compile(
            // every boundary stands before a space or line break, at the end, or after a space or comma:
            // checking that first keeps the matcher fast
            "(?:(?=[\\s\\u0085\\u2028\\u2029]|$)|(?<=[\\s,，;]))(?:"
                    + String.join(
                            "|",
                            // after sentence punctuation (one or more) followed by space or the end, or a line break
                            "(?<=[.!?;…。！？])(?=\\s|$)",
                            "(?=\\R)",
                            // after a Korean word that ends in a connective, before the space (a comma may sit between)
                            "(?<=[가-힣](?:지만|는데|은데|인데|던데|으나|데도|더니)[,，]?)(?<!(?:^|[\\s,，])(?:하지만|그렇지만)[,，]?)(?=\\s)",
                            // before a connective word
                            "(?<=[\\s,，])(?=(?:하지만|그렇지만|그런데|근데|그러나|그래도|그치만|반면에?)(?:[\\s,，]|$))",
                            "(?i)(?<=[\\s,;])(?=(?:but|however|although|though|whereas)\\b)")
                    + ")");

    private static final Pattern TRAILING_CONNECTIVE = Pattern.compile("(?<=[가-힣])(?:지만|는데|은데|인데|던데|으나|데도|더니)[,，]?$");

    /** Punctuation (P), symbols (S) and what {@code \\s} matches: a clause of these alone has no words. */
    private static final int WORDLESS_TYPES = 1 << Character.CONNECTOR_PUNCTUATION
            | 1 << Character.DASH_PUNCTUATION
            | 1 << Character.START_PUNCTUATION
            | 1 << Character.END_PUNCTUATION
            | 1 << Character.INITIAL_QUOTE_PUNCTUATION
            | 1 << Character.FINAL_QUOTE_PUNCTUATION
            | 1 << Character.OTHER_PUNCTUATION
            | 1 << Character.MATH_SYMBOL
            | 1 << Character.CURRENCY_SYMBOL
            | 1 << Character.MODIFIER_SYMBOL
            | 1 << Character.OTHER_SYMBOL;

    private ClauseSplitter() {}

    public static List<Clause> split(String text) {
        List<Clause> clauses = new ArrayList<>();
        Matcher m = BOUNDARY.matcher(text).useTransparentBounds(true).useAnchoringBounds(false);
        int from = 0;
        for (int i = 1; i <= text.length(); i++) {
            // only positions next to a space, a line break, a comma or the end can be boundaries
            boolean candidate = i == text.length()
                    || Character.isWhitespace(text.charAt(i))
                    || Character.isSpaceChar(text.charAt(i))
                    || ",，;".indexOf(text.charAt(i - 1)) >= 0
                    || Character.isWhitespace(text.charAt(i - 1));
            if (candidate
                    && i > from
                    && (i == text.length() || mayMatch(text, i))
                    && m.region(i, text.length()).lookingAt()) {
                add(text, from, i, clauses);
                from = i;
            }
        }
        add(text, from, text.length(), clauses);
        return clauses;
    }

    /**
     * Whether {@link #BOUNDARY} can match before position {@code i} (0 &lt; i &lt; length), judged by
     * the characters on either side: the last character of each alternative's lookbehind and the
     * first of its lookahead. The regex runs only where this holds; the answer stays the regex's.
     */
    private static boolean mayMatch(String text, int i) {
        char previous = text.charAt(i - 1);
        char next = text.charAt(i);
        if (LINE_BREAKS.indexOf(next) >= 0) {
            return true;
        }
        if (REGEX_SPACES.indexOf(next) >= 0) {
            // after sentence punctuation, or after a connective ending (…지만, …는데, …으나, …데도, …더니) or its comma
            return ".!?;…。！？,，만데나도니".indexOf(previous) >= 0;
        }
        if (REGEX_SPACES.indexOf(previous) >= 0 || ",，;".indexOf(previous) >= 0) {
            // before a connective word: 하지만, 그런데, 근데, 반면 … but, however, although, though, whereas
            return "하그근반bhatwBHATW".indexOf(next) >= 0;
        }
        return false;
    }

    /** What {@code \s} matches in a Java regex without UNICODE_CHARACTER_CLASS. */
    private static final String REGEX_SPACES = " \t\n\u000B\f\r";

    /** What {@code \R} can start with. */
    private static final String LINE_BREAKS = "\n\u000B\f\r\u0085\u2028\u2029";

    /**
     * The clause without the Korean connective ending that closes it (늦었지만 → 늦었), for scoring:
     * the ending belongs to the link between clauses, not to the opinion of this one.
     */
    public static String withoutConnective(String clause) {
        return TRAILING_CONNECTIVE.matcher(clause).replaceFirst("");
    }

    private static void add(String text, int from, int to, List<Clause> clauses) {
        int start = from;
        int end = to;
        while (start < end && Character.isWhitespace(text.charAt(start))) {
            start++;
        }
        while (end > start && Character.isWhitespace(text.charAt(end - 1))) {
            end--;
        }
        if (start < end && !wordless(text, start, end)) {
            clauses.add(new Clause(text.substring(start, end), start, end));
        } else if (start < end && !clauses.isEmpty()) {
            // punctuation or emoji alone joins the clause before it
            Clause last = clauses.remove(clauses.size() - 1);
            clauses.add(new Clause(text.substring(last.start(), end), last.start(), end));
        }
    }

    /** Whether the text between the two indices is only punctuation, symbols and spaces (emoji are symbols). */
    static boolean wordless(String text, int from, int to) {
        for (int i = from; i < to; ) {
            int cp = text.codePointAt(i);
            if (i + Character.charCount(cp) > to) {
                cp = text.charAt(i);
            }
            if ((WORDLESS_TYPES >> Character.getType(cp) & 1) == 0 && REGEX_SPACES.indexOf(cp) < 0) {
                return false;
            }
            i += Character.charCount(cp);
        }
        return true;
    }
}

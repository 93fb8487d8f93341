package io.touchpoint.text.internal;

/**
 * A text as the sentiment features see it (lower case, runs of one character cut to two,
 * whitespace collapsed, trimmed), with, for each of its characters, the index of the character of
 * the original text it comes from, so that a clause of the original can be found in it.
 */
record Normalised(String text, int[] origin) {

    static Normalised of(String input) {
        // lower case and cut runs, code point by code point
        StringBuilder cut = new StringBuilder(input.length());
        int[] cutOrigin = new int[input.length() + 1];
        int previous = -1;
        int run = 0;
        for (int i = 0; i < input.length(); ) {
            int cp = Character.toLowerCase(input.codePointAt(i));
            int width = Character.charCount(input.codePointAt(i));
            run = cp == previous && !lineTerminator(cp) ? run + 1 : 1;
            previous = cp;
            if (run <= 2) {
                for (int k = 0; k < Character.charCount(cp); k++) {
                    cutOrigin[cut.length() + k] = i;
                }
                cut.appendCodePoint(cp);
            }
            i += width;
        }
        // collapse whitespace and trim
        StringBuilder out = new StringBuilder(cut.length());
        int[] origin = new int[cut.length() + 1];
        boolean space = false;
        for (int i = 0; i < cut.length(); i++) {
            char c = cut.charAt(i);
            if (c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r') {
                space = true;
                continue;
            }
            if (space && out.length() > 0) {
                origin[out.length()] = cutOrigin[i - 1];
                out.append(' ');
            }
            space = false;
            if (c <= ' ' && out.length() == 0) {
                continue;
            }
            origin[out.length()] = cutOrigin[i];
            out.append(c);
        }
        int end = out.length();
        while (end > 0 && out.charAt(end - 1) <= ' ') {
            end--;
        }
        int[] trimmed = new int[end];
        System.arraycopy(origin, 0, trimmed, 0, end);
        return new Normalised(out.substring(0, end), trimmed);
    }

    /** The index of the first normalised character that comes from {@code originalIndex} or later. */
    int indexAtOrAfter(int originalIndex) {
        for (int i = 0; i < origin.length; i++) {
            if (origin[i] >= originalIndex) {
                return i;
            }
        }
        return text.length();
    }

    private static boolean lineTerminator(int cp) {
        return cp == '\n' || cp == '\r' || cp == 0x85 || cp == 0x2028 || cp == 0x2029;
    }
}

package io.touchpoint.text.internal;

/**
 * Tells Korean from English from anything else by the letters a text is written in: Hangul wins
 * when it is at least a quarter of the Hangul and Latin letters (Korean comments often carry
 * English brand and product words); Latin text is English unless many letters carry diacritics
 * (French, German, Vietnamese …). Texts without letters (emoji, numbers) are "other".
 */
public final class LanguageDetector {

    public static final String KOREAN = "ko";
    public static final String ENGLISH = "en";
    public static final String OTHER = "other";

    private LanguageDetector() {}

    public static String detect(String text) {
        int hangul = 0;
        int latin = 0;
        int accented = 0;
        int otherLetters = 0;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            i += Character.charCount(cp);
            if (!Character.isLetter(cp)) {
                continue;
            }
            Character.UnicodeScript script = Character.UnicodeScript.of(cp);
            if (script == Character.UnicodeScript.HANGUL) {
                hangul++;
            } else if (script == Character.UnicodeScript.LATIN) {
                latin++;
                if (cp > 0x7f) {
                    accented++;
                }
            } else {
                otherLetters++;
            }
        }
        int letters = hangul + latin + otherLetters;
        if (letters == 0) {
            return OTHER;
        }
        if (hangul > 0 && hangul * 4 >= hangul + latin && hangul * 2 >= otherLetters) {
            return KOREAN;
        }
        if (latin * 2 > letters && accented * 20 < latin) {
            return ENGLISH;
        }
        return OTHER;
    }
}

package io.touchpoint.text.internal;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns a text into the binary features of the sentiment models: character n-grams of the
 * normalised text, plus words (Nori morphemes for Korean, word tokens otherwise) and word bigrams
 * in which negated words carry a {@code NEG_} mark (안 좋다, 좋지 않다, 재미가 없다, "not good").
 */
public final class SentimentFeatures {

    /** What to extract; the shipped model records the options it was trained with. */
    public record Options(int minCharN, int maxCharN, boolean words, boolean wordBigrams) {
        static final Options DEFAULT = new Options(1, 3, true, true);

        public String describe() {
            return "c" + minCharN + "-" + maxCharN + (words ? "+w" : "") + (wordBigrams ? "+b" : "");
        }

        public static Options parse(String text) {
            Matcher m = Pattern.compile("c(\\d)-(\\d)(\\+w)?(\\+b)?").matcher(text);
            if (!m.matches()) {
                throw new IllegalArgumentException("Unknown feature options: " + text);
            }
            return new Options(
                    Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), m.group(3) != null, m.group(4) != null);
        }
    }

    private static final Pattern ENGLISH_WORD = Pattern.compile("[a-z]+(?:'[a-z]+)?|[.!?;,]");
    private static final Set<String> ENGLISH_NEGATORS =
            Set.of("not", "no", "never", "nothing", "nobody", "none", "neither", "nor", "without", "hardly", "cannot");

    // each feature's hash continues from the hash of its kind's prefix
    private static final long CHAR_GRAM = FeatureHashes.fold(FeatureHashes.START, "c:");
    private static final long WORD = FeatureHashes.fold(FeatureHashes.START, "w:");
    private static final long BIGRAM = FeatureHashes.fold(FeatureHashes.START, "b:");

    private final KoreanMorphology korean;
    private final Options options;

    public SentimentFeatures(KoreanMorphology korean, Options options) {
        this.korean = korean;
        this.options = options;
    }

    Options options() {
        return options;
    }

    /** Lower case, runs of one character cut to two (ㅋㅋㅋㅋ → ㅋㅋ), whitespace collapsed. */
    public static String normalise(String text) {
        return Normalised.of(text).text();
    }

    /** The distinct features of a text, for a model of the given language ("ko" or "en"). */
    public List<String> extract(String text, String language) {
        String normal = normalise(text);
        boolean korean = "ko".equals(language) && (options.words() || options.wordBigrams());
        return extract(normal, korean ? this.korean.analyze(normal) : List.of(), language);
    }

    /** As {@link #extract(String, String)} for a text already normalised and, if Korean, analysed. */
    List<String> extract(String normal, List<Morph> morphs, String language) {
        Set<String> features = new LinkedHashSet<>();
        charGrams(normal, features);
        if (options.words() || options.wordBigrams()) {
            List<String> words = "ko".equals(language) ? koreanWords(morphs) : englishWords(normal);
            for (int i = 0; i < words.size(); i++) {
                if (options.words()) {
                    features.add("w:" + words.get(i));
                }
                if (options.wordBigrams() && i > 0) {
                    features.add("b:" + words.get(i - 1) + "|" + words.get(i));
                }
            }
        }
        return new ArrayList<>(features);
    }

    /**
     * The hashes of what {@link #extract(String, List, String)} lists, in the same order, computed
     * without building the features' text: the sentiment models look features up by hash only.
     */
    void hashes(String normal, List<Morph> morphs, String language, FeatureHashes out) {
        out.clear();
        charGramHashes(normal, out);
        if (!options.words() && !options.wordBigrams()) {
            return;
        }
        if ("ko".equals(language)) {
            koreanWordHashes(morphs, out);
            return;
        }
        List<String> words = englishWords(normal);
        for (int i = 0; i < words.size(); i++) {
            if (options.words()) {
                out.add(FeatureHashes.fold(WORD, words.get(i)));
            }
            if (options.wordBigrams() && i > 0) {
                long h = FeatureHashes.fold(BIGRAM, words.get(i - 1));
                out.add(FeatureHashes.fold(FeatureHashes.fold(h, '|'), words.get(i)));
            }
        }
    }

    private void charGramHashes(String text, FeatureHashes out) {
        int[] cps = out.paddedCodePoints(text);
        int length = out.codePointCount();
        for (int n = options.minCharN(); n <= options.maxCharN(); n++) {
            for (int i = 0; i + n <= length; i++) {
                if (n == 1 && cps[i] == ' ') {
                    continue;
                }
                long h = CHAR_GRAM;
                for (int k = i; k < i + n; k++) {
                    h = FeatureHashes.foldCodePoint(h, cps[k]);
                }
                out.add(h);
            }
        }
    }

    /** As {@link #koreanWords(List)} and the loop over them in {@link #extract(String, List, String)}. */
    private void koreanWordHashes(List<Morph> morphs, FeatureHashes out) {
        boolean[] negated = KoreanNegation.negatedPositions(morphs);
        int previous = -1;
        for (int i = 0; i < morphs.size(); i++) {
            Morph m = morphs.get(i);
            if (m.tag().equals("SP")) {
                continue;
            }
            if (options.words()) {
                out.add(foldKoreanWord(WORD, m, negated[i]));
            }
            if (options.wordBigrams() && previous >= 0) {
                long h = foldKoreanWord(BIGRAM, morphs.get(previous), negated[previous]);
                out.add(foldKoreanWord(FeatureHashes.fold(h, '|'), m, negated[i]));
            }
            previous = i;
        }
    }

    private static long foldKoreanWord(long hash, Morph m, boolean negated) {
        long h = negated ? FeatureHashes.fold(hash, "NEG_") : hash;
        return FeatureHashes.fold(FeatureHashes.fold(FeatureHashes.fold(h, m.term()), '/'), m.tag());
    }

    private void charGrams(String text, Set<String> features) {
        String padded = " " + text + " ";
        int[] cps = padded.codePoints().toArray();
        for (int n = options.minCharN(); n <= options.maxCharN(); n++) {
            for (int i = 0; i + n <= cps.length; i++) {
                if (n == 1 && cps[i] == ' ') {
                    continue;
                }
                features.add("c:" + new String(cps, i, n));
            }
        }
    }

    /** Morphemes as term/tag, with negation marks; punctuation and spaces left out. */
    static List<String> koreanWords(List<Morph> morphs) {
        boolean[] negated = KoreanNegation.negatedPositions(morphs);
        List<String> words = new ArrayList<>(morphs.size());
        for (int i = 0; i < morphs.size(); i++) {
            Morph m = morphs.get(i);
            if (m.tag().equals("SP")) {
                continue;
            }
            words.add((negated[i] ? "NEG_" : "") + m.term() + "/" + m.tag());
        }
        return words;
    }

    static List<String> englishWords(String text) {
        List<String> words = new ArrayList<>();
        Matcher m = ENGLISH_WORD.matcher(text);
        int scope = 0;
        while (m.find()) {
            String word = m.group();
            if (word.length() == 1 && ".!?;,".contains(word)) {
                scope = 0;
                continue;
            }
            if (ENGLISH_NEGATORS.contains(word) || word.endsWith("n't")) {
                words.add(word);
                scope = 3;
                continue;
            }
            words.add(scope > 0 ? "NEG_" + word : word);
            if (scope > 0) {
                scope--;
            }
        }
        return words;
    }
}

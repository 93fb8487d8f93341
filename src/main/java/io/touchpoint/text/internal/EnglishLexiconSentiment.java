package io.touchpoint.text.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * English sentiment from a hand-written lexicon, in the manner of VADER: word and phrase weights
 * summed, a word within three words after a negator counts against its polarity ("not helpful"),
 * intensifiers strengthen the next word, words after "but" count more than those before, and the
 * sum is squashed into −1…1 by s/√(s²+15). There is no English labelled corpus on the machine that
 * built Touchpoint, so this is a documented fallback until a workspace trains its own model.
 */
public final class EnglishLexiconSentiment implements SentimentScorer {

    static final String RESOURCE = "sentiment_lexicon_en.tsv";

    private static final Pattern TOKEN = Pattern.compile("[a-z]+(?:'[a-z]+)?|[.!?;:,]");
    private static final Set<String> NEGATORS = Set.of(
            "not",
            "no",
            "never",
            "nothing",
            "nobody",
            "none",
            "neither",
            "nor",
            "without",
            "hardly",
            "barely",
            "cannot",
            "cant",
            "dont",
            "doesnt",
            "didnt",
            "isnt",
            "wasnt",
            "arent",
            "werent",
            "wont",
            "wouldnt",
            "couldnt",
            "shouldnt",
            "havent",
            "hasnt",
            "hadnt");
    private static final Set<String> INTENSIFIERS = Set.of(
            "very",
            "really",
            "so",
            "extremely",
            "super",
            "totally",
            "absolutely",
            "incredibly",
            "truly",
            "too",
            "completely",
            "highly");
    private static final Set<String> CONTRASTS = Set.of("but", "however", "although", "though");

    private final Map<String, Double> lexicon;

    EnglishLexiconSentiment(Map<String, Double> lexicon) {
        this.lexicon = Map.copyOf(lexicon);
    }

    public static EnglishLexiconSentiment shipped() {
        return new EnglishLexiconSentiment(KoreanLexicon.readWeights(RESOURCE));
    }

    /** The single words of the lexicon: opinion words, not topics. */
    java.util.Set<String> words() {
        return lexicon.keySet().stream().filter(w -> !w.contains(" ")).collect(java.util.stream.Collectors.toSet());
    }

    @Override
    public double neutralBand() {
        return 0.05;
    }

    @Override
    public double score(String text) {
        List<String> tokens = tokens(text);
        int lastContrast = -1;
        for (int i = 0; i < tokens.size(); i++) {
            if (CONTRASTS.contains(tokens.get(i))) {
                lastContrast = i;
            }
        }
        double sum = 0;
        for (int i = 0; i < tokens.size(); ) {
            int length = 0;
            Double weight = null;
            for (int n = Math.min(3, tokens.size() - i); n >= 1 && weight == null; n--) {
                weight = lexicon.get(String.join(" ", tokens.subList(i, i + n)));
                length = n;
            }
            if (weight == null) {
                i++;
                continue;
            }
            double w = weight;
            if (i > 0 && INTENSIFIERS.contains(tokens.get(i - 1))) {
                w *= 1.3;
            }
            if (negated(tokens, i) && !(length > 1 && NEGATORS.contains(tokens.get(i)))) {
                w *= -0.74;
            }
            if (lastContrast >= 0) {
                w *= i < lastContrast ? 0.5 : 1.5;
            }
            sum += w;
            i += length;
        }
        return sum / Math.sqrt(sum * sum + 15);
    }

    private static boolean negated(List<String> tokens, int at) {
        for (int j = at - 1; j >= Math.max(0, at - 3); j--) {
            String t = tokens.get(j);
            if (t.length() == 1 && ".!?;:,".contains(t) || CONTRASTS.contains(t)) {
                return false;
            }
            if (NEGATORS.contains(t) || t.endsWith("n't")) {
                return true;
            }
        }
        return false;
    }

    static List<String> tokens(String text) {
        List<String> tokens = new ArrayList<>();
        Matcher m = TOKEN.matcher(text.toLowerCase(Locale.ROOT).replace('’', '\''));
        while (m.find()) {
            tokens.add(m.group());
        }
        return tokens;
    }
}

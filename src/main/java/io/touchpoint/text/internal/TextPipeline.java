package io.touchpoint.text.internal;

import io.touchpoint.text.ClauseSentiment;
import io.touchpoint.text.Sentiment;
import io.touchpoint.text.TextAnalysis;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * The whole analysis of one comment, in plain Java: clean, redact personal data, detect the
 * language, then on the redacted text only: sentiment of the comment and of its clauses,
 * keyphrases, and themes.
 */
public final class TextPipeline {

    static final int KEYPHRASES = 8;
    private static final Pattern PII_TOKENS = Pattern.compile("\\[(?:EMAIL|PHONE|CARD|RRN)]");

    private final KoreanMorphology korean;
    private final Supplier<? extends SentimentScorer> koreanBase;
    private final EnglishLexiconSentiment englishBase;
    private final ThemeTaxonomy taxonomy;
    private final Set<String> englishOpinionWords;

    public TextPipeline(
            KoreanMorphology korean,
            Supplier<? extends SentimentScorer> koreanBase,
            EnglishLexiconSentiment englishBase,
            ThemeTaxonomy taxonomy) {
        this.korean = korean;
        this.koreanBase = koreanBase;
        this.englishBase = englishBase;
        this.taxonomy = taxonomy;
        this.englishOpinionWords = englishBase.words();
    }

    /** With the shipped dictionary, lexicons and taxonomy, and the given Korean base model. */
    public static TextPipeline shipped(KoreanMorphology korean, Supplier<? extends SentimentScorer> koreanBase) {
        return new TextPipeline(korean, koreanBase, EnglishLexiconSentiment.shipped(), ThemeTaxonomy.shipped());
    }

    /** @param workspaceModels the workspace's own scorers by language, which win over the base ones */
    public TextAnalysis analyze(String text, Map<String, SentimentScorer> workspaceModels) {
        return analyze(text, workspaceModels, taxonomy);
    }

    /** As {@link #analyze(String, Map)}, with the workspace's own theme taxonomy. */
    public TextAnalysis analyze(String text, Map<String, SentimentScorer> workspaceModels, ThemeTaxonomy themes) {
        String clean = clean(text);
        String redacted = PiiRedactor.redact(clean);
        String language = LanguageDetector.detect(withoutPiiTokens(redacted));
        return switch (language) {
            case LanguageDetector.KOREAN -> korean(redacted, scorer(workspaceModels, language), themes);
            case LanguageDetector.ENGLISH -> english(redacted, scorer(workspaceModels, language), themes);
            default -> new TextAnalysis(language, Sentiment.NEUTRAL, 0, List.of(), redacted, List.of(), List.of());
        };
    }

    private SentimentScorer scorer(Map<String, SentimentScorer> workspaceModels, String language) {
        SentimentScorer own = workspaceModels.get(language);
        if (own != null) {
            return own;
        }
        return language.equals(LanguageDetector.KOREAN) ? koreanBase.get() : englishBase;
    }

    private TextAnalysis korean(String redacted, SentimentScorer scorer, ThemeTaxonomy themes) {
        Normalised normalised = Normalised.of(blankPiiTokens(redacted));
        String normal = normalised.text();
        List<Morph> morphs = korean.analyze(normal);
        double score = scorer.score(normal, morphs);
        return new TextAnalysis(
                LanguageDetector.KOREAN,
                scorer.label(score),
                round(score),
                themes.matchKorean(morphs),
                redacted,
                Keyphrases.korean(normal, morphs, KEYPHRASES),
                koreanClauses(redacted, normalised, morphs, scorer, score));
    }

    private TextAnalysis english(String redacted, SentimentScorer scorer, ThemeTaxonomy themes) {
        String plain = withoutPiiTokens(redacted);
        List<EnglishWords.Word> words = EnglishWords.analyze(plain);
        double score = scorer.score(plain);
        return new TextAnalysis(
                LanguageDetector.ENGLISH,
                scorer.label(score),
                round(score),
                themes.matchEnglish(words),
                redacted,
                Keyphrases.english(words, englishOpinionWords, KEYPHRASES),
                clauses(redacted, scorer, score));
    }

    private static List<ClauseSentiment> clauses(String redacted, SentimentScorer scorer, double wholeScore) {
        return clauses(ClauseSplitter.split(redacted), scorer, wholeScore);
    }

    private static List<ClauseSentiment> clauses(
            List<ClauseSplitter.Clause> clauses, SentimentScorer scorer, double wholeScore) {
        if (clauses.size() <= 1) {
            return clauses.stream()
                    .map(c -> new ClauseSentiment(c.text(), scorer.label(wholeScore), round(wholeScore)))
                    .toList();
        }
        List<ClauseSentiment> result = new ArrayList<>(clauses.size());
        for (ClauseSplitter.Clause clause : clauses) {
            double score = scorer.score(withoutPiiTokens(ClauseSplitter.withoutConnective(clause.text())));
            result.add(new ClauseSentiment(clause.text(), scorer.label(score), round(score)));
        }
        return result;
    }

    /**
     * Korean clauses are scored on the morphemes of the whole comment that fall inside them, so
     * that Nori runs once per comment; the connective ending that closes a clause is left out.
     */
    private static List<ClauseSentiment> koreanClauses(
            String redacted, Normalised normalised, List<Morph> morphs, SentimentScorer scorer, double wholeScore) {
        List<ClauseSplitter.Clause> clauses = ClauseSplitter.split(redacted);
        if (clauses.size() <= 1) {
            return clauses(clauses, scorer, wholeScore);
        }
        String normal = normalised.text();
        List<ClauseSentiment> result = new ArrayList<>(clauses.size());
        for (ClauseSplitter.Clause clause : clauses) {
            int from = normalised.indexAtOrAfter(clause.start());
            int to = normalised.indexAtOrAfter(clause.end());
            while (from < to && normal.charAt(from) == ' ') {
                from++;
            }
            while (to > from && normal.charAt(to - 1) == ' ') {
                to--;
            }
            String text = ClauseSplitter.withoutConnective(normal.substring(from, to));
            int start = from;
            int end = from + text.length();
            List<Morph> inside = morphs.stream()
                    .filter(m -> m.start() >= start && m.end() <= end)
                    .toList();
            double score = scorer.score(text, inside);
            result.add(new ClauseSentiment(clause.text(), scorer.label(score), round(score)));
        }
        return result;
    }

    /** PII tokens replaced by as many spaces, so that offsets stay. */
    private static String blankPiiTokens(String text) {
        if (text.indexOf('[') < 0) {
            return text;
        }
        return PII_TOKENS.matcher(text).replaceAll(m -> " ".repeat(m.group().length()));
    }

    private static String withoutPiiTokens(String text) {
        if (text.indexOf('[') < 0) {
            return text;
        }
        return PII_TOKENS.matcher(text).replaceAll(" ");
    }

    /** Unpaired surrogates become U+FFFD and control characters spaces, so that any input is safe. */
    static String clean(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                out.append(c).append(text.charAt(++i));
            } else if (Character.isSurrogate(c)) {
                out.append('\uFFFD');
            } else if (Character.isISOControl(c) && c != '\n' && c != '\t') {
                out.append(' ');
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    private static double round(double score) {
        return Math.round(score * 1000) / 1000.0;
    }
}

package io.touchpoint.text;

import java.util.List;

/**
 * What the text pipeline found in one comment: its language ({@code ko}, {@code en} or
 * {@code other}), sentiment and score (−1…1), themes of the taxonomy, keyphrases, the text with
 * personal data replaced, and the sentiment of each clause.
 */
public record TextAnalysis(
        String language,
        Sentiment sentiment,
        double score,
        List<String> themes,
        String redacted,
        List<String> keyphrases,
        List<ClauseSentiment> clauses) {

    public TextAnalysis {
        themes = List.copyOf(themes);
        keyphrases = List.copyOf(keyphrases);
        clauses = List.copyOf(clauses);
    }
}

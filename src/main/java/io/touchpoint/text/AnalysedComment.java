package io.touchpoint.text;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A survey comment as analysts see it: redacted, with its sentiment, clauses, themes, keyphrases,
 * the response's NPS answer, and the spans of the text that matched each theme (for highlighting).
 */
public record AnalysedComment(
        UUID id,
        UUID responseId,
        String questionId,
        UUID surveyId,
        Instant respondedAt,
        Integer nps,
        String language,
        String redacted,
        Sentiment sentiment,
        double score,
        List<String> themes,
        List<String> keyphrases,
        List<ClauseSentiment> clauses,
        List<Highlight> highlights) {

    /** Characters {@code start} (inclusive) to {@code end} (exclusive) of the redacted text match a theme. */
    public record Highlight(int start, int end, String theme) {}

    public AnalysedComment {
        themes = List.copyOf(themes);
        keyphrases = List.copyOf(keyphrases);
        clauses = List.copyOf(clauses);
        highlights = List.copyOf(highlights);
    }
}

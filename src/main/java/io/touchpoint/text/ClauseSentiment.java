package io.touchpoint.text;

/** The sentiment of one clause of a comment ("배송은 늦었지만" / "품질은 좋아요"), redacted like the comment. */
public record ClauseSentiment(String text, Sentiment sentiment, double score) {}

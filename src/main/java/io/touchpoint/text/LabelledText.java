package io.touchpoint.text;

import java.util.Objects;

/**
 * A comment with the sentiment its author's score implies, to train a workspace's own model. Build
 * it from a score with {@link #fromNps} or {@link #fromScale}; neutral examples are kept for later
 * use but do not train the (binary) model.
 */
public record LabelledText(String text, Sentiment label) {

    public LabelledText {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(label, "label");
    }

    /** NPS 0–6 negative, 7–8 neutral, 9–10 positive. */
    public static LabelledText fromNps(String text, int score) {
        if (score < 0 || score > 10) {
            throw new IllegalArgumentException("NPS score must be 0 to 10: " + score);
        }
        return new LabelledText(
                text, score <= 6 ? Sentiment.NEGATIVE : score <= 8 ? Sentiment.NEUTRAL : Sentiment.POSITIVE);
    }

    /**
     * A rating on a 1…{@code top} scale (CSAT 1–5, stars): the top two points positive, the middle
     * neutral (on odd scales), the rest negative.
     */
    public static LabelledText fromScale(String text, int rating, int top) {
        if (top < 3 || rating < 1 || rating > top) {
            throw new IllegalArgumentException("rating must be 1 to " + top + ": " + rating);
        }
        if (rating >= top - 1) {
            return new LabelledText(text, Sentiment.POSITIVE);
        }
        boolean middle = top % 2 == 1 && rating == (top + 1) / 2;
        return new LabelledText(text, middle ? Sentiment.NEUTRAL : Sentiment.NEGATIVE);
    }
}

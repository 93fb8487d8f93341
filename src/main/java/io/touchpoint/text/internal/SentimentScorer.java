package io.touchpoint.text.internal;

import io.touchpoint.text.Sentiment;

/** Scores the sentiment of one text (a comment or a clause) from −1 (negative) to 1 (positive). */
public interface SentimentScorer {

    double score(String text);

    /** As {@link #score(String)}, for a text already normalised and analysed by Nori (Korean models use them). */
    default double score(String normal, java.util.List<Morph> morphs) {
        return score(normal);
    }

    /** Scores whose magnitude is below this band are neutral. */
    double neutralBand();

    default Sentiment label(double score) {
        return score <= -neutralBand()
                ? Sentiment.NEGATIVE
                : score >= neutralBand() ? Sentiment.POSITIVE : Sentiment.NEUTRAL;
    }
}

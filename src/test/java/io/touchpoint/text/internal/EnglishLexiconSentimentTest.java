package io.touchpoint.text.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.touchpoint.text.Sentiment;
import org.junit.jupiter.api.Test;

class EnglishLexiconSentimentTest {

    private final EnglishLexiconSentiment english = EnglishLexiconSentiment.shipped();

    private Sentiment label(String text) {
        return english.label(english.score(text));
    }

    @Test
    void clearPraiseIsPositive() {
        assertThat(label("Great quality and really fast delivery, thank you!")).isEqualTo(Sentiment.POSITIVE);
    }

    @Test
    void clearComplaintIsNegative() {
        assertThat(label("The box arrived damaged and support was rude.")).isEqualTo(Sentiment.NEGATIVE);
    }

    @Test
    void negationTurnsPraiseIntoComplaint() {
        assertThat(english.score("The agent was helpful")).isPositive();
        assertThat(english.score("The agent was not helpful")).isNegative();
        assertThat(english.score("Support wasn't helpful at all")).isNegative();
        assertThat(label("I didn't like the new app")).isEqualTo(Sentiment.NEGATIVE);
    }

    @Test
    void negatedComplaintIsNotNegative() {
        assertThat(english.score("not bad at all")).isPositive();
    }

    @Test
    void neverAgainIsNegative() {
        assertThat(label("Never again.")).isEqualTo(Sentiment.NEGATIVE);
        assertThat(label("I will never order from this shop again")).isEqualTo(Sentiment.NEGATIVE);
    }

    @Test
    void negationStopsAtPunctuation() {
        assertThat(english.score("No problem, great service")).isPositive();
    }

    @Test
    void theClauseAfterButCountsMore() {
        assertThat(english.score("The price was good but the delivery was terribly slow and late"))
                .isNegative();
        assertThat(english.score("Delivery was slow but the quality is excellent"))
                .isPositive();
    }

    @Test
    void textWithoutOpinionIsNeutral() {
        assertThat(english.score("I ordered two shirts on Monday")).isZero();
        assertThat(label("I ordered two shirts on Monday")).isEqualTo(Sentiment.NEUTRAL);
    }

    @Test
    void scoresStayWithinMinusOneAndOne() {
        String lots = "great ".repeat(500);
        assertThat(english.score(lots)).isBetween(0.99, 1.0);
        assertThat(english.score("terrible ".repeat(500))).isBetween(-1.0, -0.99);
    }
}

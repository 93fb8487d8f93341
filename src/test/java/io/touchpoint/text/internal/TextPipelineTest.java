package io.touchpoint.text.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.touchpoint.text.ClauseSentiment;
import io.touchpoint.text.LabelledText;
import io.touchpoint.text.Sentiment;
import io.touchpoint.text.TextAnalysis;
import io.touchpoint.text.TrainingResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The whole pipeline with the shipped Korean model and English lexicon, on clear sentences. */
class TextPipelineTest {

    private static final KoreanMorphology KOREAN = KoreanMorphology.withDefaultDictionary();
    private static final KoreanBaseModel BASE = new KoreanBaseModel(KOREAN);
    private static final TextPipeline PIPELINE = TextPipeline.shipped(KOREAN, BASE);

    private static TextAnalysis analyze(String text) {
        return PIPELINE.analyze(text, Map.of());
    }

    private static Sentiment sentiment(String text) {
        return analyze(text).sentiment();
    }

    @Test
    void clearKoreanPraiseIsPositive() {
        assertThat(sentiment("배송도 빠르고 품질도 정말 좋아요. 또 살게요!")).isEqualTo(Sentiment.POSITIVE);
        assertThat(sentiment("가성비 최고예요 강력 추천합니다")).isEqualTo(Sentiment.POSITIVE);
    }

    @Test
    void clearKoreanComplaintIsNegative() {
        assertThat(sentiment("최악이에요. 다시는 안 삽니다")).isEqualTo(Sentiment.NEGATIVE);
        assertThat(sentiment("상품이 파손되어 왔고 고객센터는 불친절했어요")).isEqualTo(Sentiment.NEGATIVE);
    }

    @Test
    void koreanNegationTurnsTheSentiment() {
        assertThat(analyze("재미있다").score()).isGreaterThan(analyze("재미없다").score());
        assertThat(sentiment("재미없다")).isEqualTo(Sentiment.NEGATIVE);
        assertThat(sentiment("좋아요")).isEqualTo(Sentiment.POSITIVE);
        assertThat(sentiment("안 좋아요")).isEqualTo(Sentiment.NEGATIVE);
        assertThat(sentiment("품질이 좋지 않아요")).isEqualTo(Sentiment.NEGATIVE);
        assertThat(sentiment("별로예요")).isEqualTo(Sentiment.NEGATIVE);
        assertThat(sentiment("상담원이 친절하지 않았어요")).isEqualTo(Sentiment.NEGATIVE);
        assertThat(sentiment("재미가 없어요")).isEqualTo(Sentiment.NEGATIVE);
    }

    @Test
    void praiseForTheProductDoesNotHideARegretAboutTheDelivery() {
        TextAnalysis analysis = analyze("상품은 마음에 드는데 배송이 느려서 아쉽습니다.");
        assertThat(analysis.sentiment()).isNotEqualTo(Sentiment.POSITIVE);
        assertThat(analysis.clauses())
                .extracting(ClauseSentiment::sentiment)
                .containsExactly(Sentiment.POSITIVE, Sentiment.NEGATIVE);
        assertThat(sentiment("배송이 아쉽네요")).isEqualTo(Sentiment.NEGATIVE);
    }

    @Test
    void aDeliveryLaterThanPromisedIsNegative() {
        assertThat(sentiment("Delivery took three days longer than promised.")).isEqualTo(Sentiment.NEGATIVE);
        assertThat(sentiment("The parcel came a week later than expected")).isEqualTo(Sentiment.NEGATIVE);
    }

    @Test
    void mixedKoreanCommentIsScoredPerClause() {
        TextAnalysis analysis = analyze("배송은 늦었지만 품질은 좋아요");
        List<ClauseSentiment> clauses = analysis.clauses();
        assertThat(clauses).extracting(ClauseSentiment::text).containsExactly("배송은 늦었지만", "품질은 좋아요");
        assertThat(clauses.get(0).sentiment()).isEqualTo(Sentiment.NEGATIVE);
        assertThat(clauses.get(1).sentiment()).isEqualTo(Sentiment.POSITIVE);
        assertThat(analysis.themes()).containsExactly("delivery", "delivery_delay", "quality");
        assertThat(analysis.keyphrases()).contains("배송", "품질");
    }

    @Test
    void englishNegationAndMixedClauses() {
        assertThat(sentiment("The support agent was not helpful")).isEqualTo(Sentiment.NEGATIVE);
        assertThat(sentiment("Never again.")).isEqualTo(Sentiment.NEGATIVE);
        TextAnalysis mixed = analyze("The shoes are great but delivery took forever and the box was damaged");
        assertThat(mixed.clauses())
                .extracting(ClauseSentiment::sentiment)
                .containsExactly(Sentiment.POSITIVE, Sentiment.NEGATIVE);
        assertThat(mixed.themes()).contains("delivery", "packaging");
    }

    @Test
    void keyphrasesPairAdjacentNouns() {
        assertThat(analyze("배송 지연 때문에 고객센터 응대가 필요했어요").keyphrases()).contains("배송 지연", "고객센터 응대");
        assertThat(analyze("Customer service answered after the delivery time had passed")
                        .keyphrases())
                .contains("customer service", "delivery time");
    }

    @Test
    void analysisRunsOnTheRedactedText() {
        TextAnalysis analysis = analyze("환불 요청합니다 010-1234-5678 kim@example.com");
        assertThat(analysis.redacted()).isEqualTo("환불 요청합니다 [PHONE] [EMAIL]");
        assertThat(String.join(" ", analysis.keyphrases())).doesNotContain("EMAIL", "PHONE", "example");
        assertThat(analysis.themes()).containsExactly("refund_exchange");
    }

    @Test
    void oddInputGetsAResult() {
        assertThat(analyze("").language()).isEqualTo("other");
        assertThat(analyze("👍👍👍").sentiment()).isEqualTo(Sentiment.NEUTRAL);
        assertThat(analyze("\uD83D 좋아요").redacted()).isEqualTo("\uFFFD 좋아요");
        assertThat(analyze("좋아요 ".repeat(2000)).sentiment()).isEqualTo(Sentiment.POSITIVE);
    }

    @Test
    void aWorkspaceModelLearnsItsOwnWords() {
        WorkspaceModels models = new WorkspaceModels(KOREAN, KoreanLexicon.shipped());
        UUID workspace = UUID.randomUUID();
        List<LabelledText> examples = new ArrayList<>();
        String[] fillers = {"the checkout", "my order", "this week", "the new app", "the shop", "my basket"};
        for (int i = 0; i < 60; i++) {
            String filler = fillers[i % fillers.length] + " " + i;
            examples.add(LabelledText.fromNps("zippy as always, " + filler, 10));
            examples.add(LabelledText.fromNps("sluggish as always, " + filler, 2));
        }
        assertThat(sentiment("zippy as always")).isEqualTo(Sentiment.NEUTRAL);

        TrainingResult result = models.train(workspace, examples);

        var english = result.languages().get(0);
        assertThat(english.language()).isEqualTo("en");
        assertThat(english.trained()).isTrue();
        assertThat(english.crossValidatedAccuracy()).isGreaterThan(0.9);
        var own = models.of(workspace);
        assertThat(PIPELINE.analyze("zippy as always", own).sentiment()).isEqualTo(Sentiment.POSITIVE);
        assertThat(PIPELINE.analyze("sluggish as always", own).sentiment()).isEqualTo(Sentiment.NEGATIVE);
        assertThat(models.of(UUID.randomUUID())).isEmpty();
    }

    @Test
    void tooFewExamplesKeepTheShippedModel() {
        WorkspaceModels models = new WorkspaceModels(KOREAN, KoreanLexicon.shipped());
        UUID workspace = UUID.randomUUID();
        TrainingResult result =
                models.train(workspace, List.of(LabelledText.fromNps("배송 빨라요", 10), LabelledText.fromNps("배송 느려요", 3)));
        assertThat(result.languages().get(0).trained()).isFalse();
        assertThat(models.of(workspace)).isEmpty();
    }

    @Test
    void scoresBecomeLabels() {
        assertThat(LabelledText.fromNps("x", 6).label()).isEqualTo(Sentiment.NEGATIVE);
        assertThat(LabelledText.fromNps("x", 7).label()).isEqualTo(Sentiment.NEUTRAL);
        assertThat(LabelledText.fromNps("x", 9).label()).isEqualTo(Sentiment.POSITIVE);
        assertThat(LabelledText.fromScale("x", 3, 5).label()).isEqualTo(Sentiment.NEUTRAL);
        assertThat(LabelledText.fromScale("x", 2, 5).label()).isEqualTo(Sentiment.NEGATIVE);
        assertThat(LabelledText.fromScale("x", 4, 5).label()).isEqualTo(Sentiment.POSITIVE);
    }
}

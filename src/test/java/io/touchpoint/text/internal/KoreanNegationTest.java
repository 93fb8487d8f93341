package io.touchpoint.text.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class KoreanNegationTest {

    private static final KoreanMorphology KOREAN = KoreanMorphology.withDefaultDictionary();

    private static List<String> negated(String text) {
        List<Morph> morphs = KOREAN.analyze(text);
        boolean[] negated = KoreanNegation.negatedPositions(morphs);
        List<String> words = new java.util.ArrayList<>();
        for (int i = 0; i < morphs.size(); i++) {
            if (negated[i]) {
                words.add(morphs.get(i).term());
            }
        }
        return words;
    }

    @Test
    void predicateAfterAnIsNegated() {
        assertThat(negated("안 좋아요")).containsExactly("좋");
        assertThat(negated("상담원이 전혀 안 친절했어요")).isNotEmpty();
    }

    @Test
    void predicateBeforeJiAntaIsNegated() {
        assertThat(negated("품질이 좋지 않았다")).containsExactly("좋");
        assertThat(negated("상담원이 친절하지 않았어요")).contains("친절");
    }

    @Test
    void nounBeforeEopdaIsNegated() {
        assertThat(negated("재미가 없다")).containsExactly("재미");
        assertThat(negated("연락이 없어요")).containsExactly("연락");
    }

    @Test
    void plainSentencesHaveNoNegation() {
        assertThat(negated("배송이 빠르고 품질이 좋아요")).isEmpty();
    }

    @Test
    void featuresMarkNegatedWords() {
        var features = new SentimentFeatures(KOREAN, SentimentFeatures.Options.DEFAULT);
        assertThat(features.extract("안 좋아요", "ko")).contains("w:NEG_좋/VA").doesNotContain("w:좋/VA");
        assertThat(features.extract("좋아요", "ko")).contains("w:좋/VA");
        assertThat(new SentimentFeatures(KOREAN, SentimentFeatures.Options.DEFAULT).extract("not helpful", "en"))
                .contains("w:NEG_helpful", "b:not|NEG_helpful");
    }

    @Test
    void userDictionaryKeepsDomainWordsWhole() {
        assertThat(KOREAN.analyze("고객센터 대기시간이 길고 가성비는 좋아요").stream().map(Morph::term))
                .contains("고객센터", "대기시간", "가성비");
    }
}

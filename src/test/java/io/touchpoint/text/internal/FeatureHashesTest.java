package io.touchpoint.text.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FeatureHashesTest {

    private static final KoreanMorphology KOREAN = KoreanMorphology.withDefaultDictionary();

    private static final List<String> TEXTS = List.of(
            "배송은 늦었지만 품질은 좋지 않았어요 안 좋아요 재미가 없다",
            "ㅋㅋㅋㅋㅋ 배송 배송 배송 😀😀 좋아요!!",
            "Not helpful at all, the agent didn't answer. Never again",
            "",
            "😀",
            "가".repeat(3000) + " 나다 " + "😀 ".repeat(500),
            "짧은 글");

    private static List<Long> hashes(FeatureHashes hashes) {
        List<Long> list = new ArrayList<>();
        for (int i = 0; i < hashes.size(); i++) {
            list.add(hashes.get(i));
        }
        return list;
    }

    @Test
    void hashesAreThoseOfTheFeatureTextsInTheSameOrder() {
        FeatureHashes reused = new FeatureHashes();
        for (String options : List.of("c1-3+w+b", "c1-4", "c2-4+w", "c1-2+w+b")) {
            var features = new SentimentFeatures(KOREAN, SentimentFeatures.Options.parse(options));
            for (String language : List.of("ko", "en")) {
                for (String text : TEXTS) {
                    String normal = SentimentFeatures.normalise(text);
                    List<Morph> morphs = language.equals("ko") ? KOREAN.analyze(normal) : List.of();
                    List<Long> expected = features.extract(normal, morphs, language).stream()
                            .map(LinearModel::hash)
                            .toList();
                    features.hashes(normal, morphs, language, reused);
                    assertThat(hashes(reused))
                            .as(options + " " + language + " " + text)
                            .isEqualTo(expected);
                }
            }
        }
    }

    @Test
    void aFeatureThatRepeatsCountsOnceAndClearingForgetsThemAll() {
        FeatureHashes hashes = new FeatureHashes();
        hashes.add(7);
        hashes.add(0);
        hashes.add(7);
        hashes.add(0);
        hashes.add(-3);
        assertThat(hashes(hashes)).containsExactly(7L, 0L, -3L);
        hashes.clear();
        assertThat(hashes.size()).isZero();
        hashes.add(-3);
        hashes.add(0);
        assertThat(hashes(hashes)).containsExactly(-3L, 0L);
        for (int count : new int[] {5_000, 40_000, 5_000}) {
            hashes.clear();
            for (int round = 0; round < 2; round++) {
                for (long h = 0; h < count; h++) {
                    hashes.add(h * 0x9E3779B97F4A7C15L);
                }
            }
            assertThat(hashes.size()).isEqualTo(count);
            assertThat(hashes.get(count - 1)).isEqualTo((count - 1) * 0x9E3779B97F4A7C15L);
        }
    }

    @Test
    void aModelScoresHashesExactlyAsFeatureTexts() {
        var features = new SentimentFeatures(KOREAN, SentimentFeatures.Options.DEFAULT);
        String normal = SentimentFeatures.normalise("배송이 너무 늦었어요 안 좋아요");
        List<Morph> morphs = KOREAN.analyze(normal);
        List<String> texts = features.extract(normal, morphs, "ko");
        float[] weights = new float[texts.size()];
        for (int i = 0; i < weights.length; i++) {
            weights[i] = (i % 5) * 0.37f - 0.5f;
        }
        LinearModel model = new LinearModel(Map.of("features", "c1-3+w+b"), texts, weights, 0.1);
        FeatureHashes hashes = new FeatureHashes();
        features.hashes(normal, morphs, "ko", hashes);
        assertThat(model.logit(hashes)).isEqualTo(model.logit(texts)).isNotEqualTo(0.1);
        hashes.clear();
        assertThat(model.logit(hashes)).isEqualTo(0.1);
    }
}

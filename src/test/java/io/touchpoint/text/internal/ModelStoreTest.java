package io.touchpoint.text.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ModelStoreTest {

    @Test
    void aStoredModelScoresExactlyAsTheTrainedOne() {
        List<String> features = List.of("w:좋/VA", "w:늦/VV", "c:배송");
        LinearModel trained = new LinearModel(
                Map.of("language", "ko", "features", "c1-3+w+b"), features, new float[] {1.5f, -2.25f, 0.125f}, 0.3);
        String stored = ModelStore.encode(trained);
        LinearModel read = ModelStore.decode(stored);
        assertThat(read.header("features")).isEqualTo("c1-3+w+b");
        for (List<String> text : List.of(List.of("w:좋/VA"), List.of("w:늦/VV", "c:배송"), List.of("unknown"))) {
            assertThat(read.logit(text)).isEqualTo(trained.logit(text));
        }
        assertThat(read.logit(List.of("w:늦/VV"))).isNotEqualTo(read.logit(List.of("w:좋/VA")));
    }
}

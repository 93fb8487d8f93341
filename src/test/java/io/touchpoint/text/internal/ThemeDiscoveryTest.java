package io.touchpoint.text.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ThemeDiscoveryTest {

    private static List<List<String>> comments(int times, String... phrases) {
        List<List<String>> list = new ArrayList<>();
        for (int i = 0; i < times; i++) {
            list.add(List.of(phrases));
        }
        return list;
    }

    @Test
    void aPhraseOnlyDetractorsUseComesFirstAndOneOnlyPromotersUseLast() {
        List<List<String>> detractors = new ArrayList<>(comments(20, "포장 상태", "상품"));
        detractors.addAll(comments(20, "상품"));
        List<List<String>> promoters = new ArrayList<>(comments(20, "재구매", "상품"));
        promoters.addAll(comments(20, "상품"));
        List<List<String>> all = new ArrayList<>(detractors);
        all.addAll(promoters);
        var scored = ThemeDiscovery.logOdds(detractors, promoters, all, 100, 5);
        assertThat(scored.get(0).phrase()).isEqualTo("포장 상태");
        assertThat(scored.get(0).z()).isGreaterThan(1.96);
        assertThat(scored.get(0).detractorCount()).isEqualTo(20);
        assertThat(scored.get(scored.size() - 1).phrase()).isEqualTo("재구매");
        assertThat(scored.get(scored.size() - 1).z()).isLessThan(-1.96);
        var neutral =
                scored.stream().filter(s -> s.phrase().equals("상품")).findFirst().orElseThrow();
        assertThat(Math.abs(neutral.z())).isLessThan(1.0);
    }

    @Test
    void rarePhrasesAreLeftOutAndAPhraseCountsOncePerComment() {
        List<List<String>> detractors = comments(3, "오류", "오류");
        List<List<String>> promoters = comments(3, "좋음");
        List<List<String>> all = new ArrayList<>(detractors);
        all.addAll(promoters);
        assertThat(ThemeDiscovery.logOdds(detractors, promoters, all, 100, 5)).isEmpty();
        var counted = ThemeDiscovery.logOdds(detractors, promoters, all, 100, 3);
        assertThat(counted)
                .filteredOn(s -> s.phrase().equals("오류"))
                .singleElement()
                .satisfies(s -> assertThat(s.detractorCount()).isEqualTo(3));
        assertThat(ThemeDiscovery.logOdds(List.of(), List.of(), List.of(), 100, 1))
                .isEmpty();
    }
}

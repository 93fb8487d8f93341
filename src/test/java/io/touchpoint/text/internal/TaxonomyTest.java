package io.touchpoint.text.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.touchpoint.platform.InvalidInputException;
import io.touchpoint.text.AnalysedComment;
import io.touchpoint.text.ThemeDefinition;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class TaxonomyTest {

    private final ThemeTaxonomy taxonomy = ThemeTaxonomy.of(List.of(
            new ThemeDefinition("delivery", "Delivery", "배송", List.of("배송", "택배", "delivery", "shipping")),
            new ThemeDefinition("service", "Service", "고객센터", List.of("고객센터", "customer service"))));

    @Test
    void theShippedDefaultNamesEachThemeInBothLanguages() {
        List<ThemeDefinition> shipped = ThemeTaxonomy.shippedDefinitions();
        assertThat(shipped).extracting(ThemeDefinition::id).contains("delivery", "price", "quality", "payment");
        assertThat(shipped).allSatisfy(t -> {
            assertThat(t.nameKo()).isNotBlank();
            assertThat(t.keywords()).anyMatch(ThemeTaxonomy::isKorean);
            assertThat(t.keywords()).anyMatch(k -> !ThemeTaxonomy.isKorean(k));
        });
        assertThat(TaxonomyRules.check(shipped)).isEqualTo(shipped);
    }

    @Test
    void highlightsMarkKoreanKeywordsAndEnglishWordsByStem() {
        String text = "배송은 늦었지만 Shipped fast, customer service 좋음";
        List<AnalysedComment.Highlight> spans = taxonomy.highlights(text, List.of("delivery", "service"));
        assertThat(spans)
                .extracting(h -> text.substring(h.start(), h.end()))
                .containsExactly("배송", "Shipped", "customer service");
        assertThat(taxonomy.highlights(text, List.of("service")))
                .extracting(AnalysedComment.Highlight::theme)
                .containsOnly("service");
    }

    @Test
    void aKeyphraseIsCoveredWhenAKeywordMatchesIt() {
        assertThat(taxonomy.covers("배송 지연")).isTrue();
        assertThat(taxonomy.covers("shipping costs")).isTrue();
        assertThat(taxonomy.covers("customer services")).isTrue();
        assertThat(taxonomy.covers("포장 상태")).isFalse();
        assertThat(taxonomy.covers("customer")).isFalse();
    }

    @Test
    void rulesTrimKeywordsAndDropRepeats() {
        var clean = TaxonomyRules.check(
                List.of(new ThemeDefinition("late", " Late ", "지연", List.of(" 지연 ", "지연", "late  delivery"))));
        assertThat(clean.get(0).nameEn()).isEqualTo("Late");
        assertThat(clean.get(0).keywords()).containsExactly("지연", "late delivery");
    }

    @Test
    void rulesNameEveryFailingField() {
        assertThatThrownBy(() -> TaxonomyRules.check(Arrays.asList(
                        new ThemeDefinition("a", "A", "가", List.of("x")),
                        new ThemeDefinition("a", "A", "가", List.of("😀")),
                        null,
                        new ThemeDefinition("b", null, "나", Arrays.asList("ok", null)))))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.problems())
                        .extracting(p -> p.field())
                        .containsExactly(
                                "themes[1].id",
                                "themes[1].keywords[0]",
                                "themes[2]",
                                "themes[3].nameEn",
                                "themes[3].keywords[1]"));
        assertThatThrownBy(() -> TaxonomyRules.check(null)).isInstanceOf(InvalidInputException.class);
    }
}

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

    @Test
    void aRuleWithPlusNeedsAllItsPartsAndKoreanPredicatesMatchByStem() {
        var korean = KoreanMorphology.withDefaultDictionary();
        ThemeTaxonomy rules = ThemeTaxonomy.of(List.of(
                new ThemeDefinition(
                        "late", "Late delivery", "배송 지연", List.of("배송+늦다", "late delivery", "delivery+slow")),
                new ThemeDefinition("payment_error", "Payment error", "결제 오류", List.of("결제+오류"))));
        assertThat(rules.matchKorean(korean.analyze("배송이 너무 늦었어요"))).containsExactly("late");
        assertThat(rules.matchKorean(korean.analyze("배송이 빨랐어요"))).isEmpty();
        assertThat(rules.matchKorean(korean.analyze("늦게 답장이 왔어요"))).isEmpty();
        assertThat(rules.matchKorean(korean.analyze("앱에서 결제가 자꾸 오류가 나요"))).containsExactly("payment_error");
        assertThat(rules.matchEnglish(EnglishWords.analyze("The delivery was so slow")))
                .containsExactly("late");
        assertThat(rules.matchEnglish(EnglishWords.analyze("Slow app, fast delivery")))
                .containsExactly("late");
        assertThat(rules.matchEnglish(EnglishWords.analyze("Fast delivery"))).isEmpty();
        assertThat(rules.covers("배송 늦음")).isTrue();
        assertThat(rules.covers("오류")).isFalse();
    }

    @Test
    void koreanKeywordsMatchInsideLongerNounsButPredicatesAndOneLetterWordsOnlyWhole() {
        ThemeTaxonomy rules = ThemeTaxonomy.of(List.of(
                new ThemeDefinition("delay", "Delay", "지연", List.of("지연")),
                new ThemeDefinition("bag", "Bag", "백", List.of("백")),
                new ThemeDefinition("slow", "Slow", "느림", List.of("느리다")),
                new ThemeDefinition("late_box", "Late box", "늦은 박스", List.of("박스+늦다"))));
        assertThat(rules.matchKorean(List.of(new Morph("배송지연", "NNG", 0, 4)))).containsExactly("delay");
        assertThat(rules.matchKorean(List.of(new Morph("지연되", "VV", 0, 3)))).isEmpty();
        assertThat(rules.matchKorean(List.of(new Morph("백화점", "NNG", 0, 3)))).isEmpty();
        assertThat(rules.matchKorean(List.of(new Morph("백", "NNG", 0, 1)))).containsExactly("bag");
        assertThat(rules.matchKorean(List.of(new Morph("느리", "VA", 0, 2)))).containsExactly("slow");
        assertThat(rules.matchKorean(List.of(new Morph("느리", "NNG", 0, 2)))).containsExactly("slow");
        assertThat(rules.matchKorean(List.of(new Morph("느리게", "VA", 0, 3)))).isEmpty();
        // in order of first mention; a rule of several parts stands where its last part is
        assertThat(rules.matchKorean(List.of(
                        new Morph("늦", "VA", 0, 2),
                        new Morph("박스", "NNG", 3, 5),
                        new Morph("백", "NNG", 6, 7),
                        new Morph("지연", "NNG", 8, 10),
                        new Morph("박스", "NNG", 11, 13))))
                .containsExactly("late_box", "bag", "delay");
    }

    @Test
    void theShippedTaxonomyHasItsOwnNegativeVersion() {
        assertThat(ThemeTaxonomy.shippedVersion()).isNegative();
        assertThat(TextStore.effective(0)).isEqualTo(ThemeTaxonomy.shippedVersion());
        assertThat(TextStore.effective(3)).isEqualTo(3);
    }
}

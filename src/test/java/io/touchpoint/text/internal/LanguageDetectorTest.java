package io.touchpoint.text.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LanguageDetectorTest {

    @Test
    void hangulTextIsKorean() {
        assertThat(LanguageDetector.detect("배송이 너무 늦어요")).isEqualTo("ko");
    }

    @Test
    void koreanWithEnglishProductWordsIsStillKorean() {
        assertThat(LanguageDetector.detect("iPhone case 배송 빨라요")).isEqualTo("ko");
    }

    @Test
    void latinTextIsEnglish() {
        assertThat(LanguageDetector.detect("The delivery was late, but support was helpful."))
                .isEqualTo("en");
    }

    @Test
    void englishWithOneKoreanWordIsEnglish() {
        assertThat(LanguageDetector.detect("Great service at the Gangnam store, thanks 감사"))
                .isEqualTo("en");
    }

    @Test
    void accentedLatinTextIsOther() {
        assertThat(LanguageDetector.detect("Très déçu, la livraison était très en retard"))
                .isEqualTo("other");
    }

    @Test
    void otherScriptsAreOther() {
        assertThat(LanguageDetector.detect("配送が遅かったです")).isEqualTo("other");
        assertThat(LanguageDetector.detect("Доставка опоздала")).isEqualTo("other");
    }

    @Test
    void textWithoutLettersIsOther() {
        assertThat(LanguageDetector.detect("")).isEqualTo("other");
        assertThat(LanguageDetector.detect("👍👍 100%!!")).isEqualTo("other");
    }
}

package io.touchpoint.text.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class ClauseSplitterTest {

    private static List<String> clauses(String text) {
        return ClauseSplitter.split(text).stream()
                .map(ClauseSplitter.Clause::text)
                .toList();
    }

    @Test
    void splitsAfterAContrastiveKoreanEnding() {
        assertThat(clauses("배송은 늦었지만 품질은 좋아요")).containsExactly("배송은 늦었지만", "품질은 좋아요");
    }

    @Test
    void splitsAfterABackgroundEnding() {
        assertThat(clauses("가격은 괜찮은데, 포장이 엉망이에요")).containsExactly("가격은 괜찮은데,", "포장이 엉망이에요");
        assertThat(clauses("배송은 빨랐는데 사이즈가 작아요")).containsExactly("배송은 빨랐는데", "사이즈가 작아요");
    }

    @Test
    void splitsBeforeAConnectiveWord() {
        assertThat(clauses("상품은 좋아요 그런데 배송이 너무 느려요")).containsExactly("상품은 좋아요", "그런데 배송이 너무 느려요");
        assertThat(clauses("맛있어요. 하지만 비싸요")).containsExactly("맛있어요.", "하지만 비싸요");
        assertThat(clauses("맛있어요 그렇지만 비싸요")).containsExactly("맛있어요", "그렇지만 비싸요");
    }

    @Test
    void splitsEnglishOnButAndHowever() {
        assertThat(clauses("The shoes are great but delivery took two weeks"))
                .containsExactly("The shoes are great", "but delivery took two weeks");
        assertThat(clauses("Good price; however, the box was damaged."))
                .containsExactly("Good price;", "however, the box was damaged.");
    }

    @Test
    void splitsOnSentencesAndLines() {
        assertThat(clauses("Fast delivery! Nice packaging.\n다음에 또 살게요"))
                .containsExactly("Fast delivery!", "Nice packaging.", "다음에 또 살게요");
    }

    @Test
    void splitsAtTheRarerBoundariesToo() {
        assertThat(clauses("좋아요 근데 비싸요")).containsExactly("좋아요", "근데 비싸요");
        assertThat(clauses("좋아요,반면에 비싸요")).containsExactly("좋아요,", "반면에 비싸요");
        assertThat(clauses("싼데도 좋아요")).containsExactly("싼데도", "좋아요");
        assertThat(clauses("써보니 좋더니 금방 고장났어요")).containsExactly("써보니 좋더니", "금방 고장났어요");
        assertThat(clauses("좋아요\u2028비싸요\u000B끝")).containsExactly("좋아요", "비싸요", "끝");
        assertThat(clauses("Fast,Although pricey")).containsExactly("Fast,", "Although pricey");
        assertThat(clauses("좋아요?\t네")).containsExactly("좋아요?", "네");
    }

    @Test
    void keepsWordsThatOnlyContainAConnective() {
        assertThat(clauses("butter was fresh")).containsExactly("butter was fresh");
        assertThat(clauses("지만원 할인 받았어요")).containsExactly("지만원 할인 받았어요");
    }

    @Test
    void punctuationAloneJoinsTheClauseBefore() {
        assertThat(clauses("좋아요 !!")).containsExactly("좋아요 !!");
        assertThat(clauses("")).isEmpty();
    }

    @Test
    void wordlessMeansWhatTheRegexOfPunctuationSymbolsAndSpacesMeans() {
        Pattern wordless = Pattern.compile("[\\p{P}\\p{S}\\s]*");
        List<String> differing = new java.util.ArrayList<>();
        // the Basic Multilingual Plane and the plane of emoji and historic scripts
        for (int cp = 0; cp <= 0x1FFFF; cp++) {
            String one = new String(Character.toChars(cp));
            if (ClauseSplitter.wordless(one, 0, one.length())
                    != wordless.matcher(one).matches()) {
                differing.add(String.format("U+%04X", cp));
            }
        }
        assertThat(differing).isEmpty();
        for (String text : List.of("!! 😀 …", "!!a", "😀\uD83D", "\uDE00", "", " \u00A0 ", "\u0085")) {
            assertThat(ClauseSplitter.wordless(text, 0, text.length()))
                    .as(text)
                    .isEqualTo(wordless.matcher(text).matches());
        }
        String pair = "!😀";
        assertThat(ClauseSplitter.wordless(pair, 0, 2))
                .isEqualTo(wordless.matcher(pair.substring(0, 2)).matches());
    }

    @Test
    void offsetsPointIntoTheText() {
        String text = "배송은 늦었지만 품질은 좋아요";
        var second = ClauseSplitter.split(text).get(1);
        assertThat(text.substring(second.start(), second.end())).isEqualTo("품질은 좋아요");
    }
}

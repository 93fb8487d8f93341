package io.touchpoint.web.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Page number formats and CSV cells. */
class FormatsTest {

    private final Formats fmt = new Formats();

    @Test
    void aTinyNegativeChangeShowsAsZeroWithoutASign() {
        assertThat(fmt.signed(-0.04, 1)).isEqualTo("0.0");
        assertThat(fmt.signed(-0.0, 1)).isEqualTo("0.0");
        assertThat(fmt.signed(0.05, 1)).isEqualTo("+0.1");
        assertThat(fmt.signed(-0.05, 1)).isEqualTo("−0.1");
        assertThat(fmt.signed(-1234.56, 0)).isEqualTo("−1,235");
        assertThat(fmt.signed(null, 1)).isEqualTo("—");
    }

    @Test
    void numbersAreRoundedOnceWithThousandsSeparators() {
        assertThat(fmt.num(1234567.891, 1)).isEqualTo("1,234,567.9");
        assertThat(fmt.num(2.675, 2))
                .as("the decimal value, not its binary neighbour")
                .isEqualTo("2.68");
        assertThat(fmt.num(-0.01, 1)).isEqualTo("0.0");
        assertThat(fmt.num(42L, 0)).isEqualTo("42");
    }

    @Test
    void csvStartsWithAByteOrderMarkAndQuotesWhatNeedsIt() {
        byte[] body = Csv.download(
                        "t.csv",
                        List.of("이름", "값"),
                        List.of(Arrays.asList("추천 고객, 서울", 1.5), Arrays.asList("=cmd", null)))
                .getBody();
        String text = new String(body, StandardCharsets.UTF_8);
        assertThat(body[0]).isEqualTo((byte) 0xEF);
        assertThat(text).isEqualTo("\uFEFF이름,값\r\n\"추천 고객, 서울\",1.5\r\n'=cmd,\r\n");
        assertThat(Csv.cell("say \"hi\"")).isEqualTo("\"say \"\"hi\"\"\"");
        assertThat(Csv.cell(-3)).isEqualTo("-3");
    }
}

package io.touchpoint.text.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.junit.jupiter.api.Test;

class DriverMathsTest {

    @Test
    void impactIsNpsOfAllMinusNpsWithoutTheTheme() {
        // all: 200 answers, 100 promoters, 40 detractors → NPS 30
        // theme: 40 answers, 5 promoters, 30 detractors; rest: 160, 95, 10 → NPS 53.125
        var all = new DriverMaths.Tally(200, 100, 40);
        var theme = new DriverMaths.Tally(40, 5, 30);
        DriverMaths.Impact impact = DriverMaths.impact(all, theme);
        assertThat(impact.value()).isCloseTo(30 - 53.125, within(1e-9));
        assertThat(impact.low()).isLessThan(impact.value());
        assertThat(impact.high()).isLessThan(0);
        // by hand, the delta method over the six cells: a = 0.3, rest share 0.8, rest NPS m = 0.53125
        double a = 0.3;
        double m = 85.0 / 160;
        double[] q = {5 / 200.0, 5 / 200.0, 30 / 200.0, 95 / 200.0, 55 / 200.0, 10 / 200.0};
        double[] s = {1, 0, -1, 1, 0, -1};
        double mean = 0;
        double square = 0;
        for (int c = 0; c < 6; c++) {
            double g = (s[c] - a) - (c >= 3 ? (s[c] - m) / 0.8 : 0);
            mean += q[c] * g;
            square += q[c] * g * g;
        }
        double half = 1.959964 * 100 * Math.sqrt((square - mean * mean) / 200);
        assertThat(impact.high() - impact.value()).isCloseTo(half, within(1e-9));
    }

    @Test
    void aThemeOfPromotersLiftsNpsAndOneLikeTheRestHasNoImpact() {
        var all = new DriverMaths.Tally(100, 50, 20);
        assertThat(DriverMaths.impact(all, new DriverMaths.Tally(20, 18, 0)).value())
                .isPositive();
        DriverMaths.Impact none = DriverMaths.impact(all, new DriverMaths.Tally(10, 5, 2));
        assertThat(none.value()).isCloseTo(0, within(1e-9));
        assertThat(none.low()).isNegative();
        assertThat(none.high()).isPositive();
    }

    @Test
    void impactIsUndefinedWithoutAnswersOnEitherSide() {
        var all = new DriverMaths.Tally(10, 5, 2);
        assertThat(DriverMaths.impact(all, new DriverMaths.Tally(0, 0, 0))).isNull();
        assertThat(DriverMaths.impact(all, all)).isNull();
        assertThatThrownBy(() -> new DriverMaths.Tally(3, 2, 2)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theIntervalCoversTheTrueImpactAboutNinetyFivePercentOfTheTime() {
        // population: theme share 0.25; theme answers 20% promoters 60% detractors; rest 55% / 15%
        double trueImpact = 100 * 0.25 * ((0.20 - 0.60) - (0.55 - 0.15));
        Random random = new Random(7);
        int covered = 0;
        int runs = 2000;
        for (int run = 0; run < runs; run++) {
            long n = 0;
            long p = 0;
            long d = 0;
            long tn = 0;
            long tp = 0;
            long td = 0;
            for (int i = 0; i < 400; i++) {
                boolean theme = random.nextDouble() < 0.25;
                double u = random.nextDouble();
                boolean promoter = theme ? u < 0.20 : u < 0.55;
                boolean detractor = theme ? u >= 0.40 : u >= 0.85;
                n++;
                p += promoter ? 1 : 0;
                d += detractor ? 1 : 0;
                if (theme) {
                    tn++;
                    tp += promoter ? 1 : 0;
                    td += detractor ? 1 : 0;
                }
            }
            var impact = DriverMaths.impact(new DriverMaths.Tally(n, p, d), new DriverMaths.Tally(tn, tp, td));
            if (impact.low() <= trueImpact && trueImpact <= impact.high()) {
                covered++;
            }
        }
        assertThat((double) covered / runs).isBetween(0.92, 0.985);
    }

    @Test
    void aShareThatDoublesOnEnoughCommentsIsEmerging() {
        DriverMaths.Rise rise = DriverMaths.rise(30, 100, 40, 400, 5);
        assertThat(rise.latestShare()).isEqualTo(0.30);
        assertThat(rise.baselineShare()).isEqualTo(0.10);
        // pooled p = 70/500 = 0.14; se = sqrt(0.14 × 0.86 × (1/100 + 1/400)) = 0.03880
        assertThat(rise.z()).isCloseTo(0.20 / Math.sqrt(0.14 * 0.86 * (0.01 + 0.0025)), within(1e-9));
        assertThat(rise.emerging()).isTrue();
    }

    @Test
    void fewMentionsOrAFallAreNotEmerging() {
        assertThat(DriverMaths.rise(3, 5, 0, 100, 5).emerging()).isFalse();
        assertThat(DriverMaths.rise(5, 100, 40, 400, 5).emerging()).isFalse();
        assertThat(DriverMaths.rise(12, 100, 40, 400, 5).emerging()).isFalse();
        assertThat(DriverMaths.rise(0, 0, 1, 10, 5)).isNull();
    }
}

package io.touchpoint.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The formulas of METRICS.md on hand-computed cases. */
class IntervalsTest {

    @Test
    void theWorkedNpsExample() {
        // n = 200, 100 promoters, 40 detractors → NPS 30, CI ≈ [18.8, 40.3]
        Estimate nps = Intervals.nps(100, 60, 40);
        assertThat(nps.value()).isEqualTo(30.0);
        assertThat(nps.ci().low()).isCloseTo(18.8, within(0.05));
        assertThat(nps.ci().high()).isCloseTo(40.3, within(0.05));
    }

    @Test
    void npsOfNothingIsNothingAndOfOneAnswerHasAWideClippedInterval() {
        assertThat(Intervals.nps(0, 0, 0)).isNull();
        Estimate one = Intervals.nps(1, 0, 0);
        assertThat(one.value()).isEqualTo(100.0);
        // adjusted Wald: n' = 4, p' = 0.4375, d' = 0.1875 → 25 ± 73.5
        assertThat(one.ci().high()).isCloseTo(98.5, within(0.05));
        assertThat(one.ci().low()).isCloseTo(-48.5, within(0.05));
        Estimate allDetractors = Intervals.nps(0, 0, 400);
        assertThat(allDetractors.ci().low()).as("clipped").isGreaterThanOrEqualTo(-100);
    }

    @Test
    void categoryBoundariesAreSixSevenAndEightNine() {
        Tally tally = new Tally(Tally.Kind.NPS);
        tally.add(6, 10, false, 1);
        tally.add(7, 10, false, 1);
        tally.add(8, 10, false, 1);
        tally.add(9, 10, false, 1);
        Map<String, Object> fields = tally.fields();
        assertThat(fields)
                .containsEntry("detractors", 1L)
                .containsEntry("passives", 2L)
                .containsEntry("promoters", 1L);
        assertThat(fields).containsEntry("value", 0.0).containsEntry("n", 4L).containsEntry("smallSample", true);
    }

    @Test
    void wilsonInterval() {
        // 8 of 10: p = 0.8, Wilson 95% ≈ [0.490, 0.943]
        Estimate e = Intervals.wilson(8, 10);
        assertThat(e.value()).isCloseTo(80.0, within(1e-9));
        assertThat(e.ci().low()).isCloseTo(49.02, within(0.01));
        assertThat(e.ci().high()).isCloseTo(94.33, within(0.01));
        assertThat(Intervals.wilson(0, 0)).isNull();
    }

    @Test
    void csatTopTwoBoxFollowsTheScale() {
        Tally five = new Tally(Tally.Kind.CSAT);
        five.add(4, 5, false, 3);
        five.add(3, 5, false, 1);
        assertThat(five.value()).isEqualTo(75.0);
        Tally seven = new Tally(Tally.Kind.CSAT);
        seven.add(5, 7, false, 1);
        seven.add(6, 7, false, 1);
        assertThat(seven.value()).isEqualTo(50.0);
        assertThat(seven.fields()).containsEntry("mean", 5.5);
    }

    @Test
    void cesMeanWithTIntervalAndReversedWording() {
        // 2, 4, 6: mean 4, s = 2, t(2, .975) = 4.303 → 4 ± 4.303 × 2/√3 = [-0.97, 8.97]
        Estimate e = Intervals.mean(3, 12, 4 + 16 + 36);
        assertThat(e.value()).isEqualTo(4.0);
        assertThat(e.ci().low()).isCloseTo(-0.969, within(0.01));
        assertThat(e.ci().high()).isCloseTo(8.969, within(0.01));
        assertThat(Intervals.mean(1, 5, 25).ci()).isNull();
        Tally reversed = new Tally(Tally.Kind.CES);
        reversed.add(2, 7, true, 1); // "it was hard" disagreed with: easy, 6
        assertThat(reversed.value()).isEqualTo(6.0);
        assertThat(reversed.fields()).containsEntry("agree", 1L);
    }

    @Test
    void significanceOfAChange() {
        assertThat(Intervals.npsDiffers(100, 40, 200, 40, 100, 200)).isTrue();
        assertThat(Intervals.npsDiffers(100, 40, 200, 98, 41, 200)).isFalse();
        assertThat(Intervals.proportionsDiffer(90, 100, 50, 100)).isTrue();
        assertThat(Intervals.proportionsDiffer(51, 100, 50, 100)).isFalse();
    }

    @Test
    void bucketsKeepEmptyWeeksAndStartOnMonday() {
        // 2026-11-04 is a Wednesday
        assertThat(FeedbackMetrics.buckets(LocalDate.parse("2026-11-04"), LocalDate.parse("2026-11-20"), "week"))
                .containsExactly(
                        LocalDate.parse("2026-11-02"), LocalDate.parse("2026-11-09"), LocalDate.parse("2026-11-16"));
        assertThat(FeedbackMetrics.buckets(LocalDate.parse("2026-01-31"), LocalDate.parse("2026-03-01"), "month"))
                .containsExactly(
                        LocalDate.parse("2026-01-01"), LocalDate.parse("2026-02-01"), LocalDate.parse("2026-03-01"));
    }
}

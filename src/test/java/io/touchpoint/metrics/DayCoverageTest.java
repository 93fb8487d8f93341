package io.touchpoint.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.touchpoint.metrics.DayCoverage.Run;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class DayCoverageTest {

    private static LocalDate d(String day) {
        return LocalDate.parse(day);
    }

    @Test
    void daysUpToTheBuiltDayComeFromRollupsAndLaterOnesFromTheAnswers() {
        DayCoverage c = DayCoverage.of(d("2026-11-01"), d("2026-11-10"), d("2026-11-07"), Set.of());
        assertThat(c.runs())
                .containsExactly(
                        new Run(d("2026-11-01"), d("2026-11-07"), true),
                        new Run(d("2026-11-08"), d("2026-11-10"), false));
        assertThat(c.usesRollups()).isTrue();
    }

    @Test
    void changedDaysAreReadFromTheAnswers() {
        DayCoverage c = DayCoverage.of(
                d("2026-11-01"), d("2026-11-10"), d("2026-11-09"), Set.of(d("2026-11-03"), d("2026-11-04")));
        assertThat(c.rolledUp())
                .containsExactly(
                        new Run(d("2026-11-01"), d("2026-11-02"), true),
                        new Run(d("2026-11-05"), d("2026-11-09"), true));
        assertThat(c.raw())
                .containsExactly(
                        new Run(d("2026-11-03"), d("2026-11-04"), false),
                        new Run(d("2026-11-10"), d("2026-11-10"), false));
    }

    @Test
    void withoutRollupsEveryDayIsRaw() {
        DayCoverage c = DayCoverage.of(d("2026-11-01"), d("2026-11-03"), null, Set.of());
        assertThat(c.runs()).containsExactly(new Run(d("2026-11-01"), d("2026-11-03"), false));
        assertThat(c.usesRollups()).isFalse();
    }

    @Test
    void aPeriodBeforeTheBuiltDayIsAllRollups() {
        DayCoverage c = DayCoverage.of(d("2026-01-01"), d("2026-01-31"), d("2026-11-07"), Set.of(d("2026-02-01")));
        assertThat(c.runs()).containsExactly(new Run(d("2026-01-01"), d("2026-01-31"), true));
    }

    @Test
    void aUtcDateTouchesTwoLocalDaysInSeoulAndOneInUtc() {
        assertThat(DayCoverage.localDays(List.of(d("2026-11-05")), ZoneId.of("Asia/Seoul")))
                .containsExactly(d("2026-11-05"), d("2026-11-06"));
        assertThat(DayCoverage.localDays(List.of(d("2026-11-05")), ZoneId.of("UTC")))
                .containsExactly(d("2026-11-05"));
        assertThat(DayCoverage.localDays(List.of(d("2026-11-05")), ZoneId.of("America/Los_Angeles")))
                .containsExactly(d("2026-11-04"), d("2026-11-05"));
    }

    @Test
    void runsAreBoundedByLocalMidnightsAcrossADaylightSavingChange() {
        ZoneId berlin = ZoneId.of("Europe/Berlin");
        Run run = new Run(d("2026-03-29"), d("2026-03-29"), false);
        // the day the clocks go forward has 23 hours
        assertThat(run.start(berlin)).isEqualTo(Instant.parse("2026-03-28T23:00:00Z"));
        assertThat(run.end(berlin)).isEqualTo(Instant.parse("2026-03-29T22:00:00Z"));
    }

    @Test
    void anInvertedPeriodIsRefused() {
        assertThatThrownBy(() -> DayCoverage.of(d("2026-11-02"), d("2026-11-01"), null, Set.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("after");
    }
}

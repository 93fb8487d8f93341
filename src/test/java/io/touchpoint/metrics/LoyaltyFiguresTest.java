package io.touchpoint.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.touchpoint.platform.InvalidInputException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The plain-Java parts of the engagement and loyalty metrics, on hand-computed fixtures. */
class LoyaltyFiguresTest {

    @Test
    void aShareIsAPercentageWithTheWilsonInterval() {
        // 2 of 3: p = 0.667, Wilson 95% [20.77, 93.85]
        Map<String, Object> f = Measure.share(2, 3).fields();
        assertThat(f.get("value")).isEqualTo(66.67);
        assertThat(f.get("k")).isEqualTo(2L);
        @SuppressWarnings("unchecked")
        Map<String, Double> ci = (Map<String, Double>) f.get("ci");
        assertThat(ci.get("low")).isCloseTo(20.77, within(0.01));
        assertThat(ci.get("high")).isCloseTo(93.85, within(0.01));
        assertThat(f.get("smallSample")).isEqualTo(true);
    }

    @Test
    void aMeanHasATInterval() {
        // order totals 30, 20, 40, 10: mean 25, s = 12.91, t(3) = 3.182 → 25 ± 20.54
        Measure aov = Measure.mean(4, 100, 900 + 400 + 1600 + 100);
        Estimate e = aov.estimate();
        assertThat(e.value()).isEqualTo(25.0);
        assertThat(e.ci().low()).isCloseTo(4.46, within(0.01));
        assertThat(e.ci().high()).isCloseTo(45.54, within(0.01));
    }

    @Test
    void emptyAndSingleValueMeasuresHaveNoInterval() {
        assertThat(Measure.share(0, 0).fields().get("value")).isNull();
        assertThat(Measure.mean(0, 0, 0).value()).isNull();
        assertThat(Measure.mean(1, 5, 25).fields().get("ci")).isNull();
        assertThat(Measure.mean(1, 5, 25).value()).isEqualTo(5.0);
    }

    @Test
    void aChangeIsFlaggedOnlyWhenTheDifferenceIsSignificant() {
        Measure now = Measure.share(60, 100);
        assertThat(now.differsFrom(Measure.share(40, 100))).isTrue(); // z = 2.86
        assertThat(now.differsFrom(Measure.share(55, 100))).isFalse();
        Map<String, Object> f =
                now.fieldsAgainst(Measure.share(0, 0), periodOfNovember().previous());
        @SuppressWarnings("unchecked")
        Map<String, Object> previous = (Map<String, Object>) f.get("previous");
        assertThat(previous.get("change")).isNull();
        assertThat(previous.get("significant")).isEqualTo(false);
        assertThat(previous.get("from")).isEqualTo("2026-10-02");
    }

    @Test
    void thePreviousPeriodHasTheSameLength() {
        Period november = periodOfNovember();
        assertThat(november.days()).isEqualTo(30);
        assertThat(november.previous())
                .isEqualTo(new Period(
                        LocalDate.parse("2026-10-02"), LocalDate.parse("2026-10-31"), ZoneId.of("Asia/Seoul")));
        assertThat(november.start().toString()).isEqualTo("2026-10-31T15:00:00Z");
        assertThatThrownBy(() ->
                        new Period(LocalDate.parse("2026-11-02"), LocalDate.parse("2026-11-01"), ZoneId.of("UTC")))
                .isInstanceOf(InvalidInputException.class);
    }

    @Test
    void cohortsShowEachFollowingMonthUpToTheLastOneAndZeroForMonthsWithoutOrders() {
        LocalDate sep = LocalDate.parse("2026-09-01");
        LocalDate oct = LocalDate.parse("2026-10-01");
        LocalDate nov = LocalDate.parse("2026-11-01");
        // September: 4 customers, 1 ordered again in October, none in November; October: 2, both in November
        List<Map<String, Object>> table = Cohorts.table(
                List.of(
                        new Cohorts.Cell(sep, sep, 4),
                        new Cohorts.Cell(sep, oct, 1),
                        new Cohorts.Cell(oct, oct, 2),
                        new Cohorts.Cell(oct, nov, 2)),
                nov);
        assertThat(table).hasSize(2);
        assertThat(table.get(0).get("customers")).isEqualTo(4L);
        List<?> september = (List<?>) table.get(0).get("months");
        assertThat(september).hasSize(2);
        assertThat(((Map<?, ?>) september.get(0)).get("value")).isEqualTo(25.0);
        assertThat(((Map<?, ?>) september.get(1)).get("value")).isEqualTo(0.0);
        List<?> october = (List<?>) table.get(1).get("months");
        assertThat(((Map<?, ?>) october.get(0)).get("value")).isEqualTo(100.0);
    }

    @Test
    void revenueAndRepeatRateByCategoryCountEveryCustomerOfTheCategory() {
        // promoters: one never ordered, one ordered twice for 40; detractors: one order of 10
        List<Matrix.Cell> cells = List.of(
                new Matrix.Cell("promoter", "0", 1, 0, 0),
                new Matrix.Cell("promoter", "2-3", 1, 40, 1600),
                new Matrix.Cell("detractor", "1", 1, 10, 100));
        List<Map<String, Object>> rows = Matrix.byCategory(cells, List.of("promoter", "passive", "detractor"));
        assertThat(rows.get(0))
                .containsEntry("customers", 2L)
                .containsEntry("buyers", 1L)
                .containsEntry("revenue", 40.0);
        assertThat(((Map<?, ?>) rows.get(0).get("revenuePerCustomer")).get("value"))
                .isEqualTo(20.0);
        assertThat(((Map<?, ?>) rows.get(0).get("repeatRate")).get("value")).isEqualTo(100.0);
        assertThat(rows.get(1)).containsEntry("customers", 0L);
        assertThat(((Map<?, ?>) rows.get(1).get("repeatRate")).get("value")).isNull();
        assertThat(((Map<?, ?>) rows.get(2).get("repeatRate")).get("value")).isEqualTo(0.0);

        List<Map<String, Object>> matrix = Matrix.table(cells, List.of("promoter"), LoyaltyMetrics.BANDS);
        List<?> bands = (List<?>) matrix.get(0).get("bands");
        assertThat(bands).hasSize(4);
        assertThat(((Map<?, ?>) ((Map<?, ?>) bands.get(0)).get("share")).get("value"))
                .isEqualTo(50.0);
        assertThat(((Map<?, ?>) bands.get(1)).get("customers")).isEqualTo(0L);
    }

    @Test
    void histogramBinsHaveARoundWidthThatCoversTheMaximum() {
        assertThat(Histogram.width(60_000, 20)).isEqualTo(5_000.0);
        assertThat(Histogram.width(20_000, 20)).isEqualTo(2_000.0); // 1,000 × 20 would end at the maximum
        assertThat(Histogram.width(37, 20)).isEqualTo(2.0);
        assertThat(Histogram.width(0, 20)).isEqualTo(1.0);
    }

    private static Period periodOfNovember() {
        return new Period(LocalDate.parse("2026-11-01"), LocalDate.parse("2026-11-30"), ZoneId.of("Asia/Seoul"));
    }
}

package io.touchpoint.metrics;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Monthly retention cohorts from counts of customers by first-order month and order month: for each
 * cohort its size and, for each following month up to the last month observed, the share of the
 * cohort that ordered again in that month (Wilson interval). Plain Java.
 */
public final class Cohorts {

    /** {@code customers} of the cohort that first ordered in {@code cohort} ordered in {@code month}. */
    public record Cell(LocalDate cohort, LocalDate month, long customers) {}

    private Cohorts() {}

    /**
     * @param lastMonth the first day of the last month observed; later cells do not exist yet, and
     *     cells up to it without orders are 0 %, not missing
     */
    public static List<Map<String, Object>> table(List<Cell> cells, LocalDate lastMonth) {
        Map<LocalDate, Map<Long, Long>> byCohort = new TreeMap<>();
        for (Cell cell : cells) {
            long offset = ChronoUnit.MONTHS.between(cell.cohort(), cell.month());
            byCohort.computeIfAbsent(cell.cohort(), c -> new TreeMap<>()).merge(offset, cell.customers(), Long::sum);
        }
        List<Map<String, Object>> rows = new ArrayList<>();
        byCohort.forEach((cohort, counts) -> {
            long size = counts.getOrDefault(0L, 0L);
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("cohort", cohort.toString());
            row.put("customers", size);
            List<Map<String, Object>> months = new ArrayList<>();
            long last = ChronoUnit.MONTHS.between(cohort, lastMonth);
            for (long offset = 1; offset <= last; offset++) {
                Map<String, Object> month = new LinkedHashMap<>();
                month.put("month", offset);
                month.putAll(
                        Measure.share(counts.getOrDefault(offset, 0L), size).fields());
                months.add(month);
            }
            row.put("months", months);
            rows.add(row);
        });
        return rows;
    }
}

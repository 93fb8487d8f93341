package io.touchpoint.metrics;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Customers by satisfaction category × order band, and what follows from it: revenue, revenue per
 * customer and repeat rate by category. Plain Java over the counts the store returns.
 */
public final class Matrix {

    /** {@code customers} of a category in an order band, with the sum and sum of squares of their revenue. */
    public record Cell(String category, String band, long customers, double revenue, double revenueSquares) {}

    private Matrix() {}

    /**
     * Per category: customers, buyers (at least one order), repeat buyers (two or more), the repeat
     * rate among buyers (Wilson), revenue, and revenue per customer over all its customers (t interval).
     */
    public static List<Map<String, Object>> byCategory(List<Cell> cells, List<String> categories) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (String category : categories) {
            long customers = 0;
            long buyers = 0;
            long repeaters = 0;
            double revenue = 0;
            double squares = 0;
            for (Cell cell : cells) {
                if (!cell.category().equals(category)) {
                    continue;
                }
                customers += cell.customers();
                if (!cell.band().equals("0")) {
                    buyers += cell.customers();
                }
                if (!cell.band().equals("0") && !cell.band().equals("1")) {
                    repeaters += cell.customers();
                }
                revenue += cell.revenue();
                squares += cell.revenueSquares();
            }
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("category", category);
            row.put("customers", customers);
            row.put("buyers", buyers);
            row.put("repeatBuyers", repeaters);
            row.put("repeatRate", Measure.share(repeaters, buyers).fields());
            row.put("revenue", Tally.round(revenue));
            row.put(
                    "revenuePerCustomer",
                    Measure.mean(customers, revenue, squares).fields());
            rows.add(row);
        }
        return rows;
    }

    /** Rows by category, a column per band: customers and their share of the row (Wilson). */
    public static List<Map<String, Object>> table(List<Cell> cells, List<String> categories, List<String> bands) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (String category : categories) {
            Map<String, Long> counts = new LinkedHashMap<>();
            long total = 0;
            for (Cell cell : cells) {
                if (cell.category().equals(category)) {
                    counts.merge(cell.band(), cell.customers(), Long::sum);
                    total += cell.customers();
                }
            }
            List<Map<String, Object>> columns = new ArrayList<>();
            for (String band : bands) {
                Map<String, Object> column = new LinkedHashMap<>();
                column.put("band", band);
                column.put("customers", counts.getOrDefault(band, 0L));
                column.put(
                        "share",
                        Measure.share(counts.getOrDefault(band, 0L), total).fields());
                columns.add(column);
            }
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("category", category);
            row.put("customers", total);
            row.put("bands", columns);
            rows.add(row);
        }
        return rows;
    }
}

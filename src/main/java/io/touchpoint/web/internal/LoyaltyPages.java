package io.touchpoint.web.internal;

import io.touchpoint.metrics.LoyaltyMetrics;
import io.touchpoint.metrics.Period;
import io.touchpoint.platform.FieldProblem;
import io.touchpoint.platform.InvalidInputException;
import io.touchpoint.platform.Json;
import io.touchpoint.platform.Params;
import io.touchpoint.workspace.TouchpointUser;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** Metrics › Engagement and loyalty: KPI tiles, retention cohorts, revenue by NPS category, the matrix, CLV. */
@Controller
class LoyaltyPages {

    /** A KPI tile: which measure, how many decimals, and whether it is a percentage or an amount. */
    record Kpi(String key, int decimals, boolean percent, boolean money) {}

    static final List<Kpi> KPIS = List.of(
            new Kpi("aov", 0, false, true),
            new Kpi("purchaseFrequency", 2, false, false),
            new Kpi("repeatRate", 1, true, false),
            new Kpi("pagesPerSession", 2, false, false),
            new Kpi("emailOpenRate", 1, true, false),
            new Kpi("emailClickRate", 1, true, false));

    private final LoyaltyMetrics metrics;

    LoyaltyPages(LoyaltyMetrics metrics) {
        this.metrics = metrics;
    }

    @GetMapping("/metrics/loyalty")
    String loyalty(
            @AuthenticationPrincipal TouchpointUser me,
            @RequestParam(required = false) String from,
            @RequestParam(required = false) String to,
            Model model) {
        UUID workspaceId = me.workspaceId();
        model.addAttribute("active", "metrics");
        Period period;
        try {
            period = metrics.period(workspaceId, Params.date(from, "from"), Params.date(to, "to"));
        } catch (InvalidInputException e) {
            model.addAttribute("problems", e.problems());
            period = metrics.period(workspaceId, null, null);
        }
        Map<String, Object> engagement = metrics.engagement(workspaceId, period, null);
        Map<String, Object> cohorts = metrics.cohorts(workspaceId, period);
        Map<String, Object> loyalty = metrics.loyalty(workspaceId, period, null);
        model.addAttribute("period", period);
        model.addAttribute("kpis", KPIS);
        model.addAttribute("bands", LoyaltyMetrics.BANDS);
        model.addAttribute("engagement", engagement);
        model.addAttribute("cohorts", cohorts.get("cohorts"));
        model.addAttribute("loyalty", loyalty);
        model.addAttribute("cohortsJson", Json.write(cohorts.get("cohorts")));
        model.addAttribute("npsJson", Json.write(loyalty.get("byNpsCategory")));
        model.addAttribute("clvJson", Json.write(((Map<?, ?>) loyalty.get("clv")).get("histogram")));
        return "loyalty";
    }

    /** Every table of the page as CSV: {@code table=kpis|cohorts|nps|matrix|clv}. */
    @GetMapping("/metrics/loyalty/export.csv")
    ResponseEntity<byte[]> export(
            @AuthenticationPrincipal TouchpointUser me,
            @RequestParam String table,
            @RequestParam(required = false) String from,
            @RequestParam(required = false) String to) {
        UUID workspaceId = me.workspaceId();
        Period period = metrics.period(workspaceId, Params.date(from, "from"), Params.date(to, "to"));
        String name = "loyalty-" + table + "-" + period.from() + "-" + period.to() + ".csv";
        List<List<Object>> rows = new ArrayList<>();
        switch (table) {
            case "kpis" -> {
                Map<String, Object> e = metrics.engagement(workspaceId, period, null);
                for (Kpi kpi : KPIS) {
                    Map<?, ?> m = (Map<?, ?>) e.get(kpi.key());
                    Map<?, ?> ci = (Map<?, ?>) m.get("ci");
                    Map<?, ?> previous = (Map<?, ?>) m.get("previous");
                    rows.add(List.of(
                            kpi.key(),
                            nullable(m.get("value")),
                            nullable(ci == null ? null : ci.get("low")),
                            nullable(ci == null ? null : ci.get("high")),
                            m.get("n"),
                            nullable(previous.get("value")),
                            nullable(previous.get("change")),
                            previous.get("significant")));
                }
                return Csv.download(
                        name,
                        List.of("metric", "value", "ci_low", "ci_high", "n", "previous", "change", "significant"),
                        rows);
            }
            case "cohorts" -> {
                List<?> cohorts = (List<?>) metrics.cohorts(workspaceId, period).get("cohorts");
                for (Object c : cohorts) {
                    Map<?, ?> cohort = (Map<?, ?>) c;
                    for (Object o : (List<?>) cohort.get("months")) {
                        Map<?, ?> month = (Map<?, ?>) o;
                        Map<?, ?> ci = (Map<?, ?>) month.get("ci");
                        rows.add(List.of(
                                cohort.get("cohort"),
                                cohort.get("customers"),
                                month.get("month"),
                                month.get("k"),
                                nullable(month.get("value")),
                                nullable(ci == null ? null : ci.get("low")),
                                nullable(ci == null ? null : ci.get("high"))));
                    }
                }
                return Csv.download(
                        name,
                        List.of("cohort", "customers", "months_since", "ordering", "share_pct", "ci_low", "ci_high"),
                        rows);
            }
            case "nps" -> {
                Map<String, Object> l = metrics.loyalty(workspaceId, period, null);
                for (Object o : (List<?>) l.get("byNpsCategory")) {
                    Map<?, ?> row = (Map<?, ?>) o;
                    Map<?, ?> repeat = (Map<?, ?>) row.get("repeatRate");
                    Map<?, ?> perCustomer = (Map<?, ?>) row.get("revenuePerCustomer");
                    rows.add(List.of(
                            row.get("category"),
                            row.get("customers"),
                            row.get("buyers"),
                            row.get("repeatBuyers"),
                            nullable(repeat.get("value")),
                            row.get("revenue"),
                            nullable(perCustomer.get("value")),
                            l.get("currency")));
                }
                return Csv.download(
                        name,
                        List.of(
                                "nps_category",
                                "customers",
                                "buyers",
                                "repeat_buyers",
                                "repeat_rate_pct",
                                "revenue",
                                "revenue_per_customer",
                                "currency"),
                        rows);
            }
            case "matrix" -> {
                Map<String, Object> l = metrics.loyalty(workspaceId, period, null);
                for (String kind : List.of("npsMatrix", "csatMatrix")) {
                    for (Object o : (List<?>) l.get(kind)) {
                        Map<?, ?> row = (Map<?, ?>) o;
                        for (Object b : (List<?>) row.get("bands")) {
                            Map<?, ?> band = (Map<?, ?>) b;
                            rows.add(List.of(
                                    kind.startsWith("nps") ? "nps" : "csat",
                                    row.get("category"),
                                    band.get("band"),
                                    band.get("customers"),
                                    nullable(((Map<?, ?>) band.get("share")).get("value"))));
                        }
                    }
                }
                return Csv.download(
                        name, List.of("score", "category", "orders_to_date", "customers", "share_of_row_pct"), rows);
            }
            case "clv" -> {
                Map<String, Object> l = metrics.loyalty(workspaceId, period, null);
                for (Object o : (List<?>) ((Map<?, ?>) l.get("clv")).get("histogram")) {
                    Map<?, ?> bin = (Map<?, ?>) o;
                    rows.add(List.of(bin.get("low"), bin.get("high"), bin.get("customers"), l.get("currency")));
                }
                return Csv.download(name, List.of("clv_from", "clv_below", "customers", "currency"), rows);
            }
            default -> throw new InvalidInputException(
                    "The table is not known",
                    List.of(new FieldProblem("table", "must be kpis, cohorts, nps, matrix or clv")));
        }
    }

    /** List.of refuses nulls; an empty cell stands for "no value". */
    private static Object nullable(Object value) {
        return value == null ? "" : value;
    }
}

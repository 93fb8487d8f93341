package io.touchpoint.metrics;

import io.touchpoint.platform.InvalidInputException;
import io.touchpoint.platform.Sql;
import io.touchpoint.platform.Store;
import io.touchpoint.workspace.Workspaces;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Service;

/**
 * Engagement and loyalty metrics of METRICS.md from orders and events: AOV, purchase frequency,
 * repeat purchase rate, pages per session, email open and click rates, retention cohorts, the
 * historical CLV distribution, revenue and repeat rate by NPS category, and the satisfaction ×
 * loyalty matrix. A customer is a profile as it stands now (merged profiles count once). Amounts
 * are in one currency at a time (the workspace's most used one unless asked).
 */
@Service
public class LoyaltyMetrics {

    /** Orders that count: cancelled ones never do (refunds are shown apart). */
    private static final String COUNTED = " o.status <> 'cancelled' and o.placed_at is not null ";

    private static final String ORDERS = " from orders o join customers c on c.workspace_id = o.workspace_id"
            + " and c.id = o.customer_id where o.workspace_id = ? and" + COUNTED;

    /** The frequency bands of the matrix, by orders to date. */
    public static final List<String> BANDS = List.of("0", "1", "2-3", "4+");

    private final Store store;
    private final Workspaces workspaces;
    private final Clock clock;

    LoyaltyMetrics(Store store, Workspaces workspaces, Clock clock) {
        this.store = store;
        this.workspaces = workspaces;
        this.clock = clock;
    }

    /** The period in the workspace's zone; missing dates mean the last 90 days. */
    public Period period(UUID workspaceId, LocalDate from, LocalDate to) {
        ZoneId zone = workspaces.get(workspaceId).timeZone();
        return Period.resolve(from, to, zone, clock);
    }

    /** The currency asked for, or the one most orders of the workspace are in ("" when none has one). */
    public String currency(UUID workspaceId, String asked) {
        if (asked != null && !asked.isBlank()) {
            if (asked.length() > 8) {
                throw new InvalidInputException("currency", "must be a currency code such as KRW");
            }
            return asked.trim().toUpperCase(java.util.Locale.ROOT);
        }
        return store.reads()
                .sql("select coalesce(currency, '') as cur, count(*) as n from orders where workspace_id = ? "
                        + "group by 1 order by n desc, cur limit 1")
                .params(workspaceId)
                .query((rs, i) -> rs.getString("cur"))
                .optional()
                .orElse("");
    }

    /** The engagement measures over a period, keyed by name (in display order). */
    public Map<String, Measure> measures(UUID workspaceId, Period period, String currency) {
        Map<String, Measure> out = orderMeasures(workspaceId, period, currency);
        out.putAll(eventMeasures(workspaceId, period));
        return out;
    }

    /** AOV, purchase frequency and repeat purchase rate over a period: the measures from orders alone. */
    public Map<String, Measure> orderMeasures(UUID workspaceId, Period period, String currency) {
        Map<String, Measure> out = new LinkedHashMap<>();
        Object start = Sql.ts(period.start());
        Object end = Sql.ts(period.end());
        store.reads()
                .sql("select count(*) as n, coalesce(sum(cast(o.total as float8)), 0) as s, "
                        + "coalesce(sum(cast(o.total as float8) * cast(o.total as float8)), 0) as q"
                        + ORDERS + "and o.placed_at >= ? and o.placed_at < ? and o.total is not null "
                        + "and coalesce(o.currency, '') = ?")
                .params(workspaceId, start, end, currency)
                .query(rs -> {
                    out.put("aov", Measure.mean(rs.getLong("n"), rs.getDouble("s"), rs.getDouble("q")));
                });
        store.reads()
                .sql("with b as (select c.root_id as cust, count(*) as k" + ORDERS
                        + "and o.placed_at >= ? and o.placed_at < ? group by c.root_id) "
                        + "select count(*) as n, coalesce(sum(k), 0) as s, coalesce(sum(k * k), 0) as q from b")
                .params(workspaceId, start, end)
                .query(rs -> {
                    out.put("purchaseFrequency", Measure.mean(rs.getLong("n"), rs.getDouble("s"), rs.getDouble("q")));
                });
        store.reads()
                .sql("with b as (select distinct c.root_id as cust" + ORDERS
                        + "and o.placed_at >= ? and o.placed_at < ?), "
                        + "k as (select c.root_id as cust, count(*) as k" + ORDERS
                        + "and o.placed_at < ? group by c.root_id) "
                        + "select count(*) as n, count(case when k.k >= 2 then 1 end) as r "
                        + "from b join k on k.cust = b.cust")
                .params(workspaceId, start, end, workspaceId, end)
                .query(rs -> {
                    out.put("repeatRate", Measure.share(rs.getLong("r"), rs.getLong("n")));
                });
        return out;
    }

    /** Pages per session and email open and click rates over a period: the measures from events. */
    public Map<String, Measure> eventMeasures(UUID workspaceId, Period period) {
        Map<String, Measure> out = new LinkedHashMap<>();
        Object start = Sql.ts(period.start());
        Object end = Sql.ts(period.end());
        // a session ends after 30 minutes without a page or screen view; gaps in epoch seconds, since
        // subtracting time-zone-aware timestamps is several times slower on DuckDB
        store.reads()
                .sql("with v as (select c.root_id as cust, extract(epoch from e.ts) as t "
                        + "from events e join customers c on c.workspace_id = e.workspace_id and c.id = e.customer_id "
                        + "where e.workspace_id = ? and e.type in ('page', 'screen') and e.ts >= ? and e.ts < ?), "
                        + "x as (select cust, t, case when t - lag(t) over (partition by cust order by t) <= 1800 "
                        + "then 0 else 1 end as starts from v), "
                        + "s as (select cust, sum(starts) over (partition by cust order by t "
                        + "rows between unbounded preceding and current row) as sid from x), "
                        + "p as (select cust, sid, count(*) as k from s group by cust, sid) "
                        + "select count(*) as n, coalesce(sum(k), 0) as s, coalesce(sum(k * k), 0) as q from p")
                .params(workspaceId, start, end)
                .query(rs -> {
                    out.put("pagesPerSession", Measure.mean(rs.getLong("n"), rs.getDouble("s"), rs.getDouble("q")));
                });
        // an email is its email_id, or its campaign for the customer; opens and clicks count once per email
        String key = "coalesce(properties->>'email_id', cast(customer_id as varchar) || ':' "
                + "|| coalesce(properties->>'campaign_id', ''))";
        // one scan of the email events, each key computed once (opens and clicks may come after the period)
        store.reads()
                .sql("with e as (select event, ts, " + key + " as k from events where workspace_id = ? "
                        + "and type = 'track' and event in ('Email Delivered', 'Email Opened', 'Email Link Clicked') "
                        + "and ts >= ?), "
                        + "d as (select distinct k from e where event = 'Email Delivered' and ts < ?), "
                        + "o as (select distinct k from e where event = 'Email Opened'), "
                        + "l as (select distinct k from e where event = 'Email Link Clicked') "
                        + "select count(*) as n, count(o.k) as opened, count(l.k) as clicked "
                        + "from d left join o on o.k = d.k left join l on l.k = d.k")
                .params(workspaceId, start, end)
                .query(rs -> {
                    out.put("emailOpenRate", Measure.share(rs.getLong("opened"), rs.getLong("n")));
                    out.put("emailClickRate", Measure.share(rs.getLong("clicked"), rs.getLong("n")));
                });
        return out;
    }

    /** Totals that are counts, not estimates: revenue, orders, buyers, refunds. */
    public Map<String, Object> totals(UUID workspaceId, Period period, String currency) {
        Map<String, Object> out = new LinkedHashMap<>();
        store.reads()
                .sql("select count(*) as orders, count(distinct c.root_id) as buyers, "
                        + "coalesce(sum(case when coalesce(o.currency, '') = ? then o.total end), 0) as revenue, "
                        + "count(case when o.refunded_at is not null then 1 end) as refunds, "
                        + "coalesce(sum(case when coalesce(o.currency, '') = ? then o.refund_total end), 0) as refunded"
                        + ORDERS + "and o.placed_at >= ? and o.placed_at < ?")
                .params(currency, currency, workspaceId, Sql.ts(period.start()), Sql.ts(period.end()))
                .query(rs -> {
                    out.put("orders", rs.getLong("orders"));
                    out.put("buyers", rs.getLong("buyers"));
                    out.put("revenue", rs.getBigDecimal("revenue"));
                    out.put("refundedOrders", rs.getLong("refunds"));
                    out.put("refundTotal", rs.getBigDecimal("refunded"));
                });
        return out;
    }

    /** Engagement over the period and against the previous one, as the API answers it. */
    public Map<String, Object> engagement(UUID workspaceId, Period period, String askedCurrency) {
        String currency = currency(workspaceId, askedCurrency);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("from", period.from().toString());
        out.put("to", period.to().toString());
        out.put("currency", currency);
        out.putAll(totals(workspaceId, period, currency));
        Map<String, Measure> now = measures(workspaceId, period, currency);
        Map<String, Measure> before = measures(workspaceId, period.previous(), currency);
        now.forEach((name, m) -> out.put(name, m.fieldsAgainst(before.get(name), period.previous())));
        return out;
    }

    /**
     * AOV and repeat purchase rate per bucket (day, ISO week or month in the workspace's zone; empty
     * buckets kept), as on the overview's sparklines.
     */
    public List<Map<String, Object>> trend(UUID workspaceId, Period period, String interval, String currency) {
        if (!FeedbackMetrics.INTERVALS.contains(interval)) {
            throw new InvalidInputException("interval", "must be day, week or month");
        }
        String zone = zoneLiteral(period.zone());
        String bucket = "cast(date_trunc('" + interval + "', o.placed_at at time zone '" + zone + "') as date)";
        Object start = Sql.ts(period.start());
        Object end = Sql.ts(period.end());
        Map<LocalDate, Measure> aov = new java.util.HashMap<>();
        store.reads()
                .sql("select " + bucket + " as b, count(*) as n, sum(cast(o.total as float8)) as s, "
                        + "sum(cast(o.total as float8) * cast(o.total as float8)) as q" + ORDERS
                        + "and o.placed_at >= ? and o.placed_at < ? and o.total is not null "
                        + "and coalesce(o.currency, '') = ? group by 1")
                .params(workspaceId, start, end, currency)
                .query(rs -> {
                    aov.put(
                            rs.getObject("b", LocalDate.class),
                            Measure.mean(rs.getLong("n"), rs.getDouble("s"), rs.getDouble("q")));
                });
        // a buyer of a bucket repeats when their orders up to their last order in it number two or more
        Map<LocalDate, Measure> repeat = new java.util.HashMap<>();
        store.reads()
                .sql("with o as (select c.root_id as cust, o.placed_at, " + bucket + " as b" + ORDERS
                        + "and o.placed_at < ?), r as (select cust, b, placed_at, count(*) over (partition by cust "
                        + "order by placed_at rows between unbounded preceding and current row) as k from o), "
                        + "w as (select cust, b, max(k) as k from r where placed_at >= ? group by cust, b) "
                        + "select b, count(*) as n, count(case when k >= 2 then 1 end) as rep from w group by b")
                .params(workspaceId, end, start)
                .query(rs -> {
                    repeat.put(rs.getObject("b", LocalDate.class), Measure.share(rs.getLong("rep"), rs.getLong("n")));
                });
        List<Map<String, Object>> series = new ArrayList<>();
        for (LocalDate b : FeedbackMetrics.buckets(period.from(), period.to(), interval)) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("bucket", b.toString());
            row.put("aov", aov.getOrDefault(b, Measure.mean(0, 0, 0)).fields());
            row.put("repeatRate", repeat.getOrDefault(b, Measure.share(0, 0)).fields());
            series.add(row);
        }
        return series;
    }

    /** Retention cohorts: customers by first-order month (within the period) × months since. */
    public Map<String, Object> cohorts(UUID workspaceId, Period period) {
        String zone = zoneLiteral(period.zone());
        String month = "cast(date_trunc('month', o.placed_at at time zone '" + zone + "') as date)";
        LocalDate firstMonth = period.from().withDayOfMonth(1);
        LocalDate lastMonth = period.to().withDayOfMonth(1);
        List<Cohorts.Cell> cells = new ArrayList<>();
        store.reads()
                .sql("with m as (select distinct c.root_id as cust, " + month + " as m" + ORDERS
                        + "and o.placed_at < ?), f as (select cust, min(m) as first from m group by cust) "
                        + "select f.first as cohort, m.m as month, count(*) as n from m join f on f.cust = m.cust "
                        + "where f.first >= ? group by 1, 2 order by 1, 2")
                .params(workspaceId, Sql.ts(period.end()), firstMonth)
                .query(rs -> {
                    cells.add(new Cohorts.Cell(
                            rs.getObject("cohort", LocalDate.class),
                            rs.getObject("month", LocalDate.class),
                            rs.getLong("n")));
                });
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("from", period.from().toString());
        out.put("to", period.to().toString());
        out.put("cohorts", Cohorts.table(cells, lastMonth));
        return out;
    }

    /**
     * The loyalty view up to the end of the period: the CLV distribution, revenue and repeat rate by
     * NPS category (latest NPS answer), and the matrix of NPS and CSAT categories × order bands.
     */
    public Map<String, Object> loyalty(UUID workspaceId, Period period, String askedCurrency) {
        String currency = currency(workspaceId, askedCurrency);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("from", period.from().toString());
        out.put("to", period.to().toString());
        out.put("currency", currency);
        out.put("clv", clv(workspaceId, period, currency));
        List<Matrix.Cell> nps = categories(workspaceId, period, currency, Tally.Kind.NPS);
        out.put("byNpsCategory", Matrix.byCategory(nps, List.of("promoter", "passive", "detractor")));
        out.put("npsMatrix", Matrix.table(nps, List.of("promoter", "passive", "detractor"), BANDS));
        List<Matrix.Cell> csat = categories(workspaceId, period, currency, Tally.Kind.CSAT);
        out.put("csatMatrix", Matrix.table(csat, List.of("satisfied", "dissatisfied"), BANDS));
        return out;
    }

    /** Revenue per customer to the end of the period, over customers with at least one order. */
    Map<String, Object> clv(UUID workspaceId, Period period, String currency) {
        String perCustomer = "with v as (select c.root_id as cust, sum(cast(o.total as float8)) as clv" + ORDERS
                + "and o.placed_at < ? and o.total is not null and coalesce(o.currency, '') = ? group by c.root_id) ";
        Map<String, Object> out = new LinkedHashMap<>();
        double[] max = new double[1];
        store.reads()
                .sql(perCustomer
                        + "select count(*) as n, coalesce(sum(clv), 0) as s, coalesce(sum(clv * clv), 0) as q, "
                        + "max(clv) as mx, percentile_cont(0.25) within group (order by clv) as p25, "
                        + "percentile_cont(0.5) within group (order by clv) as p50, "
                        + "percentile_cont(0.75) within group (order by clv) as p75, "
                        + "percentile_cont(0.9) within group (order by clv) as p90, "
                        + "percentile_cont(0.99) within group (order by clv) as p99 from v")
                .params(workspaceId, Sql.ts(period.end()), currency)
                .query(rs -> {
                    out.put(
                            "mean",
                            Measure.mean(rs.getLong("n"), rs.getDouble("s"), rs.getDouble("q"))
                                    .fields());
                    Map<String, Object> percentiles = new LinkedHashMap<>();
                    for (String p : List.of("p25", "p50", "p75", "p90", "p99")) {
                        Object v = rs.getObject(p);
                        percentiles.put(p, v == null ? null : Tally.round(((Number) v).doubleValue()));
                    }
                    out.put("percentiles", percentiles);
                    max[0] = rs.getDouble("mx");
                    out.put("max", Tally.round(max[0]));
                });
        double width = Histogram.width(max[0], 20);
        Map<Integer, Long> counts = new java.util.HashMap<>();
        store.reads()
                .sql(perCustomer + "select cast(floor(clv / ?) as integer) as b, count(*) as n from v group by 1")
                .params(workspaceId, Sql.ts(period.end()), currency, width)
                .query(rs -> {
                    counts.put(rs.getInt("b"), rs.getLong("n"));
                });
        // every bin from 0 to the highest, empty ones included (a negative total would add bins below 0)
        int first = counts.keySet().stream().min(Integer::compare).orElse(0);
        int last = counts.keySet().stream().max(Integer::compare).orElse(-1);
        List<Map<String, Object>> bins = new ArrayList<>();
        for (int b = Math.min(0, first); b <= last; b++) {
            Map<String, Object> bin = new LinkedHashMap<>();
            bin.put("low", Tally.round(b * width));
            bin.put("high", Tally.round((b + 1) * width));
            bin.put("customers", counts.getOrDefault(b, 0L));
            bins.add(bin);
        }
        out.put("binWidth", width);
        out.put("histogram", bins);
        return out;
    }

    /** Customers by category of their latest answer × order band, with their revenue to date. */
    List<Matrix.Cell> categories(UUID workspaceId, Period period, String currency, Tally.Kind kind) {
        String category = kind == Tally.Kind.NPS
                ? "case when v >= 9 then 'promoter' when v >= 7 then 'passive' else 'detractor' end"
                : "case when v >= coalesce(sm, 5) - 1 then 'satisfied' else 'dissatisfied' end";
        Object end = Sql.ts(period.end());
        List<Matrix.Cell> cells = new ArrayList<>();
        store.reads()
                .sql("with l as (select c.root_id as cust, a.value_number as v, a.scale_max as sm, "
                        + "row_number() over (partition by c.root_id order by r.finished_at desc, r.id desc) as rn "
                        + "from answers a join responses r on r.workspace_id = a.workspace_id and r.id = a.response_id "
                        + "join customers c on c.workspace_id = r.workspace_id and c.id = r.customer_id "
                        + "where a.workspace_id = ? and a.question_type = ? and not r.partial and r.finished_at < ?), "
                        + "g as (select cust, " + category + " as cat from l where rn = 1), "
                        + "k as (select c.root_id as cust, count(*) as k, sum(case when coalesce(o.currency, '') = ? "
                        + "then cast(o.total as float8) else 0 end) as rev" + ORDERS
                        + "and o.placed_at < ? group by c.root_id) "
                        + "select g.cat, case when k.k is null then '0' when k.k = 1 then '1' when k.k <= 3 then '2-3' "
                        + "else '4+' end as band, count(*) as n, coalesce(sum(k.rev), 0) as s, "
                        + "coalesce(sum(k.rev * k.rev), 0) as q from g left join k on k.cust = g.cust group by 1, 2")
                .params(workspaceId, kind.name().toLowerCase(java.util.Locale.ROOT), end, currency, workspaceId, end)
                .query(rs -> {
                    cells.add(new Matrix.Cell(
                            rs.getString("cat"),
                            rs.getString("band"),
                            rs.getLong("n"),
                            rs.getDouble("s"),
                            rs.getDouble("q")));
                });
        return cells;
    }

    static String zoneLiteral(ZoneId zone) {
        return zone.getId().replace("'", "");
    }
}

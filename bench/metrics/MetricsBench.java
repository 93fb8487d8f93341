import io.touchpoint.customers.Segment;
import io.touchpoint.customers.Segments;
import io.touchpoint.customers.internal.SegmentRules;
import io.touchpoint.platform.Json;
import io.touchpoint.platform.Sql;
import io.touchpoint.platform.Store;
import io.touchpoint.workspace.Workspace;
import io.touchpoint.workspace.Workspaces;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import javax.sql.DataSource;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;

/**
 * Times the metric calls the dashboard makes over HTTP (NPS weekly trend for a year, NPS by segment,
 * and the cohort table when its endpoint exists) against the same numbers computed by plain SQL
 * through JDBC on the same store in the same process: warm-up, then N runs of each, API and SQL
 * taking turns; prints p50 and p95 and the ratio of the p50s. It also checks that both give the
 * same counts, so a fast but wrong API cannot pass.
 *
 * <p>Usage: {@code MetricsBench --data-dir DIR --key SECRET_KEY [--port 18084] [--warmup 5] [--runs 30]
 * [--to YYYY-MM-DD] [--cohort-path /api/v1/...]}
 */
final class MetricsBench {

    /** Something to time: returns a value compared between the API and SQL sides. */
    @FunctionalInterface
    private interface Call {
        Object run() throws Exception;
    }

    private final HttpClient http = HttpClient.newHttpClient();
    private final String base;
    private final String key;
    private final DataSource data;
    private final UUID workspaceId;
    private final String zone;

    private MetricsBench(String base, String key, DataSource data, UUID workspaceId, ZoneId zone) {
        this.base = base;
        this.key = key;
        this.data = data;
        this.workspaceId = workspaceId;
        this.zone = zone.getId().replace("'", "");
    }

    public static void main(String[] argv) throws Exception {
        Map<String, String> args = BenchApp.options(argv);
        int port = Integer.parseInt(args.getOrDefault("port", "18084"));
        int warmup = Integer.parseInt(args.getOrDefault("warmup", "5"));
        int runs = Integer.parseInt(args.getOrDefault("runs", "30"));
        long started = System.nanoTime();
        try (ConfigurableApplicationContext app = BenchApp.start(port, args.get("data-dir"))) {
            System.out.printf("== server up in %.1f s%n", (System.nanoTime() - started) / 1e9);
            Store store = app.getBean(Store.class);
            Workspace workspace = app.getBean(Workspaces.class).defaultWorkspace();
            LocalDate to =
                    args.containsKey("to") ? LocalDate.parse(args.get("to")) : LocalDate.now(workspace.timeZone());
            LocalDate from = to.minusDays(364);
            MetricsBench bench = new MetricsBench(
                    "http://127.0.0.1:" + port,
                    Objects.requireNonNull(args.get("key"), "--key"),
                    store.readDataSource(),
                    workspace.id(),
                    workspace.timeZone());
            List<Segment> segments = app.getBean(Segments.class).list(workspace.id());
            // the reports read each segment's stored membership (ADR 0026): make sure it is there
            long snapshotStarted = System.nanoTime();
            int snapshots;
            try {
                snapshots = app.getBean(Segments.class).refreshSnapshots();
            } catch (org.springframework.dao.DataAccessException e) {
                // on PostgreSQL the server's own refresher may be writing the same segment's snapshot
                // at this moment (the two are not serialised; the loser's write is rolled back)
                System.out.println("== segment snapshots: " + e.getClass().getSimpleName() + ", once more");
                Thread.sleep(2000);
                snapshots = app.getBean(Segments.class).refreshSnapshots();
            }
            System.out.printf(
                    "== segment snapshots recomputed: %d in %.0f ms%n",
                    snapshots, (System.nanoTime() - snapshotStarted) / 1e6);
            rollups(app, store, workspace.id());
            System.out.printf(
                    "== store %s, %s to %s (%s), %d segments; warm-up %d, runs %d%n",
                    store.dialect(), from, to, workspace.timeZone(), segments.size(), warmup, runs);
            String period = "from=" + from + "&to=" + to;
            bench.compare(
                    "NPS weekly trend, 1 year",
                    () -> bench.apiTrend("/api/v1/metrics/nps?" + period + "&interval=week"),
                    () -> bench.sqlTrend(from, to, workspace.timeZone()),
                    warmup,
                    runs);
            bench.compare(
                    "NPS by segment, 1 year",
                    () -> bench.apiGroups("/api/v1/metrics/nps?" + period + "&by=segment"),
                    () -> bench.sqlSegments(segments, from, to, workspace.timeZone(), false),
                    warmup,
                    runs);
            bench.compare(
                    "NPS by segment, 1 year, SQL over stored members",
                    () -> bench.apiGroups("/api/v1/metrics/nps?" + period + "&by=segment"),
                    () -> bench.sqlSegments(segments, from, to, workspace.timeZone(), true),
                    warmup,
                    runs);
            String cohortPath = args.getOrDefault("cohort-path", "/api/v1/metrics/cohorts?" + period);
            bench.compare(
                    "Retention cohorts (first-order month × months since), 1 year",
                    () -> bench.get(cohortPath).path("cohorts").size(),
                    () -> bench.sqlCohorts(from, to, workspace.timeZone()),
                    warmup,
                    runs);
        }
    }

    /**
     * Builds the workspace's per-day answer rollups from scratch (ADR 0024: the generator's rows
     * bypassed the change log) and reports the time, when this build has them and they are on.
     * Reflection: the benchmark also runs against builds from before rollups.
     */
    private static void rollups(ConfigurableApplicationContext app, Store store, UUID workspaceId) throws Exception {
        Class<?> type;
        try {
            type = Class.forName("io.touchpoint.metrics.AnswerRollups");
        } catch (ClassNotFoundException e) {
            System.out.println("== rollups: not in this build");
            return;
        }
        Object rollups = app.getBean(type);
        if (!(Boolean) type.getMethod("enabled").invoke(rollups)) {
            System.out.println("== rollups: off");
            return;
        }
        // first let a refresh the server started on its own finish, then forget the state: the next
        // refresh rebuilds the workspace (what operations does after a bulk load), timed
        type.getMethod("refresh").invoke(rollups);
        store.write(tx -> tx.jdbc()
                .sql("delete from metric_rollup_state where workspace_id = ?")
                .params(workspaceId)
                .update());
        long started = System.nanoTime();
        Object done = type.getMethod("refresh").invoke(rollups);
        System.out.printf("== rollups rebuilt in %.0f ms: %s%n", (System.nanoTime() - started) / 1e6, done);
    }

    /** Times both sides, prints a result line; a null API side is reported as n/a. */
    private void compare(String name, Call api, Call sql, int warmup, int runs) throws Exception {
        Object apiValue = api == null ? null : api.run();
        Object sqlValue = sql.run();
        String check = api == null ? "n/a" : apiValue.equals(sqlValue) ? "same counts" : "DIFFERENT";
        if ("DIFFERENT".equals(check)) {
            System.out.println("   API: " + apiValue + "\n   SQL: " + sqlValue);
        }
        for (int i = 0; i < warmup; i++) {
            if (api != null) {
                api.run();
            }
            sql.run();
        }
        double[] apiMs = new double[runs];
        double[] sqlMs = new double[runs];
        for (int i = 0; i < runs; i++) {
            if (api != null) {
                apiMs[i] = time(api);
            }
            sqlMs[i] = time(sql);
        }
        Arrays.sort(apiMs);
        Arrays.sort(sqlMs);
        String slug = name.replaceAll("[^A-Za-z]+", "_").toLowerCase();
        if (api == null) {
            System.out.printf(
                    "%-62s API n/a (no endpoint)   SQL p50 %7.1f p95 %7.1f ms%n",
                    name, percentile(sqlMs, 50), percentile(sqlMs, 95));
            System.out.printf(
                    "RESULT case=%s sql_p50=%.1f sql_p95=%.1f%n", slug, percentile(sqlMs, 50), percentile(sqlMs, 95));
            return;
        }
        double ratio = percentile(apiMs, 50) / percentile(sqlMs, 50);
        System.out.printf(
                "%-62s API p50 %7.1f p95 %7.1f ms   SQL p50 %7.1f p95 %7.1f ms   API/SQL %.2f   %s%n",
                name,
                percentile(apiMs, 50),
                percentile(apiMs, 95),
                percentile(sqlMs, 50),
                percentile(sqlMs, 95),
                ratio,
                check);
        System.out.printf(
                "RESULT case=%s api_p50=%.1f api_p95=%.1f sql_p50=%.1f sql_p95=%.1f ratio=%.2f check=%s%n",
                slug,
                percentile(apiMs, 50),
                percentile(apiMs, 95),
                percentile(sqlMs, 50),
                percentile(sqlMs, 95),
                ratio,
                check.replace(' ', '_'));
    }

    private static double time(Call call) throws Exception {
        long start = System.nanoTime();
        call.run();
        return (System.nanoTime() - start) / 1e6;
    }

    /** Nearest-rank percentile of sorted values. */
    private static double percentile(double[] sorted, int p) {
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.max(0, rank - 1)];
    }

    private JsonNode get(String path) throws Exception {
        HttpResponse<String> response = http.send(
                HttpRequest.newBuilder(URI.create(base + path))
                        .header("Authorization", "Bearer " + key)
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException(path + " answered " + response.statusCode() + ": " + response.body());
        }
        return Json.MAPPER.readTree(response.body());
    }

    /** n, promoters and detractors of the period, n of the previous period, and n per week. */
    private Object apiTrend(String path) throws Exception {
        JsonNode body = get(path);
        List<Long> weeks = new ArrayList<>();
        body.get("series").forEach(row -> weeks.add(row.get("n").asLong()));
        return List.of(
                body.get("n").asLong(),
                body.get("promoters").asLong(),
                body.get("detractors").asLong(),
                body.get("previous").get("n").asLong(),
                weeks);
    }

    /** n per group key. */
    private Object apiGroups(String path) throws Exception {
        Map<String, Long> groups = new LinkedHashMap<>();
        get(path)
                .get("groups")
                .forEach(g -> groups.put(g.get("key").asString(), g.get("n").asLong()));
        return new java.util.TreeMap<>(groups);
    }

    private static final String NPS_FROM = "from answers a join responses r on r.workspace_id = a.workspace_id "
            + "and r.id = a.response_id where a.workspace_id = ? and a.question_type = 'nps' and not r.partial ";

    private Object sqlTrend(LocalDate from, LocalDate to, ZoneId zoneId) throws Exception {
        Instant start = from.atStartOfDay(zoneId).toInstant();
        Instant end = to.plusDays(1).atStartOfDay(zoneId).toInstant();
        Instant previous = from.minusDays(365).atStartOfDay(zoneId).toInstant();
        try (Connection connection = data.getConnection()) {
            long[] totals = new long[4];
            try (PreparedStatement totalsQuery = connection.prepareStatement("select "
                    + "count(*) filter (where r.finished_at >= ?), "
                    + "count(*) filter (where r.finished_at >= ? and a.value_number >= 9), "
                    + "count(*) filter (where r.finished_at >= ? and a.value_number <= 6), "
                    + "count(*) filter (where r.finished_at < ?) "
                    + NPS_FROM + "and r.finished_at >= ? and r.finished_at < ?")) {
                Object[] params = {
                    Sql.ts(start),
                    Sql.ts(start),
                    Sql.ts(start),
                    Sql.ts(start),
                    workspaceId,
                    Sql.ts(previous),
                    Sql.ts(end)
                };
                bind(totalsQuery, params);
                try (ResultSet rs = totalsQuery.executeQuery()) {
                    rs.next();
                    for (int i = 0; i < 4; i++) {
                        totals[i] = rs.getLong(i + 1);
                    }
                }
            }
            Map<LocalDate, Long> byWeek = new LinkedHashMap<>();
            try (PreparedStatement weekly =
                    connection.prepareStatement("select cast(date_trunc('week', r.finished_at at "
                            + "time zone '" + zone
                            + "') as date) as week, count(*) filter (where a.value_number >= 9) as p, "
                            + "count(*) filter (where a.value_number <= 6) as d, count(*) as n "
                            + NPS_FROM + "and r.finished_at >= ? and r.finished_at < ? group by 1 order by 1")) {
                bind(weekly, new Object[] {workspaceId, Sql.ts(start), Sql.ts(end)});
                try (ResultSet rs = weekly.executeQuery()) {
                    while (rs.next()) {
                        byWeek.put(rs.getObject(1, LocalDate.class), rs.getLong(4));
                    }
                }
            }
            List<Long> weeks = new ArrayList<>();
            LocalDate week = from.minusDays(from.getDayOfWeek().getValue() - 1L);
            for (; !week.isAfter(to); week = week.plusWeeks(1)) {
                weeks.add(byWeek.getOrDefault(week, 0L));
            }
            return List.of(totals[0], totals[1], totals[2], totals[3], weeks);
        }
    }

    /**
     * One statement: NPS counts per segment, segments as the product defines them; {@code stored}: members from the segments' stored snapshots (what the API
     * reads while they are fresh), else from the segments' rules evaluated now.
     */
    private Object sqlSegments(List<Segment> segments, LocalDate from, LocalDate to, ZoneId zoneId, boolean stored)
            throws Exception {
        Instant start = from.atStartOfDay(zoneId).toInstant();
        Instant end = to.plusDays(1).atStartOfDay(zoneId).toInstant();
        // the period's answers read once, joined to every segment's members (each member list is
        // a set here: stored snapshots have a key, rule queries select each person once)
        List<String> parts = new ArrayList<>();
        List<Object> params = new ArrayList<>();
        Map<String, Long> groups = new java.util.TreeMap<>();
        for (Segment segment : segments) {
            SegmentRules.Query members = stored
                    ? new SegmentRules.Query(
                            "select root_id from segment_members where workspace_id = ? and segment_id = ?",
                            List.of(workspaceId, segment.id()))
                    : SegmentRules.compile(workspaceId, segment.definition(), Instant.now());
            parts.add(
                    "select '" + segment.id() + "' as segment, root_id from (" + members.sql() + ") s" + parts.size());
            params.addAll(members.params());
            groups.put(segment.id().toString(), 0L);
        }
        String sql = "with m as (" + String.join(" union all ", parts) + ") select m.segment, "
                + "count(*) filter (where a.value_number >= 9) as p, count(*) filter (where a.value_number <= 6) as d, "
                + "count(*) as n from answers a join responses r on r.workspace_id = a.workspace_id "
                + "and r.id = a.response_id join m on m.root_id = r.customer_id where a.workspace_id = ? "
                + "and a.question_type = 'nps' and not r.partial and r.finished_at >= ? and r.finished_at < ? "
                + "group by m.segment";
        params.add(workspaceId);
        params.add(Sql.ts(start));
        params.add(Sql.ts(end));
        try (Connection connection = data.getConnection();
                PreparedStatement query = connection.prepareStatement(sql)) {
            bind(query, params.toArray());
            try (ResultSet rs = query.executeQuery()) {
                while (rs.next()) {
                    groups.put(rs.getString(1), rs.getLong(4));
                }
            }
        }
        return groups;
    }

    /** Customers by first-order month (cohorts of the period) and months since, ordering again. */
    private Object sqlCohorts(LocalDate from, LocalDate to, ZoneId zoneId) throws Exception {
        String local = " at time zone '" + zone + "'";
        String sql = "with person_orders as (select c.root_id, o.placed_at from orders o join customers c on "
                + "c.workspace_id = o.workspace_id and c.id = o.customer_id where o.workspace_id = ? "
                + "and o.placed_at is not null), "
                + "firsts as (select root_id, min(placed_at) as first_at from person_orders group by root_id), "
                + "active as (select distinct p.root_id, cast(date_trunc('month', f.first_at" + local
                + ") as date) as cohort, (extract(year from p.placed_at" + local + ") - extract(year from f.first_at"
                + local + ")) * 12 + extract(month from p.placed_at" + local + ") - extract(month from f.first_at"
                + local + ") as since from person_orders p join firsts f on f.root_id = p.root_id "
                + "where f.first_at >= ? and f.first_at < ?) "
                + "select cohort, since, count(*) as customers from active group by 1, 2 order by 1, 2";
        int cells = 0;
        int cohorts = 0;
        try (Connection connection = data.getConnection();
                PreparedStatement query = connection.prepareStatement(sql)) {
            bind(query, new Object[] {
                workspaceId,
                Sql.ts(from.withDayOfMonth(1).atStartOfDay(zoneId).toInstant()),
                Sql.ts(to.plusDays(1).atStartOfDay(zoneId).toInstant())
            });
            try (ResultSet rs = query.executeQuery()) {
                while (rs.next()) {
                    cells++;
                    cohorts += rs.getInt("since") == 0 ? 1 : 0;
                }
            }
        }
        // the API keeps months in which nobody ordered again, so only the cohorts compare one to one
        return cells > 0 ? cohorts : 0;
    }

    private static void bind(PreparedStatement statement, Object[] params) throws Exception {
        for (int i = 0; i < params.length; i++) {
            statement.setObject(i + 1, params[i]);
        }
    }
}

package io.touchpoint.metrics;

import io.touchpoint.customers.SegmentMembersQuery;
import io.touchpoint.customers.Segments;
import io.touchpoint.feedback.Surveys;
import io.touchpoint.platform.FieldProblem;
import io.touchpoint.platform.InvalidInputException;
import io.touchpoint.platform.NotFoundException;
import io.touchpoint.platform.Sql;
import io.touchpoint.platform.Store;
import io.touchpoint.workspace.Workspaces;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.stereotype.Service;

/**
 * NPS, CSAT and CES over a period, as in METRICS.md: overall with interval and n, a trend by day,
 * ISO week or month in the workspace's time zone (empty buckets kept), a breakdown, and the change
 * against the previous period of the same length with a significance flag. Only finished
 * responses count; partial ones never do.
 */
@Service
public class FeedbackMetrics {

    /** What to compute. {@code to} is inclusive; {@code interval} and {@code by} may be null. */
    public record Query(UUID surveyId, LocalDate from, LocalDate to, String interval, String by) {}

    static final Set<String> INTERVALS = Set.of("day", "week", "month");

    /** Keys of a tally split into the previous period and the current one. */
    private static final int PREVIOUS = 0;

    private static final int CURRENT = 1;
    static final Set<String> DIMENSIONS =
            Set.of("channel", "touchpoint", "language", "survey", "segment", "product", "tier");

    /** Products each customer (as a profile stands now) ordered before the end of the period. */
    private static final String PRODUCTS =
            " join customers rc on rc.workspace_id = r.workspace_id and rc.id = r.customer_id"
                    + " join (select distinct c.root_id as cust, i.product_id as product from orders o"
                    + " join customers c on c.workspace_id = o.workspace_id and c.id = o.customer_id"
                    + " join order_items i on i.workspace_id = o.workspace_id and i.order_id = o.order_id"
                    + " where o.workspace_id = ? and o.status <> 'cancelled' and o.placed_at < ?) g on g.cust = rc.root_id ";

    /** Each customer's latest {@code tier} trait. */
    private static final String TIERS =
            " join customers rc on rc.workspace_id = r.workspace_id and rc.id = r.customer_id"
                    + " join (select cust, tier from (select c.root_id as cust, t.value_text as tier, row_number() over"
                    + " (partition by c.root_id order by t.observed_at desc) as rn from trait_history t"
                    + " join customers c on c.workspace_id = t.workspace_id and c.id = t.customer_id"
                    + " where t.workspace_id = ? and t.name = 'tier') x where rn = 1) g on g.cust = rc.root_id ";

    private final Store store;
    private final Workspaces workspaces;
    private final Surveys surveys;
    private final Segments segments;
    private final AnswerRollups rollups;
    private final Clock clock;

    FeedbackMetrics(
            Store store,
            Workspaces workspaces,
            Surveys surveys,
            Segments segments,
            AnswerRollups rollups,
            Clock clock) {
        this.store = store;
        this.workspaces = workspaces;
        this.surveys = surveys;
        this.segments = segments;
        this.rollups = rollups;
        this.clock = clock;
    }

    /** The query with defaults filled in (the last 90 days) and checked. */
    public Query check(UUID workspaceId, Query query) {
        ZoneId zone = workspaces.get(workspaceId).timeZone();
        LocalDate to = query.to() == null ? LocalDate.now(clock.withZone(zone)) : query.to();
        LocalDate from = query.from() == null ? to.minusDays(89) : query.from();
        List<FieldProblem> problems = new ArrayList<>();
        if (from.isAfter(to)) {
            problems.add(new FieldProblem("from", "must not be after to"));
        } else if (ChronoUnit.DAYS.between(from, to) > 3660) {
            problems.add(new FieldProblem("from", "the period may be at most 10 years"));
        }
        if (query.interval() != null && !INTERVALS.contains(query.interval())) {
            problems.add(new FieldProblem("interval", "must be day, week or month"));
        } else if ("day".equals(query.interval()) && ChronoUnit.DAYS.between(from, to) > 731) {
            problems.add(new FieldProblem("interval", "daily series cover at most two years"));
        }
        if (query.by() != null && !DIMENSIONS.contains(query.by())) {
            problems.add(new FieldProblem(
                    "by", "must be one of channel, touchpoint, language, survey, segment, product, tier"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException("The metric query is not valid", problems);
        }
        if (query.surveyId() != null) {
            try {
                surveys.get(workspaceId, query.surveyId());
            } catch (NotFoundException e) {
                throw new InvalidInputException("surveyId", "no such survey");
            }
        }
        return new Query(query.surveyId(), from, to, query.interval(), query.by());
    }

    public Map<String, Object> compute(UUID workspaceId, Tally.Kind kind, Query raw) {
        Query query = check(workspaceId, raw);
        ZoneId zone = workspaces.get(workspaceId).timeZone();
        Map<String, Object> result = new LinkedHashMap<>();
        long days = ChronoUnit.DAYS.between(query.from(), query.to()) + 1;
        LocalDate previousTo = query.from().minusDays(1);
        LocalDate previousFrom = previousTo.minusDays(days - 1);
        // one scan covers the previous period and this one: answers before the split are the previous period's
        java.time.Instant split = query.from().atStartOfDay(zone).toInstant();
        Map<List<Object>, Tally> both = tally(
                workspaceId, kind, query, zone, previousFrom, query.to(), query.interval(), null, "", List.of(), split);
        Tally current = new Tally(kind);
        Tally previous;
        Map<List<Object>, Tally> buckets = null;
        if (query.interval() != null) {
            previous = both.remove(java.util.Collections.singletonList(null));
            buckets = both;
            // the buckets cover the period exactly, so their sum is the total
            buckets.values().forEach(current::addAll);
        } else {
            previous = both.get(List.of(PREVIOUS));
            current.addAll(both.getOrDefault(List.of(CURRENT), new Tally(kind)));
        }
        if (previous == null) {
            previous = new Tally(kind);
        }
        result.putAll(current.fields());
        result.put("from", query.from().toString());
        result.put("to", query.to().toString());

        Map<String, Object> comparison = new LinkedHashMap<>();
        comparison.put("from", previousFrom.toString());
        comparison.put("to", previousTo.toString());
        comparison.put("value", previous.value() == null ? null : Tally.round(previous.value()));
        comparison.put("n", previous.n());
        comparison.put(
                "change",
                current.value() == null || previous.value() == null
                        ? null
                        : Tally.round(current.value() - previous.value()));
        comparison.put("significant", current.differsFrom(previous));
        result.put("previous", comparison);

        if (buckets != null) {
            List<Map<String, Object>> series = new ArrayList<>();
            for (LocalDate bucket : buckets(query.from(), query.to(), query.interval())) {
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("bucket", bucket.toString());
                row.putAll(
                        buckets.getOrDefault(List.of(bucket), new Tally(kind)).fields());
                series.add(row);
            }
            result.put("series", series);
        }
        if (query.by() != null) {
            result.put("groups", byImpact(groups(workspaceId, kind, query, zone), current));
        }
        return result;
    }

    /** The tally of all answers of a kind over a period (every survey). */
    public Tally total(UUID workspaceId, Tally.Kind kind, Period period) {
        Query query = new Query(null, period.from(), period.to(), null, null);
        return tally(workspaceId, kind, query, period.zone(), period.from(), period.to(), null, null)
                .getOrDefault(List.of(), new Tally(kind));
    }

    private List<Map<String, Object>> groups(UUID workspaceId, Tally.Kind kind, Query query, ZoneId zone) {
        List<Map<String, Object>> groups = new ArrayList<>();
        if ("segment".equals(query.by())) {
            List<SegmentMembersQuery> all = segments.memberQueries(workspaceId);
            Map<Integer, Tally> bySegment =
                    all.isEmpty() ? Map.of() : segmentTallies(workspaceId, kind, query, zone, all);
            for (int i = 0; i < all.size(); i++) {
                SegmentMembersQuery segment = all.get(i);
                Tally tally = bySegment.getOrDefault(i, new Tally(kind));
                Map<String, Object> group = group(segment.segmentId().toString(), segment.name(), tally);
                // when the members were computed: the segment's stored snapshot, or now
                group.put(
                        "membersAsOf",
                        (segment.asOf() == null ? clock.instant() : segment.asOf())
                                .truncatedTo(ChronoUnit.SECONDS)
                                .toString());
                groups.add(group);
            }
        } else if ("product".equals(query.by()) || "tier".equals(query.by())) {
            boolean product = "product".equals(query.by());
            List<Object> joinParams = product
                    ? List.of(
                            workspaceId,
                            Sql.ts(query.to().plusDays(1).atStartOfDay(zone).toInstant()))
                    : List.of(workspaceId);
            Map<String, String> names = product ? productNames(workspaceId) : Map.of();
            tally(
                            workspaceId,
                            kind,
                            query,
                            zone,
                            query.from(),
                            query.to(),
                            null,
                            "g." + query.by(),
                            product ? PRODUCTS : TIERS,
                            joinParams,
                            null)
                    .forEach((key, tally) -> {
                        String k = key.get(0) == null ? null : key.get(0).toString();
                        groups.add(group(k, names.getOrDefault(k, k), tally));
                    });
        } else {
            String column =
                    switch (query.by()) {
                        case "survey" -> "r.survey_id";
                        default -> "r." + query.by();
                    };
            Map<String, String> names = new HashMap<>();
            if ("survey".equals(query.by())) {
                surveys.list(workspaceId).forEach(s -> names.put(s.id().toString(), s.name()));
            }
            tally(workspaceId, kind, query, zone, query.from(), query.to(), null, column)
                    .forEach((key, tally) -> {
                        String k = key.get(0) == null ? null : key.get(0).toString();
                        groups.add(group(k, names.getOrDefault(k, k), tally));
                    });
        }
        return groups;
    }

    /**
     * Adds each group's impact — its share of all answers × (its value − the overall value), the
     * points the overall score would move without the group's difference — and sorts by its size,
     * largest first (groups without answers last, then by n).
     */
    static List<Map<String, Object>> byImpact(List<Map<String, Object>> groups, Tally overall) {
        Double total = overall.value();
        for (Map<String, Object> group : groups) {
            Object value = group.get("value");
            long n = (Long) group.get("n");
            group.put(
                    "impact",
                    total == null || value == null || overall.n() == 0
                            ? null
                            : Tally.round((double) n / overall.n() * ((Double) value - total)));
        }
        groups.sort(java.util.Comparator.comparingDouble(
                        (Map<String, Object> g) -> g.get("impact") == null ? -1 : Math.abs((Double) g.get("impact")))
                .reversed()
                .thenComparing((Map<String, Object> g) -> (Long) g.get("n"), java.util.Comparator.reverseOrder()));
        return groups;
    }

    private static Map<String, Object> group(String key, String label, Tally tally) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("key", key);
        row.put("label", label);
        row.putAll(tally.fields());
        return row;
    }

    private Map<List<Object>, Tally> tally(
            UUID workspaceId,
            Tally.Kind kind,
            Query query,
            ZoneId zone,
            LocalDate from,
            LocalDate to,
            String interval,
            String column) {
        return tally(workspaceId, kind, query, zone, from, to, interval, column, "", List.of(), null);
    }

    private Map<String, String> productNames(UUID workspaceId) {
        Map<String, String> names = new HashMap<>();
        store.reads()
                .sql("select product_id, max(name) as name from order_items where workspace_id = ? group by product_id")
                .params(workspaceId)
                .query(rs -> {
                    if (rs.getString("name") != null) {
                        names.put(rs.getString("product_id"), rs.getString("name"));
                    }
                });
        return names;
    }

    /**
     * Tallies by bucket (when an interval is given) or by one column (when given), from a
     * histogram query; {@code join} adds tables the column comes from, with its own parameters.
     * With {@code split} (not with a column), answers finished before it are keyed apart: {@code [null]} with an interval,
     * else {@code [PREVIOUS]}, and the rest {@code [CURRENT]}.
     */
    private Map<List<Object>, Tally> tally(
            UUID workspaceId,
            Tally.Kind kind,
            Query query,
            ZoneId zone,
            LocalDate from,
            LocalDate to,
            String interval,
            String column,
            String join,
            List<Object> joinParams,
            java.time.Instant split) {
        if (column == null && join.isEmpty()) {
            java.util.Optional<DayCoverage> coverage = rollups.coverage(workspaceId, zone, from, to);
            if (coverage.isPresent()) {
                return tallyWithRollups(workspaceId, kind, query, zone, coverage.get(), interval, split);
            }
        }
        String local = "(r.finished_at at time zone '" + zone.getId().replace("'", "") + "')";
        String key = interval != null
                ? "cast(date_trunc('" + interval + "', " + local + ") as date)"
                : column != null ? column : "0";
        List<Object> params = new ArrayList<>();
        if (split != null) {
            key = "case when r.finished_at < ? then " + (interval != null ? "null" : PREVIOUS) + " else "
                    + (interval != null ? key : CURRENT) + " end";
            params.add(Sql.ts(split));
        }
        params.addAll(joinParams);
        params.add(workspaceId);
        params.add(kind.name().toLowerCase(java.util.Locale.ROOT));
        params.add(Sql.ts(from.atStartOfDay(zone).toInstant()));
        params.add(Sql.ts(to.plusDays(1).atStartOfDay(zone).toInstant()));
        String survey = "";
        if (query.surveyId() != null) {
            survey = " and r.survey_id = ?";
            params.add(query.surveyId());
        }
        String sql = "select " + key + histogram(join) + survey + " group by 1, 2, 3, 4 order by 1";
        Map<List<Object>, Tally> tallies = new LinkedHashMap<>();
        store.reads().sql(sql).params(params).query(rs -> {
            Object k = interval != null
                    ? rs.getObject("k", LocalDate.class)
                    : split != null ? (Object) rs.getInt("k") : column == null ? null : rs.getObject("k");
            List<Object> mapKey = interval == null && column == null && split == null
                    ? List.of()
                    : java.util.Collections.singletonList(k);
            Integer scale = rs.getObject("sm") == null ? null : rs.getInt("sm");
            tallies.computeIfAbsent(mapKey, x -> new Tally(kind))
                    .add(rs.getDouble("v"), scale, rs.getBoolean("rev"), rs.getLong("c"));
        });
        return tallies;
    }

    /**
     * The tallies of the segments' members' answers over the period, keyed by position in {@code
     * all}. A segment read from its stored snapshot whose per-segment rollups were computed from
     * that same member set (ADR 0028) takes the days the workspace's rollups cover from {@code
     * segment_answer_days} and only the other days (today, changed days) from the answers; every
     * other segment reads the period's answers joined to its members, all such segments in one
     * scan. Should a snapshot or its rollups be replaced while this reads, those segments are read
     * again from the answers: the numbers are always those of one set of members.
     */
    private Map<Integer, Tally> segmentTallies(
            UUID workspaceId, Tally.Kind kind, Query query, ZoneId zone, List<SegmentMembersQuery> all) {
        java.util.Optional<DayCoverage> coverage = rollups.coverage(workspaceId, zone, query.from(), query.to());
        Map<UUID, java.time.Instant> states = coverage.isPresent() ? rollups.segmentStates(workspaceId) : Map.of();
        List<Integer> rolled = new ArrayList<>();
        List<Integer> raw = new ArrayList<>();
        for (int i = 0; i < all.size(); i++) {
            SegmentMembersQuery segment = all.get(i);
            (segment.membersChangedAt() != null && segment.membersChangedAt().equals(states.get(segment.segmentId()))
                            ? rolled
                            : raw)
                    .add(i);
        }
        Map<Integer, Tally> tallies = new HashMap<>();
        if (!rolled.isEmpty()) {
            segmentDays(workspaceId, kind, query, all, rolled, coverage.get().rolledUp(), tallies);
            List<java.time.Instant[]> rawDays = coverage.get().raw().stream()
                    .map(run -> new java.time.Instant[] {run.start(zone), run.end(zone)})
                    .toList();
            if (!rawDays.isEmpty()) {
                storedMemberAnswers(workspaceId, kind, query, all, rolled, rawDays, tallies);
            }
            // values only move forward (when a member set was stored, the rollups' copy of it):
            // unchanged after the reads means unchanged during them
            Map<UUID, java.time.Instant> statesAfter = rollups.segmentStates(workspaceId);
            Map<UUID, java.time.Instant> snapshotsAfter = new HashMap<>();
            segments.memberQueries(workspaceId).forEach(q -> snapshotsAfter.put(q.segmentId(), q.membersChangedAt()));
            for (int i : List.copyOf(rolled)) {
                UUID id = all.get(i).segmentId();
                java.time.Instant members = all.get(i).membersChangedAt();
                if (!members.equals(statesAfter.get(id)) || !members.equals(snapshotsAfter.get(id))) {
                    tallies.remove(i);
                    raw.add(i);
                }
            }
        }
        if (!raw.isEmpty()) {
            java.time.Instant[] period = {
                query.from().atStartOfDay(zone).toInstant(),
                query.to().plusDays(1).atStartOfDay(zone).toInstant()
            };
            memberAnswers(workspaceId, kind, query, all, raw, List.<java.time.Instant[]>of(period), tallies);
        }
        return tallies;
    }

    /** Adds the segments' rolled-up answers of these whole days. */
    private void segmentDays(
            UUID workspaceId,
            Tally.Kind kind,
            Query query,
            List<SegmentMembersQuery> all,
            List<Integer> indices,
            List<DayCoverage.Run> days,
            Map<Integer, Tally> tallies) {
        List<Object> params = new ArrayList<>();
        String key = segmentKey("d", all, indices, params);
        params.add(workspaceId);
        params.add(kind.name().toLowerCase(java.util.Locale.ROOT));
        String segmentIds = segmentIds(all, indices, params);
        List<String> runs = new ArrayList<>();
        for (DayCoverage.Run run : days) {
            runs.add("(d.day >= ? and d.day <= ?)");
            params.add(run.from());
            params.add(run.to());
        }
        String survey = surveyFilter("d", query, params);
        store.reads()
                .sql("select " + key + " as k, d.value_number as v, d.scale_max as sm, d.reversed as rev, "
                        + "cast(sum(d.answers) as bigint) as c from segment_answer_days d where d.workspace_id = ? "
                        + "and d.question_type = ? and d.segment_id in (" + segmentIds + ") and ("
                        + String.join(" or ", runs) + ")" + survey + " group by 1, 2, 3, 4")
                .params(params)
                .query((org.springframework.jdbc.core.RowCallbackHandler) rs -> add(tallies, kind, rs));
    }

    /**
     * Adds the answers finished in these [start, end) ranges by the segments' members (the profile
     * that answered is a member or was merged into one): the answers are read once and joined to
     * every segment's members (deduplicated, as "in" would), each segment's tagged with its position.
     */
    private void memberAnswers(
            UUID workspaceId,
            Tally.Kind kind,
            Query query,
            List<SegmentMembersQuery> all,
            List<Integer> indices,
            List<java.time.Instant[]> ranges,
            Map<Integer, Tally> tallies) {
        List<String> members = new ArrayList<>();
        List<Object> params = new ArrayList<>();
        for (int i : indices) {
            SegmentMembersQuery segment = all.get(i);
            members.add("select " + i + " as k, root_id from (select distinct root_id from (" + segment.sql() + ") s"
                    + i + ") d" + i);
            params.addAll(segment.params());
        }
        params.add(workspaceId);
        params.add(kind.name().toLowerCase(java.util.Locale.ROOT));
        String finished = finishedIn(ranges, params);
        String survey = surveyFilter("r", query, params);
        store.reads()
                .sql("with m as (" + String.join(" union all ", members) + ") select m.k as k, a.value_number as v, "
                        + "a.scale_max as sm, a.reversed as rev, count(*) as c from answers a join responses r on "
                        + "r.workspace_id = a.workspace_id and r.id = a.response_id join customers rc on "
                        + "rc.workspace_id = r.workspace_id and rc.id = r.customer_id join m on m.root_id = rc.root_id "
                        + "where a.workspace_id = ? and a.question_type = ? and not r.partial and " + finished + survey
                        + " group by 1, 2, 3, 4")
                .params(params)
                .query((org.springframework.jdbc.core.RowCallbackHandler) rs -> add(tallies, kind, rs));
    }

    /**
     * As {@link #memberAnswers}, for segments read from their stored snapshots and a few days:
     * the answers' customers are matched to {@code segment_members} directly, so PostgreSQL can
     * look up each of a day's few hundred customers by index instead of hashing every member of
     * every segment first (a day on the 300,000-response set: 112–126 ms that way). A snapshot
     * holds each person once per segment.
     */
    private void storedMemberAnswers(
            UUID workspaceId,
            Tally.Kind kind,
            Query query,
            List<SegmentMembersQuery> all,
            List<Integer> indices,
            List<java.time.Instant[]> ranges,
            Map<Integer, Tally> tallies) {
        List<Object> params = new ArrayList<>();
        String key = segmentKey("g", all, indices, params);
        params.add(workspaceId);
        params.add(kind.name().toLowerCase(java.util.Locale.ROOT));
        String finished = finishedIn(ranges, params);
        String segmentIds = segmentIds(all, indices, params);
        String survey = surveyFilter("r", query, params);
        store.reads()
                .sql("select " + key
                        + " as k, a.value_number as v, a.scale_max as sm, a.reversed as rev, count(*) as c "
                        + "from answers a join responses r on r.workspace_id = a.workspace_id and r.id = a.response_id "
                        + "join customers rc on rc.workspace_id = r.workspace_id and rc.id = r.customer_id "
                        + "join segment_members g on g.workspace_id = rc.workspace_id and g.root_id = rc.root_id "
                        + "where a.workspace_id = ? and a.question_type = ? and not r.partial and " + finished
                        + " and g.segment_id in (" + segmentIds + ")" + survey + " group by 1, 2, 3, 4")
                .params(params)
                .query((org.springframework.jdbc.core.RowCallbackHandler) rs -> add(tallies, kind, rs));
    }

    /** {@code case when <alias>.segment_id = ? then <position> … end} for these segments; adds the ids. */
    private static String segmentKey(
            String alias, List<SegmentMembersQuery> all, List<Integer> indices, List<Object> params) {
        StringBuilder key = new StringBuilder("case");
        for (int i : indices) {
            key.append(" when ").append(alias).append(".segment_id = ? then ").append(i);
            params.add(all.get(i).segmentId());
        }
        return key.append(" end").toString();
    }

    /** One placeholder per segment, for {@code segment_id in (…)}; adds the ids. */
    private static String segmentIds(List<SegmentMembersQuery> all, List<Integer> indices, List<Object> params) {
        List<String> marks = new ArrayList<>();
        for (int i : indices) {
            marks.add("?");
            params.add(all.get(i).segmentId());
        }
        return String.join(", ", marks);
    }

    /** {@code (r.finished_at in any of these [start, end) ranges)}; adds the bounds. */
    private static String finishedIn(List<java.time.Instant[]> ranges, List<Object> params) {
        List<String> finished = new ArrayList<>();
        for (java.time.Instant[] range : ranges) {
            finished.add("(r.finished_at >= ? and r.finished_at < ?)");
            params.add(Sql.ts(range[0]));
            params.add(Sql.ts(range[1]));
        }
        return "(" + String.join(" or ", finished) + ")";
    }

    /** The survey condition on {@code <alias>.survey_id} when the query names one; adds it. */
    private static String surveyFilter(String alias, Query query, List<Object> params) {
        if (query.surveyId() == null) {
            return "";
        }
        params.add(query.surveyId());
        return " and " + alias + ".survey_id = ?";
    }

    private static void add(Map<Integer, Tally> tallies, Tally.Kind kind, java.sql.ResultSet rs)
            throws java.sql.SQLException {
        Integer scale = rs.getObject("sm") == null ? null : rs.getInt("sm");
        tallies.computeIfAbsent(rs.getInt("k"), x -> new Tally(kind))
                .add(rs.getDouble("v"), scale, rs.getBoolean("rev"), rs.getLong("c"));
    }

    /**
     * The tallies of {@link #tally} without a column, in one statement: whole days
     * the rollups hold up to date from {@code metric_answer_days}, the other days (today, changed
     * ones) from the answers (ADR 0024). The same numbers as from the answers alone.
     */
    private Map<List<Object>, Tally> tallyWithRollups(
            UUID workspaceId,
            Tally.Kind kind,
            Query query,
            ZoneId zone,
            DayCoverage coverage,
            String interval,
            java.time.Instant split) {
        String type = kind.name().toLowerCase(java.util.Locale.ROOT);
        List<Object> params = new ArrayList<>();
        String dayKey =
                interval != null ? "cast(date_trunc('" + interval + "', cast(d.day as timestamp)) as date)" : "0";
        if (split != null) {
            dayKey = "case when d.day < ? then " + (interval != null ? "null" : PREVIOUS) + " else "
                    + (interval != null ? dayKey : CURRENT) + " end";
            params.add(LocalDate.ofInstant(split, zone));
        }
        params.add(workspaceId);
        params.add(type);
        List<String> days = new ArrayList<>();
        for (DayCoverage.Run run : coverage.rolledUp()) {
            days.add("(d.day >= ? and d.day <= ?)");
            params.add(run.from());
            params.add(run.to());
        }
        String sql = "select " + dayKey + " as k, d.value_number as v, d.scale_max as sm, d.reversed as rev, "
                + "cast(sum(d.answers) as bigint) as c from metric_answer_days d where d.workspace_id = ? "
                + "and d.question_type = ? and (" + String.join(" or ", days) + ")";
        if (query.surveyId() != null) {
            sql += " and d.survey_id = ?";
            params.add(query.surveyId());
        }
        sql += " group by 1, 2, 3, 4";
        List<DayCoverage.Run> raw = coverage.raw();
        if (!raw.isEmpty()) {
            String local = "(r.finished_at at time zone '" + AnswerRollups.zoneLiteral(zone) + "')";
            String key = interval != null ? "cast(date_trunc('" + interval + "', " + local + ") as date)" : "0";
            if (split != null) {
                key = "case when r.finished_at < ? then " + (interval != null ? "null" : PREVIOUS) + " else "
                        + (interval != null ? key : CURRENT) + " end";
                params.add(Sql.ts(split));
            }
            params.add(workspaceId);
            params.add(type);
            List<String> instants = new ArrayList<>();
            for (DayCoverage.Run run : raw) {
                instants.add("(r.finished_at >= ? and r.finished_at < ?)");
                params.add(Sql.ts(run.start(zone)));
                params.add(Sql.ts(run.end(zone)));
            }
            sql += " union all select " + key + " as k, a.value_number as v, a.scale_max as sm, a.reversed as rev, "
                    + "count(*) as c from answers a join responses r on r.workspace_id = a.workspace_id "
                    + "and r.id = a.response_id where a.workspace_id = ? and a.question_type = ? and not r.partial "
                    + "and (" + String.join(" or ", instants) + ")";
            if (query.surveyId() != null) {
                sql += " and r.survey_id = ?";
                params.add(query.surveyId());
            }
            sql += " group by 1, 2, 3, 4";
        }
        Map<List<Object>, Tally> tallies = new LinkedHashMap<>();
        store.reads().sql(sql).params(params).query(rs -> {
            Object k = interval != null ? rs.getObject("k", LocalDate.class) : split != null ? rs.getInt("k") : null;
            List<Object> mapKey =
                    interval == null && split == null ? List.of() : java.util.Collections.singletonList(k);
            Integer scale = rs.getObject("sm") == null ? null : rs.getInt("sm");
            tallies.computeIfAbsent(mapKey, x -> new Tally(kind))
                    .add(rs.getDouble("v"), scale, rs.getBoolean("rev"), rs.getLong("c"));
        });
        return tallies;
    }

    /** The answers of a kind finished in a period, with the tables of {@code join}, as a histogram. */
    private static String histogram(String join) {
        return " as k, a.value_number as v, a.scale_max as sm, a.reversed as rev, count(*) as c "
                + "from answers a join responses r on r.workspace_id = a.workspace_id and r.id = a.response_id "
                + join + "where a.workspace_id = ? and a.question_type = ? and not r.partial "
                + "and r.finished_at >= ? and r.finished_at < ?";
    }

    /** Every bucket start from the bucket holding {@code from} to the one holding {@code to}. */
    static List<LocalDate> buckets(LocalDate from, LocalDate to, String interval) {
        List<LocalDate> buckets = new ArrayList<>();
        LocalDate cursor =
                switch (interval) {
                    case "week" -> from.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
                    case "month" -> from.withDayOfMonth(1);
                    default -> from;
                };
        while (!cursor.isAfter(to)) {
            buckets.add(cursor);
            cursor = switch (interval) {
                case "week" -> cursor.plusWeeks(1);
                case "month" -> cursor.plusMonths(1);
                default -> cursor.plusDays(1);
            };
        }
        return buckets;
    }
}

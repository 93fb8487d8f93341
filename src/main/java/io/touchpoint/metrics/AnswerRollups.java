package io.touchpoint.metrics;

import io.touchpoint.feedback.AnswerChanges;
import io.touchpoint.metrics.internal.MetricsProperties;
import io.touchpoint.platform.Dialect;
import io.touchpoint.platform.Sql;
import io.touchpoint.platform.Store;
import io.touchpoint.platform.WriteContext;
import io.touchpoint.workspace.Workspace;
import io.touchpoint.workspace.Workspaces;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.springframework.stereotype.Service;

/**
 * Per-day answer histograms for NPS, CSAT and CES (table {@code metric_answer_days}, ADR 0024):
 * per workspace, local day in its time zone, survey, question type, value, scale and direction,
 * the number of finished answers. The trend and the period totals read them for whole days that
 * are up to date and read the answers for the rest, so their numbers are the same as from the
 * answers alone.
 *
 * <p>Which days are up to date: {@code metric_rollup_state} says for which time zone and up to
 * which day a workspace's rollups were built; the feedback module logs the days whose answers
 * changed since ({@link AnswerChanges}). {@link #refresh()} (every minute, {@code RollupRefresher})
 * recomputes the changed days, adds the days that have ended, and removes the log rows it handled,
 * in one transaction per workspace. A workspace without state — new, never built, or whose state
 * an operator deleted — is built from scratch.
 */
@Service
public class AnswerRollups {

    /** The score question types the rollups hold. */
    static final List<String> TYPES = List.of("nps", "csat", "ces");

    /** More runs of alternating days than this: the read goes to the answers alone. */
    static final int MAX_RUNS = 40;

    /** More changed-day runs than this in one refresh: recompute from the first to the last. */
    private static final int MAX_RECOMPUTE_RUNS = 20;

    /** Serialises refreshers across application nodes on PostgreSQL (pg_advisory_xact_lock key). */
    private static final long LOCK_KEY = 0x746f7563_68726f6cL;

    /** What a workspace's rollups were built for. */
    record State(String zone, LocalDate builtThrough) {}

    /** What a refresh did: workspaces built from scratch, days recomputed or added, log rows handled. */
    public record Refreshed(int built, int days, int changes) {}

    private final Store store;
    private final Workspaces workspaces;
    private final Clock clock;
    private final boolean enabled;

    AnswerRollups(
            Store store, Workspaces workspaces, AnswerChanges changes, Clock clock, MetricsProperties properties) {
        this.store = store;
        this.workspaces = workspaces;
        this.clock = clock;
        this.enabled = properties.rollupsOn();
        if (enabled) {
            // before any write of this process: a change is never missing from the log
            changes.startRecording();
        }
    }

    /** Whether rollups are kept and read ({@code touchpoint.metrics.rollups}). */
    public boolean enabled() {
        return enabled;
    }

    /**
     * Which days of the period the rollups can answer; empty when they answer none (off, not built
     * yet, built for another time zone) or the period splits into too many runs.
     */
    Optional<DayCoverage> coverage(UUID workspaceId, ZoneId zone, LocalDate from, LocalDate to) {
        if (!enabled) {
            return Optional.empty();
        }
        // one statement: the state and the log as of one moment
        List<Object[]> rows = store.reads()
                .sql("select s.zone, s.built_through, c.day from metric_rollup_state s left join "
                        + "(select distinct day from answer_changes where workspace_id = ?) c on 1 = 1 "
                        + "where s.workspace_id = ?")
                .params(workspaceId, workspaceId)
                .query((rs, n) -> new Object[] {
                    rs.getString("zone"),
                    rs.getObject("built_through", LocalDate.class),
                    rs.getObject("day", LocalDate.class)
                })
                .list();
        if (rows.isEmpty() || !zone.getId().equals(rows.get(0)[0])) {
            return Optional.empty();
        }
        LocalDate builtThrough = (LocalDate) rows.get(0)[1];
        if (from.isAfter(builtThrough)) {
            return Optional.empty();
        }
        List<LocalDate> changedUtc = new ArrayList<>();
        for (Object[] row : rows) {
            if (row[2] != null) {
                changedUtc.add((LocalDate) row[2]);
            }
        }
        DayCoverage coverage = DayCoverage.of(from, to, builtThrough, DayCoverage.localDays(changedUtc, zone));
        return coverage.usesRollups() && coverage.runs().size() <= MAX_RUNS ? Optional.of(coverage) : Optional.empty();
    }

    /**
     * Brings every workspace's rollups up to date: builds those without state (or built for
     * another time zone) up to yesterday, recomputes the days the change log names, adds the days
     * that ended since. Safe to call from several threads and nodes at once.
     */
    public synchronized Refreshed refresh() {
        if (!enabled) {
            return new Refreshed(0, 0, 0);
        }
        int built = 0;
        int days = 0;
        int changes = 0;
        for (Workspace workspace : workspaces.all()) {
            Refreshed one = store.write(tx -> refresh(tx, workspace));
            built += one.built();
            days += one.days();
            changes += one.changes();
        }
        return new Refreshed(built, days, changes);
    }

    /**
     * Forgets every rollup and the change log, so that turning rollups on again builds them from
     * scratch (while off, nothing logs changes).
     */
    public synchronized void forget() {
        store.write(tx -> {
            lock(tx);
            tx.jdbc().sql("delete from metric_rollup_state").update();
            tx.jdbc().sql("delete from metric_answer_days").update();
            tx.jdbc().sql("delete from segment_answer_days").update();
            tx.jdbc().sql("delete from segment_rollup_state").update();
            AnswerChanges.clear(tx);
            return null;
        });
    }

    private Refreshed refresh(WriteContext tx, Workspace workspace) {
        lock(tx);
        UUID workspaceId = workspace.id();
        ZoneId zone = workspace.timeZone();
        LocalDate yesterday = LocalDate.now(clock.withZone(zone)).minusDays(1);
        Optional<State> state = tx.jdbc()
                .sql("select zone, built_through from metric_rollup_state where workspace_id = ?")
                .params(workspaceId)
                .query((rs, n) -> new State(rs.getString("zone"), rs.getObject("built_through", LocalDate.class)))
                .optional();
        // the log first, then the answers: a change committed in between is recomputed now and
        // again next time, never lost (only the rows read here are removed)
        List<AnswerChanges.Change> logged = AnswerChanges.pending(tx, workspaceId);
        Instant now = clock.instant();
        if (state.isEmpty() || !state.get().zone().equals(zone.getId())) {
            tx.jdbc()
                    .sql("delete from metric_answer_days where workspace_id = ?")
                    .params(workspaceId)
                    .update();
            insertDays(
                    tx,
                    workspaceId,
                    zone,
                    null,
                    yesterday.plusDays(1).atStartOfDay(zone).toInstant());
            saveState(tx, workspaceId, zone, yesterday, now);
            AnswerChanges.remove(tx, logged);
            refreshSegments(tx, workspaceId, zone, yesterday, null);
            return new Refreshed(1, 0, logged.size());
        }
        LocalDate builtThrough = state.get().builtThrough();
        TreeSet<LocalDate> stale = new TreeSet<>();
        for (LocalDate day : DayCoverage.localDays(
                logged.stream().map(AnswerChanges.Change::utcDay).toList(), zone)) {
            // later days are read from the answers until they are added below
            if (!day.isAfter(builtThrough)) {
                stale.add(day);
            }
        }
        for (LocalDate day = builtThrough.plusDays(1); !day.isAfter(yesterday); day = day.plusDays(1)) {
            stale.add(day);
        }
        LocalDate through = builtThrough.isAfter(yesterday) ? builtThrough : yesterday;
        if (stale.isEmpty() && logged.isEmpty()) {
            refreshSegments(tx, workspaceId, zone, through, List.of());
            return new Refreshed(0, 0, 0);
        }
        List<DayCoverage.Run> runs = runs(stale);
        if (runs.size() > MAX_RECOMPUTE_RUNS) {
            runs = List.of(new DayCoverage.Run(stale.first(), stale.last(), false));
        }
        for (DayCoverage.Run run : runs) {
            tx.jdbc()
                    .sql("delete from metric_answer_days where workspace_id = ? and day >= ? and day <= ?")
                    .params(workspaceId, run.from(), run.to())
                    .update();
            insertDays(tx, workspaceId, zone, run.start(zone), run.end(zone));
        }
        saveState(tx, workspaceId, zone, through, now);
        AnswerChanges.remove(tx, logged);
        refreshSegments(tx, workspaceId, zone, through, runs);
        return new Refreshed(0, stale.size(), logged.size());
    }

    /**
     * Keeps the per-segment rollups (ADR 0028) in step with the workspace's rollups, in the same
     * transaction: segments whose stored members are still the set their rows were computed from
     * (the snapshot's {@code members_changed_at}) get the recomputed days ({@code runs}) recomputed too; every other segment with a
     * snapshot (new, recomputed since, or all of them when {@code runs} is null: the workspace was
     * rebuilt) is rebuilt for every day up to {@code through}; rows of segments without a snapshot
     * (deleted) go.
     */
    private static void refreshSegments(
            WriteContext tx, UUID workspaceId, ZoneId zone, LocalDate through, List<DayCoverage.Run> runs) {
        List<UUID> current = new ArrayList<>();
        List<UUID> rebuild = new ArrayList<>();
        Map<UUID, Instant> snapshots = new HashMap<>();
        tx.jdbc()
                .sql("select n.segment_id, coalesce(n.members_changed_at, n.computed_at) as computed_at, "
                        + "s.members_as_of from segment_snapshots n "
                        + "left join segment_rollup_state s on s.segment_id = n.segment_id where n.workspace_id = ?")
                .params(workspaceId)
                .query(rs -> {
                    UUID segment = Sql.uuid(rs, "segment_id");
                    Instant computed = Sql.instant(rs, "computed_at");
                    snapshots.put(segment, computed);
                    if (runs != null && computed.equals(Sql.instant(rs, "members_as_of"))) {
                        current.add(segment);
                    } else {
                        rebuild.add(segment);
                    }
                });
        long orphans = tx.jdbc()
                .sql("select count(*) from segment_rollup_state s where s.workspace_id = ? and not exists "
                        + "(select 1 from segment_snapshots n where n.segment_id = s.segment_id)")
                .params(workspaceId)
                .query(Long.class)
                .single();
        if (orphans > 0) {
            for (String table : List.of("segment_answer_days", "segment_rollup_state")) {
                tx.jdbc()
                        .sql("delete from " + table + " where workspace_id = ? and segment_id not in "
                                + "(select segment_id from segment_snapshots where workspace_id = ?)")
                        .params(workspaceId, workspaceId)
                        .update();
            }
        }
        if (!current.isEmpty()) {
            for (DayCoverage.Run run : runs) {
                deleteSegmentDays(tx, workspaceId, current, run.from(), run.to());
                insertSegmentDays(tx, workspaceId, zone, current, run.start(zone), run.end(zone));
            }
        }
        if (!rebuild.isEmpty()) {
            deleteSegmentDays(tx, workspaceId, rebuild, null, null);
            insertSegmentDays(
                    tx,
                    workspaceId,
                    zone,
                    rebuild,
                    null,
                    through.plusDays(1).atStartOfDay(zone).toInstant());
            for (UUID segment : rebuild) {
                tx.jdbc()
                        .sql("insert into segment_rollup_state (segment_id, workspace_id, members_as_of) "
                                + "values (?, ?, ?) on conflict (segment_id) do update set "
                                + "members_as_of = excluded.members_as_of")
                        .params(segment, workspaceId, Sql.ts(snapshots.get(segment)))
                        .update();
            }
        }
    }

    private static void deleteSegmentDays(
            WriteContext tx, UUID workspaceId, List<UUID> segments, LocalDate from, LocalDate to) {
        List<Object> params = new ArrayList<>();
        params.add(workspaceId);
        params.addAll(segments);
        String days = "";
        if (from != null) {
            days = " and day >= ? and day <= ?";
            params.add(from);
            params.add(to);
        }
        tx.jdbc()
                .sql("delete from segment_answer_days where workspace_id = ? and segment_id in ("
                        + placeholders(segments.size()) + ")" + days)
                .params(params)
                .update();
    }

    /**
     * Recomputes the segments' histograms of their stored members' answers finished in [start,
     * end) (no start: from the first). Members are matched as the breakdown matches them: the
     * response's profile belongs to a member (is the member's root or merged into it), each person
     * once per segment.
     */
    private static void insertSegmentDays(
            WriteContext tx, UUID workspaceId, ZoneId zone, List<UUID> segments, Instant start, Instant end) {
        List<Object> params = new ArrayList<>();
        params.add(workspaceId);
        params.addAll(segments);
        params.add(workspaceId);
        params.add(Sql.ts(end));
        if (start != null) {
            params.add(Sql.ts(start));
        }
        tx.jdbc()
                .sql("insert into segment_answer_days (workspace_id, segment_id, day, survey_id, question_type, "
                        + "value_number, scale_max, reversed, answers) select a.workspace_id, m.segment_id, "
                        + "cast(r.finished_at at time zone '" + zoneLiteral(zone) + "' as date), r.survey_id, "
                        + "a.question_type, a.value_number, a.scale_max, a.reversed, count(*) from answers a "
                        + "join responses r on r.workspace_id = a.workspace_id and r.id = a.response_id "
                        + "join customers rc on rc.workspace_id = r.workspace_id and rc.id = r.customer_id "
                        + "join (select distinct segment_id, root_id from segment_members where workspace_id = ? "
                        + "and segment_id in (" + placeholders(segments.size()) + ")) m on m.root_id = rc.root_id "
                        + "where a.workspace_id = ? and a.question_type in ('nps', 'csat', 'ces') and not r.partial "
                        + "and r.finished_at < ?" + (start == null ? "" : " and r.finished_at >= ?")
                        + " group by 1, 2, 3, 4, 5, 6, 7, 8")
                .params(params)
                .update();
    }

    private static String placeholders(int count) {
        return String.join(", ", java.util.Collections.nCopies(count, "?"));
    }

    /**
     * For each segment with per-segment rollups, the member set they were computed from (its
     * snapshot's {@code members_changed_at} at the time): a breakdown reads a segment's rows only
     * while this equals that of the snapshot it reads the members of. Empty when rollups are off.
     */
    public Map<UUID, Instant> segmentStates(UUID workspaceId) {
        if (!enabled) {
            return Map.of();
        }
        Map<UUID, Instant> states = new HashMap<>();
        store.reads()
                .sql("select segment_id, members_as_of from segment_rollup_state where workspace_id = ?")
                .params(workspaceId)
                .query(rs -> {
                    states.put(Sql.uuid(rs, "segment_id"), Sql.instant(rs, "members_as_of"));
                });
        return states;
    }

    /** Recomputes the histograms of the answers finished in [start, end) (no start: from the first). */
    private static void insertDays(WriteContext tx, UUID workspaceId, ZoneId zone, Instant start, Instant end) {
        List<Object> params = new ArrayList<>();
        params.add(workspaceId);
        params.add(Sql.ts(end));
        if (start != null) {
            params.add(Sql.ts(start));
        }
        tx.jdbc()
                .sql("insert into metric_answer_days (workspace_id, day, survey_id, question_type, value_number, "
                        + "scale_max, reversed, answers) select a.workspace_id, cast(r.finished_at at time zone '"
                        + zoneLiteral(zone) + "' as date), r.survey_id, a.question_type, a.value_number, a.scale_max, "
                        + "a.reversed, count(*) from answers a join responses r on r.workspace_id = a.workspace_id "
                        + "and r.id = a.response_id where a.workspace_id = ? and a.question_type in ('nps', 'csat', 'ces') "
                        + "and not r.partial and r.finished_at < ?" + (start == null ? "" : " and r.finished_at >= ?")
                        + " group by 1, 2, 3, 4, 5, 6, 7")
                .params(params)
                .update();
    }

    /** Records for which zone and up to which day the workspace's rollups are built. */
    private static void saveState(WriteContext tx, UUID workspaceId, ZoneId zone, LocalDate through, Instant now) {
        tx.jdbc()
                .sql("insert into metric_rollup_state (workspace_id, zone, built_through, refreshed_at) "
                        + "values (?, ?, ?, ?) on conflict (workspace_id) do update set zone = excluded.zone, "
                        + "built_through = excluded.built_through, refreshed_at = excluded.refreshed_at")
                .params(workspaceId, zone.getId(), through, Sql.ts(now))
                .update();
    }

    /** One refresher at a time, across nodes (PostgreSQL); the embedded store has one writer. */
    private static void lock(WriteContext tx) {
        if (tx.dialect() == Dialect.POSTGRESQL) {
            tx.jdbc()
                    .sql("select 1 from (select pg_advisory_xact_lock(?)) x")
                    .params(LOCK_KEY)
                    .query((rs, n) -> 1)
                    .list();
        }
    }

    private static List<DayCoverage.Run> runs(Set<LocalDate> days) {
        List<DayCoverage.Run> runs = new ArrayList<>();
        LocalDate start = null;
        LocalDate previous = null;
        for (LocalDate day : days) {
            if (previous != null && !day.equals(previous.plusDays(1))) {
                runs.add(new DayCoverage.Run(start, previous, false));
                start = null;
            }
            if (start == null) {
                start = day;
            }
            previous = day;
        }
        if (start != null) {
            runs.add(new DayCoverage.Run(start, previous, false));
        }
        return runs;
    }

    static String zoneLiteral(ZoneId zone) {
        return zone.getId().replace("'", "");
    }
}

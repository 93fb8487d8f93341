package io.touchpoint.customers;

import io.touchpoint.customers.internal.CustomerReads;
import io.touchpoint.customers.internal.SegmentProperties;
import io.touchpoint.customers.internal.SegmentRules;
import io.touchpoint.platform.FieldProblem;
import io.touchpoint.platform.Ids;
import io.touchpoint.platform.InvalidInputException;
import io.touchpoint.platform.Json;
import io.touchpoint.platform.NotFoundException;
import io.touchpoint.platform.Sql;
import io.touchpoint.platform.Store;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.springframework.stereotype.Service;

/**
 * Rule-based segments, evaluated on the server each time they are read, so membership is always
 * current. Other modules use {@link #members} and {@link #isMember}. Reports over many people use
 * {@link #memberQueries}, which reads each segment's stored membership snapshot while it is fresh
 * (ADR 0026): computed when the segment is saved and every refresh interval.
 */
@Service
public class Segments {

    private final Store store;
    private final CustomerReads reads;
    private final Clock clock;
    private final SegmentProperties properties;

    Segments(Store store, CustomerReads reads, Clock clock, SegmentProperties properties) {
        this.store = store;
        this.reads = reads;
        this.clock = clock;
        this.properties = properties;
    }

    public Segment create(UUID workspaceId, String name, String description, SegmentDefinition definition) {
        check(name, description, definition);
        UUID id = Ids.next();
        Instant now = clock.instant();
        store.write(tx -> {
            tx.jdbc()
                    .sql(
                            "insert into segments (workspace_id, id, name, description, definition, created_at, updated_at) "
                                    + "values (?, ?, ?, ?, ?, ?, ?)")
                    .params(workspaceId, id, name.trim(), description, Json.write(definition), Sql.ts(now), Sql.ts(now))
                    .update();
            return snapshot(tx, workspaceId, id, now);
        });
        return get(workspaceId, id);
    }

    public Segment update(UUID workspaceId, UUID id, String name, String description, SegmentDefinition definition) {
        get(workspaceId, id);
        check(name, description, definition);
        Instant now = clock.instant();
        store.write(tx -> {
            tx.jdbc()
                    .sql("update segments set name = ?, description = ?, definition = ?, updated_at = ? "
                            + "where workspace_id = ? and id = ?")
                    .params(name.trim(), description, Json.write(definition), Sql.ts(now), workspaceId, id)
                    .update();
            return snapshot(tx, workspaceId, id, now);
        });
        return get(workspaceId, id);
    }

    public void delete(UUID workspaceId, UUID id) {
        int deleted = store.write(tx -> {
            for (String table : List.of("segment_members", "segment_snapshots")) {
                tx.jdbc()
                        .sql("delete from " + table + " where workspace_id = ? and segment_id = ?")
                        .params(workspaceId, id)
                        .update();
            }
            return tx.jdbc()
                    .sql("delete from segments where workspace_id = ? and id = ?")
                    .params(workspaceId, id)
                    .update();
        });
        if (deleted == 0) {
            throw new NotFoundException("No segment " + id);
        }
    }

    public Segment get(UUID workspaceId, UUID id) {
        return withCount(workspaceId, uncounted(workspaceId, id));
    }

    private Segment uncounted(UUID workspaceId, UUID id) {
        return store.reads()
                .sql("select id, name, description, definition, created_at, updated_at from segments "
                        + "where workspace_id = ? and id = ?")
                .params(workspaceId, id)
                .query((rs, n) -> row(rs, 0))
                .optional()
                .orElseThrow(() -> new NotFoundException("No segment " + id));
    }

    public List<Segment> list(UUID workspaceId) {
        return uncounted(workspaceId).stream()
                .map(s -> withCount(workspaceId, s))
                .toList();
    }

    private List<Segment> uncounted(UUID workspaceId) {
        return store.reads()
                .sql("select id, name, description, definition, created_at, updated_at from segments "
                        + "where workspace_id = ? order by name")
                .param(workspaceId)
                .query((rs, n) -> row(rs, 0))
                .list();
    }

    /** How many people a definition matches now, without saving it (for previews and tests of rules). */
    public long count(UUID workspaceId, SegmentDefinition definition) {
        var query = SegmentRules.compile(workspaceId, definition, clock.instant());
        return store.reads()
                .sql("select count(*) from (" + query.sql() + ") members")
                .params(query.params())
                .query(Long.class)
                .single();
    }

    /** The segment's members (root profile ids), all of them. */
    public Set<UUID> members(UUID workspaceId, UUID segmentId) {
        var query = SegmentRules.compile(
                workspaceId, uncounted(workspaceId, segmentId).definition(), clock.instant());
        return new HashSet<>(store.reads()
                .sql(query.sql())
                .params(query.params())
                .query((rs, n) -> Sql.uuid(rs, "root_id"))
                .list());
    }

    /**
     * Every segment of the workspace (by name) with its membership as a subquery, without running
     * it or counting members: a report can then select what it needs about the members in one
     * statement instead of loading each segment's member list. A segment whose stored snapshot was
     * computed for its current rules within {@link SegmentProperties#maxSnapshotAge()} is read from
     * the snapshot ({@link SegmentMembersQuery#asOf()} says when); any other has its rules evaluated.
     */
    public List<SegmentMembersQuery> memberQueries(UUID workspaceId) {
        Instant now = clock.instant();
        Instant freshSince = now.minus(properties.maxSnapshotAge());
        return store.reads()
                .sql("select s.id, s.name, s.description, s.definition, s.created_at, s.updated_at, n.computed_at, "
                        + "coalesce(n.members_changed_at, n.computed_at) as members_changed_at "
                        + "from segments s left join segment_snapshots n on n.segment_id = s.id "
                        + "and n.definition_at = s.updated_at and n.computed_at >= ? "
                        + "where s.workspace_id = ? order by s.name")
                .params(Sql.ts(freshSince), workspaceId)
                .query((rs, n) -> {
                    Segment segment = row(rs, 0);
                    Instant asOf = Sql.instant(rs, "computed_at");
                    if (asOf != null) {
                        return new SegmentMembersQuery(
                                segment.id(),
                                segment.name(),
                                "select root_id from segment_members where workspace_id = ? and segment_id = ?",
                                List.of(workspaceId, segment.id()),
                                asOf,
                                Sql.instant(rs, "members_changed_at"));
                    }
                    var query = SegmentRules.compile(workspaceId, segment.definition(), now);
                    return new SegmentMembersQuery(
                            segment.id(), segment.name(), query.sql(), query.params(), null, null);
                })
                .list();
    }

    /**
     * Recomputes the stored membership of every segment whose snapshot is missing, was computed
     * for older rules or is older than the refresh interval: one write per segment, so the
     * embedded store's writer is never held for long. Returns how many were recomputed.
     */
    public int refreshSnapshots() {
        Instant due = clock.instant().minus(properties.refreshInterval());
        List<Object[]> stale = store.reads()
                .sql("select s.workspace_id, s.id from segments s left join segment_snapshots n "
                        + "on n.segment_id = s.id and n.definition_at = s.updated_at "
                        + "where n.computed_at is null or n.computed_at <= ? order by n.computed_at nulls first")
                .params(Sql.ts(due))
                .query((rs, n) -> new Object[] {Sql.uuid(rs, "workspace_id"), Sql.uuid(rs, "id")})
                .list();
        int refreshed = 0;
        for (Object[] segment : stale) {
            UUID workspaceId = (UUID) segment[0];
            UUID id = (UUID) segment[1];
            refreshed += store.write(tx -> snapshot(tx, workspaceId, id, clock.instant()) < 0 ? 0 : 1);
        }
        return refreshed;
    }

    /**
     * Replaces a segment's stored membership with the people its rules match now, in the caller's
     * write, and records when and for which version of the rules. Returns the member count, or -1
     * when the segment no longer exists. The segment's row is locked first (PostgreSQL; DuckDB has
     * one writer), so a save and the refresher never compute the same segment at once, and the
     * rules are read after the lock, so the snapshot is of the rules it is recorded for.
     */
    private static long snapshot(
            io.touchpoint.platform.WriteContext tx, UUID workspaceId, UUID segmentId, Instant now) {
        int locked = tx.jdbc()
                .sql("update segments set updated_at = updated_at where workspace_id = ? and id = ?")
                .params(workspaceId, segmentId)
                .update();
        if (locked == 0) {
            return -1;
        }
        SegmentDefinition definition = tx.jdbc()
                .sql("select definition from segments where workspace_id = ? and id = ?")
                .params(workspaceId, segmentId)
                .query((rs, n) -> Json.MAPPER.readValue(rs.getString("definition"), SegmentDefinition.class))
                .single();
        var query = SegmentRules.compile(workspaceId, definition, now);
        java.util.Optional<Object[]> previous = tx.jdbc()
                .sql("select fingerprint, members_changed_at from segment_snapshots where segment_id = ? "
                        + "and fingerprint is not null and members_changed_at is not null")
                .params(segmentId)
                .query((rs, n) -> new Object[] {rs.getString("fingerprint"), Sql.instant(rs, "members_changed_at")})
                .optional();
        tx.jdbc()
                .sql("delete from segment_members where workspace_id = ? and segment_id = ?")
                .params(workspaceId, segmentId)
                .update();
        List<Object> params = new ArrayList<>(List.of(workspaceId, segmentId));
        params.addAll(query.params());
        long members = tx.jdbc()
                .sql("insert into segment_members (workspace_id, segment_id, root_id) "
                        + "select cast(? as uuid), cast(? as uuid), root_id from (" + query.sql() + ") m")
                .params(params)
                .update();
        // the same people as before keep their "changed at": reports' per-segment rollups of them
        // stay valid (ADR 0028)
        String fingerprint = fingerprint(tx, workspaceId, segmentId);
        Instant changedAt =
                previous.isPresent() && fingerprint.equals(previous.get()[0]) ? (Instant) previous.get()[1] : now;
        tx.jdbc()
                .sql("insert into segment_snapshots (segment_id, workspace_id, definition_at, computed_at, members, "
                        + "members_changed_at, fingerprint) select id, workspace_id, updated_at, ?, ?, ?, ? from segments "
                        + "where workspace_id = ? and id = ? on conflict (segment_id) do update set "
                        + "definition_at = excluded.definition_at, computed_at = excluded.computed_at, "
                        + "members = excluded.members, members_changed_at = excluded.members_changed_at, "
                        + "fingerprint = excluded.fingerprint")
                .params(Sql.ts(now), members, Sql.ts(changedAt), fingerprint, workspaceId, segmentId)
                .update();
        return members;
    }

    /**
     * The stored member set's count and the sum of a 64-bit hash of each member's id: equal for
     * the same set, and for two different sets only by a 64-bit coincidence.
     */
    private static String fingerprint(io.touchpoint.platform.WriteContext tx, UUID workspaceId, UUID segmentId) {
        String hash = tx.dialect() == io.touchpoint.platform.Dialect.POSTGRESQL
                ? "hashtextextended(cast(root_id as text), 0)"
                : "hash(root_id)";
        return tx.jdbc()
                .sql("select cast(count(*) as varchar) || ':' || coalesce(cast(sum(" + hash + ") as varchar), '0') "
                        + "from segment_members where workspace_id = ? and segment_id = ?")
                .params(workspaceId, segmentId)
                .query(String.class)
                .single();
    }

    /** The segments this person belongs to now. */
    public List<Segment> segmentsOf(UUID workspaceId, UUID rootId) {
        List<Segment> result = new ArrayList<>();
        for (Segment segment : uncounted(workspaceId)) {
            var query = SegmentRules.compile(workspaceId, segment.definition(), clock.instant());
            List<Object> params = new ArrayList<>(query.params());
            params.add(rootId);
            boolean member = store.reads()
                            .sql("select count(*) from (" + query.sql() + ") members where root_id = ?")
                            .params(params)
                            .query(Long.class)
                            .single()
                    > 0;
            if (member) {
                result.add(segment);
            }
        }
        return result;
    }

    /** Whether the person is a member now (the rules evaluated for this one person). */
    public boolean isMember(UUID workspaceId, UUID segmentId, UUID rootId) {
        var query = SegmentRules.compile(
                workspaceId, uncounted(workspaceId, segmentId).definition(), clock.instant());
        List<Object> params = new ArrayList<>(query.params());
        params.add(rootId);
        return store.reads()
                        .sql("select count(*) from (" + query.sql() + ") members where root_id = ?")
                        .params(params)
                        .query(Long.class)
                        .single()
                > 0;
    }

    /** A page of members as customer summaries, most recently active first. */
    public List<CustomerSummary> memberPage(UUID workspaceId, UUID segmentId, int limit, int offset) {
        var query =
                SegmentRules.compile(workspaceId, get(workspaceId, segmentId).definition(), clock.instant());
        return reads.listMatching(workspaceId, query.sql(), query.params(), limit, offset);
    }

    private Segment withCount(UUID workspaceId, Segment segment) {
        long members = count(workspaceId, segment.definition());
        return new Segment(
                segment.id(),
                segment.name(),
                segment.description(),
                segment.definition(),
                members,
                segment.createdAt(),
                segment.updatedAt());
    }

    private static void check(String name, String description, SegmentDefinition definition) {
        List<FieldProblem> problems = new ArrayList<>();
        if (name == null || name.isBlank() || name.length() > 100) {
            problems.add(new FieldProblem("name", "must be 1 to 100 characters"));
        }
        if (description != null && description.length() > 1000) {
            problems.add(new FieldProblem("description", "must be at most 1000 characters"));
        }
        problems.addAll(SegmentRules.problems(definition));
        if (!problems.isEmpty()) {
            throw new InvalidInputException("The segment is not valid", problems);
        }
    }

    private static Segment row(ResultSet rs, long members) throws SQLException {
        SegmentDefinition definition = Json.MAPPER.readValue(rs.getString("definition"), SegmentDefinition.class);
        return new Segment(
                Sql.uuid(rs, "id"),
                rs.getString("name"),
                rs.getString("description"),
                definition,
                members,
                Sql.instant(rs, "created_at"),
                Sql.instant(rs, "updated_at"));
    }
}

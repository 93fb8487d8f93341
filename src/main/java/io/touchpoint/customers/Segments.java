package io.touchpoint.customers;

import io.touchpoint.customers.internal.CustomerReads;
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
 * current. Other modules use {@link #members} and {@link #isMember}.
 */
@Service
public class Segments {

    private final Store store;
    private final CustomerReads reads;
    private final Clock clock;

    Segments(Store store, CustomerReads reads, Clock clock) {
        this.store = store;
        this.reads = reads;
        this.clock = clock;
    }

    public Segment create(UUID workspaceId, String name, String description, SegmentDefinition definition) {
        check(name, description, definition);
        UUID id = Ids.next();
        Instant now = clock.instant();
        store.write(tx -> tx.jdbc()
                .sql("insert into segments (workspace_id, id, name, description, definition, created_at, updated_at) "
                        + "values (?, ?, ?, ?, ?, ?, ?)")
                .params(workspaceId, id, name.trim(), description, Json.write(definition), Sql.ts(now), Sql.ts(now))
                .update());
        return get(workspaceId, id);
    }

    public Segment update(UUID workspaceId, UUID id, String name, String description, SegmentDefinition definition) {
        get(workspaceId, id);
        check(name, description, definition);
        Instant now = clock.instant();
        store.write(tx -> tx.jdbc()
                .sql("update segments set name = ?, description = ?, definition = ?, updated_at = ? "
                        + "where workspace_id = ? and id = ?")
                .params(name.trim(), description, Json.write(definition), Sql.ts(now), workspaceId, id)
                .update());
        return get(workspaceId, id);
    }

    public void delete(UUID workspaceId, UUID id) {
        int deleted = store.write(tx -> tx.jdbc()
                .sql("delete from segments where workspace_id = ? and id = ?")
                .params(workspaceId, id)
                .update());
        if (deleted == 0) {
            throw new NotFoundException("No segment " + id);
        }
    }

    public Segment get(UUID workspaceId, UUID id) {
        Segment segment = store.reads()
                .sql("select id, name, description, definition, created_at, updated_at from segments "
                        + "where workspace_id = ? and id = ?")
                .params(workspaceId, id)
                .query((rs, n) -> row(rs, 0))
                .optional()
                .orElseThrow(() -> new NotFoundException("No segment " + id));
        return withCount(workspaceId, segment);
    }

    public List<Segment> list(UUID workspaceId) {
        List<Segment> segments = store.reads()
                .sql("select id, name, description, definition, created_at, updated_at from segments "
                        + "where workspace_id = ? order by name")
                .param(workspaceId)
                .query((rs, n) -> row(rs, 0))
                .list();
        return segments.stream().map(s -> withCount(workspaceId, s)).toList();
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
        var query =
                SegmentRules.compile(workspaceId, get(workspaceId, segmentId).definition(), clock.instant());
        return new HashSet<>(store.reads()
                .sql(query.sql())
                .params(query.params())
                .query((rs, n) -> Sql.uuid(rs, "root_id"))
                .list());
    }

    /**
     * Every segment of the workspace (by name) with its membership as a subquery, without running
     * it or counting members: a report can then select what it needs about the members in one
     * statement instead of loading each segment's member list.
     */
    public List<SegmentMembersQuery> memberQueries(UUID workspaceId) {
        Instant now = clock.instant();
        return store
                .reads()
                .sql("select id, name, description, definition, created_at, updated_at from segments "
                        + "where workspace_id = ? order by name")
                .param(workspaceId)
                .query((rs, n) -> row(rs, 0))
                .list()
                .stream()
                .map(segment -> {
                    var query = SegmentRules.compile(workspaceId, segment.definition(), now);
                    return new SegmentMembersQuery(segment.id(), segment.name(), query.sql(), query.params());
                })
                .toList();
    }

    /** The segments this person belongs to now. */
    public List<Segment> segmentsOf(UUID workspaceId, UUID rootId) {
        List<Segment> result = new ArrayList<>();
        for (Segment segment : list(workspaceId)) {
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

    public boolean isMember(UUID workspaceId, UUID segmentId, UUID rootId) {
        return members(workspaceId, segmentId).contains(rootId);
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

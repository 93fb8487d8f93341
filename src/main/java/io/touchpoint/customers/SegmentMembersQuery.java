package io.touchpoint.customers;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A segment's membership as SQL, for reports that join the members with other data in one
 * statement: a query selecting the members' root profile ids (column {@code root_id}), with its
 * parameters in order.
 *
 * @param asOf when the membership was computed: the time of the segment's stored snapshot, or null
 *     when the query evaluates the segment's rules now
 * @param membersChangedAt for a stored snapshot, since when it holds these same people (later
 *     refreshes that found the same set keep it); null with {@code asOf}
 */
public record SegmentMembersQuery(
        UUID segmentId, String name, String sql, List<Object> params, Instant asOf, Instant membersChangedAt) {

    public SegmentMembersQuery {
        params = List.copyOf(params);
    }
}

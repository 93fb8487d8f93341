package io.touchpoint.customers;

import java.util.List;
import java.util.UUID;

/**
 * A segment's membership as SQL, for reports that join the members with other data in one
 * statement: a query selecting the current members' root profile ids (column {@code root_id}),
 * with its parameters in order.
 */
public record SegmentMembersQuery(UUID segmentId, String name, String sql, List<Object> params) {

    public SegmentMembersQuery {
        params = List.copyOf(params);
    }
}

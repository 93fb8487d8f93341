package io.touchpoint.loop;

import java.util.UUID;

/**
 * Which cases an inbox shows; every field is optional.
 *
 * @param userId  the customer's user id
 * @param owner   the owning user, or {@link #UNASSIGNED} for cases without an owner
 * @param sla     on_track, at_risk, breached or met
 */
public record CaseFilter(String userId, String status, UUID owner, String priority, String sla) {

    public static final UUID UNASSIGNED = new UUID(0, 0);

    public static CaseFilter all() {
        return new CaseFilter(null, null, null, null, null);
    }
}

package io.touchpoint.loop;

import java.util.UUID;

/**
 * Changes to a case; null fields stay as they are.
 *
 * @param ownerGiven whether {@code ownerId} was given at all (so null can mean "unassign")
 */
public record CaseChange(String status, String priority, UUID ownerId, boolean ownerGiven) {}

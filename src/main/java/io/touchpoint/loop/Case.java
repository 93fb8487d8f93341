package io.touchpoint.loop;

import java.time.Instant;
import java.util.UUID;

/**
 * A case: something a customer needs and an agent handles, usually opened by a rule.
 *
 * @param userId     the customer's user id, or null for an anonymous profile
 * @param slaState   none, on_track, at_risk, breached or met
 * @param followUpSendId the follow-up survey send planned on resolution, or null
 */
public record Case(
        UUID id,
        long number,
        String title,
        String status,
        String priority,
        UUID ownerId,
        String ownerName,
        UUID customerId,
        String userId,
        UUID responseId,
        UUID ruleId,
        Instant openedAt,
        Instant firstResponseAt,
        Instant dueAt,
        Instant resolvedAt,
        Instant closedAt,
        int escalationLevel,
        String slaState,
        UUID followUpSendId,
        Instant updatedAt) {}

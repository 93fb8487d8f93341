package io.touchpoint.loop;

import java.time.Instant;
import java.util.UUID;

/**
 * One line of a case's history: a change, a note, a service recovery action, an escalation.
 *
 * @param kind opened, status, owner, priority, note, recovery, escalation or follow_up
 */
public record CaseEntry(
        UUID id,
        UUID actorId,
        String actor,
        String kind,
        String field,
        String oldValue,
        String newValue,
        String body,
        Instant at) {}

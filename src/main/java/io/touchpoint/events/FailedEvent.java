package io.touchpoint.events;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A refused message as kept: what was sent, why it was refused, and what became of it. */
public record FailedEvent(
        UUID id,
        String messageId,
        String payload,
        List<String> reasons,
        String status,
        Instant receivedAt,
        Instant resolvedAt) {}

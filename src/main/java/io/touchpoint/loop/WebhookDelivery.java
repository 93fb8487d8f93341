package io.touchpoint.loop;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * One message on its way to one endpoint, with its delivery log.
 *
 * @param messageId   the {@code webhook-id} header; the same on every attempt, so receivers can
 *                    drop repeats
 * @param status      {@code pending} (waiting for its next attempt), {@code succeeded} or {@code failed}
 *                    (every scheduled attempt failed; it can still be replayed)
 * @param attempts    how many attempts were made
 * @param log         the attempts, oldest first (empty in lists)
 */
public record WebhookDelivery(
        UUID id,
        UUID subscriptionId,
        String messageId,
        String eventType,
        String status,
        int attempts,
        Instant nextAttemptAt,
        Integer lastStatusCode,
        String lastError,
        Instant createdAt,
        Instant completedAt,
        List<WebhookAttempt> log) {}

package io.touchpoint.feedback;

import java.time.Instant;
import java.util.UUID;

/**
 * One planned invitation and what became of it: pending, ready (widget, waiting for a visit),
 * sent, shown, skipped (with the reason) or failed.
 */
public record SurveySend(
        UUID id,
        UUID triggerId,
        UUID surveyId,
        String surveyName,
        UUID customerId,
        String channel,
        Instant dueAt,
        String status,
        String reason,
        String reasonDetail,
        Instant processedAt) {}

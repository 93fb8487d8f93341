package io.touchpoint.feedback;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/**
 * Sends a survey when an event happens to a customer, after a delay: "CSAT by email 3 days after
 * Order Delivered".
 *
 * @param channel   email or widget
 * @param samplePct share of the events that lead to a send, 1–100
 * @param segmentId only customers in this segment when the send is due, or null for everyone
 */
public record SurveyTrigger(
        UUID id,
        UUID surveyId,
        String event,
        Duration delay,
        String channel,
        int samplePct,
        UUID segmentId,
        boolean enabled,
        Instant createdAt) {}

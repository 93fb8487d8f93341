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
 * @param resumedAt when the trigger was last resumed after a pause (events before it are not sent), or null
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
        Instant createdAt,
        Instant resumedAt) {

    /** Events before this moment never lead to a send: the creation or the last resume. */
    public Instant activeSince() {
        return resumedAt != null && resumedAt.isAfter(createdAt) ? resumedAt : createdAt;
    }
}

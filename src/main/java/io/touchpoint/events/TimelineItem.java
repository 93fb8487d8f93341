package io.touchpoint.events;

import java.time.Instant;

/** One interaction on a customer's timeline. */
public record TimelineItem(
        String messageId, String type, String event, String channel, Instant timestamp, Object properties) {}

package io.touchpoint.metrics;

import java.time.Instant;
import java.util.UUID;

/** A free-text answer as submitted (not redacted), with the NPS score of the same response if any. */
public record Comment(UUID responseId, Instant at, Double nps, String text) {}

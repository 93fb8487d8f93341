package io.touchpoint.metrics;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** A change worth marking on the charts, such as "new checkout", on a day of the workspace's calendar. */
public record Annotation(UUID id, LocalDate date, String label, Instant createdAt) {}

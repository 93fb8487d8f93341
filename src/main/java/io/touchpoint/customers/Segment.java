package io.touchpoint.customers;

import java.time.Instant;
import java.util.UUID;

/** A named, rule-based group of customers, evaluated on the server. */
public record Segment(
        UUID id,
        String name,
        String description,
        SegmentDefinition definition,
        long members,
        Instant createdAt,
        Instant updatedAt) {}

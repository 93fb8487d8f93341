package io.touchpoint.loop;

import java.time.Instant;
import java.util.UUID;

/** A stored rule of a workspace. */
public record Rule(
        UUID id, String name, boolean enabled, RuleDefinition definition, Instant createdAt, Instant updatedAt) {}

package io.touchpoint.customers;

import java.time.Instant;
import java.util.UUID;

/** One logged merge of a profile into a survivor; undone merges keep their record. */
public record Merge(UUID id, UUID survivor, UUID merged, String reason, Instant mergedAt, Instant undoneAt) {}

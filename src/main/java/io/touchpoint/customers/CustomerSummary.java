package io.touchpoint.customers;

import java.time.Instant;
import java.util.UUID;

/** One line of the customer list. */
public record CustomerSummary(
        UUID id, String userId, String email, String name, Instant firstSeen, Instant lastSeen, long events) {}

package io.touchpoint.events;

import java.math.BigDecimal;
import java.util.Map;

/** What happened in a period: interactions, active people, orders and revenue per currency. */
public record ActivitySummary(
        long events,
        long activeCustomers,
        long orders,
        Map<String, BigDecimal> revenue,
        Map<String, Long> eventsByChannel) {}

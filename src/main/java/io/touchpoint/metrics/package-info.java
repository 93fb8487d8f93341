/**
 * Metrics: NPS, CSAT and CES with intervals, trends and breakdowns, as defined in METRICS.md.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Metrics")
package io.touchpoint.metrics;

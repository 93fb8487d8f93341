/**
 * Events: Segment-compatible ingestion, validation of commerce events, the failed-event store, orders
 * as rows, and the customer timeline.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Events")
package io.touchpoint.events;

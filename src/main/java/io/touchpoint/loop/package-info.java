/**
 * Closing the loop: rules on responses and events, cases with SLAs and service recovery, follow-up
 * re-surveys, and webhooks delivered from the transactional outbox.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Loop")
package io.touchpoint.loop;

package io.touchpoint.events;

import java.time.Instant;
import tools.jackson.databind.node.ObjectNode;

/**
 * A message that passed validation, in Segment's terms, with its time already corrected for the
 * sender's clock skew.
 *
 * @param type       track, identify, page, screen or alias
 * @param event      the event name for track, the page or screen name for page and screen
 * @param timestamp  when it happened (corrected)
 * @param channel    web, app, email, store, support or social
 * @param storedProperties the JSON text stored as the event's properties (the traits for identify),
 *     written once on the receiving thread
 * @param storedContext    the JSON text of the context, likewise
 */
public record IncomingEvent(
        String type,
        String messageId,
        String userId,
        String anonymousId,
        String previousId,
        String event,
        ObjectNode properties,
        ObjectNode traits,
        ObjectNode context,
        Instant timestamp,
        Instant sentAt,
        String channel,
        String storedProperties,
        String storedContext) {}

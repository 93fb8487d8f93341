package io.touchpoint.events;

import java.util.List;

/**
 * What became of a batch: {@code accepted} valid messages (including repeats of messages already
 * stored, which are not stored twice) and the rejected ones with their reasons.
 */
public record BatchResult(int accepted, List<Rejection> rejected) {

    /** A message that failed validation; it is kept in the failed-event store. */
    public record Rejection(int index, String messageId, List<String> errors) {}
}

package io.touchpoint.loop;

import java.time.Instant;

/**
 * One attempt to deliver a message: what the endpoint answered, or why there was no answer.
 *
 * @param statusCode the HTTP status, or null when no answer came (timeout, refused connection)
 * @param kind       {@code scheduled}, {@code replay} (asked for by a person) or {@code test}
 */
public record WebhookAttempt(
        int attempt, Instant attemptedAt, Integer statusCode, String error, long durationMs, String kind) {}

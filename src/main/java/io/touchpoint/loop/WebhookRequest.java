package io.touchpoint.loop;

import java.util.List;

/**
 * What a caller sends to create or change a webhook subscription; on a change, a field left out
 * (null) keeps its value.
 *
 * @param eventTypes types from {@link Webhooks#EVENT_TYPES}, or {@code ["*"]} (the default) for all
 */
public record WebhookRequest(String url, List<String> eventTypes, String description, Boolean enabled) {}

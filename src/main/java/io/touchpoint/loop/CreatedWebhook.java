package io.touchpoint.loop;

import com.fasterxml.jackson.annotation.JsonUnwrapped;

/** A subscription with its signing secret, answered once: on creation and on rotation. */
public record CreatedWebhook(@JsonUnwrapped WebhookSubscription subscription, String secret) {}

package io.touchpoint.loop;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A webhook endpoint of a workspace: where to send which events. The secret itself is shown only
 * when created or rotated; {@code secretHint} tells secrets apart.
 *
 * @param eventTypes          the subscribed types, or {@code ["*"]} for all
 * @param disabledReason      {@code manual} or {@code failing} (disabled automatically) when not enabled
 * @param consecutiveFailures failed attempts since the last successful one
 * @param failingSince        the first of those failed attempts
 */
public record WebhookSubscription(
        UUID id,
        String url,
        List<String> eventTypes,
        String description,
        boolean enabled,
        String disabledReason,
        Instant disabledAt,
        int consecutiveFailures,
        Instant failingSince,
        String secretHint,
        Instant createdAt,
        Instant updatedAt) {

    /** Whether Touchpoint turned the endpoint off because its deliveries kept failing. */
    @JsonProperty("autoDisabled")
    public boolean autoDisabled() {
        return !enabled && "failing".equals(disabledReason);
    }

    /** Whether messages of this type go to the endpoint. */
    @JsonIgnore
    public boolean wants(String type) {
        return eventTypes.contains(Webhooks.ALL_EVENTS) || eventTypes.contains(type);
    }
}

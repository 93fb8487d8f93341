package io.touchpoint.events;

import io.touchpoint.platform.Ids;
import io.touchpoint.platform.Json;
import io.touchpoint.platform.Sql;
import io.touchpoint.platform.WriteContext;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * Interactions that Touchpoint itself takes part in (a survey sent, a survey answered), written to
 * the customer's timeline inside the caller's write unit, so the timeline and the module's own
 * rows commit together.
 */
public final class SystemEvents {

    private SystemEvents() {}

    /**
     * @param channel one of web, app, email, store, support, social
     * @return the message id given to the event ({@code tp-} + a fresh id)
     */
    public static String append(
            WriteContext tx,
            UUID workspaceId,
            UUID customerId,
            String event,
            String channel,
            Instant at,
            Map<String, Object> properties) {
        String messageId = "tp-" + Ids.next();
        tx.jdbc()
                .sql(
                        "insert into events (workspace_id, message_id, customer_id, type, event, channel, ts, received_at, "
                                + "properties, context) values (?, ?, ?, 'track', ?, ?, ?, ?, ?, ?)")
                .params(
                        workspaceId,
                        messageId,
                        customerId,
                        event,
                        channel,
                        Sql.ts(at),
                        Sql.ts(at),
                        Json.write(properties),
                        "{\"library\":{\"name\":\"touchpoint\"}}")
                .update();
        return messageId;
    }
}

package io.touchpoint.events;

import io.touchpoint.platform.Ids;
import io.touchpoint.platform.Json;
import io.touchpoint.platform.Sql;
import io.touchpoint.platform.WriteContext;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Interactions that Touchpoint itself takes part in (a survey sent, a survey answered), written to
 * the customer's timeline inside the caller's write unit, so the timeline and the module's own
 * rows commit together.
 */
public final class SystemEvents {

    private SystemEvents() {}

    /** An event the product itself records about a person: its name, channel, time and properties. */
    public record Event(UUID customerId, String event, String channel, Instant at, Map<String, Object> properties) {}

    private static final String CONTEXT = "{\"library\":{\"name\":\"touchpoint\"}}";

    /** The columns of the {@code events} table that a stored event fills, in the order of its rows. */
    public static final List<String> COLUMNS = List.of(
            "workspace_id",
            "message_id",
            "customer_id",
            "type",
            "event",
            "channel",
            "ts",
            "received_at",
            "sent_at",
            "properties",
            "context");

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
        return appendAll(tx, workspaceId, List.of(new Event(customerId, event, channel, at, properties)))
                .get(0);
    }

    /**
     * Records the events inside the caller's write unit, all in one bulk insert.
     *
     * @return the message ids given to them, in order
     */
    public static List<String> appendAll(WriteContext tx, UUID workspaceId, List<Event> events) {
        List<String> ids = new ArrayList<>(events.size());
        List<Object[]> rows = new ArrayList<>(events.size());
        for (Event e : events) {
            String messageId = "tp-" + Ids.next();
            ids.add(messageId);
            rows.add(new Object[] {
                workspaceId,
                messageId,
                e.customerId(),
                "track",
                e.event(),
                e.channel(),
                Sql.ts(e.at()),
                Sql.ts(e.at()),
                null,
                Json.write(e.properties()),
                CONTEXT
            });
        }
        try {
            // fresh message ids: nothing stored can have them
            tx.bulk().appendNew("events", COLUMNS, rows);
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException("Cannot store events: " + e.getMessage(), e);
        }
        return ids;
    }
}

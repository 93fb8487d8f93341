package io.touchpoint.platform;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The transactional outbox: modules record what happened (for webhooks and other subscribers) in
 * the same write unit as the change itself, so a committed change always has its message and a
 * rolled-back one never does. Delivery is the loop module's job.
 */
public final class Outbox {

    /** Event types are dotted lower-case names, as in Standard Webhooks: {@code case.opened}. */
    private static final Pattern TYPE = Pattern.compile("[a-z][a-z0-9_]*(\\.[a-z][a-z0-9_]*)+");

    private Outbox() {}

    /** A message to append: its type ({@code case.opened}), its data (a JSON object) and its time. */
    public record Message(String type, Object data, Instant at) {}

    /**
     * Appends a message inside the caller's write unit.
     *
     * @param data the event's data; serialised to a JSON object
     * @return the message id
     */
    public static UUID append(WriteContext tx, UUID workspaceId, String type, Object data, Instant at) {
        return appendAll(tx, workspaceId, List.of(new Message(type, data, at))).get(0);
    }

    /**
     * Appends messages inside the caller's write unit, in one bulk insert.
     *
     * @return their ids, in order
     */
    public static List<UUID> appendAll(WriteContext tx, UUID workspaceId, List<Message> messages) {
        Objects.requireNonNull(workspaceId, "workspaceId");
        List<UUID> ids = new ArrayList<>(messages.size());
        List<Object[]> rows = new ArrayList<>(messages.size());
        for (Message message : messages) {
            Objects.requireNonNull(message.at(), "at");
            if (message.type() == null || !TYPE.matcher(message.type()).matches()) {
                throw new IllegalArgumentException("type must look like 'case.opened', was " + message.type());
            }
            String payload = Json.write(Objects.requireNonNull(message.data(), "data"));
            if (!payload.startsWith("{")) {
                throw new IllegalArgumentException("data must serialise to a JSON object");
            }
            UUID id = Ids.next();
            ids.add(id);
            rows.add(new Object[] {id, workspaceId, message.type(), payload, Sql.ts(message.at())});
        }
        try {
            tx.bulk().appendNew("outbox", List.of("id", "workspace_id", "type", "payload", "created_at"), rows);
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException("Cannot append to the outbox: " + e.getMessage(), e);
        }
        return ids;
    }
}

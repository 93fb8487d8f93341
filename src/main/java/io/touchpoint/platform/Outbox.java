package io.touchpoint.platform;

import java.time.Instant;
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

    /**
     * Appends a message inside the caller's write unit.
     *
     * @param data the event's data; serialised to a JSON object
     * @return the message id
     */
    public static UUID append(WriteContext tx, UUID workspaceId, String type, Object data, Instant at) {
        Objects.requireNonNull(workspaceId, "workspaceId");
        Objects.requireNonNull(at, "at");
        if (type == null || !TYPE.matcher(type).matches()) {
            throw new IllegalArgumentException("type must look like 'case.opened', was " + type);
        }
        String payload = Json.write(Objects.requireNonNull(data, "data"));
        if (!payload.startsWith("{")) {
            throw new IllegalArgumentException("data must serialise to a JSON object");
        }
        UUID id = Ids.next();
        tx.jdbc()
                .sql("insert into outbox (id, workspace_id, type, payload, created_at) values (?, ?, ?, ?, ?)")
                .params(id, workspaceId, type, payload, Sql.ts(at))
                .update();
        return id;
    }
}

package io.touchpoint.loop.internal.webhooks;

import io.touchpoint.loop.WebhookAttempt;
import io.touchpoint.loop.WebhookDelivery;
import io.touchpoint.loop.Webhooks;
import io.touchpoint.platform.Ids;
import io.touchpoint.platform.InList;
import io.touchpoint.platform.Outbox;
import io.touchpoint.platform.Sql;
import io.touchpoint.platform.Store;
import io.touchpoint.platform.WriteContext;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Component;

/** Deliveries (one outbox message for one subscription) and their attempts in the store. */
@Component
public class DeliveryStore {

    static final String COLUMNS = "id, workspace_id, subscription_id, message_id, event_type, status, attempts, "
            + "next_attempt_at, replay_requested, last_status_code, last_error, created_at, completed_at";

    private static final List<String> FAN_OUT_COLUMNS = List.of(
            "id",
            "workspace_id",
            "subscription_id",
            "message_id",
            "event_type",
            "status",
            "attempts",
            "next_attempt_at",
            "replay_requested",
            "created_at");

    private final Store store;

    DeliveryStore(Store store) {
        this.store = store;
    }

    /** A pending outbox message. */
    record Message(UUID id, UUID workspaceId, String type, Instant createdAt) {}

    /** A delivery that is due, with what the worker needs to send it. */
    record Due(UUID id, UUID workspaceId, UUID subscriptionId, UUID messageId, Instant nextAttemptAt) {}

    /** What to send: the outbox message's type, time and data. */
    record Payload(String type, Instant createdAt, String data) {}

    List<Message> pendingMessages(int limit) {
        return store.reads()
                .sql("select id, workspace_id, type, created_at from outbox where dispatched_at is null "
                        + "order by created_at limit ?")
                .param(limit)
                .query((rs, n) -> new Message(
                        Sql.uuid(rs, "id"),
                        Sql.uuid(rs, "workspace_id"),
                        rs.getString("type"),
                        Sql.instant(rs, "created_at")))
                .list();
    }

    /**
     * Turns messages into deliveries for the subscriptions that want them (those that existed when
     * the message was written) and marks the messages dispatched, in one write unit; the unique key
     * (subscription, message) keeps a second dispatcher from doubling a delivery.
     *
     * @return how many deliveries were created
     */
    int fanOut(List<Message> messages, Instant now) {
        return store.write(tx -> {
            List<SubscriptionStore.Row> subscriptions = SubscriptionStore.enabled(
                    tx,
                    new LinkedHashSet<>(
                            messages.stream().map(Message::workspaceId).toList()));
            List<Object[]> rows = new ArrayList<>();
            for (Message m : messages) {
                for (SubscriptionStore.Row s : subscriptions) {
                    if (s.workspaceId().equals(m.workspaceId())
                            && s.subscription().wants(m.type())
                            && !s.subscription().createdAt().isAfter(m.createdAt())) {
                        rows.add(new Object[] {
                            Ids.next(),
                            m.workspaceId(),
                            s.subscription().id(),
                            m.id(),
                            m.type(),
                            "pending",
                            0,
                            Sql.ts(now),
                            false,
                            Sql.ts(now)
                        });
                    }
                }
            }
            // one bulk statement: a busy outbox (an import, the demo) must not hold the writer row by row
            int created = tx.bulk().insertIgnoringDuplicates("webhook_deliveries", FAN_OUT_COLUMNS, rows);
            InList in = InList.of(messages.stream().map(Message::id).toList());
            tx.jdbc()
                    .sql("update outbox set dispatched_at = ? where dispatched_at is null and id in (" + in.marks()
                            + ")")
                    .params(in.params(Sql.ts(now)))
                    .update();
            return created;
        });
    }

    static int insert(
            WriteContext tx, UUID workspaceId, UUID subscriptionId, UUID messageId, String type, Instant now) {
        return tx.jdbc()
                .sql("insert into webhook_deliveries (" + COLUMNS + ") values (?, ?, ?, ?, ?, 'pending', 0, ?, false, "
                        + "null, null, ?, null) on conflict (subscription_id, message_id) do nothing")
                .params(Ids.next(), workspaceId, subscriptionId, messageId, type, Sql.ts(now), Sql.ts(now))
                .update();
    }

    /**
     * Writes a test message to the outbox, already dispatched, with a delivery to one subscription
     * only; returns the delivery's id.
     */
    public static UUID testMessage(
            WriteContext tx, UUID workspaceId, UUID subscriptionId, Map<String, Object> data, Instant now) {
        UUID messageId = Outbox.append(tx, workspaceId, Webhooks.TEST_EVENT, data, now);
        tx.jdbc()
                .sql("update outbox set dispatched_at = ? where id = ?")
                .params(Sql.ts(now), messageId)
                .update();
        insert(tx, workspaceId, subscriptionId, messageId, Webhooks.TEST_EVENT, now);
        return tx.jdbc()
                .sql("select id from webhook_deliveries where subscription_id = ? and message_id = ?")
                .params(subscriptionId, messageId)
                .query(UUID.class)
                .single();
    }

    /** Pending deliveries of enabled endpoints whose time has come, oldest first. */
    List<Due> due(Instant now, int limit) {
        return store.reads()
                .sql("select d.id, d.workspace_id, d.subscription_id, d.message_id, d.next_attempt_at "
                        + "from webhook_deliveries d join webhook_subscriptions s on s.id = d.subscription_id "
                        + "where d.status = 'pending' and d.next_attempt_at <= ? and s.enabled "
                        + "order by d.next_attempt_at limit ?")
                .params(Sql.ts(now), limit)
                .query((rs, n) -> new Due(
                        Sql.uuid(rs, "id"),
                        Sql.uuid(rs, "workspace_id"),
                        Sql.uuid(rs, "subscription_id"),
                        Sql.uuid(rs, "message_id"),
                        Sql.instant(rs, "next_attempt_at")))
                .list();
    }

    /**
     * Claims due deliveries by moving their next attempt to {@code leaseUntil}: no other worker takes
     * them meanwhile, and if this process dies mid-send they fall due again then.
     *
     * @return the deliveries this call claimed
     */
    List<Due> claim(List<Due> candidates, Instant now, Instant leaseUntil) {
        return store.write(tx -> {
            List<Due> claimed = new ArrayList<>();
            for (Due d : candidates) {
                int n = tx.jdbc()
                        .sql("update webhook_deliveries set next_attempt_at = ? where id = ? and status = 'pending' "
                                + "and next_attempt_at <= ?")
                        .params(Sql.ts(leaseUntil), d.id(), Sql.ts(now))
                        .update();
                if (n == 1) {
                    claimed.add(d);
                }
            }
            return claimed;
        });
    }

    Optional<Payload> payload(UUID messageId) {
        return store.reads()
                .sql("select type, created_at, payload from outbox where id = ?")
                .param(messageId)
                .query((rs, n) ->
                        new Payload(rs.getString("type"), Sql.instant(rs, "created_at"), rs.getString("payload")))
                .optional();
    }

    /** The state a delivery is in before an attempt's outcome is recorded. */
    record State(int attempts, boolean replayRequested, Instant completedAt, String eventType) {}

    static Optional<State> state(WriteContext tx, UUID deliveryId) {
        return tx.jdbc()
                .sql("select attempts, replay_requested, completed_at, event_type from webhook_deliveries where id = ?")
                .param(deliveryId)
                .query((rs, n) -> new State(
                        rs.getInt("attempts"),
                        rs.getBoolean("replay_requested"),
                        Sql.instant(rs, "completed_at"),
                        rs.getString("event_type")))
                .optional();
    }

    static void insertAttempt(
            WriteContext tx,
            UUID workspaceId,
            UUID deliveryId,
            int attempt,
            Instant at,
            Integer statusCode,
            String error,
            long durationMs,
            String kind) {
        tx.jdbc()
                .sql("insert into webhook_attempts (workspace_id, id, delivery_id, attempt, attempted_at, status_code, "
                        + "error, duration_ms, kind) values (?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(workspaceId, Ids.next(), deliveryId, attempt, Sql.ts(at), statusCode, error, durationMs, kind)
                .update();
    }

    /** Records where a delivery stands after an attempt: done, failed for good, or due again at {@code next}. */
    static void afterAttempt(
            WriteContext tx,
            UUID deliveryId,
            int attempts,
            String status,
            Instant next,
            Integer statusCode,
            String error,
            Instant completedAt) {
        tx.jdbc()
                .sql(
                        "update webhook_deliveries set attempts = ?, status = ?, next_attempt_at = ?, replay_requested = false, "
                                + "last_status_code = ?, last_error = ?, completed_at = ? where id = ?")
                .params(attempts, status, Sql.ts(next), statusCode, error, Sql.ts(completedAt), deliveryId)
                .update();
    }

    /** Asks for an attempt now; a finished delivery becomes pending for that one attempt. */
    public int replay(UUID workspaceId, UUID subscriptionId, UUID deliveryId, Instant now) {
        return store.write(tx -> tx.jdbc()
                .sql("update webhook_deliveries set status = 'pending', next_attempt_at = ?, replay_requested = true "
                        + "where workspace_id = ? and subscription_id = ? and id = ?")
                .params(Sql.ts(now), workspaceId, subscriptionId, deliveryId)
                .update());
    }

    public List<WebhookDelivery> list(UUID workspaceId, UUID subscriptionId, String status, int limit) {
        List<Object> params = new ArrayList<>(List.of(workspaceId, subscriptionId));
        String filter = "";
        if (status != null) {
            filter = " and status = ?";
            params.add(status);
        }
        params.add(limit);
        return store.reads()
                .sql("select " + COLUMNS + " from webhook_deliveries where workspace_id = ? and subscription_id = ?"
                        + filter + " order by created_at desc, id desc limit ?")
                .params(params)
                .query((rs, n) -> delivery(rs, List.of()))
                .list();
    }

    public Optional<WebhookDelivery> get(UUID workspaceId, UUID subscriptionId, UUID deliveryId) {
        Optional<WebhookDelivery> header = store.reads()
                .sql("select " + COLUMNS + " from webhook_deliveries where workspace_id = ? and subscription_id = ? "
                        + "and id = ?")
                .params(workspaceId, subscriptionId, deliveryId)
                .query((rs, n) -> delivery(rs, List.of()))
                .optional();
        return header.map(d -> withLog(d, attempts(workspaceId, List.of(d.id())).getOrDefault(d.id(), List.of())));
    }

    /** Every attempt of these deliveries, oldest first. */
    public Map<UUID, List<WebhookAttempt>> attempts(UUID workspaceId, List<UUID> deliveryIds) {
        Map<UUID, List<WebhookAttempt>> log = new LinkedHashMap<>();
        if (deliveryIds.isEmpty()) {
            return log;
        }
        InList in = InList.of(deliveryIds);
        store.reads()
                .sql(
                        "select delivery_id, attempt, attempted_at, status_code, error, duration_ms, kind from webhook_attempts "
                                + "where workspace_id = ? and delivery_id in (" + in.marks()
                                + ") order by attempted_at, attempt")
                .params(in.params(workspaceId))
                .query(rs -> {
                    log.computeIfAbsent(Sql.uuid(rs, "delivery_id"), k -> new ArrayList<>())
                            .add(new WebhookAttempt(
                                    rs.getInt("attempt"),
                                    Sql.instant(rs, "attempted_at"),
                                    rs.getObject("status_code") == null ? null : rs.getInt("status_code"),
                                    rs.getString("error"),
                                    rs.getLong("duration_ms"),
                                    rs.getString("kind")));
                });
        return log;
    }

    public static WebhookDelivery withLog(WebhookDelivery d, List<WebhookAttempt> log) {
        return new WebhookDelivery(
                d.id(),
                d.subscriptionId(),
                d.messageId(),
                d.eventType(),
                d.status(),
                d.attempts(),
                d.nextAttemptAt(),
                d.lastStatusCode(),
                d.lastError(),
                d.createdAt(),
                d.completedAt(),
                List.copyOf(log));
    }

    private static WebhookDelivery delivery(ResultSet rs, List<WebhookAttempt> log) throws SQLException {
        String status = rs.getString("status");
        return new WebhookDelivery(
                Sql.uuid(rs, "id"),
                Sql.uuid(rs, "subscription_id"),
                messageId(Sql.uuid(rs, "message_id")),
                rs.getString("event_type"),
                status,
                rs.getInt("attempts"),
                "pending".equals(status) ? Sql.instant(rs, "next_attempt_at") : null,
                rs.getObject("last_status_code") == null ? null : rs.getInt("last_status_code"),
                rs.getString("last_error"),
                Sql.instant(rs, "created_at"),
                Sql.instant(rs, "completed_at"),
                log);
    }

    /** The Standard Webhooks message id of an outbox message. */
    static String messageId(UUID outboxId) {
        return "msg_" + outboxId;
    }
}

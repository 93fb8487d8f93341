package io.touchpoint.loop.internal.webhooks;

import io.touchpoint.loop.WebhookSubscription;
import io.touchpoint.platform.InList;
import io.touchpoint.platform.Sql;
import io.touchpoint.platform.Store;
import io.touchpoint.platform.WriteContext;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Component;

/** Webhook subscriptions in the store. */
@Component
public class SubscriptionStore {

    static final String COLUMNS = "id, workspace_id, url, event_types, description, secret, previous_secret, "
            + "previous_secret_until, enabled, disabled_reason, disabled_at, consecutive_failures, failing_since, "
            + "created_at, updated_at";

    private final Store store;

    SubscriptionStore(Store store) {
        this.store = store;
    }

    /** A subscription as stored, with its secrets: only for signing, never answered to a caller. */
    public record Row(
            UUID workspaceId,
            WebhookSubscription subscription,
            String secret,
            String previousSecret,
            Instant previousSecretUntil) {

        /** The secrets to sign with now: the current one, and the previous one during its grace period. */
        List<String> signingSecrets(Instant now) {
            return previousSecret != null && previousSecretUntil != null && previousSecretUntil.isAfter(now)
                    ? List.of(secret, previousSecret)
                    : List.of(secret);
        }
    }

    public List<Row> list(UUID workspaceId) {
        return store.reads()
                .sql("select " + COLUMNS + " from webhook_subscriptions where workspace_id = ? order by created_at")
                .param(workspaceId)
                .query((rs, n) -> row(rs))
                .list();
    }

    public Optional<Row> find(UUID workspaceId, UUID id) {
        return store.reads()
                .sql("select " + COLUMNS + " from webhook_subscriptions where workspace_id = ? and id = ?")
                .params(workspaceId, id)
                .query((rs, n) -> row(rs))
                .optional();
    }

    /** The enabled subscriptions of these workspaces, read inside a write unit. */
    static List<Row> enabled(WriteContext tx, Collection<UUID> workspaceIds) {
        InList in = InList.of(workspaceIds);
        return tx.jdbc()
                .sql("select " + COLUMNS + " from webhook_subscriptions where enabled and workspace_id in ("
                        + in.marks() + ")")
                .params(List.copyOf(in.values()))
                .query((rs, n) -> row(rs))
                .list();
    }

    public static void insert(WriteContext tx, UUID workspaceId, WebhookSubscription s, String secret) {
        tx.jdbc()
                .sql("insert into webhook_subscriptions (" + COLUMNS
                        + ") values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(
                        s.id(),
                        workspaceId,
                        s.url(),
                        String.join(",", s.eventTypes()),
                        s.description(),
                        secret,
                        null,
                        null,
                        s.enabled(),
                        s.disabledReason(),
                        Sql.ts(s.disabledAt()),
                        0,
                        null,
                        Sql.ts(s.createdAt()),
                        Sql.ts(s.updatedAt()))
                .update();
    }

    /** Saves changed url, types, description and enabled flag; turning it on clears the failure run. */
    public static int update(WriteContext tx, UUID workspaceId, WebhookSubscription s, boolean enabling) {
        String reset = enabling ? ", consecutive_failures = 0, failing_since = null" : "";
        return tx.jdbc()
                .sql("update webhook_subscriptions set url = ?, event_types = ?, description = ?, enabled = ?, "
                        + "disabled_reason = ?, disabled_at = ?, updated_at = ?" + reset
                        + " where workspace_id = ? and id = ?")
                .params(
                        s.url(),
                        String.join(",", s.eventTypes()),
                        s.description(),
                        s.enabled(),
                        s.disabledReason(),
                        Sql.ts(s.disabledAt()),
                        Sql.ts(s.updatedAt()),
                        workspaceId,
                        s.id())
                .update();
    }

    public static int rotate(
            WriteContext tx, UUID workspaceId, UUID id, String secret, Instant previousUntil, Instant now) {
        return tx.jdbc()
                .sql("update webhook_subscriptions set previous_secret = secret, previous_secret_until = ?, "
                        + "secret = ?, updated_at = ? where workspace_id = ? and id = ?")
                .params(Sql.ts(previousUntil), secret, Sql.ts(now), workspaceId, id)
                .update();
    }

    public static int delete(WriteContext tx, UUID workspaceId, UUID id) {
        tx.jdbc()
                .sql("delete from webhook_attempts where workspace_id = ? and delivery_id in "
                        + "(select id from webhook_deliveries where workspace_id = ? and subscription_id = ?)")
                .params(workspaceId, workspaceId, id)
                .update();
        tx.jdbc()
                .sql("delete from webhook_deliveries where workspace_id = ? and subscription_id = ?")
                .params(workspaceId, id)
                .update();
        return tx.jdbc()
                .sql("delete from webhook_subscriptions where workspace_id = ? and id = ?")
                .params(workspaceId, id)
                .update();
    }

    /** A successful attempt ends the endpoint's run of failures. */
    static void succeeded(WriteContext tx, UUID id) {
        tx.jdbc()
                .sql("update webhook_subscriptions set consecutive_failures = 0, failing_since = null where id = ?")
                .param(id)
                .update();
    }

    /**
     * Counts a failed attempt and disables the endpoint when it has failed long enough and often
     * enough; returns whether this call disabled it (so the notice goes out once).
     */
    static boolean failed(WriteContext tx, UUID id, Instant now, java.time.Duration disableAfter, int minFailures) {
        tx.jdbc()
                .sql("update webhook_subscriptions set consecutive_failures = consecutive_failures + 1, "
                        + "failing_since = coalesce(failing_since, ?) where id = ?")
                .params(Sql.ts(now), id)
                .update();
        return tx.jdbc()
                        .sql("update webhook_subscriptions set enabled = false, disabled_reason = 'failing', "
                                + "disabled_at = ?, updated_at = ? where id = ? and enabled and consecutive_failures >= ? "
                                + "and failing_since <= ?")
                        .params(Sql.ts(now), Sql.ts(now), id, minFailures, Sql.ts(now.minus(disableAfter)))
                        .update()
                > 0;
    }

    static Row row(ResultSet rs) throws SQLException {
        String secret = rs.getString("secret");
        WebhookSubscription s = new WebhookSubscription(
                Sql.uuid(rs, "id"),
                rs.getString("url"),
                List.copyOf(new ArrayList<>(
                        Arrays.asList(rs.getString("event_types").split(",")))),
                rs.getString("description"),
                rs.getBoolean("enabled"),
                rs.getString("disabled_reason"),
                Sql.instant(rs, "disabled_at"),
                rs.getInt("consecutive_failures"),
                Sql.instant(rs, "failing_since"),
                WebhookSignature.hint(secret),
                Sql.instant(rs, "created_at"),
                Sql.instant(rs, "updated_at"));
        return new Row(
                Sql.uuid(rs, "workspace_id"),
                s,
                secret,
                rs.getString("previous_secret"),
                Sql.instant(rs, "previous_secret_until"));
    }
}

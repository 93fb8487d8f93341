package io.touchpoint.feedback.internal;

import io.touchpoint.feedback.ContactRules;
import io.touchpoint.platform.Sql;
import io.touchpoint.platform.Store;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * Per-workspace feedback settings: the contact rules and the key that signs personal survey links
 * (made at first use, never shown).
 */
@Component
public class FeedbackSettings {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final Store store;
    private final Clock clock;
    private final Map<UUID, byte[]> keys = new ConcurrentHashMap<>();

    FeedbackSettings(Store store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    public ContactRules rules(UUID workspaceId) {
        ensure(workspaceId);
        return store.reads()
                .sql("select cooldown_days, max_surveys, period_days, reminder_days from feedback_settings "
                        + "where workspace_id = ?")
                .param(workspaceId)
                .query((rs, n) -> new ContactRules(
                        rs.getInt("cooldown_days"),
                        rs.getInt("max_surveys"),
                        rs.getInt("period_days"),
                        rs.getObject("reminder_days") == null ? null : rs.getInt("reminder_days")))
                .single();
    }

    public void update(UUID workspaceId, ContactRules rules) {
        ensure(workspaceId);
        store.write(tx -> tx.jdbc()
                .sql("update feedback_settings set cooldown_days = ?, max_surveys = ?, period_days = ?, "
                        + "reminder_days = ?, updated_at = ? where workspace_id = ?")
                .params(
                        rules.cooldownDays(),
                        rules.maxSurveys(),
                        rules.periodDays(),
                        rules.reminderDays(),
                        Sql.ts(clock.instant()),
                        workspaceId)
                .update());
    }

    /** The workspace's link-signing key. */
    public byte[] signingKey(UUID workspaceId) {
        return keys.computeIfAbsent(workspaceId, id -> {
            ensure(id);
            String key = store.reads()
                    .sql("select signing_key from feedback_settings where workspace_id = ?")
                    .param(id)
                    .query(String.class)
                    .single();
            return Base64.getDecoder().decode(key);
        });
    }

    /** The key of a workspace that has one, or null: verifying a link never creates settings. */
    public byte[] existingKey(UUID workspaceId) {
        byte[] cached = keys.get(workspaceId);
        if (cached != null) {
            return cached;
        }
        boolean present = store.reads()
                        .sql("select count(*) from feedback_settings where workspace_id = ?")
                        .param(workspaceId)
                        .query(Long.class)
                        .single()
                > 0;
        return present ? signingKey(workspaceId) : null;
    }

    private void ensure(UUID workspaceId) {
        boolean present = store.reads()
                        .sql("select count(*) from feedback_settings where workspace_id = ?")
                        .param(workspaceId)
                        .query(Long.class)
                        .single()
                > 0;
        if (present) {
            return;
        }
        byte[] key = new byte[32];
        RANDOM.nextBytes(key);
        ContactRules d = ContactRules.DEFAULTS;
        store.write(tx -> tx.jdbc()
                .sql("insert into feedback_settings (workspace_id, cooldown_days, max_surveys, period_days, "
                        + "reminder_days, signing_key, updated_at) values (?, ?, ?, ?, ?, ?, ?) "
                        + "on conflict (workspace_id) do nothing")
                .params(
                        workspaceId,
                        d.cooldownDays(),
                        d.maxSurveys(),
                        d.periodDays(),
                        d.reminderDays(),
                        Base64.getEncoder().encodeToString(key),
                        Sql.ts(clock.instant()))
                .update());
    }
}

package io.touchpoint.loop.internal.webhooks;

import io.touchpoint.customers.CustomerDataContributor;
import io.touchpoint.customers.Identity;
import io.touchpoint.platform.Sql;
import io.touchpoint.platform.Store;
import io.touchpoint.platform.WriteContext;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * Outbox messages about a person (their answers, their merges) are personal data too: exported with
 * the rest, and on erase their data is replaced by {@code {"erased":true}}, so neither a later
 * delivery nor a replay sends it out again.
 */
@Component
class WebhooksCustomerData implements CustomerDataContributor {

    private final Store store;

    WebhooksCustomerData(Store store) {
        this.store = store;
    }

    @Override
    public String section() {
        return "webhookMessages";
    }

    @Override
    public Object export(UUID workspaceId, Collection<UUID> profileIds, List<Identity> identities) {
        List<Map<String, Object>> messages = new ArrayList<>();
        for (UUID profile : profileIds) {
            store.reads()
                    .sql("select id, type, created_at, payload from outbox where workspace_id = ? and "
                            + "(payload like ? or payload like ?) order by created_at")
                    .params(workspaceId, pattern("customerId", profile), pattern("mergedCustomerId", profile))
                    .query(rs -> {
                        Map<String, Object> m = new LinkedHashMap<>();
                        m.put("messageId", DeliveryStore.messageId(Sql.uuid(rs, "id")));
                        m.put("type", rs.getString("type"));
                        m.put("createdAt", Sql.instant(rs, "created_at"));
                        m.put("data", io.touchpoint.platform.Json.read(rs.getString("payload")));
                        messages.add(m);
                    });
        }
        return messages;
    }

    @Override
    public void erase(WriteContext tx, UUID workspaceId, Collection<UUID> profileIds, List<Identity> identities) {
        for (UUID profile : profileIds) {
            tx.jdbc()
                    .sql("update outbox set payload = '{\"erased\":true}' where workspace_id = ? and "
                            + "(payload like ? or payload like ?)")
                    .params(workspaceId, pattern("customerId", profile), pattern("mergedCustomerId", profile))
                    .update();
        }
    }

    /** Messages name a person as {@code "customerId":"<uuid>"} (compact JSON, as Outbox writes it). */
    private static String pattern(String field, UUID profile) {
        return "%\"" + field + "\":\"" + profile + "\"%";
    }
}

package io.touchpoint.events.internal;

import io.touchpoint.customers.CustomerDataContributor;
import io.touchpoint.customers.Identity;
import io.touchpoint.customers.IdentityKind;
import io.touchpoint.platform.InList;
import io.touchpoint.platform.Json;
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

/** The events module's part of a GDPR export or erase: events, orders and failed events. */
@Component
class EventsCustomerData implements CustomerDataContributor {

    private final Store store;

    EventsCustomerData(Store store) {
        this.store = store;
    }

    @Override
    public String section() {
        return "events";
    }

    @Override
    public Object export(UUID workspaceId, Collection<UUID> profileIds, List<Identity> identities) {
        InList in = InList.of(profileIds);
        Map<String, Object> section = new LinkedHashMap<>();
        section.put(
                "events",
                store.reads()
                        .sql(
                                "select message_id, type, event, channel, ts, received_at, properties, context from events "
                                        + "where workspace_id = ? and customer_id in (" + in.marks() + ") order by ts")
                        .params(in.params(workspaceId))
                        .query((rs, n) -> {
                            Map<String, Object> row = new LinkedHashMap<>();
                            row.put("messageId", rs.getString("message_id"));
                            row.put("type", rs.getString("type"));
                            row.put("event", rs.getString("event"));
                            row.put("channel", rs.getString("channel"));
                            row.put("timestamp", Sql.instant(rs, "ts"));
                            row.put("receivedAt", Sql.instant(rs, "received_at"));
                            row.put(
                                    "properties",
                                    Json.MAPPER.treeToValue(Json.read(rs.getString("properties")), Object.class));
                            row.put(
                                    "context",
                                    Json.MAPPER.treeToValue(Json.read(rs.getString("context")), Object.class));
                            return row;
                        })
                        .list());
        section.put(
                "orders",
                store.reads()
                        .sql(
                                "select order_id, total, currency, status, placed_at, shipped_at, delivered_at, refunded_at "
                                        + "from orders where workspace_id = ? and customer_id in (" + in.marks()
                                        + ") order by placed_at")
                        .params(in.params(workspaceId))
                        .query((rs, n) -> {
                            Map<String, Object> row = new LinkedHashMap<>();
                            row.put("orderId", rs.getString("order_id"));
                            row.put("total", rs.getBigDecimal("total"));
                            row.put("currency", rs.getString("currency"));
                            row.put("status", rs.getString("status"));
                            row.put("placedAt", Sql.instant(rs, "placed_at"));
                            return row;
                        })
                        .list());
        List<String> keys = keys(identities);
        if (!keys.isEmpty()) {
            InList keyList = InList.of(keys);
            section.put(
                    "failedEvents",
                    store.reads()
                            .sql("select payload, reasons, received_at from failed_events where workspace_id = ? "
                                    + "and customer_key in (" + keyList.marks() + ")")
                            .params(keyList.params(workspaceId))
                            .query((rs, n) ->
                                    Map.of("payload", rs.getString("payload"), "reasons", rs.getString("reasons")))
                            .list());
        }
        return section;
    }

    @Override
    public void erase(WriteContext tx, UUID workspaceId, Collection<UUID> profileIds, List<Identity> identities) {
        InList in = InList.of(profileIds);
        tx.jdbc()
                .sql("delete from order_items where workspace_id = ? and order_id in (select order_id from orders "
                        + "where workspace_id = ? and customer_id in (" + in.marks() + "))")
                .params(prepend(workspaceId, in.params(workspaceId)))
                .update();
        for (String table : List.of("orders", "events")) {
            tx.jdbc()
                    .sql("delete from " + table + " where workspace_id = ? and customer_id in (" + in.marks() + ")")
                    .params(in.params(workspaceId))
                    .update();
        }
        List<String> keys = keys(identities);
        if (!keys.isEmpty()) {
            InList keyList = InList.of(keys);
            tx.jdbc()
                    .sql("delete from failed_events where workspace_id = ? and customer_key in (" + keyList.marks()
                            + ")")
                    .params(keyList.params(workspaceId))
                    .update();
        }
    }

    private static List<String> keys(List<Identity> identities) {
        return identities.stream()
                .filter(i -> i.kind() == IdentityKind.USER_ID || i.kind() == IdentityKind.ANONYMOUS_ID)
                .map(Identity::value)
                .toList();
    }

    private static List<Object> prepend(Object first, List<Object> rest) {
        List<Object> all = new ArrayList<>(rest.size() + 1);
        all.add(first);
        all.addAll(rest);
        return all;
    }
}

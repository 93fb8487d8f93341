package io.touchpoint.events.internal;

import io.touchpoint.events.IncomingEvent;
import io.touchpoint.platform.Sql;
import io.touchpoint.platform.WriteContext;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import tools.jackson.databind.JsonNode;

/**
 * Orders as first-class rows, kept current from order events. Events may arrive late or out of order:
 * the status is the one of the latest event by its own time, and a status event for an order not yet
 * seen creates the row, which the Order Completed event fills in when it comes.
 */
final class OrderRows {

    static final Set<String> EVENTS =
            Set.of("Order Completed", "Order Shipped", "Order Delayed", "Order Delivered", "Order Refunded");

    private OrderRows() {}

    static boolean isOrderEvent(IncomingEvent event) {
        return "track".equals(event.type()) && EVENTS.contains(event.event());
    }

    static void apply(WriteContext tx, UUID workspaceId, UUID profile, IncomingEvent event, Instant now)
            throws Exception {
        String orderId = IngestionWriter.text(event.properties(), "order_id");
        var at = Sql.ts(event.timestamp());
        if ("Order Completed".equals(event.event())) {
            tx.jdbc()
                    .sql(
                            """
                    insert into orders (workspace_id, order_id, customer_id, total, currency, status, status_at,
                        placed_at, delayed_count, updated_at)
                    values (?, ?, ?, ?, ?, 'completed', ?, ?, 0, ?)
                    on conflict (workspace_id, order_id) do update set
                        customer_id = excluded.customer_id,
                        total = excluded.total,
                        currency = excluded.currency,
                        placed_at = excluded.placed_at,
                        status = case when orders.status_at > excluded.status_at then orders.status else excluded.status end,
                        status_at = case when orders.status_at > excluded.status_at then orders.status_at
                            else excluded.status_at end,
                        updated_at = excluded.updated_at""")
                    .params(
                            workspaceId,
                            orderId,
                            profile,
                            IngestionWriter.money(event.properties(), "total", "revenue"),
                            IngestionWriter.text(event.properties(), "currency"),
                            at,
                            at,
                            Sql.ts(now))
                    .update();
            replaceItems(tx, workspaceId, orderId, event.properties().get("products"));
            return;
        }
        String status =
                switch (event.event()) {
                    case "Order Shipped" -> "shipped";
                    case "Order Delayed" -> "delayed";
                    case "Order Delivered" -> "delivered";
                    default -> "refunded";
                };
        String column =
                switch (status) {
                    case "shipped" -> "shipped_at";
                    case "delivered" -> "delivered_at";
                    case "refunded" -> "refunded_at";
                    default -> null;
                };
        var refund = "refunded".equals(status) ? IngestionWriter.money(event.properties(), "total", "revenue") : null;
        tx.jdbc()
                .sql("insert into orders (workspace_id, order_id, customer_id, status, status_at, "
                        + (column == null ? "" : column + ", ")
                        + "refund_total, delayed_count, updated_at) values (?, ?, ?, ?, ?, "
                        + (column == null ? "" : "?, ")
                        + "?, ?, ?) on conflict (workspace_id, order_id) do update set "
                        + "status = case when orders.status_at > excluded.status_at then orders.status else excluded.status end, "
                        + "status_at = case when orders.status_at > excluded.status_at then orders.status_at "
                        + "else excluded.status_at end, "
                        + (column == null ? "" : column + " = excluded." + column + ", ")
                        + "refund_total = coalesce(excluded.refund_total, orders.refund_total), "
                        + "delayed_count = orders.delayed_count + excluded.delayed_count, "
                        + "updated_at = excluded.updated_at")
                .params(params(
                        workspaceId, orderId, profile, status, at, column, refund, "delayed".equals(status), now))
                .update();
    }

    private static List<Object> params(
            UUID workspaceId,
            String orderId,
            UUID profile,
            String status,
            java.time.OffsetDateTime at,
            String column,
            Object refund,
            boolean delayed,
            Instant now) {
        List<Object> params = new ArrayList<>(List.of(workspaceId, orderId, profile, status, at));
        if (column != null) {
            params.add(at);
        }
        params.add(refund);
        params.add(delayed ? 1 : 0);
        params.add(Sql.ts(now));
        return params;
    }

    private static void replaceItems(WriteContext tx, UUID workspaceId, String orderId, JsonNode products)
            throws Exception {
        tx.jdbc()
                .sql("delete from order_items where workspace_id = ? and order_id = ?")
                .params(workspaceId, orderId)
                .update();
        if (products == null || !products.isArray()) {
            return;
        }
        List<Object[]> rows = new ArrayList<>();
        int line = 0;
        for (JsonNode item : products) {
            rows.add(new Object[] {
                workspaceId,
                orderId,
                ++line,
                IngestionWriter.text(item, "product_id"),
                IngestionWriter.text(item, "name"),
                IngestionWriter.text(item, "category"),
                IngestionWriter.money(item, "price"),
                item.get("quantity").asInt()
            });
        }
        tx.bulk()
                .insertIgnoringDuplicates(
                        "order_items",
                        List.of(
                                "workspace_id",
                                "order_id",
                                "line",
                                "product_id",
                                "name",
                                "category",
                                "price",
                                "quantity"),
                        rows);
    }
}

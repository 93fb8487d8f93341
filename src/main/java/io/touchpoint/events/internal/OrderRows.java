package io.touchpoint.events.internal;

import io.touchpoint.events.IncomingEvent;
import io.touchpoint.platform.Dialect;
import io.touchpoint.platform.InList;
import io.touchpoint.platform.Sql;
import io.touchpoint.platform.StoredKeys;
import io.touchpoint.platform.WriteContext;
import java.math.BigDecimal;
import java.sql.Array;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import tools.jackson.databind.JsonNode;

/**
 * Orders as first-class rows, kept current from order events. Events may arrive late or out of order:
 * the status is the one of the latest event by its own time, and a status event for an order not yet
 * seen creates the row, which the Order Completed event fills in when it comes. A batch's events are
 * folded into one change per order and applied with one statement.
 */
final class OrderRows {

    static final Set<String> EVENTS =
            Set.of("Order Completed", "Order Shipped", "Order Delayed", "Order Delivered", "Order Refunded");

    static final List<String> COLUMNS = List.of(
            "workspace_id",
            "order_id",
            "customer_id",
            "total",
            "currency",
            "status",
            "status_at",
            "placed_at",
            "shipped_at",
            "delivered_at",
            "refunded_at",
            "refund_total",
            "delayed_count",
            "updated_at");

    static final String UPDATE = String.join(
            ", ",
            "customer_id = case when excluded.placed_at is not null then excluded.customer_id else orders.customer_id end",
            "total = coalesce(excluded.total, orders.total)",
            "currency = coalesce(excluded.currency, orders.currency)",
            "placed_at = coalesce(excluded.placed_at, orders.placed_at)",
            "status = case when orders.status_at > excluded.status_at then orders.status else excluded.status end",
            "status_at = case when orders.status_at > excluded.status_at then orders.status_at else excluded.status_at end",
            "shipped_at = coalesce(excluded.shipped_at, orders.shipped_at)",
            "delivered_at = coalesce(excluded.delivered_at, orders.delivered_at)",
            "refunded_at = coalesce(excluded.refunded_at, orders.refunded_at)",
            "refund_total = coalesce(excluded.refund_total, orders.refund_total)",
            "delayed_count = orders.delayed_count + excluded.delayed_count",
            "updated_at = excluded.updated_at");

    private OrderRows() {}

    static boolean isOrderEvent(IncomingEvent event) {
        return "track".equals(event.type()) && EVENTS.contains(event.event());
    }

    /** One order event and the profile it belongs to. */
    record Change(UUID profile, IncomingEvent event) {}

    /**
     * @param filter on the embedded store, the writer's filter of stored order ids: only the orders it
     *     may hold are looked up (not used on PostgreSQL, which upserts through its key)
     */
    static void apply(WriteContext tx, UUID workspaceId, List<Change> changes, Instant now, StoredKeys filter)
            throws Exception {
        if (changes.isEmpty()) {
            return;
        }
        List<Change> sorted = new ArrayList<>(changes);
        sorted.sort(Comparator.comparing(c -> c.event().timestamp()));
        Map<String, Patch> patches = new LinkedHashMap<>();
        for (Change change : sorted) {
            String orderId = IngestionWriter.text(change.event().properties(), "order_id");
            patches.computeIfAbsent(orderId, Patch::new).add(change);
        }
        // on DuckDB an upsert checks its conflicts row by row through the whole key index, so orders
        // not stored yet (most of them: an order's first event) go straight in
        Set<String> stored =
                tx.dialect() == Dialect.DUCKDB ? storedOrders(tx, workspaceId, patches.keySet(), filter) : null;
        List<Object[]> fresh = new ArrayList<>();
        List<Object[]> known = new ArrayList<>();
        for (Patch patch : patches.values()) {
            (stored == null || stored.contains(patch.orderId) ? known : fresh).add(patch.row(workspaceId, now));
        }
        tx.bulk().appendNew("orders", COLUMNS, fresh);
        tx.bulk().upsert("orders", COLUMNS, List.of("workspace_id", "order_id"), UPDATE, known);
        List<Patch> completed =
                patches.values().stream().filter(p -> p.products != null).toList();
        replaceItems(
                tx,
                workspaceId,
                completed.stream()
                        .filter(p -> stored == null || stored.contains(p.orderId))
                        .toList(),
                false);
        replaceItems(
                tx,
                workspaceId,
                completed.stream()
                        .filter(p -> stored != null && !stored.contains(p.orderId))
                        .toList(),
                true);
    }

    /** Which of the orders are stored: those the filter may hold are looked up; the others it learns now. */
    private static Set<String> storedOrders(WriteContext tx, UUID workspaceId, Set<String> orderIds, StoredKeys filter)
            throws SQLException {
        Set<String> maybe = new HashSet<>();
        for (String orderId : orderIds) {
            if (filter.mayBeStored(tx, workspaceId, orderId)) {
                maybe.add(orderId);
            }
        }
        Set<String> stored = maybe.isEmpty() ? Set.of() : lookUp(tx, workspaceId, maybe);
        for (String orderId : orderIds) {
            if (!stored.contains(orderId)) {
                filter.stored(workspaceId, orderId);
            }
        }
        return stored;
    }

    private static Set<String> lookUp(WriteContext tx, UUID workspaceId, Set<String> orderIds) throws SQLException {
        Array values = tx.connection().createArrayOf("VARCHAR", orderIds.toArray());
        return new HashSet<>(tx.jdbc()
                .sql("select order_id from orders where workspace_id = ? and order_id in (select unnest(?))")
                .params(workspaceId, values)
                .query(String.class)
                .list());
    }

    /** The items of Order Completed events; {@code newOrders}: orders that were not stored, so have none. */
    private static void replaceItems(WriteContext tx, UUID workspaceId, List<Patch> completed, boolean newOrders)
            throws Exception {
        if (completed.isEmpty()) {
            return;
        }
        if (!newOrders) {
            InList ids = InList.of(completed.stream().map(p -> p.orderId).toList());
            tx.jdbc()
                    .sql("delete from order_items where workspace_id = ? and order_id in (" + ids.marks() + ")")
                    .params(ids.params(workspaceId))
                    .update();
        }
        List<Object[]> rows = new ArrayList<>();
        for (Patch patch : completed) {
            int line = 0;
            for (JsonNode item : patch.products) {
                rows.add(new Object[] {
                    workspaceId,
                    patch.orderId,
                    ++line,
                    IngestionWriter.text(item, "product_id"),
                    IngestionWriter.text(item, "name"),
                    IngestionWriter.text(item, "category"),
                    IngestionWriter.money(item, "price"),
                    item.get("quantity").asInt()
                });
            }
        }
        List<String> columns =
                List.of("workspace_id", "order_id", "line", "product_id", "name", "category", "price", "quantity");
        if (newOrders) {
            tx.bulk().appendNew("order_items", columns, rows);
        } else {
            tx.bulk().insertIgnoringDuplicates("order_items", columns, rows);
        }
    }

    /** What a batch says about one order, folded in time order. */
    private static final class Patch {
        final String orderId;
        UUID customer;
        BigDecimal total;
        String currency;
        String status;
        Instant statusAt;
        Instant placedAt;
        Instant shippedAt;
        Instant deliveredAt;
        Instant refundedAt;
        BigDecimal refundTotal;
        int delays;
        JsonNode products;

        Patch(String orderId) {
            this.orderId = orderId;
        }

        void add(Change change) {
            IncomingEvent event = change.event();
            Instant at = event.timestamp();
            if (customer == null) {
                customer = change.profile();
            }
            switch (event.event()) {
                case "Order Completed" -> {
                    customer = change.profile();
                    total = IngestionWriter.money(event.properties(), "total", "revenue");
                    currency = IngestionWriter.text(event.properties(), "currency");
                    placedAt = at;
                    products = event.properties().get("products");
                }
                case "Order Shipped" -> shippedAt = at;
                case "Order Delivered" -> deliveredAt = at;
                case "Order Delayed" -> delays++;
                default -> {
                    refundedAt = at;
                    BigDecimal refund = IngestionWriter.money(event.properties(), "total", "revenue");
                    refundTotal = refund == null ? refundTotal : refund;
                }
            }
            if (statusAt == null || !at.isBefore(statusAt)) {
                statusAt = at;
                status = switch (event.event()) {
                    case "Order Completed" -> "completed";
                    case "Order Shipped" -> "shipped";
                    case "Order Delayed" -> "delayed";
                    case "Order Delivered" -> "delivered";
                    default -> "refunded";
                };
            }
        }

        Object[] row(UUID workspaceId, Instant now) {
            return new Object[] {
                workspaceId,
                orderId,
                customer,
                total,
                currency,
                status,
                Sql.ts(statusAt),
                Sql.ts(placedAt),
                Sql.ts(shippedAt),
                Sql.ts(deliveredAt),
                Sql.ts(refundedAt),
                refundTotal,
                delays,
                Sql.ts(now)
            };
        }
    }
}

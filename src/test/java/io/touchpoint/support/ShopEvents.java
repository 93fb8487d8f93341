package io.touchpoint.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** A builder of shop events (orders, page views, emails) sent in one ingestion batch. */
public final class ShopEvents {

    private final List<Map<String, Object>> batch = new ArrayList<>();

    public static ShopEvents events() {
        return new ShopEvents();
    }

    public ShopEvents order(String userId, String orderId, String at, long total) {
        return track(
                userId,
                "Order Completed",
                at,
                Map.of(
                        "order_id",
                        orderId,
                        "total",
                        total,
                        "currency",
                        "KRW",
                        "products",
                        List.of(Map.of("product_id", "p-" + orderId, "price", total, "quantity", 1))));
    }

    public ShopEvents refund(String userId, String orderId, String at, long total) {
        return track(userId, "Order Refunded", at, Map.of("order_id", orderId, "total", total));
    }

    public ShopEvents page(String userId, String at) {
        Map<String, Object> message = message("page", userId, at);
        message.put("name", "Home");
        message.put("properties", Map.of("path", "/"));
        batch.add(message);
        return this;
    }

    public ShopEvents email(String event, String userId, String campaign, String at) {
        return track(userId, event, at, Map.of("campaign_id", campaign, "email_id", campaign + "-" + userId));
    }

    public ShopEvents track(String userId, String event, String at, Map<String, Object> properties) {
        Map<String, Object> message = message("track", userId, at);
        message.put("event", event);
        message.put("properties", properties);
        batch.add(message);
        return this;
    }

    private static Map<String, Object> message(String type, String userId, String at) {
        Map<String, Object> message = new LinkedHashMap<>();
        message.put("type", type);
        message.put("messageId", UUID.randomUUID().toString());
        message.put("userId", userId);
        message.put("timestamp", at);
        return message;
    }

    /** Sends the batch with the workspace's write key; every event must be accepted. */
    public void sendTo(Http http, String writeKey) {
        Http.Response r = http.basic(writeKey, "").postJson("/v1/batch", Map.of("batch", batch));
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(r.json().path("accepted").asInt()).as(r.body()).isEqualTo(batch.size());
    }
}

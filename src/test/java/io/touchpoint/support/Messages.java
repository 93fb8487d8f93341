package io.touchpoint.support;

import io.touchpoint.platform.Json;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** Builds Segment messages for tests: {@code Messages.track("Order Completed").user("u1").prop(...)}. */
public final class Messages {

    private final ObjectNode node = Json.object();

    private Messages(String type) {
        node.put("type", type);
        node.put("messageId", "msg-" + UUID.randomUUID());
    }

    public static Messages track(String event) {
        Messages m = new Messages("track");
        m.node.put("event", event);
        m.node.putObject("properties");
        return m;
    }

    public static Messages identify() {
        Messages m = new Messages("identify");
        m.node.putObject("traits");
        return m;
    }

    public static Messages page(String name) {
        Messages m = new Messages("page");
        m.node.put("name", name);
        m.node.putObject("properties").put("path", "/" + name.toLowerCase());
        return m;
    }

    public static Messages alias(String previousId, String userId) {
        Messages m = new Messages("alias");
        m.node.put("previousId", previousId);
        m.node.put("userId", userId);
        return m;
    }

    /** An Order Completed with one product line. */
    public static Messages orderCompleted(String userId, String orderId, long total) {
        Messages m = track("Order Completed")
                .user(userId)
                .prop("order_id", orderId)
                .prop("total", total)
                .prop("currency", "KRW");
        ArrayNode products = ((ObjectNode) m.node.get("properties")).putArray("products");
        products.addObject().put("product_id", "p-1").put("price", total).put("quantity", 1);
        return m;
    }

    public Messages user(String userId) {
        node.put("userId", userId);
        return this;
    }

    public Messages anonymous(String anonymousId) {
        node.put("anonymousId", anonymousId);
        return this;
    }

    public Messages messageId(String messageId) {
        node.put("messageId", messageId);
        return this;
    }

    public Messages at(String timestamp) {
        node.put("timestamp", timestamp);
        return this;
    }

    public Messages sentAt(String sentAt) {
        node.put("sentAt", sentAt);
        return this;
    }

    public Messages prop(String name, Object value) {
        ((ObjectNode) node.get("properties")).set(name, Json.MAPPER.valueToTree(value));
        return this;
    }

    public Messages trait(String name, Object value) {
        ((ObjectNode) node.get("traits")).set(name, Json.MAPPER.valueToTree(value));
        return this;
    }

    public Messages set(String field, Object value) {
        node.set(field, Json.MAPPER.valueToTree(value));
        return this;
    }

    public Messages without(String field) {
        node.remove(field);
        return this;
    }

    public String messageIdValue() {
        return node.get("messageId").asString();
    }

    public ObjectNode json() {
        return node.deepCopy();
    }

    /** {"batch":[…]} of the given messages. */
    public static Map<String, List<JsonNode>> batch(Messages... messages) {
        return Map.of(
                "batch",
                java.util.Arrays.stream(messages).map(m -> (JsonNode) m.json()).toList());
    }
}

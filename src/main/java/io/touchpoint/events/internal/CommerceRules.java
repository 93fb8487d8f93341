package io.touchpoint.events.internal;

import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import tools.jackson.databind.JsonNode;

/**
 * The shapes Touchpoint checks for the commerce events in API.md (Segment's e-commerce spec where
 * one exists). Other event names are custom events and only get the general checks.
 */
final class CommerceRules {

    private static final Map<String, BiConsumer<JsonNode, List<String>>> RULES = Map.ofEntries(
            Map.entry("Product Viewed", CommerceRules::product),
            Map.entry("Product Added", CommerceRules::product),
            Map.entry("Cart Viewed", (p, e) -> products(p, e, false)),
            Map.entry("Checkout Started", (p, e) -> {
                products(p, e, false);
                money(p, "value", false, e);
                money(p, "revenue", false, e);
                currency(p, false, e);
            }),
            Map.entry("Order Completed", CommerceRules::orderCompleted),
            Map.entry("Order Shipped", (p, e) -> requiredId(p, "order_id", e)),
            Map.entry("Order Delayed", (p, e) -> requiredId(p, "order_id", e)),
            Map.entry("Order Delivered", (p, e) -> requiredId(p, "order_id", e)),
            Map.entry("Order Refunded", (p, e) -> {
                requiredId(p, "order_id", e);
                money(p, "total", false, e);
                money(p, "revenue", false, e);
                currency(p, false, e);
            }),
            Map.entry("Support Ticket Opened", (p, e) -> requiredId(p, "ticket_id", e)),
            Map.entry("Support Ticket Closed", (p, e) -> requiredId(p, "ticket_id", e)),
            Map.entry("Store Visited", (p, e) -> requiredId(p, "store_id", e)),
            Map.entry("Email Delivered", CommerceRules::email),
            Map.entry("Email Opened", CommerceRules::email),
            Map.entry("Email Link Clicked", CommerceRules::email),
            Map.entry("Review Submitted", (p, e) -> {
                requiredId(p, "review_id", e);
                JsonNode rating = p.get("rating");
                if (rating != null
                        && !rating.isNull()
                        && (!rating.isNumber() || rating.asDouble() < 0 || rating.asDouble() > 5)) {
                    e.add("properties.rating must be a number from 0 to 5");
                }
            }),
            Map.entry("Consent Updated", (p, e) -> {
                JsonNode channel = p.get("channel");
                if (channel == null
                        || !channel.isString()
                        || io.touchpoint.customers.ConsentChannel.of(channel.asString())
                                .isEmpty()) {
                    e.add("properties.channel must be email_marketing or in_app");
                }
                JsonNode granted = p.get("granted");
                if (granted == null || !granted.isBoolean()) {
                    e.add("properties.granted must be true or false");
                }
            }),
            Map.entry("Social Mention", (p, e) -> {
                requiredText(p, "platform", e);
                requiredText(p, "text", e);
            }));

    private CommerceRules() {}

    static boolean isCommerce(String event) {
        return RULES.containsKey(event);
    }

    static void check(String event, JsonNode properties, List<String> errors) {
        BiConsumer<JsonNode, List<String>> rule = RULES.get(event);
        if (rule != null) {
            rule.accept(properties, errors);
        }
    }

    private static void orderCompleted(JsonNode p, List<String> e) {
        requiredId(p, "order_id", e);
        boolean hasTotal = present(p, "total");
        boolean hasRevenue = present(p, "revenue");
        if (!hasTotal && !hasRevenue) {
            e.add("properties.total or properties.revenue is required");
        }
        money(p, "total", false, e);
        money(p, "revenue", false, e);
        money(p, "shipping", false, e);
        money(p, "tax", false, e);
        money(p, "discount", false, e);
        currency(p, true, e);
        products(p, e, true);
    }

    private static void product(JsonNode p, List<String> e) {
        requiredId(p, "product_id", e);
        money(p, "price", false, e);
        JsonNode quantity = p.get("quantity");
        if (quantity != null && !quantity.isNull() && !(quantity.isIntegralNumber() && quantity.asLong() >= 1)) {
            e.add("properties.quantity must be a whole number of at least 1");
        }
    }

    private static void email(JsonNode p, List<String> e) {
        if (!present(p, "email_id") && !present(p, "campaign_id")) {
            e.add("properties.email_id or properties.campaign_id is required");
        }
    }

    private static void products(JsonNode p, List<String> e, boolean required) {
        JsonNode products = p.get("products");
        if (products == null || products.isNull()) {
            if (required) {
                e.add("properties.products is required (an array of {product_id, price, quantity})");
            }
            return;
        }
        if (!products.isArray()) {
            e.add("properties.products must be an array");
            return;
        }
        if (products.size() > 500) {
            e.add("properties.products has more than 500 items");
            return;
        }
        for (int i = 0; i < products.size(); i++) {
            JsonNode item = products.get(i);
            String at = "properties.products[" + i + "]";
            if (!item.isObject()) {
                e.add(at + " must be an object");
                continue;
            }
            if (!isId(item.get("product_id"))) {
                e.add(at + ".product_id is required (a string or number)");
            }
            JsonNode price = item.get("price");
            if (price == null || price.isNull()) {
                e.add(at + ".price is required");
            } else if (!price.isNumber() || price.asDouble() < 0 || !Double.isFinite(price.asDouble())) {
                e.add(at + ".price must be a non-negative number");
            }
            JsonNode quantity = item.get("quantity");
            if (quantity == null || quantity.isNull()) {
                e.add(at + ".quantity is required");
            } else if (!quantity.isIntegralNumber() || quantity.asLong() < 1 || quantity.asLong() > 1_000_000) {
                e.add(at + ".quantity must be a whole number from 1 to 1000000");
            }
        }
    }

    private static void money(JsonNode p, String field, boolean required, List<String> e) {
        JsonNode value = p.get(field);
        if (value == null || value.isNull()) {
            if (required) {
                e.add("properties." + field + " is required");
            }
            return;
        }
        if (!value.isNumber() || !Double.isFinite(value.asDouble())) {
            e.add("properties." + field + " must be a number");
        } else if (value.asDouble() < 0) {
            e.add("properties." + field + " must not be negative");
        } else if (value.asDouble() >= 1e16) {
            e.add("properties." + field + " is too large");
        }
    }

    private static void currency(JsonNode p, boolean required, List<String> e) {
        JsonNode value = p.get("currency");
        if (value == null || value.isNull()) {
            if (required) {
                e.add("properties.currency is required (an ISO 4217 code such as KRW or USD)");
            }
            return;
        }
        if (!value.isString() || !isIsoCurrency(value.asString())) {
            e.add("properties.currency must be an ISO 4217 code such as KRW or USD");
        }
    }

    static boolean isIsoCurrency(String code) {
        if (code == null || !code.matches("[A-Z]{3}")) {
            return false;
        }
        try {
            Currency.getInstance(code);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static void requiredId(JsonNode p, String field, List<String> e) {
        if (!isId(p.get(field))) {
            e.add("properties." + field + " is required (a non-empty string or number)");
        }
    }

    private static void requiredText(JsonNode p, String field, List<String> e) {
        JsonNode value = p.get(field);
        if (value == null || !value.isString() || value.asString().isBlank()) {
            e.add("properties." + field + " is required (a non-empty string)");
        }
    }

    private static boolean isId(JsonNode value) {
        if (value == null || value.isNull()) {
            return false;
        }
        if (value.isString()) {
            return !value.asString().isBlank() && value.asString().length() <= 200;
        }
        return value.isIntegralNumber();
    }

    private static boolean present(JsonNode p, String field) {
        JsonNode value = p.get(field);
        return value != null && !value.isNull();
    }
}

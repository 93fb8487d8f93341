package io.touchpoint.events.internal;

import io.touchpoint.events.ImportJob;
import io.touchpoint.platform.Json;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Turns CSV rows into Segment messages, with a reason for every row it cannot use. Message ids are
 * derived from the rows, so importing the same file twice stores nothing twice. Plain Java.
 */
final class CsvRows {

    static final Set<String> CUSTOMER_IDENTITY = Set.of("user_id", "anonymous_id");
    static final Set<String> ORDER_STATUSES = Set.of("completed", "shipped", "delivered", "refunded");

    /** Messages built from rows, each remembering the file lines it came from. */
    record Built(List<ObjectNode> messages, List<List<Integer>> lines, List<ImportJob.RowError> errors) {}

    private CsvRows() {}

    static Built customers(List<Map<String, String>> rows, ZoneId zone) {
        List<ObjectNode> messages = new ArrayList<>();
        List<List<Integer>> lines = new ArrayList<>();
        List<ImportJob.RowError> errors = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            Map<String, String> row = rows.get(i);
            int line = i + 2;
            String userId = value(row, "user_id");
            if (userId == null) {
                errors.add(new ImportJob.RowError(line, List.of("user_id is required")));
                continue;
            }
            ObjectNode message = Json.object();
            message.put("type", "identify");
            message.put("userId", userId);
            String anonymousId = value(row, "anonymous_id");
            if (anonymousId != null) {
                message.put("anonymousId", anonymousId);
            }
            ObjectNode traits = message.putObject("traits");
            List<String> rowErrors = new ArrayList<>();
            for (Map.Entry<String, String> cell : row.entrySet()) {
                String name = cell.getKey();
                String text = cell.getValue() == null ? "" : cell.getValue().trim();
                if (CUSTOMER_IDENTITY.contains(name) || text.isEmpty()) {
                    continue;
                }
                if (name.equals("created_at")) {
                    Instant created = time(text, zone);
                    if (created == null) {
                        rowErrors.add(
                                "created_at must be a date (2026-03-01) or date-time (2026-03-01T10:00:00+09:00)");
                    } else {
                        message.put("timestamp", created.toString());
                        traits.put("created_at", created.toString());
                    }
                } else if (text.matches("-?\\d{1,15}(\\.\\d+)?") && !name.equals("phone")) {
                    traits.put(name, new BigDecimal(text));
                } else {
                    traits.put(name, text);
                }
            }
            if (!rowErrors.isEmpty()) {
                errors.add(new ImportJob.RowError(line, rowErrors));
                continue;
            }
            message.put("messageId", "import-customer-" + digest(Json.write(message)));
            messages.add(message);
            lines.add(List.of(line));
        }
        return new Built(messages, lines, errors);
    }

    /** One Order Completed per order id (its rows are its lines), plus the status event if one is given. */
    static Built orders(List<Map<String, String>> rows, ZoneId zone) {
        Map<String, List<Integer>> orderLines = new LinkedHashMap<>();
        Map<String, ObjectNode> orders = new LinkedHashMap<>();
        Map<String, String> statuses = new LinkedHashMap<>();
        List<ImportJob.RowError> errors = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            Map<String, String> row = rows.get(i);
            int line = i + 2;
            List<String> rowErrors = new ArrayList<>();
            String orderId = value(row, "order_id");
            String userId = value(row, "user_id");
            if (orderId == null) {
                rowErrors.add("order_id is required");
            }
            if (userId == null) {
                rowErrors.add("user_id is required");
            }
            String status = value(row, "status") == null
                    ? "completed"
                    : value(row, "status").toLowerCase(Locale.ROOT);
            if (!ORDER_STATUSES.contains(status)) {
                rowErrors.add("status must be one of " + ORDER_STATUSES);
            }
            Instant placed = value(row, "placed_at") == null ? null : time(value(row, "placed_at"), zone);
            if (placed == null) {
                rowErrors.add("placed_at is required: a date (2026-03-01) or date-time (2026-03-01T10:00:00+09:00)");
            }
            BigDecimal total = decimal(row, "total", rowErrors);
            BigDecimal price = decimal(row, "price", rowErrors);
            BigDecimal quantity = decimal(row, "quantity", rowErrors);
            if (!rowErrors.isEmpty()) {
                errors.add(new ImportJob.RowError(line, rowErrors));
                continue;
            }
            ObjectNode order = orders.get(orderId);
            if (order == null) {
                order = Json.object();
                order.put("type", "track");
                order.put("event", "Order Completed");
                order.put("userId", userId);
                order.put("timestamp", placed.toString());
                ObjectNode properties = order.putObject("properties");
                properties.put("order_id", orderId);
                if (total != null) {
                    properties.put("total", total);
                }
                String currency = value(row, "currency");
                if (currency != null) {
                    properties.put("currency", currency.toUpperCase(Locale.ROOT));
                }
                properties.putArray("products");
                orders.put(orderId, order);
                statuses.put(orderId, status);
            }
            orderLines.computeIfAbsent(orderId, k -> new ArrayList<>()).add(line);
            if (value(row, "product_id") != null) {
                ArrayNode products = (ArrayNode) order.get("properties").get("products");
                ObjectNode item = products.addObject();
                item.put("product_id", value(row, "product_id"));
                if (value(row, "product_name") != null) {
                    item.put("name", value(row, "product_name"));
                }
                if (value(row, "category") != null) {
                    item.put("category", value(row, "category"));
                }
                if (price != null) {
                    item.put("price", price);
                }
                if (quantity != null) {
                    // not a ?: expression: it would widen the whole number to a double
                    if (quantity.stripTrailingZeros().scale() <= 0) {
                        item.put("quantity", quantity.longValue());
                    } else {
                        item.put("quantity", quantity.doubleValue());
                    }
                }
            }
        }
        List<ObjectNode> messages = new ArrayList<>();
        List<List<Integer>> lines = new ArrayList<>();
        for (Map.Entry<String, ObjectNode> entry : orders.entrySet()) {
            ObjectNode order = entry.getValue();
            ObjectNode properties = (ObjectNode) order.get("properties");
            if (!properties.has("total")) {
                // no total given: the sum of the lines
                BigDecimal sum = BigDecimal.ZERO;
                for (var item : properties.get("products")) {
                    if (item.has("price") && item.has("quantity")) {
                        sum = sum.add(item.get("price")
                                .decimalValue()
                                .multiply(item.get("quantity").decimalValue()));
                    }
                }
                properties.put("total", sum);
            }
            order.put("messageId", "import-order-" + digest(entry.getKey()));
            messages.add(order);
            lines.add(orderLines.get(entry.getKey()));
            String status = statuses.get(entry.getKey());
            if (!status.equals("completed")) {
                ObjectNode change = Json.object();
                change.put("type", "track");
                change.put("event", "Order " + Character.toUpperCase(status.charAt(0)) + status.substring(1));
                change.put("userId", order.get("userId").asString());
                change.put("timestamp", order.get("timestamp").asString());
                change.putObject("properties").put("order_id", entry.getKey());
                change.put("messageId", "import-order-" + digest(entry.getKey() + "/" + status));
                messages.add(change);
                lines.add(orderLines.get(entry.getKey()));
            }
        }
        return new Built(messages, lines, errors);
    }

    static Instant time(String text, ZoneId zone) {
        String value = text.trim();
        try {
            return OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException notOffset) {
            try {
                return java.time.LocalDateTime.parse(value.replace(' ', 'T'))
                        .atZone(zone)
                        .toInstant();
            } catch (DateTimeParseException notLocal) {
                try {
                    return LocalDate.parse(value).atStartOfDay(zone).toInstant();
                } catch (DateTimeParseException notDate) {
                    return null;
                }
            }
        }
    }

    private static BigDecimal decimal(Map<String, String> row, String column, List<String> errors) {
        String text = value(row, column);
        if (text == null) {
            return null;
        }
        try {
            BigDecimal number = new BigDecimal(text.replace(",", ""));
            if (number.signum() < 0) {
                errors.add(column + " must not be negative");
                return null;
            }
            return number;
        } catch (NumberFormatException e) {
            errors.add(column + " must be a number, not '" + (text.length() > 30 ? text.substring(0, 30) + "…" : text)
                    + "'");
            return null;
        }
    }

    private static String value(Map<String, String> row, String column) {
        String value = row.get(column);
        return value == null || value.isBlank() ? null : value.trim();
    }

    private static String digest(String text) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash, 0, 16);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

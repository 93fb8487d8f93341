package io.touchpoint.events.internal;

import io.touchpoint.events.IncomingEvent;
import io.touchpoint.platform.Ids;
import io.touchpoint.platform.Json;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Checks one Segment message and turns it into an {@link IncomingEvent}, or lists every reason it is
 * refused. Plain Java: no storage, no Spring.
 */
final class EventValidator {

    static final int MAX_MESSAGE_CHARS = 32 * 1024;
    static final int MAX_DEPTH = 16;
    static final int MAX_ID_CHARS = 200;
    static final Set<String> TYPES = Set.of("track", "identify", "page", "screen", "alias");
    private static final Duration MAX_FUTURE = Duration.ofDays(1);
    private static final Instant EARLIEST = Instant.parse("2000-01-01T00:00:00Z");

    /** Either an event or the reasons it was refused. */
    record Outcome(IncomingEvent event, List<String> errors) {
        boolean valid() {
            return event != null;
        }
    }

    private EventValidator() {}

    /**
     * @param message     the message as sent
     * @param defaultType the type implied by the endpoint (null for batch entries, which must say it)
     * @param receivedAt  when the server received it
     */
    static Outcome validate(JsonNode message, String defaultType, Instant receivedAt) {
        List<String> errors = new ArrayList<>();
        if (message == null || !message.isObject()) {
            return new Outcome(null, List.of("the message must be a JSON object"));
        }
        // size and Unicode are checked on each top-level field's JSON text; the objects that are
        // stored are written here, once, so the store's writer does not serialise them again; a
        // plain string's or number's length is counted without writing it
        long size = 1;
        boolean unpaired = false;
        String propertiesText = null;
        String traitsText = null;
        String contextText = null;
        for (Map.Entry<String, JsonNode> field : message.properties()) {
            JsonNode value = field.getValue();
            size += field.getKey().length() + 4; // "key":value, or }
            unpaired = unpaired || hasUnpairedSurrogate(field.getKey());
            if (value.isString()) {
                String text = value.asString();
                size += quotedLength(text);
                unpaired = unpaired || hasUnpairedSurrogate(text);
                continue;
            }
            if (value.isIntegralNumber() || value.isBoolean() || value.isNull()) {
                size += scalarLength(value);
                continue;
            }
            String text = Json.write(value);
            size += text.length();
            unpaired = unpaired || hasUnpairedSurrogate(text);
            if (value.isObject()) {
                switch (field.getKey()) {
                    case "properties" -> propertiesText = text;
                    case "traits" -> traitsText = text;
                    case "context" -> contextText = text;
                    default -> {}
                }
            }
        }
        if (size > MAX_MESSAGE_CHARS) {
            errors.add("the message is larger than " + MAX_MESSAGE_CHARS / 1024 + " KB");
        }
        if (unpaired) {
            errors.add("the message contains invalid Unicode (an unpaired surrogate)");
        }
        if (depth(message) > MAX_DEPTH) {
            errors.add("the message nests objects deeper than " + MAX_DEPTH + " levels");
        }
        String type = optionalString(message, "type", errors);
        if (type == null) {
            type = defaultType;
        } else if (defaultType != null && !defaultType.equals(type)) {
            errors.add("type '" + type + "' does not match the endpoint /v1/" + defaultType);
        }
        if (type == null) {
            errors.add("type is required (track, identify, page, screen or alias)");
        } else if (!TYPES.contains(type)) {
            errors.add("type '" + truncate(type) + "' is not supported (track, identify, page, screen or alias)");
        }
        String userId = id(message, "userId", errors);
        String anonymousId = id(message, "anonymousId", errors);
        String previousId = id(message, "previousId", errors);
        if ("alias".equals(type)) {
            if (userId == null || previousId == null) {
                errors.add("alias needs both userId and previousId");
            }
        } else if (userId == null && anonymousId == null) {
            errors.add("userId or anonymousId is required");
        }
        String messageId = id(message, "messageId", errors);
        ObjectNode properties = object(message, "properties", errors);
        ObjectNode traits = object(message, "traits", errors);
        ObjectNode context = object(message, "context", errors);
        if ("identify".equals(type)
                && traits.isEmpty()
                && context.has("traits")
                && context.get("traits").isObject()) {
            traits = (ObjectNode) context.get("traits");
            traitsText = Json.write(traits);
        }
        String event = null;
        if ("track".equals(type)) {
            event = optionalString(message, "event", errors);
            if (event == null || event.isBlank()) {
                errors.add("event is required for track");
            } else if (event.length() > MAX_ID_CHARS) {
                errors.add("event must be at most " + MAX_ID_CHARS + " characters");
            } else {
                CommerceRules.check(event, properties, errors);
            }
        } else if ("page".equals(type) || "screen".equals(type)) {
            event = optionalString(message, "name", errors);
            if (event != null && event.length() > MAX_ID_CHARS) {
                errors.add("name must be at most " + MAX_ID_CHARS + " characters");
            }
        }
        if ("identify".equals(type)) {
            checkTraitIdentity(traits, "email", errors);
            checkTraitIdentity(traits, "phone", errors);
        }
        Instant clientTime = time(message, "timestamp", errors);
        if (clientTime == null) {
            clientTime = time(message, "originalTimestamp", errors);
        }
        Instant sentAt = time(message, "sentAt", errors);
        Instant timestamp = correctedTime(clientTime, sentAt, receivedAt);
        if (timestamp != null && timestamp.isAfter(receivedAt.plus(MAX_FUTURE))) {
            errors.add("timestamp is more than a day in the future");
        }
        if (timestamp != null && timestamp.isBefore(EARLIEST)) {
            errors.add("timestamp is before the year 2000");
        }
        if (!errors.isEmpty()) {
            return new Outcome(null, List.copyOf(errors));
        }
        String channel = Channels.of(type, event, properties, context);
        return new Outcome(
                new IncomingEvent(
                        type,
                        messageId == null ? "tp-" + Ids.next() : messageId,
                        userId,
                        anonymousId,
                        previousId,
                        event,
                        properties,
                        traits,
                        context,
                        timestamp,
                        sentAt,
                        channel,
                        "identify".equals(type) ? orEmpty(traitsText) : orEmpty(propertiesText),
                        orEmpty(contextText)),
                List.of());
    }

    /**
     * Segment's clock-skew correction: when the sender says when it sent the message, the offset
     * between its clock and ours is removed; without sentAt the given time is used as is (imports).
     */
    static Instant correctedTime(Instant clientTime, Instant sentAt, Instant receivedAt) {
        if (clientTime == null) {
            return receivedAt;
        }
        if (sentAt == null) {
            return clientTime;
        }
        return receivedAt.minus(Duration.between(clientTime, sentAt));
    }

    private static void checkTraitIdentity(ObjectNode traits, String field, List<String> errors) {
        JsonNode value = traits.get(field);
        if (value != null && !value.isNull() && !value.isString()) {
            errors.add("traits." + field + " must be a string");
        }
    }

    private static String id(JsonNode message, String field, List<String> errors) {
        JsonNode value = message.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        String text;
        if (value.isString()) {
            text = value.asString().trim();
        } else if (value.isIntegralNumber()) {
            text = value.asString();
        } else {
            errors.add(field + " must be a string");
            return null;
        }
        if (text.isEmpty()) {
            return null;
        }
        if (text.length() > MAX_ID_CHARS) {
            errors.add(field + " must be at most " + MAX_ID_CHARS + " characters");
            return null;
        }
        return text;
    }

    private static String optionalString(JsonNode message, String field, List<String> errors) {
        JsonNode value = message.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isString()) {
            errors.add(field + " must be a string");
            return null;
        }
        return value.asString();
    }

    private static ObjectNode object(JsonNode message, String field, List<String> errors) {
        JsonNode value = message.get(field);
        if (value == null || value.isNull()) {
            return Json.object();
        }
        if (!value.isObject()) {
            errors.add(field + " must be an object");
            return Json.object();
        }
        return (ObjectNode) value;
    }

    private static Instant time(JsonNode message, String field, List<String> errors) {
        JsonNode value = message.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isString()) {
            errors.add(field + " must be an ISO-8601 date-time string");
            return null;
        }
        Instant common = IsoTimes.parseCommon(value.asString());
        if (common != null) {
            return common;
        }
        try {
            return OffsetDateTime.parse(value.asString()).toInstant();
        } catch (DateTimeParseException e) {
            try {
                return Instant.parse(value.asString());
            } catch (DateTimeParseException again) {
                errors.add(field + " must be an ISO-8601 date-time with an offset, e.g. 2026-05-01T10:00:00Z");
                return null;
            }
        }
    }

    private static int depth(JsonNode node) {
        if (!node.isContainer()) {
            return 0;
        }
        int deepest = 0;
        for (JsonNode child : node.values()) {
            deepest = Math.max(deepest, depth(child));
            if (deepest > MAX_DEPTH) {
                break;
            }
        }
        return deepest + 1;
    }

    /** The length of the string's JSON text as written: quoted, with quotes, backslashes and control characters escaped. */
    static int quotedLength(String text) {
        int length = text.length() + 2;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"' || c == '\\' || c == '\b' || c == '\f' || c == '\n' || c == '\r' || c == '\t') {
                length += 1;
            } else if (c < 0x20) {
                length += 5;
            }
        }
        return length;
    }

    /** The JSON text's length of a whole number, a boolean or null (whose {@code asString()} is empty). */
    static int scalarLength(JsonNode value) {
        return value.isNull() ? 4 : value.asString().length();
    }

    static boolean hasUnpairedSurrogate(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c)) {
                if (i + 1 >= text.length() || !Character.isLowSurrogate(text.charAt(i + 1))) {
                    return true;
                }
                i++;
            } else if (Character.isLowSurrogate(c)) {
                return true;
            }
        }
        return false;
    }

    private static String orEmpty(String objectText) {
        return objectText == null ? "{}" : objectText;
    }

    private static String truncate(String text) {
        return text.length() > 40 ? text.substring(0, 40) + "…" : text;
    }
}

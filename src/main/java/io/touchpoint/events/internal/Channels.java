package io.touchpoint.events.internal;

import java.util.Locale;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/** Which channel an interaction happened on, when the sender does not say it. */
final class Channels {

    static final Set<String> ALL = Set.of("web", "app", "email", "store", "support", "social");

    private Channels() {}

    static String of(String type, String event, JsonNode properties, JsonNode context) {
        String stated = text(properties, "channel");
        if (stated == null) {
            stated = text(context, "channel");
        }
        if (stated != null && ALL.contains(stated.toLowerCase(Locale.ROOT))) {
            return stated.toLowerCase(Locale.ROOT);
        }
        if ("screen".equals(type)) {
            return "app";
        }
        if (event != null && "track".equals(type)) {
            if (event.startsWith("Email ")) {
                return "email";
            }
            if (event.startsWith("Support Ticket")) {
                return "support";
            }
            if (event.equals("Store Visited")) {
                return "store";
            }
            if (event.equals("Social Mention")) {
                return "social";
            }
        }
        if (context != null && (context.has("app") || isMobileDevice(context.path("device")))) {
            return "app";
        }
        return "web";
    }

    private static boolean isMobileDevice(JsonNode device) {
        String type = text(device, "type");
        return type != null && Set.of("ios", "android", "mobile").contains(type.toLowerCase(Locale.ROOT));
    }

    private static String text(JsonNode node, String field) {
        if (node == null || !node.isObject()) {
            return null;
        }
        JsonNode value = node.get(field);
        return value != null && value.isString() ? value.asString() : null;
    }
}

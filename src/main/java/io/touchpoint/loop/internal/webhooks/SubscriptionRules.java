package io.touchpoint.loop.internal.webhooks;

import io.touchpoint.loop.WebhookRequest;
import io.touchpoint.loop.Webhooks;
import io.touchpoint.platform.FieldProblem;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;

/** The checks on a subscription's fields, with a message per failing field. */
public final class SubscriptionRules {

    static final int MAX_URL = 2000;
    static final int MAX_DESCRIPTION = 200;

    private SubscriptionRules() {}

    /**
     * The problems with a request; on a change ({@code creating} false) absent fields are not checked.
     */
    public static List<FieldProblem> check(WebhookRequest request, boolean creating) {
        List<FieldProblem> problems = new ArrayList<>();
        if (request == null) {
            problems.add(new FieldProblem("url", "is required"));
            return problems;
        }
        if (request.url() != null || creating) {
            urlProblem(request.url()).ifPresent(m -> problems.add(new FieldProblem("url", m)));
        }
        if (request.eventTypes() != null) {
            if (request.eventTypes().isEmpty()) {
                problems.add(new FieldProblem("eventTypes", "must name at least one type, or \"*\" for all"));
            }
            for (String type : request.eventTypes()) {
                if (!Webhooks.ALL_EVENTS.equals(type) && !Webhooks.EVENT_TYPES.contains(type)) {
                    problems.add(new FieldProblem(
                            "eventTypes",
                            "\"" + type + "\" is not an event type; use " + String.join(", ", Webhooks.EVENT_TYPES)
                                    + " or \"*\""));
                }
            }
        }
        if (request.description() != null && request.description().length() > MAX_DESCRIPTION) {
            problems.add(new FieldProblem("description", "must be at most " + MAX_DESCRIPTION + " characters"));
        }
        return problems;
    }

    /** The event types as stored: "*" alone when all are wanted, else the named ones in list order. */
    public static List<String> normalise(List<String> types) {
        if (types == null || types.contains(Webhooks.ALL_EVENTS)) {
            return List.of(Webhooks.ALL_EVENTS);
        }
        return List.copyOf(new LinkedHashSet<>(types));
    }

    private static java.util.Optional<String> urlProblem(String url) {
        if (url == null || url.isBlank()) {
            return java.util.Optional.of("is required");
        }
        if (url.length() > MAX_URL) {
            return java.util.Optional.of("must be at most " + MAX_URL + " characters");
        }
        URI uri;
        try {
            uri = new URI(url.trim());
        } catch (URISyntaxException e) {
            return java.util.Optional.of("is not a valid URL: " + e.getReason());
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            return java.util.Optional.of("must be an http:// or https:// URL");
        }
        if (uri.getHost() == null || uri.getHost().isBlank()) {
            return java.util.Optional.of("must name a host");
        }
        if (uri.getFragment() != null) {
            return java.util.Optional.of("must not have a #fragment");
        }
        return java.util.Optional.empty();
    }
}

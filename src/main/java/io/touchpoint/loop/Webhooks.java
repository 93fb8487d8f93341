package io.touchpoint.loop;

import io.touchpoint.loop.internal.webhooks.DeliveryStore;
import io.touchpoint.loop.internal.webhooks.SubscriptionRules;
import io.touchpoint.loop.internal.webhooks.SubscriptionStore;
import io.touchpoint.loop.internal.webhooks.WebhookSignature;
import io.touchpoint.platform.ConflictException;
import io.touchpoint.platform.FieldProblem;
import io.touchpoint.platform.Ids;
import io.touchpoint.platform.InvalidInputException;
import io.touchpoint.platform.NotFoundException;
import io.touchpoint.platform.Store;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.stereotype.Service;

/**
 * The webhooks face of the loop module: a workspace's subscriptions (endpoint, event types, signing
 * secret), their delivery log, replays and test messages. Messages come from the transactional
 * outbox and are delivered by a background worker, signed as in Standard Webhooks.
 */
@Service
public class Webhooks {

    /** Subscribe to every event type, including ones added later. */
    public static final String ALL_EVENTS = "*";

    /** The event types a subscription can choose from. */
    public static final List<String> EVENT_TYPES = List.of(
            "response.submitted",
            "case.opened",
            "case.updated",
            "case.resolved",
            "rule.fired",
            "customer.merged",
            "customer.erased");

    /** The type of a message sent from "Send test message"; it goes to that endpoint only. */
    public static final String TEST_EVENT = "webhook.test";

    /** How long the previous secret still signs after a rotation, so receivers can switch over. */
    public static final Duration ROTATION_GRACE = Duration.ofHours(24);

    private static final Set<String> STATUSES = Set.of("pending", "succeeded", "failed");

    private final Store store;
    private final SubscriptionStore subscriptions;
    private final DeliveryStore deliveries;
    private final Clock clock;

    Webhooks(Store store, SubscriptionStore subscriptions, DeliveryStore deliveries, Clock clock) {
        this.store = store;
        this.subscriptions = subscriptions;
        this.deliveries = deliveries;
        this.clock = clock;
    }

    /** Creates a subscription; the answer carries its secret, which is not shown again. */
    public CreatedWebhook create(UUID workspaceId, WebhookRequest request) {
        List<FieldProblem> problems = SubscriptionRules.check(request, true);
        if (!problems.isEmpty()) {
            throw new InvalidInputException("The webhook subscription is not valid", problems);
        }
        Instant now = clock.instant();
        boolean enabled = request.enabled() == null || request.enabled();
        WebhookSubscription subscription = new WebhookSubscription(
                Ids.next(),
                request.url().trim(),
                SubscriptionRules.normalise(request.eventTypes()),
                blankToNull(request.description()),
                enabled,
                enabled ? null : "manual",
                enabled ? null : now,
                0,
                null,
                null,
                now,
                now);
        String secret = WebhookSignature.newSecret();
        store.write(tx -> {
            SubscriptionStore.insert(tx, workspaceId, subscription, secret);
            return null;
        });
        return new CreatedWebhook(get(workspaceId, subscription.id()), secret);
    }

    public List<WebhookSubscription> list(UUID workspaceId) {
        return subscriptions.list(workspaceId).stream()
                .map(SubscriptionStore.Row::subscription)
                .toList();
    }

    public WebhookSubscription get(UUID workspaceId, UUID id) {
        return row(workspaceId, id).subscription();
    }

    /** The subscriptions Touchpoint disabled because their deliveries kept failing. */
    public List<WebhookSubscription> autoDisabled(UUID workspaceId) {
        return list(workspaceId).stream()
                .filter(WebhookSubscription::autoDisabled)
                .toList();
    }

    /** Changes the fields given; enabling a disabled endpoint starts its failure count afresh. */
    public WebhookSubscription update(UUID workspaceId, UUID id, WebhookRequest request) {
        List<FieldProblem> problems = SubscriptionRules.check(request, false);
        if (!problems.isEmpty()) {
            throw new InvalidInputException("The webhook subscription is not valid", problems);
        }
        WebhookSubscription old = get(workspaceId, id);
        Instant now = clock.instant();
        boolean enabled = request.enabled() == null ? old.enabled() : request.enabled();
        boolean enabling = enabled && !old.enabled();
        boolean disabling = !enabled && old.enabled();
        WebhookSubscription changed = new WebhookSubscription(
                id,
                request.url() == null ? old.url() : request.url().trim(),
                request.eventTypes() == null ? old.eventTypes() : SubscriptionRules.normalise(request.eventTypes()),
                request.description() == null ? old.description() : blankToNull(request.description()),
                enabled,
                enabled ? null : disabling ? "manual" : old.disabledReason(),
                enabled ? null : disabling ? now : old.disabledAt(),
                old.consecutiveFailures(),
                old.failingSince(),
                old.secretHint(),
                old.createdAt(),
                now);
        store.write(tx -> SubscriptionStore.update(tx, workspaceId, changed, enabling));
        return get(workspaceId, id);
    }

    /** Deletes the subscription with its deliveries and their log. */
    public void delete(UUID workspaceId, UUID id) {
        int deleted = store.write(tx -> SubscriptionStore.delete(tx, workspaceId, id));
        if (deleted == 0) {
            throw new NotFoundException("No webhook subscription " + id);
        }
    }

    /**
     * Gives the subscription a new secret; the old one keeps signing (as a second signature) for
     * {@link #ROTATION_GRACE}.
     */
    public CreatedWebhook rotateSecret(UUID workspaceId, UUID id) {
        get(workspaceId, id);
        String secret = WebhookSignature.newSecret();
        Instant now = clock.instant();
        store.write(tx -> SubscriptionStore.rotate(tx, workspaceId, id, secret, now.plus(ROTATION_GRACE), now));
        return new CreatedWebhook(get(workspaceId, id), secret);
    }

    /** Queues a {@code webhook.test} message for this endpoint only. */
    public WebhookDelivery sendTest(UUID workspaceId, UUID id) {
        WebhookSubscription subscription = get(workspaceId, id);
        if (!subscription.enabled()) {
            throw new ConflictException("The endpoint is disabled; enable it to send a test message");
        }
        Instant now = clock.instant();
        UUID deliveryId = store.write(tx -> DeliveryStore.testMessage(
                tx,
                workspaceId,
                id,
                Map.of("subscriptionId", id.toString(), "message", "Test message from Touchpoint"),
                now));
        return delivery(workspaceId, id, deliveryId);
    }

    /**
     * The deliveries of one subscription, newest first.
     *
     * @param status pending, succeeded or failed; null for all
     */
    public List<WebhookDelivery> deliveries(UUID workspaceId, UUID id, String status, int limit) {
        get(workspaceId, id);
        if (status != null && !STATUSES.contains(status)) {
            throw new InvalidInputException("status", "must be one of pending, succeeded, failed");
        }
        if (limit < 1 || limit > 1000) {
            throw new InvalidInputException("limit", "must be between 1 and 1000");
        }
        return deliveries.list(workspaceId, id, status, limit);
    }

    /** The deliveries with their attempts, for the delivery log page. */
    public List<WebhookDelivery> deliveriesWithLog(UUID workspaceId, UUID id, int limit) {
        List<WebhookDelivery> list = deliveries(workspaceId, id, null, limit);
        Map<UUID, List<WebhookAttempt>> log = deliveries.attempts(
                workspaceId, list.stream().map(WebhookDelivery::id).toList());
        return list.stream()
                .map(d -> DeliveryStore.withLog(d, log.getOrDefault(d.id(), List.of())))
                .toList();
    }

    public WebhookDelivery delivery(UUID workspaceId, UUID id, UUID deliveryId) {
        return deliveries
                .get(workspaceId, id, deliveryId)
                .orElseThrow(() -> new NotFoundException("No delivery " + deliveryId + " of webhook " + id));
    }

    /**
     * Sends the message again now, with the same {@code webhook-id}. A finished delivery gets one
     * more attempt; a pending one is simply tried now.
     */
    public WebhookDelivery replay(UUID workspaceId, UUID id, UUID deliveryId) {
        WebhookSubscription subscription = get(workspaceId, id);
        delivery(workspaceId, id, deliveryId);
        if (!subscription.enabled()) {
            throw new ConflictException("The endpoint is disabled; enable it to replay deliveries");
        }
        deliveries.replay(workspaceId, id, deliveryId, clock.instant());
        return delivery(workspaceId, id, deliveryId);
    }

    private SubscriptionStore.Row row(UUID workspaceId, UUID id) {
        return subscriptions
                .find(workspaceId, id)
                .orElseThrow(() -> new NotFoundException("No webhook subscription " + id));
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}

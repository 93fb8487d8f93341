package io.touchpoint.loop.internal.webhooks;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.touchpoint.loop.CreatedWebhook;
import io.touchpoint.loop.WebhookDelivery;
import io.touchpoint.loop.WebhookRequest;
import io.touchpoint.loop.WebhookSubscription;
import io.touchpoint.loop.Webhooks;
import io.touchpoint.workspace.CurrentWorkspace;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Webhook subscriptions and their delivery log over HTTP (secret keys only). */
@RestController
@RequestMapping("/api/v1/webhooks")
@Tag(name = "Webhooks", description = "Signed event deliveries (Standard Webhooks) to your endpoints")
class WebhooksApi {

    private final Webhooks webhooks;

    WebhooksApi(Webhooks webhooks) {
        this.webhooks = webhooks;
    }

    @PostMapping
    @Operation(summary = "Subscribe an endpoint; the answer holds the signing secret, shown only once")
    ResponseEntity<CreatedWebhook> create(@RequestBody(required = false) WebhookRequest request) {
        return ResponseEntity.status(HttpStatus.CREATED).body(webhooks.create(CurrentWorkspace.id(), request));
    }

    @GetMapping
    @Operation(summary = "The workspace's subscriptions")
    Map<String, Object> list() {
        return Map.of("items", webhooks.list(CurrentWorkspace.id()), "eventTypes", Webhooks.EVENT_TYPES);
    }

    @GetMapping("/{id}")
    WebhookSubscription get(@PathVariable UUID id) {
        return webhooks.get(CurrentWorkspace.id(), id);
    }

    @PatchMapping("/{id}")
    @Operation(summary = "Change url, eventTypes, description or enabled; fields left out keep their value")
    WebhookSubscription update(@PathVariable UUID id, @RequestBody(required = false) WebhookRequest request) {
        return webhooks.update(
                CurrentWorkspace.id(), id, request == null ? new WebhookRequest(null, null, null, null) : request);
    }

    @DeleteMapping("/{id}")
    @Operation(summary = "Delete the subscription with its deliveries and their log")
    ResponseEntity<Void> delete(@PathVariable UUID id) {
        webhooks.delete(CurrentWorkspace.id(), id);
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/{id}/rotate-secret")
    @Operation(summary = "New signing secret; the old one also signs for 24 hours")
    CreatedWebhook rotate(@PathVariable UUID id) {
        return webhooks.rotateSecret(CurrentWorkspace.id(), id);
    }

    @PostMapping("/{id}/test")
    @Operation(summary = "Send a webhook.test message to this endpoint")
    ResponseEntity<WebhookDelivery> test(@PathVariable UUID id) {
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(webhooks.sendTest(CurrentWorkspace.id(), id));
    }

    @GetMapping("/{id}/deliveries")
    @Operation(summary = "Deliveries, newest first (status: pending, succeeded, failed)")
    Map<String, List<WebhookDelivery>> deliveries(
            @PathVariable UUID id,
            @RequestParam(required = false) String status,
            @RequestParam(defaultValue = "50") int limit) {
        return Map.of("items", webhooks.deliveries(CurrentWorkspace.id(), id, status, limit));
    }

    @GetMapping("/{id}/deliveries/{deliveryId}")
    @Operation(summary = "One delivery with every attempt: status code, error, duration")
    WebhookDelivery delivery(@PathVariable UUID id, @PathVariable UUID deliveryId) {
        return webhooks.delivery(CurrentWorkspace.id(), id, deliveryId);
    }

    @PostMapping("/{id}/deliveries/{deliveryId}/replay")
    @Operation(summary = "Send the message again now, with the same webhook-id")
    ResponseEntity<WebhookDelivery> replay(@PathVariable UUID id, @PathVariable UUID deliveryId) {
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(webhooks.replay(CurrentWorkspace.id(), id, deliveryId));
    }
}

package io.touchpoint.loop.internal.webhooks;

import io.touchpoint.platform.Json;
import io.touchpoint.platform.Store;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import tools.jackson.databind.node.ObjectNode;

/**
 * The webhook worker. Every poll interval, on one scheduler thread: pending outbox messages become
 * deliveries (and are marked dispatched in the same write), then due deliveries are claimed and
 * handed to a fixed pool of sender threads. At most {@code per-endpoint} deliveries to one endpoint
 * run at a time, so an endpoint that hangs holds a few threads for the request timeout and never
 * the others. All state is in the store: a stop loses nothing, and a delivery interrupted mid-send
 * is tried again when its claim runs out (receivers drop repeats by {@code webhook-id}).
 */
@Component
public class WebhookDispatcher implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(WebhookDispatcher.class);
    static final int FAN_OUT_BATCH = 500;
    static final int FAN_OUT_ROUNDS = 20;

    private final Store store;
    private final DeliveryStore deliveries;
    private final SubscriptionStore subscriptions;
    private final DisabledEndpointNotice notice;
    private final WebhookProperties properties;
    private final Clock clock;
    private final WebhookSender sender;
    private final RetrySchedule schedule;
    private final Set<UUID> inFlight = ConcurrentHashMap.newKeySet();
    private final Map<UUID, AtomicInteger> perEndpoint = new ConcurrentHashMap<>();
    private final Semaphore slots;
    private final java.util.concurrent.atomic.AtomicBoolean roundRequested =
            new java.util.concurrent.atomic.AtomicBoolean();
    private volatile ScheduledExecutorService scheduler;
    private volatile ExecutorService senders;

    WebhookDispatcher(
            Store store,
            DeliveryStore deliveries,
            SubscriptionStore subscriptions,
            DisabledEndpointNotice notice,
            WebhookProperties properties,
            Clock clock) {
        this.store = store;
        this.deliveries = deliveries;
        this.subscriptions = subscriptions;
        this.notice = notice;
        this.properties = properties;
        this.clock = clock;
        this.sender = new WebhookSender(properties.connectTimeout(), properties.requestTimeout());
        this.schedule = new RetrySchedule(
                properties.retrySchedule(), () -> ThreadLocalRandom.current().nextDouble());
        this.slots = new Semaphore(properties.threads());
    }

    @Override
    public synchronized void start() {
        if (scheduler != null) {
            return;
        }
        AtomicInteger n = new AtomicInteger();
        senders = Executors.newFixedThreadPool(
                properties.threads(), r -> daemon(r, "webhook-send-" + n.incrementAndGet()));
        scheduler = Executors.newSingleThreadScheduledExecutor(r -> daemon(r, "webhook-dispatch"));
        long every = properties.pollInterval().toMillis();
        scheduler.scheduleWithFixedDelay(this::tick, Math.min(every, 500), every, TimeUnit.MILLISECONDS);
    }

    @Override
    public synchronized void stop() {
        ScheduledExecutorService runningScheduler = scheduler;
        ExecutorService runningSenders = senders;
        scheduler = null;
        senders = null;
        if (runningScheduler == null) {
            return;
        }
        runningScheduler.shutdown();
        runningSenders.shutdown();
        try {
            // a delivery still waiting on its endpoint is cut off; its claim runs out and it is retried
            if (!runningScheduler.awaitTermination(5, TimeUnit.SECONDS)) {
                runningScheduler.shutdownNow();
            }
            if (!runningSenders.awaitTermination(1, TimeUnit.SECONDS)) {
                runningSenders.shutdownNow();
                runningSenders.awaitTermination(2, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            runningScheduler.shutdownNow();
            runningSenders.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return scheduler != null;
    }

    private static Thread daemon(Runnable r, String name) {
        Thread thread = new Thread(r, name);
        thread.setDaemon(true);
        return thread;
    }

    void tick() {
        try {
            fanOut();
            deliverDue();
        } catch (RuntimeException e) {
            log.error("Webhook dispatch round failed; will retry", e);
        }
    }

    /**
     * A finished send frees a slot of its endpoint: look for the next due delivery at once rather
     * than at the next poll, so a backlog drains at the endpoint's pace, not two per poll interval.
     */
    private void nextRoundNow() {
        ScheduledExecutorService running = scheduler;
        if (running != null && roundRequested.compareAndSet(false, true)) {
            try {
                running.execute(() -> {
                    roundRequested.set(false);
                    try {
                        deliverDue();
                    } catch (RuntimeException e) {
                        log.error("Webhook delivery round failed; will retry", e);
                    }
                });
            } catch (RejectedExecutionException e) {
                roundRequested.set(false); // stopping
            }
        }
    }

    void fanOut() {
        for (int round = 0; round < FAN_OUT_ROUNDS; round++) {
            List<DeliveryStore.Message> pending = deliveries.pendingMessages(FAN_OUT_BATCH);
            if (pending.isEmpty()) {
                return;
            }
            deliveries.fanOut(pending, clock.instant());
            if (pending.size() < FAN_OUT_BATCH) {
                return;
            }
        }
    }

    void deliverDue() {
        ExecutorService pool = senders;
        int free = slots.availablePermits();
        if (pool == null || free == 0) {
            return;
        }
        Instant now = clock.instant();
        List<DeliveryStore.Due> candidates = deliveries.due(now, free * 4 + 20).stream()
                .filter(d -> !inFlight.contains(d.id()))
                .toList();
        Map<UUID, Integer> taken = new java.util.HashMap<>();
        List<DeliveryStore.Due> chosen = new java.util.ArrayList<>();
        for (DeliveryStore.Due d : candidates) {
            int busy = perEndpoint
                            .getOrDefault(d.subscriptionId(), new AtomicInteger())
                            .get()
                    + taken.getOrDefault(d.subscriptionId(), 0);
            if (busy < properties.perEndpoint() && chosen.size() < free) {
                chosen.add(d);
                taken.merge(d.subscriptionId(), 1, Integer::sum);
            }
        }
        if (chosen.isEmpty()) {
            return;
        }
        Duration lease =
                properties.connectTimeout().plus(properties.requestTimeout()).plusSeconds(10);
        for (DeliveryStore.Due d : deliveries.claim(chosen, now, now.plus(lease))) {
            if (!slots.tryAcquire()) {
                return; // the claim runs out and the delivery falls due again
            }
            inFlight.add(d.id());
            AtomicInteger endpoint = perEndpoint.computeIfAbsent(d.subscriptionId(), k -> new AtomicInteger());
            endpoint.incrementAndGet();
            try {
                pool.execute(() -> {
                    try {
                        attempt(d);
                    } catch (RuntimeException e) {
                        log.error("Webhook delivery {} could not be processed; it is retried later", d.id(), e);
                    } finally {
                        endpoint.decrementAndGet();
                        inFlight.remove(d.id());
                        slots.release();
                        nextRoundNow();
                    }
                });
            } catch (RejectedExecutionException e) {
                endpoint.decrementAndGet();
                inFlight.remove(d.id());
                slots.release();
            }
        }
    }

    private void attempt(DeliveryStore.Due due) {
        Optional<SubscriptionStore.Row> found = subscriptions.find(due.workspaceId(), due.subscriptionId());
        if (found.isEmpty() || !found.get().subscription().enabled()) {
            return; // deleted or turned off meanwhile: the delivery waits (or goes with its subscription)
        }
        SubscriptionStore.Row subscription = found.get();
        Optional<DeliveryStore.Payload> payload = deliveries.payload(due.messageId());
        Instant started = clock.instant();
        WebhookSender.Outcome outcome;
        if (payload.isEmpty()) {
            outcome = new WebhookSender.Outcome(null, "the message is no longer stored", 0);
        } else {
            String body = body(payload.get());
            String messageId = DeliveryStore.messageId(due.messageId());
            long timestamp = started.getEpochSecond();
            String signature = WebhookSignature.sign(subscription.signingSecrets(started), messageId, timestamp, body);
            outcome = sender.send(subscription.subscription().url(), messageId, timestamp, signature, body);
        }
        if (Thread.currentThread().isInterrupted()) {
            return; // stopping: not recorded, the claim runs out and the attempt is made again
        }
        boolean disabled = record(due, outcome, started, payload.isEmpty());
        if (disabled) {
            subscriptions
                    .find(due.workspaceId(), due.subscriptionId())
                    .ifPresent(s -> notice.send(due.workspaceId(), s.subscription()));
        }
    }

    /** Records the attempt and where the delivery goes next; returns whether the endpoint was just disabled. */
    private boolean record(DeliveryStore.Due due, WebhookSender.Outcome outcome, Instant at, boolean gone) {
        return store.write(tx -> {
            Optional<DeliveryStore.State> state = DeliveryStore.state(tx, due.id());
            if (state.isEmpty()) {
                return false; // deleted with its subscription meanwhile
            }
            DeliveryStore.State s = state.get();
            int attempt = s.attempts() + 1;
            String kind = "webhook.test".equals(s.eventType()) ? "test" : s.replayRequested() ? "replay" : "scheduled";
            DeliveryStore.insertAttempt(
                    tx,
                    due.workspaceId(),
                    due.id(),
                    attempt,
                    at,
                    outcome.statusCode(),
                    outcome.error(),
                    outcome.durationMs(),
                    kind);
            Instant now = clock.instant();
            if (outcome.ok()) {
                DeliveryStore.afterAttempt(tx, due.id(), attempt, "succeeded", null, outcome.statusCode(), null, now);
                SubscriptionStore.succeeded(tx, due.subscriptionId());
                return false;
            }
            // a replay of a finished delivery is one more attempt, not a new schedule
            boolean replayOfFinished = s.replayRequested() && s.completedAt() != null;
            Optional<Instant> next = gone || replayOfFinished ? Optional.empty() : schedule.next(attempt, now);
            DeliveryStore.afterAttempt(
                    tx,
                    due.id(),
                    attempt,
                    next.isPresent() ? "pending" : "failed",
                    next.orElse(null),
                    outcome.statusCode(),
                    outcome.error(),
                    next.isPresent() ? s.completedAt() : now);
            return SubscriptionStore.failed(
                    tx, due.subscriptionId(), now, properties.disableAfter(), properties.disableMinFailures());
        });
    }

    /** The Standard Webhooks body: {@code {"type", "timestamp", "data"}}. */
    static String body(DeliveryStore.Payload payload) {
        ObjectNode body = Json.object();
        body.put("type", payload.type());
        body.put("timestamp", payload.createdAt().toString());
        body.set("data", Json.read(payload.data()));
        return Json.write(body);
    }
}

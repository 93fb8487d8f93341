package io.touchpoint.events.internal;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.touchpoint.customers.Customers;
import io.touchpoint.events.BatchResult;
import io.touchpoint.platform.Json;
import io.touchpoint.platform.MergeableWork;
import io.touchpoint.platform.Store;
import io.touchpoint.platform.WriteContext;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/** Validates on the caller's thread, then hands the whole batch to the store as one write unit. */
@Component
public class IngestionService {

    private final Store store;
    private final Clock clock;
    private final Counter accepted;
    private final Counter rejected;
    private final Counter stored;

    private final FailedEventStore failedEvents;
    private final IngestionWriter writer;

    IngestionService(
            Store store, Clock clock, MeterRegistry meters, FailedEventStore failedEvents, Customers customers) {
        this.store = store;
        this.writer = new IngestionWriter(customers);
        this.failedEvents = failedEvents;
        this.clock = clock;
        this.accepted = meters.counter("touchpoint.events.accepted");
        this.rejected = meters.counter("touchpoint.events.rejected");
        this.stored = meters.counter("touchpoint.events.stored");
    }

    public BatchResult ingest(UUID workspaceId, List<JsonNode> messages, String defaultType) {
        Instant receivedAt = clock.instant();
        List<IngestionWriter.Ready> valid = new ArrayList<>(messages.size());
        List<IngestionWriter.Failure> failures = new ArrayList<>();
        List<BatchResult.Rejection> rejections = new ArrayList<>();
        for (int i = 0; i < messages.size(); i++) {
            JsonNode message = messages.get(i);
            EventValidator.Outcome outcome = EventValidator.validate(message, defaultType, receivedAt);
            if (outcome.valid()) {
                valid.add(IngestionWriter.Ready.of(workspaceId, outcome.event()));
            } else {
                String messageId = field(message, "messageId");
                rejections.add(new BatchResult.Rejection(i, messageId, outcome.errors()));
                failures.add(new IngestionWriter.Failure(
                        payload(message), outcome.errors(), messageId, customerKey(message)));
            }
        }
        IngestionWriter.Unit unit = new IngestionWriter.Unit(workspaceId, valid, failures, receivedAt);
        int newlyStored;
        try {
            newlyStored = store.write(new IngestionWrite(writer, unit, false));
        } catch (IngestionWriter.DuplicateBeyondWindow resentAfterADay) {
            newlyStored = store.write(new IngestionWrite(writer, unit, true));
        }
        accepted.increment(valid.size());
        rejected.increment(failures.size());
        stored.increment(newlyStored);
        return new BatchResult(valid.size(), rejections);
    }

    /**
     * One request's write. The embedded store's writer applies the requests it commits together in
     * one call, so a group of batches costs a few statements instead of a few per batch.
     * {@code exhaustive}: the batch is being applied again after {@link IngestionWriter.DuplicateBeyondWindow}.
     */
    private record IngestionWrite(IngestionWriter writer, IngestionWriter.Unit unit, boolean exhaustive)
            implements MergeableWork<Integer> {
        @Override
        public List<Integer> runAll(WriteContext tx, List<? extends MergeableWork<Integer>> units) throws Exception {
            List<IngestionWriter.Unit> all = new ArrayList<>(units.size());
            boolean anyExhaustive = false;
            for (MergeableWork<Integer> work : units) {
                all.add(((IngestionWrite) work).unit());
                anyExhaustive |= ((IngestionWrite) work).exhaustive();
            }
            return writer.write(tx, all, anyExhaustive);
        }
    }

    /** Replays a kept message (or its corrected version); see {@link io.touchpoint.events.FailedEvents#replay}. */
    public io.touchpoint.events.FailedEvent replay(UUID workspaceId, UUID failedId, JsonNode corrected) {
        var failed = FailedEventStore.requireOpen(failedEvents.get(workspaceId, failedId));
        JsonNode message;
        try {
            message = corrected != null && !corrected.isNull() && !corrected.isMissingNode()
                    ? corrected
                    : Json.read(failed.payload());
        } catch (RuntimeException e) {
            throw new io.touchpoint.platform.InvalidInputException(
                    "payload", "the kept payload is not JSON; send a corrected message");
        }
        Instant receivedAt = clock.instant();
        EventValidator.Outcome outcome = EventValidator.validate(message, null, receivedAt);
        if (!outcome.valid()) {
            store.write(tx -> {
                FailedEventStore.updateReasons(tx, workspaceId, failedId, payload(message), outcome.errors());
                return null;
            });
            throw new io.touchpoint.platform.InvalidInputException(
                    "The message is still not valid",
                    outcome.errors().stream()
                            .map(r -> new io.touchpoint.platform.FieldProblem(r.split(" ", 2)[0], r))
                            .toList());
        }
        store.write(tx -> {
            writer.write(tx, workspaceId, List.of(outcome.event()), List.of(), receivedAt);
            FailedEventStore.resolve(tx, workspaceId, failedId, "replayed", clock);
            return null;
        });
        accepted.increment();
        return failedEvents.get(workspaceId, failedId);
    }

    /** The message as sent, made storable: an unpaired surrogate cannot be stored as text, so it is escaped. */
    private static String payload(JsonNode message) {
        String text = Json.write(message);
        if (!EventValidator.hasUnpairedSurrogate(text)) {
            return text;
        }
        StringBuilder safe = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean paired = Character.isHighSurrogate(c)
                    && i + 1 < text.length()
                    && Character.isLowSurrogate(text.charAt(i + 1));
            if (paired) {
                safe.append(c).append(text.charAt(++i));
            } else if (Character.isSurrogate(c)) {
                safe.append(String.format("\\\\u%04x", (int) c));
            } else {
                safe.append(c);
            }
        }
        return safe.toString();
    }

    private static String customerKey(JsonNode message) {
        String userId = field(message, "userId");
        return userId != null ? userId : field(message, "anonymousId");
    }

    private static String field(JsonNode message, String name) {
        if (message == null || !message.isObject()) {
            return null;
        }
        JsonNode value = message.get(name);
        if (value == null || !(value.isString() || value.isIntegralNumber())) {
            return null;
        }
        String text = value.asString();
        return text.length() > 200 ? text.substring(0, 200) : text;
    }
}

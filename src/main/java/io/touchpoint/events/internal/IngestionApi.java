package io.touchpoint.events.internal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.touchpoint.events.BatchResult;
import io.touchpoint.events.Ingestion;
import io.touchpoint.platform.FieldProblem;
import io.touchpoint.platform.InvalidInputException;
import io.touchpoint.workspace.CurrentWorkspace;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/**
 * Segment-compatible ingestion: {@code /v1/track}, {@code identify}, {@code page}, {@code screen},
 * {@code alias} and {@code batch}, with a public write key (HTTP Basic) or a secret key (Bearer). A
 * 2xx answer means the message is durably stored; a refused message is kept in the failed-event store.
 */
@RestController
@Tag(name = "Ingestion", description = "Segment-compatible event ingestion")
class IngestionApi {

    static final int MAX_BATCH = 2500;

    private final Ingestion ingestion;

    IngestionApi(Ingestion ingestion) {
        this.ingestion = ingestion;
    }

    @PostMapping("/v1/track")
    @Operation(summary = "Record an action (Segment track)")
    Map<String, Object> track(@RequestBody JsonNode message) {
        return single(message, "track");
    }

    @PostMapping("/v1/identify")
    @Operation(summary = "Tie a user to their traits (Segment identify)")
    Map<String, Object> identify(@RequestBody JsonNode message) {
        return single(message, "identify");
    }

    @PostMapping("/v1/page")
    @Operation(summary = "Record a page view (Segment page)")
    Map<String, Object> page(@RequestBody JsonNode message) {
        return single(message, "page");
    }

    @PostMapping("/v1/screen")
    @Operation(summary = "Record an app screen view (Segment screen)")
    Map<String, Object> screen(@RequestBody JsonNode message) {
        return single(message, "screen");
    }

    @PostMapping("/v1/alias")
    @Operation(summary = "Join a previous id to a user id (Segment alias)")
    Map<String, Object> alias(@RequestBody JsonNode message) {
        return single(message, "alias");
    }

    @PostMapping("/v1/batch")
    @Operation(summary = "Send many messages at once; valid ones are kept even when others are refused")
    BatchResult batch(@RequestBody JsonNode body) {
        JsonNode batch = body == null ? null : body.get("batch");
        if (batch == null || !batch.isArray()) {
            throw new InvalidInputException("batch", "must be an array of messages: {\"batch\":[…]}");
        }
        if (batch.size() > MAX_BATCH) {
            throw new InvalidInputException("batch", "must hold at most " + MAX_BATCH + " messages");
        }
        List<JsonNode> messages = new ArrayList<>(batch.size());
        batch.forEach(messages::add);
        return ingestion.ingest(CurrentWorkspace.id(), messages, null);
    }

    private Map<String, Object> single(JsonNode message, String type) {
        BatchResult result = ingestion.ingest(CurrentWorkspace.id(), List.of(message), type);
        if (!result.rejected().isEmpty()) {
            List<FieldProblem> problems = result.rejected().get(0).errors().stream()
                    .map(reason -> new FieldProblem(reason.split(" ", 2)[0], reason))
                    .toList();
            throw new InvalidInputException(
                    "The message was refused; it is kept in the failed-event store until fixed and replayed", problems);
        }
        return Map.of("success", true);
    }
}

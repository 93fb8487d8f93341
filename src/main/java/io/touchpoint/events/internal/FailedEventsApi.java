package io.touchpoint.events.internal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.touchpoint.events.FailedEvent;
import io.touchpoint.events.FailedEvents;
import io.touchpoint.workspace.CurrentWorkspace;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/** The failed-event store over HTTP: list, replay (optionally corrected), discard. */
@RestController
@RequestMapping("/api/v1/failed-events")
@Tag(name = "Failed events", description = "Messages refused at ingestion, kept until fixed and replayed")
class FailedEventsApi {

    private final FailedEvents failedEvents;

    FailedEventsApi(FailedEvents failedEvents) {
        this.failedEvents = failedEvents;
    }

    @GetMapping
    @Operation(summary = "Refused messages, newest first (status: open, replayed, discarded)")
    Map<String, List<FailedEvent>> list(
            @RequestParam(required = false) String status, @RequestParam(defaultValue = "100") int limit) {
        return Map.of("items", failedEvents.list(CurrentWorkspace.id(), status, limit));
    }

    @GetMapping("/{id}")
    FailedEvent get(@PathVariable UUID id) {
        return failedEvents.get(CurrentWorkspace.id(), id);
    }

    @PostMapping("/{id}/replay")
    @Operation(summary = "Validate and store the kept message, or the corrected message sent as the body")
    FailedEvent replay(@PathVariable UUID id, @RequestBody(required = false) JsonNode corrected) {
        return failedEvents.replay(CurrentWorkspace.id(), id, corrected);
    }

    @PostMapping("/{id}/discard")
    @Operation(summary = "Mark the message as not to be replayed")
    FailedEvent discard(@PathVariable UUID id) {
        return failedEvents.discard(CurrentWorkspace.id(), id);
    }
}

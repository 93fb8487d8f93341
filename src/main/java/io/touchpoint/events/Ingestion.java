package io.touchpoint.events;

import io.touchpoint.events.internal.IngestionService;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Service;
import tools.jackson.databind.JsonNode;

/**
 * The events module's face for writers: validates Segment messages and stores them durably, keeping
 * refused ones in the failed-event store. Used by the HTTP API, CSV import and the demo generator alike.
 */
@Service
public class Ingestion {

    private final IngestionService service;

    Ingestion(IngestionService service) {
        this.service = service;
    }

    /**
     * Stores a batch; returns once it is committed.
     *
     * @param defaultType the type implied by the endpoint, or null when each message states its own
     */
    public BatchResult ingest(UUID workspaceId, List<JsonNode> messages, String defaultType) {
        return service.ingest(workspaceId, messages, defaultType);
    }
}

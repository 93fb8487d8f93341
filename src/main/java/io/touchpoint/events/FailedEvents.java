package io.touchpoint.events;

import io.touchpoint.events.internal.FailedEventStore;
import io.touchpoint.events.internal.IngestionService;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Service;
import tools.jackson.databind.JsonNode;

/** The failed-event store: refused messages that an admin can list, fix, replay or discard. */
@Service
public class FailedEvents {

    private final FailedEventStore store;
    private final IngestionService ingestion;

    FailedEvents(FailedEventStore store, IngestionService ingestion) {
        this.store = store;
        this.ingestion = ingestion;
    }

    /** @param status open, replayed, discarded, or null for all */
    public List<FailedEvent> list(UUID workspaceId, String status, int limit) {
        return store.list(workspaceId, status, limit);
    }

    public FailedEvent get(UUID workspaceId, UUID id) {
        return store.get(workspaceId, id);
    }

    public long countOpen(UUID workspaceId) {
        return store.countOpen(workspaceId);
    }

    /**
     * Validates the message again (the corrected one when given, else the one kept) and stores it;
     * the failed event is then marked replayed in the same transaction. Still invalid: refused with
     * the new reasons, which replace the old ones.
     */
    public FailedEvent replay(UUID workspaceId, UUID id, JsonNode corrected) {
        return ingestion.replay(workspaceId, id, corrected);
    }

    public FailedEvent discard(UUID workspaceId, UUID id) {
        return store.discard(workspaceId, id);
    }
}

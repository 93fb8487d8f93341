package io.touchpoint.events.internal;

import io.touchpoint.events.FailedEvent;
import io.touchpoint.platform.InvalidInputException;
import io.touchpoint.platform.Json;
import io.touchpoint.platform.NotFoundException;
import io.touchpoint.platform.Sql;
import io.touchpoint.platform.Store;
import io.touchpoint.platform.WriteContext;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.springframework.stereotype.Component;

/** Rows of the failed-event store. */
@Component
public class FailedEventStore {

    static final Set<String> STATUSES = Set.of("open", "replayed", "discarded");
    private static final String COLUMNS = "id, message_id, payload, reasons, status, received_at, resolved_at";

    private final Store store;
    private final Clock clock;

    FailedEventStore(Store store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    public List<FailedEvent> list(UUID workspaceId, String status, int limit) {
        if (status != null && !STATUSES.contains(status)) {
            throw new InvalidInputException("status", "must be one of " + STATUSES);
        }
        if (limit < 1 || limit > 1000) {
            throw new InvalidInputException("limit", "must be from 1 to 1000");
        }
        List<Object> params = new ArrayList<>(List.of(workspaceId));
        String filter = "";
        if (status != null) {
            filter = " and status = ?";
            params.add(status);
        }
        params.add(limit);
        return store.reads()
                .sql("select " + COLUMNS + " from failed_events where workspace_id = ?" + filter
                        + " order by received_at desc, id desc limit ?")
                .params(params)
                .query((rs, n) -> row(rs))
                .list();
    }

    public long countOpen(UUID workspaceId) {
        return store.reads()
                .sql("select count(*) from failed_events where workspace_id = ? and status = 'open'")
                .param(workspaceId)
                .query(Long.class)
                .single();
    }

    public FailedEvent get(UUID workspaceId, UUID id) {
        return store.reads()
                .sql("select " + COLUMNS + " from failed_events where workspace_id = ? and id = ?")
                .params(workspaceId, id)
                .query((rs, n) -> row(rs))
                .optional()
                .orElseThrow(() -> new NotFoundException("No failed event " + id));
    }

    public FailedEvent discard(UUID workspaceId, UUID id) {
        requireOpen(get(workspaceId, id));
        store.write(tx -> resolve(tx, workspaceId, id, "discarded", clock));
        return get(workspaceId, id);
    }

    static FailedEvent requireOpen(FailedEvent event) {
        if (!"open".equals(event.status())) {
            throw new InvalidInputException("status", "the failed event is already " + event.status());
        }
        return event;
    }

    static int resolve(WriteContext tx, UUID workspaceId, UUID id, String status, Clock clock) {
        return tx.jdbc()
                .sql("update failed_events set status = ?, resolved_at = ? where workspace_id = ? and id = ? "
                        + "and status = 'open'")
                .params(status, Sql.ts(clock.instant()), workspaceId, id)
                .update();
    }

    static void updateReasons(WriteContext tx, UUID workspaceId, UUID id, String payload, List<String> reasons) {
        tx.jdbc()
                .sql("update failed_events set payload = ?, reasons = ? where workspace_id = ? and id = ?")
                .params(payload, Json.write(reasons), workspaceId, id)
                .update();
    }

    private static FailedEvent row(ResultSet rs) throws SQLException {
        List<String> reasons = new ArrayList<>();
        Json.read(rs.getString("reasons")).forEach(reason -> reasons.add(reason.asString()));
        return new FailedEvent(
                Sql.uuid(rs, "id"),
                rs.getString("message_id"),
                rs.getString("payload"),
                reasons,
                rs.getString("status"),
                Sql.instant(rs, "received_at"),
                Sql.instant(rs, "resolved_at"));
    }
}

package io.touchpoint.events.internal;

import io.touchpoint.events.TimelineItem;
import io.touchpoint.events.TimelinePage;
import io.touchpoint.platform.InList;
import io.touchpoint.platform.InvalidInputException;
import io.touchpoint.platform.Json;
import io.touchpoint.platform.Sql;
import io.touchpoint.platform.Store;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Component;

/** Timeline queries; the cursor is the (time, message id) of the last item shown. */
@Component
public class TimelineReads {

    private final Store store;

    TimelineReads(Store store) {
        this.store = store;
    }

    public TimelinePage page(
            UUID workspaceId, List<UUID> profiles, int limit, String before, String channel, String type) {
        InList in = InList.of(profiles);
        List<Object> params = new ArrayList<>(in.params(workspaceId));
        StringBuilder sql = new StringBuilder("select message_id, type, event, channel, ts, properties from events "
                + "where workspace_id = ? and customer_id in (" + in.marks() + ")");
        if (before != null && !before.isBlank()) {
            Cursor cursor = Cursor.decode(before);
            sql.append(" and (ts < ? or (ts = ? and message_id < ?))");
            params.add(Sql.ts(cursor.at()));
            params.add(Sql.ts(cursor.at()));
            params.add(cursor.messageId());
        }
        if (channel != null && !channel.isBlank()) {
            sql.append(" and channel = ?");
            params.add(channel);
        }
        if (type != null && !type.isBlank()) {
            sql.append(" and (type = ? or event = ?)");
            params.add(type);
            params.add(type);
        }
        sql.append(" order by ts desc, message_id desc limit ?");
        params.add(limit + 1);
        List<TimelineItem> items = store.reads()
                .sql(sql.toString())
                .params(params)
                .query((rs, n) -> new TimelineItem(
                        rs.getString("message_id"),
                        rs.getString("type"),
                        rs.getString("event"),
                        rs.getString("channel"),
                        Sql.instant(rs, "ts"),
                        Json.MAPPER.treeToValue(Json.read(rs.getString("properties")), Object.class)))
                .list();
        String next = null;
        if (items.size() > limit) {
            items = items.subList(0, limit);
            TimelineItem last = items.get(limit - 1);
            next = new Cursor(last.timestamp(), last.messageId()).encode();
        }
        return new TimelinePage(List.copyOf(items), next);
    }

    record Cursor(Instant at, String messageId) {
        String encode() {
            String raw = at.getEpochSecond() + ":" + at.getNano() + ":" + messageId;
            return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
        }

        static Cursor decode(String text) {
            try {
                String raw = new String(Base64.getUrlDecoder().decode(text), StandardCharsets.UTF_8);
                String[] parts = raw.split(":", 3);
                return new Cursor(Instant.ofEpochSecond(Long.parseLong(parts[0]), Long.parseLong(parts[1])), parts[2]);
            } catch (RuntimeException e) {
                throw new InvalidInputException("before", "is not a cursor returned by this API");
            }
        }
    }
}

package io.touchpoint.events;

import io.touchpoint.platform.Sql;
import io.touchpoint.platform.Store;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Service;

/** Counts of what happened in a workspace over a period, for the overview. */
@Service
public class Activity {

    private final Store store;

    Activity(Store store) {
        this.store = store;
    }

    public ActivitySummary since(UUID workspaceId, Instant from) {
        var at = Sql.ts(from);
        // the people behind the period's events: distinct profiles first, then their root profiles
        long active = store.reads()
                .sql("select count(distinct c.root_id) from (select distinct customer_id from events "
                        + "where workspace_id = ? and ts >= ?) e join customers c on c.workspace_id = ? "
                        + "and c.id = e.customer_id")
                .params(workspaceId, at, workspaceId)
                .query(Long.class)
                .single();
        Map<String, BigDecimal> revenue = new LinkedHashMap<>();
        long[] orders = new long[1];
        store.reads()
                .sql(
                        "select coalesce(currency, '') as currency, count(*) as n, coalesce(sum(total), 0) as revenue "
                                + "from orders where workspace_id = ? and placed_at >= ? group by currency order by revenue desc")
                .params(workspaceId, at)
                .query(rs -> {
                    orders[0] += rs.getLong("n");
                    revenue.put(rs.getString("currency"), rs.getBigDecimal("revenue"));
                });
        Map<String, Long> channels = new LinkedHashMap<>();
        long[] events = new long[1];
        store.reads()
                .sql("select channel, count(*) as n from events where workspace_id = ? and ts >= ? group by channel "
                        + "order by n desc")
                .params(workspaceId, at)
                .query(rs -> {
                    channels.put(rs.getString("channel"), rs.getLong("n"));
                    events[0] += rs.getLong("n");
                });
        return new ActivitySummary(events[0], active, orders[0], revenue, channels);
    }
}

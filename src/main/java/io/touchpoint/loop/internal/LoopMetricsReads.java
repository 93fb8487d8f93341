package io.touchpoint.loop.internal;

import io.touchpoint.loop.LoopMetrics;
import io.touchpoint.platform.Sql;
import io.touchpoint.platform.Store;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * Loop metrics over the cases opened in a period. Cases are few next to events, so the rows are
 * read and the medians and rates worked out in Java, the same on both stores.
 */
@Component
public class LoopMetricsReads {

    private final Store store;

    LoopMetricsReads(Store store) {
        this.store = store;
    }

    private record Row(Instant opened, Instant firstResponse, Instant due, Instant resolved, Instant closed) {}

    public LoopMetrics compute(UUID workspaceId, Instant from, Instant to, Instant now) {
        List<Row> rows = store.reads()
                .sql("select opened_at, first_response_at, due_at, resolved_at, closed_at from cases "
                        + "where workspace_id = ? and opened_at >= ? and opened_at < ?")
                .params(workspaceId, Sql.ts(from), Sql.ts(to))
                .query((rs, n) -> new Row(
                        Sql.instant(rs, "opened_at"),
                        Sql.instant(rs, "first_response_at"),
                        Sql.instant(rs, "due_at"),
                        Sql.instant(rs, "resolved_at"),
                        Sql.instant(rs, "closed_at")))
                .list();
        List<Double> firstResponse = new ArrayList<>();
        List<Double> resolve = new ArrayList<>();
        long withDue = 0;
        long breached = 0;
        long done = 0;
        for (Row r : rows) {
            if (r.firstResponse() != null) {
                firstResponse.add(hours(r.opened(), r.firstResponse()));
            }
            if (r.resolved() != null) {
                resolve.add(hours(r.opened(), r.resolved()));
            }
            Instant finished = r.resolved() != null ? r.resolved() : r.closed();
            if (finished != null) {
                done++;
            }
            if (r.due() != null && (finished != null || now.isAfter(r.due()))) {
                withDue++;
                String state = SlaState.of(r.opened(), r.due(), finished, now);
                if (SlaState.BREACHED.equals(state)) {
                    breached++;
                }
            }
        }
        record FollowUp(int before, int after) {}
        List<FollowUp> followUps = store.reads()
                .sql("select r0.nps_score as before_score, r1.nps_score as after_score from cases k "
                        + "join responses r0 on r0.workspace_id = k.workspace_id and r0.id = k.response_id "
                        + "join responses r1 on r1.workspace_id = k.workspace_id and r1.send_id = k.follow_up_send_id "
                        + "where k.workspace_id = ? and k.opened_at >= ? and k.opened_at < ? and not r1.partial "
                        + "and r0.nps_score is not null and r1.nps_score is not null")
                .params(workspaceId, Sql.ts(from), Sql.ts(to))
                .query((rs, n) -> new FollowUp(rs.getInt("before_score"), rs.getInt("after_score")))
                .list();
        long detractors = followUps.stream().filter(f -> f.before() <= 6).count();
        long recovered = followUps.stream()
                .filter(f -> f.before() <= 6 && f.after() >= 7)
                .count();
        return new LoopMetrics(
                from,
                to,
                rows.size(),
                median(firstResponse),
                median(resolve),
                withDue == 0 ? null : pct(breached, withDue),
                rows.isEmpty() ? null : pct(done, rows.size()),
                detractors,
                recovered,
                detractors == 0 ? null : pct(recovered, detractors));
    }

    static double hours(Instant a, Instant b) {
        return Duration.between(a, b).toSeconds() / 3600.0;
    }

    static Double median(List<Double> values) {
        if (values.isEmpty()) {
            return null;
        }
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        int n = sorted.size();
        double m = n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
        return Math.round(m * 10) / 10.0;
    }

    static double pct(long part, long whole) {
        return Math.round(1000.0 * part / whole) / 10.0;
    }
}

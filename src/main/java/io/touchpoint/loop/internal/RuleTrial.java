package io.touchpoint.loop.internal;

import io.touchpoint.customers.Segments;
import io.touchpoint.loop.RuleDefinition;
import io.touchpoint.loop.RuleDefinition.When;
import io.touchpoint.loop.Rules;
import io.touchpoint.platform.Sql;
import io.touchpoint.platform.Store;
import io.touchpoint.text.TextAnalytics;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.stereotype.Component;

/** Dry runs: how often a rule would have fired on past responses or events, doing nothing. */
@Component
public class RuleTrial {

    private final Store store;
    private final RuleWorker worker;
    private final Segments segments;
    private final TextAnalytics text;
    private final Clock clock;

    RuleTrial(Store store, RuleWorker worker, Segments segments, TextAnalytics text, Clock clock) {
        this.text = text;
        this.store = store;
        this.worker = worker;
        this.segments = segments;
        this.clock = clock;
    }

    public Rules.Trial run(UUID workspaceId, RuleDefinition definition, int days) {
        Instant now = clock.instant();
        Instant from = now.minus(Duration.ofDays(days));
        if (When.THEME_RISES.equals(definition.when().type())) {
            // the rule fires at most once a week per theme: count the past weeks in which it rose
            long weeks = Math.max(1, days / 7);
            long rose = 0;
            for (long w = 0; w < weeks; w++) {
                Instant asOf = now.minus(Duration.ofDays(7 * w));
                String theme = definition.when().theme();
                if (text.emergingThemes(workspaceId, asOf).stream().anyMatch(t -> t.id().equals(theme))) {
                    rose++;
                }
            }
            return new Rules.Trial(rose, weeks, days);
        }
        Set<UUID> members =
                definition.segmentId() == null ? null : segments.members(workspaceId, definition.segmentId());
        if (definition.onResponses()) {
            record Row(UUID id, UUID customer) {}
            List<Row> rows = store.reads()
                    .sql("select id, customer_id from responses where workspace_id = ? and not partial "
                            + "and finished_at >= ? and finished_at <= ?")
                    .params(workspaceId, Sql.ts(from), Sql.ts(now))
                    .query((rs, n) -> new Row(Sql.uuid(rs, "id"), Sql.uuid(rs, "customer_id")))
                    .list();
            long fired = 0;
            for (int i = 0; i < rows.size(); i += 1000) {
                List<Row> chunk = rows.subList(i, Math.min(rows.size(), i + 1000));
                Map<UUID, ResponseFacts> facts =
                        worker.facts(chunk.stream().map(Row::id).toList());
                if (When.THEME.equals(definition.when().type())) {
                    worker.addThemes(workspaceId, chunk.stream().map(Row::id).toList(), facts);
                }
                for (Row r : chunk) {
                    if (RuleMatcher.matches(definition.when(), facts.get(r.id()))
                            && (members == null || (r.customer() != null && members.contains(r.customer())))) {
                        fired++;
                    }
                }
            }
            return new Rules.Trial(fired, rows.size(), days);
        }
        When when = definition.when();
        record Event(UUID root, Instant ts) {}
        List<Event> events = store.reads()
                .sql("select c.root_id, e.ts from events e join customers c on c.workspace_id = e.workspace_id "
                        + "and c.id = e.customer_id where e.workspace_id = ? and e.type = 'track' and e.event = ? "
                        + "and e.ts > ? and e.ts <= ? order by c.root_id, e.ts")
                .params(workspaceId, when.event(), Sql.ts(from.minus(Duration.ofDays(when.withinDays()))), Sql.ts(now))
                .query((rs, n) -> new Event(Sql.uuid(rs, "root_id"), Sql.instant(rs, "ts")))
                .list();
        Map<UUID, Deque<Instant>> windows = new HashMap<>();
        long fired = 0;
        long looked = 0;
        for (Event e : events) {
            Deque<Instant> window = windows.computeIfAbsent(e.root(), k -> new ArrayDeque<>());
            window.addLast(e.ts());
            Instant start = e.ts().minus(Duration.ofDays(when.withinDays()));
            while (!window.isEmpty() && !window.peekFirst().isAfter(start)) {
                window.pollFirst();
            }
            if (e.ts().isBefore(from)) {
                continue;
            }
            looked++;
            if (RuleMatcher.matches(when, window.size()) && (members == null || members.contains(e.root()))) {
                fired++;
            }
        }
        return new Rules.Trial(fired, looked, days);
    }
}

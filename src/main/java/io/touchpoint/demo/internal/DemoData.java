package io.touchpoint.demo.internal;

import io.touchpoint.customers.Customers;
import io.touchpoint.customers.SegmentDefinition;
import io.touchpoint.customers.Segments;
import io.touchpoint.events.BatchResult;
import io.touchpoint.events.Ingestion;
import io.touchpoint.platform.TouchpointProperties;
import io.touchpoint.workspace.Workspace;
import io.touchpoint.workspace.Workspaces;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/**
 * {@code --demo}: loads the demo shop into an empty default workspace, through the same ingestion
 * service as the HTTP API. Runs before the server reports ready; does nothing when the workspace
 * already has customers.
 */
@Component
class DemoData implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoData.class);
    private static final int BATCH = 1000;

    private final Workspaces workspaces;
    private final Customers customers;
    private final Ingestion ingestion;
    private final TouchpointProperties properties;
    private final Clock clock;
    private final DemoFeedback feedback;
    private final Segments segments;

    DemoData(
            Workspaces workspaces,
            Customers customers,
            Ingestion ingestion,
            TouchpointProperties properties,
            Clock clock,
            DemoFeedback feedback,
            Segments segments) {
        this.workspaces = workspaces;
        this.customers = customers;
        this.ingestion = ingestion;
        this.properties = properties;
        this.clock = clock;
        this.feedback = feedback;
        this.segments = segments;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!args.containsOption("demo")) {
            return;
        }
        Workspace workspace = workspaces.defaultWorkspace();
        if (customers.count(workspace.id()) > 0) {
            log.info("--demo: the default workspace already has customers; demo data not loaded again");
            return;
        }
        load(workspace);
    }

    void load(Workspace workspace) {
        var demo = properties.demo();
        long started = System.nanoTime();
        workspaces.updateSettings(workspace.id(), "한빛마켓 Demo shop", "Asia/Seoul", workspace.defaultLanguage());
        DemoShop shop = new DemoShop(demo.seed(), clock.instant(), demo.customers(), demo.orders());
        List<JsonNode> pending = new ArrayList<>(BATCH);
        long[] counts = new long[2];
        shop.generate(messages -> {
            pending.addAll(messages);
            if (pending.size() >= BATCH) {
                flush(workspace, pending, counts);
            }
        });
        flush(workspace, pending, counts);
        log.info(
                "--demo: {} events stored in {} s; now the survey answers",
                counts[0],
                (System.nanoTime() - started) / 1_000_000_000);
        int answered;
        try {
            answered = feedback.load(workspace.id(), shop.moments(), shop.feedbackRandom());
        } catch (Exception e) {
            throw new IllegalStateException("Demo survey answers could not be loaded", e);
        }
        segments(workspace);
        log.info(
                "--demo: loaded {} customers, {} orders, {} events ({} refused), 3 surveys with {} responses in {} s",
                demo.customers(),
                shop.orders(),
                counts[0],
                counts[1],
                answered,
                (System.nanoTime() - started) / 1_000_000_000);
    }

    /** Segments a shop like this one keeps, so that lists and breakdowns by segment have something to show. */
    private void segments(Workspace workspace) {
        segment(
                workspace,
                "단골 고객 Loyal buyers (10+ orders)",
                "Ten or more orders",
                Map.of("type", "orders", "metric", "count", "op", "gte", "value", 10));
        segment(
                workspace,
                "큰손 High spenders (90 days)",
                "₩1,000,000 or more in the last 90 days",
                Map.of("type", "orders", "metric", "revenue", "op", "gte", "value", 1_000_000, "withinDays", 90));
        segment(
                workspace,
                "서울 고객 Seoul",
                "City trait is 서울",
                Map.of("type", "trait", "name", "city", "op", "eq", "value", "서울"));
        segment(
                workspace,
                "최근 문의 Support contact (30 days)",
                "Opened a support ticket in the last 30 days",
                Map.of(
                        "type",
                        "event_count",
                        "event",
                        "Support Ticket Opened",
                        "op",
                        "gte",
                        "value",
                        1,
                        "withinDays",
                        30));
    }

    private void segment(Workspace workspace, String name, String description, Map<String, Object> rule) {
        segments.create(workspace.id(), name, description, new SegmentDefinition("all", List.of(rule)));
    }

    private void flush(Workspace workspace, List<JsonNode> pending, long[] counts) {
        if (pending.isEmpty()) {
            return;
        }
        BatchResult result = ingestion.ingest(workspace.id(), List.copyOf(pending), null);
        counts[0] += result.accepted();
        counts[1] += result.rejected().size();
        if (!result.rejected().isEmpty()) {
            log.warn(
                    "--demo: {} generated messages were refused, e.g. {}",
                    result.rejected().size(),
                    result.rejected().get(0));
        }
        pending.clear();
    }
}

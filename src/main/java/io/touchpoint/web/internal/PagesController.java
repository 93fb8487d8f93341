package io.touchpoint.web.internal;

import io.touchpoint.customers.Customers;
import io.touchpoint.events.Activity;
import io.touchpoint.events.FailedEvents;
import io.touchpoint.loop.Cases;
import io.touchpoint.metrics.Comment;
import io.touchpoint.metrics.FeedbackMetrics;
import io.touchpoint.metrics.LatestComments;
import io.touchpoint.metrics.LoyaltyMetrics;
import io.touchpoint.metrics.Measure;
import io.touchpoint.metrics.Period;
import io.touchpoint.metrics.Tally;
import io.touchpoint.platform.Json;
import io.touchpoint.text.TextAnalysis;
import io.touchpoint.text.TextAnalytics;
import io.touchpoint.workspace.TouchpointUser;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** Sign-in, the overview, and the sections whose modules are not built yet. */
@Controller
class PagesController {

    private static final Logger log = LoggerFactory.getLogger(PagesController.class);

    /** The overview's tiles cover the last 28 days; sparklines the last 12 ISO weeks. */
    static final int TILE_DAYS = 28;

    static final int SPARK_DAYS = 84;

    private final Customers customers;
    private final Activity activity;
    private final FailedEvents failedEvents;
    private final FeedbackMetrics feedback;
    private final LoyaltyMetrics loyalty;
    private final LatestComments comments;
    private final TextAnalytics text;
    private final Cases cases;
    private final Clock clock;

    PagesController(
            Customers customers,
            Activity activity,
            FailedEvents failedEvents,
            FeedbackMetrics feedback,
            LoyaltyMetrics loyalty,
            LatestComments comments,
            TextAnalytics text,
            Cases cases,
            Clock clock) {
        this.customers = customers;
        this.cases = cases;
        this.activity = activity;
        this.failedEvents = failedEvents;
        this.feedback = feedback;
        this.loyalty = loyalty;
        this.comments = comments;
        this.text = text;
        this.clock = clock;
    }

    @GetMapping("/login")
    String login(@AuthenticationPrincipal Object principal) {
        return principal instanceof TouchpointUser ? "redirect:/" : "login";
    }

    @GetMapping("/")
    String overview(@AuthenticationPrincipal TouchpointUser me, Model model) {
        model.addAttribute("active", "overview");
        model.addAttribute("customerCount", customers.count(me.workspaceId()));
        model.addAttribute(
                "last30", activity.since(me.workspaceId(), clock.instant().minus(Duration.ofDays(30))));
        model.addAttribute("openFailures", failedEvents.countOpen(me.workspaceId()));
        model.addAttribute("activeCases", cases.countActive(me.workspaceId()));
        tiles(me.workspaceId(), model);
        model.addAttribute("comments", redactedComments(me.workspaceId()));
        return "overview";
    }

    /** NPS, CSAT, CES, repeat rate and AOV: value, n, interval and change over 28 days; a weekly sparkline. */
    private void tiles(UUID workspaceId, Model model) {
        Period tile = loyalty.period(workspaceId, null, null);
        tile = new Period(tile.to().minusDays(TILE_DAYS - 1), tile.to(), tile.zone());
        Period spark = new Period(tile.to().minusDays(SPARK_DAYS - 1), tile.to(), tile.zone());
        List<Map<String, Object>> tiles = new ArrayList<>();
        for (Tally.Kind kind : Tally.Kind.values()) {
            Map<String, Object> now = feedback.compute(
                    workspaceId, kind, new FeedbackMetrics.Query(null, tile.from(), tile.to(), null, null));
            Map<String, Object> weekly = feedback.compute(
                    workspaceId, kind, new FeedbackMetrics.Query(null, spark.from(), spark.to(), "week", null));
            String key = kind.name().toLowerCase(Locale.ROOT);
            tiles.add(tile(
                    key,
                    kind == Tally.Kind.CES ? 2 : 1,
                    kind == Tally.Kind.CSAT,
                    now,
                    (List<?>) weekly.get("series"),
                    null));
        }
        String currency = loyalty.currency(workspaceId, null);
        Map<String, Measure> now = loyalty.orderMeasures(workspaceId, tile, currency);
        Map<String, Measure> before = loyalty.orderMeasures(workspaceId, tile.previous(), currency);
        List<Map<String, Object>> trend = loyalty.trend(workspaceId, spark, "week", currency);
        for (String key : List.of("repeatRate", "aov")) {
            List<Map<String, Object>> series = new ArrayList<>();
            for (Map<String, Object> bucket : trend) {
                Map<String, Object> point = new LinkedHashMap<>();
                point.put("bucket", bucket.get("bucket"));
                point.putAll(copy((Map<?, ?>) bucket.get(key)));
                series.add(point);
            }
            Map<String, Object> fields = now.get(key).fieldsAgainst(before.get(key), tile.previous());
            tiles.add(tile(
                    key,
                    key.equals("aov") ? 0 : 1,
                    key.equals("repeatRate"),
                    fields,
                    series,
                    key.equals("aov") ? currency : null));
        }
        model.addAttribute("tiles", tiles);
        model.addAttribute("tilePeriod", tile);
    }

    private static Map<String, Object> tile(
            String key, int decimals, boolean percent, Map<String, Object> fields, List<?> series, String unit) {
        Map<String, Object> tile = new LinkedHashMap<>(fields);
        tile.put("key", key);
        tile.put("decimals", decimals);
        tile.put("percent", percent);
        tile.put("unit", unit);
        List<Object> values = new ArrayList<>();
        List<Object> buckets = new ArrayList<>();
        for (Object o : series) {
            Map<?, ?> point = (Map<?, ?>) o;
            buckets.add(point.get("bucket"));
            values.add(point.get("value"));
        }
        tile.put("spark", Json.write(Map.of("buckets", buckets, "values", values)));
        return tile;
    }

    private static Map<String, Object> copy(Map<?, ?> map) {
        Map<String, Object> out = new LinkedHashMap<>();
        map.forEach((k, v) -> out.put(k.toString(), v));
        return out;
    }

    /** The five newest comments with personal data replaced; none when the text pipeline cannot redact them. */
    private List<Map<String, Object>> redactedComments(UUID workspaceId) {
        List<Comment> latest = comments.latest(workspaceId, 5);
        if (latest.isEmpty()) {
            return List.of();
        }
        try {
            List<TextAnalysis> analyses = text.analyze(
                    workspaceId,
                    latest.stream()
                            .map(c -> c.text().length() > 1000 ? c.text().substring(0, 1000) : c.text())
                            .toList());
            List<Map<String, Object>> out = new ArrayList<>();
            for (int i = 0; i < latest.size(); i++) {
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("at", latest.get(i).at());
                row.put("nps", latest.get(i).nps());
                row.put("text", analyses.get(i).redacted());
                row.put("sentiment", analyses.get(i).sentiment().name().toLowerCase(Locale.ROOT));
                out.add(row);
            }
            return out;
        } catch (RuntimeException e) {
            // never show a comment that could not be redacted
            log.warn("Comments not shown on the overview: redaction failed", e);
            return List.of();
        }
    }
}

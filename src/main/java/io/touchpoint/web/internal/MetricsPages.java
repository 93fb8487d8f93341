package io.touchpoint.web.internal;

import io.touchpoint.feedback.Surveys;
import io.touchpoint.metrics.Annotations;
import io.touchpoint.metrics.FeedbackMetrics;
import io.touchpoint.metrics.Tally;
import io.touchpoint.platform.InvalidInputException;
import io.touchpoint.platform.Json;
import io.touchpoint.platform.Params;
import io.touchpoint.workspace.TouchpointUser;
import io.touchpoint.workspace.Workspaces;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** Metrics › Feedback: NPS, CSAT and CES with intervals, the trend with its band, and breakdowns. */
@Controller
class MetricsPages {

    private final FeedbackMetrics metrics;
    private final Surveys surveys;
    private final Annotations annotations;
    private final Workspaces workspaces;

    MetricsPages(FeedbackMetrics metrics, Surveys surveys, Annotations annotations, Workspaces workspaces) {
        this.metrics = metrics;
        this.surveys = surveys;
        this.annotations = annotations;
        this.workspaces = workspaces;
    }

    @GetMapping("/metrics")
    String feedback(
            @AuthenticationPrincipal TouchpointUser me,
            @RequestParam(required = false) String from,
            @RequestParam(required = false) String to,
            @RequestParam(required = false) String surveyId,
            @RequestParam(defaultValue = "week") String interval,
            @RequestParam(defaultValue = "channel") String by,
            Model model) {
        UUID workspaceId = me.workspaceId();
        model.addAttribute("active", "metrics");
        model.addAttribute("surveys", surveys.list(workspaceId));
        FeedbackMetrics.Query query;
        try {
            query = metrics.check(
                    workspaceId,
                    new FeedbackMetrics.Query(
                            blank(surveyId) ? null : uuid(surveyId),
                            Params.date(from, "from"),
                            Params.date(to, "to"),
                            interval,
                            by));
        } catch (InvalidInputException e) {
            model.addAttribute("problems", e.problems());
            query = metrics.check(workspaceId, new FeedbackMetrics.Query(null, null, null, "week", "channel"));
        }
        Map<String, Map<String, Object>> scores = new LinkedHashMap<>();
        for (Tally.Kind kind : Tally.Kind.values()) {
            scores.put(kind.name().toLowerCase(java.util.Locale.ROOT), metrics.compute(workspaceId, kind, query));
        }
        model.addAttribute("query", query);
        model.addAttribute("scores", scores);
        // by segment: when the oldest membership shown was computed (a stored snapshot is up to
        // twice the refresh interval old), in the workspace's time zone
        scores.values().stream()
                .flatMap(m -> ((List<?>) m.getOrDefault("groups", List.of())).stream())
                .map(g -> (String) ((Map<?, ?>) g).get("membersAsOf"))
                .filter(java.util.Objects::nonNull)
                .min(java.util.Comparator.naturalOrder())
                .ifPresent(asOf -> model.addAttribute(
                        "membersAsOf",
                        java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
                                .format(java.time.Instant.parse(asOf)
                                        .atZone(workspaces.get(workspaceId).timeZone()))));
        List<?> series = (List<?>) scores.get("nps").get("series");
        model.addAttribute("npsSeries", Json.write(series));
        LocalDate first = query.from();
        LocalDate last = query.to();
        model.addAttribute(
                "annotationsJson",
                Json.write(annotations.list(workspaceId).stream()
                        .filter(a -> !a.date().isBefore(first) && !a.date().isAfter(last))
                        .map(a -> Map.of("date", a.date().toString(), "label", a.label()))
                        .toList()));
        return "metrics";
    }

    /** The breakdown table of one score as CSV, with the page's filters. */
    @GetMapping("/metrics/export.csv")
    ResponseEntity<byte[]> export(
            @AuthenticationPrincipal TouchpointUser me,
            @RequestParam(defaultValue = "nps") String metric,
            @RequestParam(required = false) String from,
            @RequestParam(required = false) String to,
            @RequestParam(required = false) String surveyId,
            @RequestParam(defaultValue = "channel") String by) {
        if (!List.of("nps", "csat", "ces").contains(metric)) {
            throw new InvalidInputException("metric", "must be nps, csat or ces");
        }
        Tally.Kind kind = Tally.Kind.valueOf(metric.toUpperCase(java.util.Locale.ROOT));
        Map<String, Object> m = metrics.compute(
                me.workspaceId(),
                kind,
                new FeedbackMetrics.Query(
                        blank(surveyId) ? null : uuid(surveyId),
                        Params.date(from, "from"),
                        Params.date(to, "to"),
                        null,
                        by));
        List<List<Object>> rows = new java.util.ArrayList<>();
        for (Object o : (List<?>) m.get("groups")) {
            Map<?, ?> g = (Map<?, ?>) o;
            Map<?, ?> ci = (Map<?, ?>) g.get("ci");
            rows.add(java.util.Arrays.asList(
                    g.get("key"),
                    g.get("label"),
                    g.get("value"),
                    ci == null ? null : ci.get("low"),
                    ci == null ? null : ci.get("high"),
                    g.get("n"),
                    g.get("smallSample"),
                    g.get("impact")));
        }
        return Csv.download(
                metric + "-by-" + by + "-" + m.get("from") + "-" + m.get("to") + ".csv",
                List.of(by, "label", metric, "ci_low", "ci_high", "n", "small_sample", "impact"),
                rows);
    }

    private static UUID uuid(String value) {
        try {
            return UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("surveyId", "no such survey");
        }
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}

package io.touchpoint.metrics.internal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.touchpoint.metrics.FeedbackMetrics;
import io.touchpoint.metrics.Tally;
import io.touchpoint.workspace.CurrentWorkspace;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/v1/metrics/nps|csat|ces} as in API.md, definitions in METRICS.md. */
@RestController
@RequestMapping("/api/v1/metrics")
@Tag(name = "Metrics")
class MetricsApi {

    private final FeedbackMetrics metrics;

    MetricsApi(FeedbackMetrics metrics) {
        this.metrics = metrics;
    }

    @GetMapping("/{metric:nps|csat|ces}")
    @Operation(
            summary = "NPS (adjusted-Wald interval), CSAT (top-two-box %, Wilson) or CES (mean, t interval; % agree)",
            description = "Optional trend (interval=day|week|month) and breakdown (by=channel|touchpoint|language|"
                    + "survey|segment); the previous period of the same length with the change and its significance.")
    Map<String, Object> score(
            @PathVariable String metric,
            @RequestParam(required = false) UUID surveyId,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @RequestParam(required = false) String interval,
            @RequestParam(required = false) String by) {
        Tally.Kind kind = Tally.Kind.valueOf(metric.toUpperCase(Locale.ROOT));
        return metrics.compute(
                CurrentWorkspace.id(), kind, new FeedbackMetrics.Query(surveyId, from, to, interval, by));
    }
}

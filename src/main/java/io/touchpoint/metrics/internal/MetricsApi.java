package io.touchpoint.metrics.internal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.touchpoint.metrics.FeedbackMetrics;
import io.touchpoint.metrics.Tally;
import io.touchpoint.workspace.CurrentWorkspace;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
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

    @GetMapping("/nps")
    @Operation(summary = "NPS with adjusted-Wald 95% interval, counts, optional trend and breakdown")
    Map<String, Object> nps(
            @RequestParam(required = false) UUID surveyId,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @RequestParam(required = false) String interval,
            @RequestParam(required = false) String by) {
        return metrics.compute(
                CurrentWorkspace.id(), Tally.Kind.NPS, new FeedbackMetrics.Query(surveyId, from, to, interval, by));
    }

    @GetMapping("/csat")
    @Operation(summary = "CSAT top-two-box % with Wilson interval, and the mean")
    Map<String, Object> csat(
            @RequestParam(required = false) UUID surveyId,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @RequestParam(required = false) String interval,
            @RequestParam(required = false) String by) {
        return metrics.compute(
                CurrentWorkspace.id(), Tally.Kind.CSAT, new FeedbackMetrics.Query(surveyId, from, to, interval, by));
    }

    @GetMapping("/ces")
    @Operation(summary = "CES mean with t interval, and % agree with Wilson interval")
    Map<String, Object> ces(
            @RequestParam(required = false) UUID surveyId,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @RequestParam(required = false) String interval,
            @RequestParam(required = false) String by) {
        return metrics.compute(
                CurrentWorkspace.id(), Tally.Kind.CES, new FeedbackMetrics.Query(surveyId, from, to, interval, by));
    }
}

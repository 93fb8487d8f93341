package io.touchpoint.metrics.internal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.touchpoint.metrics.LoyaltyMetrics;
import io.touchpoint.workspace.CurrentWorkspace;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/v1/metrics/engagement|cohorts|loyalty}: engagement and loyalty metrics of METRICS.md. */
@RestController
@RequestMapping("/api/v1/metrics")
@Tag(name = "Metrics")
class LoyaltyApi {

    private final LoyaltyMetrics metrics;

    LoyaltyApi(LoyaltyMetrics metrics) {
        this.metrics = metrics;
    }

    @GetMapping("/engagement")
    @Operation(
            summary = "AOV, purchase frequency, repeat purchase rate, pages per session, email open and click rates",
            description = "Each with n, a 95% interval and the change against the previous period of the same length.")
    Map<String, Object> engagement(
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @RequestParam(required = false) String currency) {
        UUID workspaceId = CurrentWorkspace.id();
        return metrics.engagement(workspaceId, metrics.period(workspaceId, from, to), currency);
    }

    @GetMapping("/cohorts")
    @Operation(summary = "Monthly retention cohorts: first-order month × months since, share ordering again")
    Map<String, Object> cohorts(
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
        UUID workspaceId = CurrentWorkspace.id();
        return metrics.cohorts(workspaceId, metrics.period(workspaceId, from, to));
    }

    @GetMapping("/loyalty")
    @Operation(
            summary =
                    "Historical CLV distribution, revenue and repeat rate by NPS category, satisfaction × loyalty matrix")
    Map<String, Object> loyalty(
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @RequestParam(required = false) String currency) {
        UUID workspaceId = CurrentWorkspace.id();
        return metrics.loyalty(workspaceId, metrics.period(workspaceId, from, to), currency);
    }
}

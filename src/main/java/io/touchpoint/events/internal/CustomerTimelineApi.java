package io.touchpoint.events.internal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.touchpoint.customers.Customers;
import io.touchpoint.events.Timeline;
import io.touchpoint.events.TimelinePage;
import io.touchpoint.workspace.CurrentWorkspace;
import java.util.UUID;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/v1/customers/{userId}/timeline}: every interaction, newest first, across channels. */
@RestController
@Tag(name = "Customers")
class CustomerTimelineApi {

    private final Customers customers;
    private final Timeline timeline;

    CustomerTimelineApi(Customers customers, Timeline timeline) {
        this.customers = customers;
        this.timeline = timeline;
    }

    @GetMapping("/api/v1/customers/{userId}/timeline")
    @Operation(summary = "A customer's timeline, newest first (limit default 50, at most 1000)")
    TimelinePage timeline(
            @PathVariable String userId,
            @RequestParam(required = false) Integer limit,
            @RequestParam(required = false) String before,
            @RequestParam(required = false) String channel,
            @RequestParam(required = false) String type) {
        UUID workspaceId = CurrentWorkspace.id();
        UUID root = customers.require(workspaceId, userId);
        return timeline.page(workspaceId, customers.profileGroup(workspaceId, root), limit, before, channel, type);
    }
}

package io.touchpoint.web.internal;

import io.touchpoint.customers.Customers;
import io.touchpoint.events.Activity;
import io.touchpoint.events.FailedEvents;
import io.touchpoint.loop.Cases;
import io.touchpoint.workspace.TouchpointUser;
import java.time.Clock;
import java.time.Duration;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** Sign-in, the overview, and the sections whose modules are not built yet. */
@Controller
class PagesController {

    private final Customers customers;
    private final Activity activity;
    private final FailedEvents failedEvents;
    private final Cases cases;
    private final Clock clock;

    PagesController(Customers customers, Activity activity, FailedEvents failedEvents, Cases cases, Clock clock) {
        this.customers = customers;
        this.cases = cases;
        this.activity = activity;
        this.failedEvents = failedEvents;
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
        return "overview";
    }
}

package io.touchpoint.web.internal;

import io.touchpoint.events.FailedEvents;
import io.touchpoint.platform.InvalidInputException;
import io.touchpoint.platform.Json;
import io.touchpoint.workspace.TouchpointUser;
import java.util.UUID;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Settings › Failed events: refused messages that an admin can fix and replay, or discard. */
@Controller
class FailedEventsPages {

    private final FailedEvents failedEvents;

    FailedEventsPages(FailedEvents failedEvents) {
        this.failedEvents = failedEvents;
    }

    @GetMapping("/settings/failed-events")
    String list(
            @AuthenticationPrincipal TouchpointUser me,
            @RequestParam(defaultValue = "open") String status,
            Model model) {
        model.addAttribute("active", "settings");
        model.addAttribute("status", status);
        model.addAttribute("items", failedEvents.list(me.workspaceId(), "all".equals(status) ? null : status, 200));
        model.addAttribute("openCount", failedEvents.countOpen(me.workspaceId()));
        return "failed-events";
    }

    @PostMapping("/settings/failed-events/{id}/replay")
    String replay(
            @AuthenticationPrincipal TouchpointUser me,
            @PathVariable UUID id,
            @RequestParam String payload,
            RedirectAttributes redirect) {
        try {
            failedEvents.replay(me.workspaceId(), id, Json.read(payload));
            redirect.addFlashAttribute("notice", "failed.replayed");
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("replayErrors", e.problems());
            redirect.addFlashAttribute("replayId", id);
        } catch (RuntimeException e) {
            redirect.addFlashAttribute(
                    "replayErrors",
                    java.util.List.of(new io.touchpoint.platform.FieldProblem("payload", "is not valid JSON")));
            redirect.addFlashAttribute("replayId", id);
        }
        return "redirect:/settings/failed-events";
    }

    @PostMapping("/settings/failed-events/{id}/discard")
    String discard(@AuthenticationPrincipal TouchpointUser me, @PathVariable UUID id, RedirectAttributes redirect) {
        try {
            failedEvents.discard(me.workspaceId(), id);
            redirect.addFlashAttribute("notice", "failed.discarded");
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("notice", "failed.notOpen");
        }
        return "redirect:/settings/failed-events";
    }
}

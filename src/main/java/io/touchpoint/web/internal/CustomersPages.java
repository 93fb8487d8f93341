package io.touchpoint.web.internal;

import io.touchpoint.customers.CustomerProfile;
import io.touchpoint.customers.Customers;
import io.touchpoint.events.Timeline;
import io.touchpoint.events.TimelinePage;
import io.touchpoint.platform.NotFoundException;
import io.touchpoint.workspace.TouchpointUser;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;

/** The customer list and the customer page with its timeline. */
@Controller
class CustomersPages {

    static final int PAGE_SIZE = 50;
    static final List<String> CHANNELS = List.of("web", "app", "email", "store", "support", "social");

    private final Customers customers;
    private final Timeline timeline;
    private final io.touchpoint.customers.Segments segments;
    private final io.touchpoint.feedback.Responses responses;
    private final io.touchpoint.feedback.Distribution distribution;
    private final io.touchpoint.feedback.Surveys surveys;

    CustomersPages(
            Customers customers,
            Timeline timeline,
            io.touchpoint.customers.Segments segments,
            io.touchpoint.feedback.Responses responses,
            io.touchpoint.feedback.Distribution distribution,
            io.touchpoint.feedback.Surveys surveys) {
        this.customers = customers;
        this.timeline = timeline;
        this.segments = segments;
        this.responses = responses;
        this.distribution = distribution;
        this.surveys = surveys;
    }

    @GetMapping("/customers")
    String list(
            @AuthenticationPrincipal TouchpointUser me,
            @RequestParam(required = false) String q,
            @RequestParam(defaultValue = "0") int page,
            Model model) {
        int current = Math.max(0, page);
        var rows = customers.list(me.workspaceId(), q, PAGE_SIZE + 1, current * PAGE_SIZE);
        model.addAttribute("active", "customers");
        model.addAttribute("q", q == null ? "" : q);
        model.addAttribute("page", current);
        model.addAttribute("hasNext", rows.size() > PAGE_SIZE);
        model.addAttribute("rows", rows.size() > PAGE_SIZE ? rows.subList(0, PAGE_SIZE) : rows);
        model.addAttribute("total", customers.count(me.workspaceId()));
        return "customers";
    }

    @GetMapping("/customers/{id}")
    String customer(
            @AuthenticationPrincipal TouchpointUser me,
            @PathVariable UUID id,
            @RequestParam(required = false) String channel,
            Model model) {
        CustomerProfile profile = customers.profile(me.workspaceId(), id);
        model.addAttribute("active", "customers");
        model.addAttribute("profile", profile);
        model.addAttribute("channels", CHANNELS);
        model.addAttribute("channel", channel);
        model.addAttribute("timeline", page(me, profile, null, channel));
        model.addAttribute("merges", customers.merges(me.workspaceId(), profile.id()));
        model.addAttribute("segments", segments.segmentsOf(me.workspaceId(), profile.id()));
        model.addAttribute("canUnmerge", me.role() != io.touchpoint.workspace.Role.AGENT);
        List<UUID> group = customers.profileGroup(me.workspaceId(), profile.id());
        model.addAttribute("surveyResponses", responses.ofCustomer(me.workspaceId(), group, 10));
        model.addAttribute("surveySends", distribution.sendsOf(me.workspaceId(), group, 10));
        java.util.Map<UUID, String> names = new java.util.HashMap<>();
        surveys.list(me.workspaceId()).forEach(s -> names.put(s.id(), s.name()));
        model.addAttribute("surveyNames", names);
        return "customer";
    }

    @org.springframework.web.bind.annotation.PostMapping("/customers/{id}/merges/{mergeId}/undo")
    String unmerge(
            @AuthenticationPrincipal TouchpointUser me,
            @PathVariable UUID id,
            @PathVariable UUID mergeId,
            org.springframework.web.servlet.mvc.support.RedirectAttributes redirect) {
        if (me.role() == io.touchpoint.workspace.Role.AGENT) {
            throw new org.springframework.security.access.AccessDeniedException("Agents cannot undo merges");
        }
        customers.merges(me.workspaceId(), id).stream()
                .filter(m -> m.id().equals(mergeId))
                .findFirst()
                .orElseThrow(() -> new NotFoundException("No merge " + mergeId + " for this customer"));
        customers.unmerge(me.workspaceId(), mergeId);
        redirect.addFlashAttribute("notice", "customer.unmerged");
        return "redirect:/customers/" + id;
    }

    /** The next page of a timeline, as rows appended by htmx. */
    @GetMapping("/customers/{id}/timeline")
    String timelineRows(
            @AuthenticationPrincipal TouchpointUser me,
            @PathVariable UUID id,
            @RequestParam(required = false) String before,
            @RequestParam(required = false) String channel,
            Model model) {
        CustomerProfile profile = customers.profile(me.workspaceId(), id);
        model.addAttribute("profile", profile);
        model.addAttribute("channel", channel);
        model.addAttribute("timeline", page(me, profile, before, channel));
        return "customer :: rows";
    }

    private TimelinePage page(TouchpointUser me, CustomerProfile profile, String before, String channel) {
        String filter = channel != null && CHANNELS.contains(channel) ? channel : null;
        return timeline.page(
                me.workspaceId(), customers.profileGroup(me.workspaceId(), profile.id()), 50, before, filter, null);
    }

    @ExceptionHandler(NotFoundException.class)
    @ResponseStatus(HttpStatus.NOT_FOUND)
    String notFound(Model model) {
        model.addAttribute("status", 404);
        return "error";
    }
}

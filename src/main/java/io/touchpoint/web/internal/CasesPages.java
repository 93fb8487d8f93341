package io.touchpoint.web.internal;

import io.touchpoint.customers.CustomerProfile;
import io.touchpoint.customers.Customers;
import io.touchpoint.events.Timeline;
import io.touchpoint.feedback.Distribution;
import io.touchpoint.feedback.Question;
import io.touchpoint.feedback.Responses;
import io.touchpoint.feedback.Survey;
import io.touchpoint.feedback.SurveyResponse;
import io.touchpoint.feedback.Surveys;
import io.touchpoint.loop.Actor;
import io.touchpoint.loop.Case;
import io.touchpoint.loop.CaseChange;
import io.touchpoint.loop.CaseFilter;
import io.touchpoint.loop.CasePriority;
import io.touchpoint.loop.CaseStatus;
import io.touchpoint.loop.Cases;
import io.touchpoint.loop.Recovery;
import io.touchpoint.platform.InvalidInputException;
import io.touchpoint.platform.NotFoundException;
import io.touchpoint.workspace.TouchpointUser;
import io.touchpoint.workspace.Workspaces;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Cases: the inbox with filters and loop metrics, and the case page where agents work a case. */
@Controller
class CasesPages {

    static final int INBOX_SIZE = 200;

    private final Cases cases;
    private final Workspaces workspaces;
    private final Customers customers;
    private final Timeline timeline;
    private final Responses responses;
    private final Surveys surveys;
    private final Distribution distribution;
    private final Clock clock;

    CasesPages(
            Cases cases,
            Workspaces workspaces,
            Customers customers,
            Timeline timeline,
            Responses responses,
            Surveys surveys,
            Distribution distribution,
            Clock clock) {
        this.cases = cases;
        this.workspaces = workspaces;
        this.customers = customers;
        this.timeline = timeline;
        this.responses = responses;
        this.surveys = surveys;
        this.distribution = distribution;
        this.clock = clock;
    }

    @GetMapping("/cases")
    String inbox(
            @AuthenticationPrincipal TouchpointUser me,
            @RequestParam(required = false) String status,
            @RequestParam(required = false) String owner,
            @RequestParam(required = false) String priority,
            @RequestParam(required = false) String sla,
            Model model) {
        UUID ws = me.workspaceId();
        String st = blank(status) ? null : status;
        String pr = blank(priority) ? null : priority;
        String sl = blank(sla) ? null : sla;
        UUID ow = null;
        if ("me".equals(owner)) {
            ow = me.id();
        } else if ("none".equals(owner)) {
            ow = CaseFilter.UNASSIGNED;
        } else if (!blank(owner)) {
            try {
                ow = UUID.fromString(owner);
            } catch (IllegalArgumentException e) {
                throw new InvalidInputException("owner", "must be a user");
            }
        }
        List<Case> found = cases.list(ws, new CaseFilter(null, st, ow, pr, sl), INBOX_SIZE);
        Instant now = clock.instant();
        model.addAttribute("active", "cases");
        model.addAttribute("cases", found);
        model.addAttribute("statuses", CaseStatus.ALL);
        model.addAttribute("priorities", CasePriority.ALL);
        model.addAttribute("slaStates", List.of("on_track", "at_risk", "breached", "met"));
        model.addAttribute("users", workspaces.users(ws));
        model.addAttribute("status", st);
        model.addAttribute("owner", owner);
        model.addAttribute("priority", pr);
        model.addAttribute("sla", sl);
        model.addAttribute("metrics", cases.metrics(ws, now.minus(Duration.ofDays(30)), now.plusSeconds(1)));
        return "cases";
    }

    @GetMapping("/cases/{id}")
    String page(@AuthenticationPrincipal TouchpointUser me, @PathVariable UUID id, Model model) {
        UUID ws = me.workspaceId();
        Case k = cases.get(ws, id);
        model.addAttribute("active", "cases");
        model.addAttribute("k", k);
        model.addAttribute("history", cases.history(ws, id));
        model.addAttribute("statuses", CaseStatus.ALL);
        model.addAttribute("priorities", CasePriority.ALL);
        model.addAttribute(
                "users",
                workspaces.users(ws).stream().filter(u -> !u.disabled()).toList());
        CustomerProfile profile = null;
        if (k.customerId() != null) {
            try {
                profile = customers.profile(ws, k.customerId());
                model.addAttribute(
                        "timeline",
                        timeline.page(ws, customers.profileGroup(ws, k.customerId()), 30, null, null, null));
            } catch (NotFoundException e) {
                profile = null;
            }
        }
        model.addAttribute("profile", profile);
        model.addAttribute("trigger", answered(ws, k.responseId()));
        Optional<io.touchpoint.feedback.SurveySend> followUp =
                k.followUpSendId() == null ? Optional.empty() : distribution.send(ws, k.followUpSendId());
        model.addAttribute("followUp", followUp.orElse(null));
        model.addAttribute(
                "followUpAnswer",
                k.followUpSendId() == null
                        ? null
                        : responses
                                .answerTo(ws, k.followUpSendId())
                                .map(r -> answered(ws, r.id()))
                                .orElse(null));
        return "case";
    }

    /** A response with its survey's question wording, for display. */
    record Answered(SurveyResponse response, String surveyName, Map<String, String> questions) {}

    private Answered answered(UUID ws, UUID responseId) {
        if (responseId == null) {
            return null;
        }
        Optional<SurveyResponse> response = responses.get(ws, responseId);
        if (response.isEmpty()) {
            return null;
        }
        SurveyResponse r = response.get();
        Map<String, String> questions = new LinkedHashMap<>();
        String name = "";
        try {
            Survey survey = surveys.get(ws, r.surveyId());
            name = survey.name();
            String language = survey.definition().defaultLanguage();
            for (Question q : surveys.version(ws, r.surveyId(), r.version()).questions()) {
                Map<String, String> text = q.text();
                questions.put(q.id(), text.getOrDefault(r.language(), text.getOrDefault(language, q.id())));
            }
        } catch (NotFoundException e) {
            name = "—";
        }
        return new Answered(r, name, questions);
    }

    @PostMapping("/cases/{id}")
    String change(
            @AuthenticationPrincipal TouchpointUser me,
            @PathVariable UUID id,
            @RequestParam(required = false) String status,
            @RequestParam(required = false) String priority,
            @RequestParam(required = false) String owner,
            RedirectAttributes redirect) {
        try {
            UUID ownerId;
            try {
                ownerId = blank(owner) ? null : UUID.fromString(owner);
            } catch (IllegalArgumentException e) {
                throw new InvalidInputException("ownerId", "must be a user of this workspace");
            }
            cases.change(
                    me.workspaceId(),
                    id,
                    actor(me),
                    new CaseChange(
                            blank(status) ? null : status, blank(priority) ? null : priority, ownerId, owner != null));
            redirect.addFlashAttribute("notice", "case.saved");
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("problems", e.problems());
        }
        return "redirect:/cases/" + id;
    }

    @PostMapping("/cases/{id}/notes")
    String note(
            @AuthenticationPrincipal TouchpointUser me,
            @PathVariable UUID id,
            @RequestParam(required = false) String text,
            RedirectAttributes redirect) {
        try {
            cases.addNote(me.workspaceId(), id, actor(me), text);
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("problems", e.problems());
        }
        return "redirect:/cases/" + id + "#history";
    }

    @PostMapping("/cases/{id}/recovery")
    String recover(
            @AuthenticationPrincipal TouchpointUser me,
            @PathVariable UUID id,
            @RequestParam(required = false) String type,
            @RequestParam(required = false) String code,
            @RequestParam(required = false) String amount,
            @RequestParam(required = false) String note,
            @RequestParam(required = false) String language,
            RedirectAttributes redirect) {
        try {
            BigDecimal value;
            try {
                value = blank(amount)
                        ? null
                        : new BigDecimal(amount.replace(",", "").strip());
            } catch (NumberFormatException e) {
                throw new InvalidInputException("amount", "must be a number");
            }
            cases.recover(
                    me.workspaceId(),
                    id,
                    actor(me),
                    new Recovery(type, code, value, note, blank(language) ? null : language));
            redirect.addFlashAttribute("notice", "case.recorded");
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("problems", e.problems());
        }
        return "redirect:/cases/" + id + "#history";
    }

    static Actor actor(TouchpointUser me) {
        return new Actor(me.id(), me.email(), true);
    }

    static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    @ExceptionHandler(NotFoundException.class)
    @ResponseStatus(HttpStatus.NOT_FOUND)
    String notFound(Model model) {
        model.addAttribute("status", 404);
        return "error";
    }
}

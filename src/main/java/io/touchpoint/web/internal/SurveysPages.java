package io.touchpoint.web.internal;

import io.touchpoint.customers.Segments;
import io.touchpoint.feedback.ContactRules;
import io.touchpoint.feedback.Distribution;
import io.touchpoint.feedback.ResponseFilter;
import io.touchpoint.feedback.Responses;
import io.touchpoint.feedback.Survey;
import io.touchpoint.feedback.SurveyResponse;
import io.touchpoint.feedback.Surveys;
import io.touchpoint.platform.InvalidInputException;
import io.touchpoint.workspace.Role;
import io.touchpoint.workspace.TouchpointUser;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Surveys: the list, the builder, the survey page (links, triggers, sends, responses) and preview. */
@Controller
class SurveysPages {

    static final int PAGE_SIZE = 25;

    private final Surveys surveys;
    private final Responses responses;
    private final Distribution distribution;
    private final Segments segments;

    SurveysPages(Surveys surveys, Responses responses, Distribution distribution, Segments segments) {
        this.surveys = surveys;
        this.responses = responses;
        this.distribution = distribution;
        this.segments = segments;
    }

    @GetMapping("/surveys")
    String list(@AuthenticationPrincipal TouchpointUser me, Model model) {
        model.addAttribute("active", "surveys");
        model.addAttribute("surveys", surveys.list(me.workspaceId()));
        model.addAttribute("rules", distribution.rules(me.workspaceId()));
        return "surveys";
    }

    @PostMapping("/surveys/contact-rules")
    String rules(
            @AuthenticationPrincipal TouchpointUser me,
            @RequestParam MultiValueMap<String, String> form,
            Model model,
            RedirectAttributes redirect) {
        requireRole(me, Role.ADMIN);
        try {
            distribution.updateRules(
                    me.workspaceId(),
                    new ContactRules(
                            number(form.getFirst("cooldownDays"), "cooldownDays"),
                            number(form.getFirst("maxSurveys"), "maxSurveys"),
                            number(form.getFirst("periodDays"), "periodDays"),
                            blank(form.getFirst("reminderDays"))
                                    ? null
                                    : number(form.getFirst("reminderDays"), "reminderDays")));
            redirect.addFlashAttribute("notice", "surveys.rulesSaved");
            return "redirect:/surveys";
        } catch (InvalidInputException e) {
            model.addAttribute("rulesErrors", e.problems());
            return list(me, model);
        }
    }

    @GetMapping("/surveys/new")
    String create(
            @AuthenticationPrincipal TouchpointUser me, @RequestParam(required = false) String template, Model model) {
        requireEditor(me);
        Map<String, String> values = SurveyForm.template(template);
        return editor(model, null, values, List.of());
    }

    @PostMapping("/surveys/new")
    String created(
            @AuthenticationPrincipal TouchpointUser me, @RequestParam MultiValueMap<String, String> form, Model model) {
        requireEditor(me);
        try {
            Survey survey = surveys.create(me.workspaceId(), SurveyForm.toJson(form));
            return "redirect:/surveys/" + survey.id();
        } catch (InvalidInputException e) {
            return editor(model, null, form.toSingleValueMap(), e.problems());
        }
    }

    @GetMapping("/surveys/{id}/edit")
    String edit(@AuthenticationPrincipal TouchpointUser me, @PathVariable UUID id, Model model) {
        requireEditor(me);
        Survey survey = surveys.get(me.workspaceId(), id);
        return editor(model, survey, SurveyForm.values(survey.definition()), List.of());
    }

    @PostMapping("/surveys/{id}/edit")
    String edited(
            @AuthenticationPrincipal TouchpointUser me,
            @PathVariable UUID id,
            @RequestParam MultiValueMap<String, String> form,
            Model model,
            RedirectAttributes redirect) {
        requireEditor(me);
        Survey before = surveys.get(me.workspaceId(), id);
        try {
            Survey after = surveys.update(me.workspaceId(), id, SurveyForm.toJson(form));
            redirect.addFlashAttribute(
                    "notice", after.version() > before.version() ? "surveys.newVersion" : "surveys.saved");
            return "redirect:/surveys/" + id;
        } catch (InvalidInputException e) {
            return editor(model, before, form.toSingleValueMap(), e.problems());
        }
    }

    private String editor(Model model, Survey survey, Map<String, String> values, Object problems) {
        int questions = 0;
        while (values.containsKey("q" + questions + ".type")) {
            questions++;
        }
        model.addAttribute("active", "surveys");
        model.addAttribute("survey", survey);
        model.addAttribute("v", values);
        model.addAttribute("rows", SurveyForm.rows(questions));
        model.addAttribute("languages", SurveyForm.LANGUAGES);
        model.addAttribute("outcomes", SurveyForm.OUTCOMES);
        model.addAttribute("problems", problems);
        return "survey-edit";
    }

    @GetMapping("/surveys/{id}")
    String survey(
            @AuthenticationPrincipal TouchpointUser me,
            @PathVariable UUID id,
            @RequestParam(required = false) String status,
            @RequestParam(required = false) String outcome,
            @RequestParam(required = false) String channel,
            @RequestParam(required = false) String language,
            @RequestParam(defaultValue = "0") int page,
            Model model) {
        UUID workspaceId = me.workspaceId();
        Survey survey = surveys.get(workspaceId, id);
        ResponseFilter filter = new ResponseFilter(
                id, blankToNull(channel), blankToNull(language), blankToNull(outcome), blankToNull(status), null, null);
        int current = Math.max(0, page);
        List<SurveyResponse> rows = responses.list(workspaceId, filter, PAGE_SIZE + 1, current * PAGE_SIZE);
        model.addAttribute("active", "surveys");
        model.addAttribute("survey", survey);
        model.addAttribute("link", distribution.anonymousLink(id));
        model.addAttribute("triggers", distribution.triggers(workspaceId, id));
        model.addAttribute("sends", distribution.sends(workspaceId, id, null, 20));
        model.addAttribute("segments", segments.list(workspaceId));
        model.addAttribute("responses", rows.size() > PAGE_SIZE ? rows.subList(0, PAGE_SIZE) : rows);
        model.addAttribute("hasNext", rows.size() > PAGE_SIZE);
        model.addAttribute("page", current);
        model.addAttribute("total", responses.count(workspaceId, filter));
        model.addAttribute("filter", filter);
        return "survey";
    }

    @PostMapping("/surveys/{id}/publish")
    String publish(@AuthenticationPrincipal TouchpointUser me, @PathVariable UUID id) {
        requireEditor(me);
        surveys.publish(me.workspaceId(), id);
        return "redirect:/surveys/" + id;
    }

    @PostMapping("/surveys/{id}/pause")
    String pause(@AuthenticationPrincipal TouchpointUser me, @PathVariable UUID id) {
        requireEditor(me);
        surveys.pause(me.workspaceId(), id);
        return "redirect:/surveys/" + id;
    }

    @GetMapping("/surveys/{id}/preview")
    String preview(
            @AuthenticationPrincipal TouchpointUser me,
            @PathVariable UUID id,
            @RequestParam(required = false) String lang,
            jakarta.servlet.http.HttpServletRequest request,
            Model model) {
        Survey survey = surveys.get(me.workspaceId(), id);
        List<String> languages = survey.definition().languages();
        String language = lang != null && languages.contains(lang)
                ? lang
                : survey.definition().defaultLanguage();
        model.addAttribute("survey", survey);
        model.addAttribute("language", language);
        model.addAttribute("languages", languages);
        return "survey-preview";
    }

    @PostMapping("/surveys/{id}/triggers")
    String addTrigger(
            @AuthenticationPrincipal TouchpointUser me,
            @PathVariable UUID id,
            @RequestParam MultiValueMap<String, String> form,
            RedirectAttributes redirect) {
        requireEditor(me);
        try {
            Integer days = blank(form.getFirst("delayDays")) ? 0 : number(form.getFirst("delayDays"), "delay");
            Integer hours = blank(form.getFirst("delayHours")) ? 0 : number(form.getFirst("delayHours"), "delay");
            distribution.addTrigger(
                    me.workspaceId(),
                    id,
                    form.getFirst("event"),
                    Duration.ofDays(days).plusHours(hours),
                    form.getFirst("channel"),
                    blank(form.getFirst("samplePct")) ? 100 : number(form.getFirst("samplePct"), "samplePct"),
                    blank(form.getFirst("segmentId")) ? null : UUID.fromString(form.getFirst("segmentId")));
            redirect.addFlashAttribute("notice", "surveys.triggerAdded");
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("triggerErrors", e.problems());
        }
        return "redirect:/surveys/" + id + "#triggers";
    }

    @PostMapping("/surveys/{id}/triggers/{triggerId}/delete")
    String removeTrigger(
            @AuthenticationPrincipal TouchpointUser me, @PathVariable UUID id, @PathVariable UUID triggerId) {
        requireEditor(me);
        distribution.removeTrigger(me.workspaceId(), id, triggerId);
        return "redirect:/surveys/" + id + "#triggers";
    }

    @PostMapping("/surveys/{id}/triggers/{triggerId}/enabled")
    String setTriggerEnabled(
            @AuthenticationPrincipal TouchpointUser me,
            @PathVariable UUID id,
            @PathVariable UUID triggerId,
            @RequestParam boolean enabled) {
        requireEditor(me);
        distribution.setTriggerEnabled(me.workspaceId(), id, triggerId, enabled);
        return "redirect:/surveys/" + id + "#triggers";
    }

    private static void requireEditor(TouchpointUser me) {
        if (me.role() == Role.AGENT) {
            throw new AccessDeniedException("Agents cannot change surveys");
        }
    }

    private static void requireRole(TouchpointUser me, Role role) {
        if (me.role() != role) {
            throw new AccessDeniedException("Only " + role + " may do this");
        }
    }

    private static int number(String value, String field) {
        try {
            return Integer.parseInt(value == null ? "" : value.strip());
        } catch (NumberFormatException e) {
            throw new InvalidInputException(field, "must be a whole number");
        }
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    private static String blankToNull(String value) {
        return blank(value) ? null : value;
    }
}

package io.touchpoint.web.internal;

import io.touchpoint.customers.Segments;
import io.touchpoint.feedback.Surveys;
import io.touchpoint.loop.CasePriority;
import io.touchpoint.loop.Cases;
import io.touchpoint.loop.LoopSettings;
import io.touchpoint.loop.Rule;
import io.touchpoint.loop.RuleDefinition;
import io.touchpoint.loop.Rules;
import io.touchpoint.platform.FieldProblem;
import io.touchpoint.platform.InvalidInputException;
import io.touchpoint.platform.Json;
import io.touchpoint.platform.NotFoundException;
import io.touchpoint.text.TextAnalytics;
import io.touchpoint.workspace.Role;
import io.touchpoint.workspace.TouchpointUser;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Cases › Rules: the list, a form to create or edit a rule with "test against past data", and the
 * loop settings (business hours, SLAs, follow-up survey) for admins. Agents may look, not change.
 */
@Controller
class RulesPages {

    private final Rules rules;
    private final Cases cases;
    private final Segments segments;
    private final Surveys surveys;
    private final TextAnalytics text;

    RulesPages(Rules rules, Cases cases, Segments segments, Surveys surveys, TextAnalytics text) {
        this.text = text;
        this.rules = rules;
        this.cases = cases;
        this.segments = segments;
        this.surveys = surveys;
    }

    @GetMapping("/cases/rules")
    String list(@AuthenticationPrincipal TouchpointUser me, Model model) {
        model.addAttribute("active", "cases");
        model.addAttribute("rules", rules.list(me.workspaceId()));
        model.addAttribute("settings", cases.settings(me.workspaceId()));
        model.addAttribute("surveys", surveys.list(me.workspaceId()));
        model.addAttribute("priorities", CasePriority.ALL);
        return "rules";
    }

    @GetMapping("/cases/rules/new")
    String create(@AuthenticationPrincipal TouchpointUser me, Model model) {
        return form(me, model, null, defaults());
    }

    @GetMapping("/cases/rules/{id}")
    String edit(@AuthenticationPrincipal TouchpointUser me, @PathVariable UUID id, Model model) {
        Rule rule = rules.get(me.workspaceId(), id);
        return form(me, model, rule.id(), fields(rule));
    }

    private String form(TouchpointUser me, Model model, UUID id, Map<String, String> form) {
        model.addAttribute("active", "cases");
        model.addAttribute("ruleId", id);
        model.addAttribute("form", form);
        model.addAttribute("segments", segments.list(me.workspaceId()));
        model.addAttribute("priorities", CasePriority.ALL);
        model.addAttribute("whenTypes", RuleDefinition.When.TYPES);
        model.addAttribute("themes", text.taxonomy(me.workspaceId()));
        return "rule-edit";
    }

    @PostMapping({"/cases/rules/new", "/cases/rules/{id}"})
    String save(
            @AuthenticationPrincipal TouchpointUser me,
            @PathVariable(required = false) UUID id,
            @RequestParam MultiValueMap<String, String> params,
            Model model,
            RedirectAttributes redirect) {
        mayChange(me);
        Map<String, String> form = params.toSingleValueMap();
        ObjectNode body = body(form);
        try {
            if ("dry-run".equals(form.get("intent"))) {
                Rules.Trial trial = rules.dryRun(
                        me.workspaceId(), rules.parse(me.workspaceId(), body).definition());
                model.addAttribute("trial", trial);
                return form(me, model, id, form);
            }
            Rule saved = id == null ? rules.create(me.workspaceId(), body) : rules.update(me.workspaceId(), id, body);
            redirect.addFlashAttribute("notice", "rules.saved");
            redirect.addFlashAttribute("savedName", saved.name());
            return "redirect:/cases/rules";
        } catch (InvalidInputException e) {
            model.addAttribute("problems", e.problems());
            return form(me, model, id, form);
        }
    }

    @PostMapping("/cases/rules/{id}/enabled")
    String toggle(
            @AuthenticationPrincipal TouchpointUser me,
            @PathVariable UUID id,
            @RequestParam boolean enabled,
            RedirectAttributes redirect) {
        mayChange(me);
        rules.setEnabled(me.workspaceId(), id, enabled);
        return "redirect:/cases/rules";
    }

    @PostMapping("/cases/rules/{id}/delete")
    String delete(@AuthenticationPrincipal TouchpointUser me, @PathVariable UUID id) {
        mayChange(me);
        rules.delete(me.workspaceId(), id);
        return "redirect:/cases/rules";
    }

    @PostMapping("/cases/rules/{id}/dry-run")
    String dryRun(@AuthenticationPrincipal TouchpointUser me, @PathVariable UUID id, RedirectAttributes redirect) {
        Rule rule = rules.get(me.workspaceId(), id);
        redirect.addFlashAttribute("trial", rules.dryRun(me.workspaceId(), rule.definition()));
        redirect.addFlashAttribute("trialRule", rule.name());
        return "redirect:/cases/rules";
    }

    /** Under /settings, so only admins reach it (the security chain says so for every /settings path). */
    @PostMapping("/settings/loop")
    String settings(
            @AuthenticationPrincipal TouchpointUser me,
            @RequestParam MultiValueMap<String, String> params,
            RedirectAttributes redirect) {
        Map<String, String> f = params.toSingleValueMap();
        List<FieldProblem> problems = new ArrayList<>();
        LoopSettings current = cases.settings(me.workspaceId());
        List<Integer> days = new ArrayList<>();
        for (String day : params.getOrDefault("businessDays", List.of())) {
            try {
                days.add(Integer.valueOf(day));
            } catch (NumberFormatException e) {
                problems.add(new FieldProblem("businessDays", "must be days of the week 1 to 7"));
            }
        }
        LocalTime start = time(f.get("businessStart"), "businessStart", current.businessStart(), problems);
        LocalTime end = time(f.get("businessEnd"), "businessEnd", current.businessEnd(), problems);
        Map<String, Integer> sla = new LinkedHashMap<>();
        for (String p : CasePriority.ALL) {
            try {
                sla.put(p, (int) Math.round(Double.parseDouble(f.getOrDefault("sla." + p, "")) * 60));
            } catch (NumberFormatException e) {
                problems.add(new FieldProblem("slaMinutes." + p, "must be a number of working hours"));
                sla.put(p, current.slaMinutes().get(p));
            }
        }
        UUID survey = null;
        try {
            survey = CasesPages.blank(f.get("followUpSurveyId")) ? null : UUID.fromString(f.get("followUpSurveyId"));
        } catch (IllegalArgumentException e) {
            problems.add(new FieldProblem("followUpSurveyId", "must be a survey"));
        }
        Duration delay = current.followUpDelay();
        try {
            delay = Duration.ofMinutes(Math.round(Double.parseDouble(f.getOrDefault("followUpHours", "")) * 60));
        } catch (NumberFormatException e) {
            problems.add(new FieldProblem("followUpDelay", "must be a number of hours"));
        }
        try {
            if (!problems.isEmpty()) {
                throw new InvalidInputException("The loop settings are not valid", problems);
            }
            cases.updateSettings(me.workspaceId(), new LoopSettings(days, start, end, sla, survey, delay));
            redirect.addFlashAttribute("notice", "rules.settingsSaved");
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("problems", e.problems());
        }
        return "redirect:/cases/rules#loop-settings";
    }

    private static LocalTime time(String value, String field, LocalTime fallback, List<FieldProblem> problems) {
        try {
            return LocalTime.parse(value == null ? "" : value.strip());
        } catch (DateTimeException e) {
            problems.add(new FieldProblem(field, "must be a time HH:MM"));
            return fallback;
        }
    }

    private static void mayChange(TouchpointUser me) {
        if (me.role() == Role.AGENT) {
            throw new AccessDeniedException("Agents work cases; rules are changed by admins and analysts");
        }
    }

    private static Map<String, String> defaults() {
        Map<String, String> f = new LinkedHashMap<>();
        f.put("enabled", "true");
        f.put("type", "nps");
        f.put("max", "6");
        f.put("act.open_case", "on");
        f.put("priority", "normal");
        return f;
    }

    /** The form fields of a stored rule. */
    static Map<String, String> fields(Rule rule) {
        Map<String, String> f = new LinkedHashMap<>();
        RuleDefinition d = rule.definition();
        f.put("name", rule.name());
        f.put("enabled", String.valueOf(rule.enabled()));
        f.put("type", d.when().type());
        if (d.when().max() != null) {
            double max = d.when().max();
            f.put("max", max == Math.rint(max) ? String.valueOf((long) max) : String.valueOf(max));
        }
        f.put("word", d.when().word());
        f.put("theme", d.when().theme());
        f.put("event", d.when().event());
        f.put(
                "atLeast",
                d.when().atLeast() == null ? null : String.valueOf(d.when().atLeast()));
        f.put(
                "withinDays",
                d.when().withinDays() == null ? null : String.valueOf(d.when().withinDays()));
        f.put("segmentId", d.segmentId() == null ? null : d.segmentId().toString());
        for (RuleDefinition.Action a : d.actions()) {
            f.put("act." + a.type(), "on");
            switch (a.type()) {
                case RuleDefinition.Action.OPEN_CASE -> f.put("priority", a.priority());
                case RuleDefinition.Action.NOTIFY_EMAIL -> f.put("to", String.join(", ", a.to()));
                case RuleDefinition.Action.TAG -> {
                    f.put("trait", a.trait());
                    f.put("traitValue", a.value());
                }
                case RuleDefinition.Action.TIMELINE_NOTE -> f.put("note", a.text());
                default -> {}
            }
        }
        return f;
    }

    /** The JSON the API takes, from the form; numbers that do not parse stay text so the checks name them. */
    static ObjectNode body(Map<String, String> f) {
        ObjectNode body = Json.object();
        body.put("name", f.getOrDefault("name", ""));
        body.put("enabled", "true".equals(f.get("enabled")) || "on".equals(f.get("enabled")));
        ObjectNode when = body.putObject("when");
        String type = f.getOrDefault("type", "");
        when.put("type", type);
        switch (type) {
            case "nps", "csat", "ces" -> number(when, "max", f.get("max"));
            case "comment" -> when.put("word", f.getOrDefault("word", ""));
            case "theme", "theme_rises" -> when.put("theme", f.getOrDefault("theme", ""));
            case "event" -> {
                when.put("event", f.getOrDefault("event", ""));
                number(when, "atLeast", f.get("atLeast"));
                number(when, "withinDays", f.get("withinDays"));
            }
            default -> {}
        }
        if (!CasesPages.blank(f.get("segmentId"))) {
            body.put("segmentId", f.get("segmentId"));
        }
        ArrayNode actions = body.putArray("actions");
        if (f.containsKey("act.open_case")) {
            actions.addObject().put("type", "open_case").put("priority", f.getOrDefault("priority", "normal"));
        }
        if (f.containsKey("act.notify_email")) {
            ArrayNode to = actions.addObject().put("type", "notify_email").putArray("to");
            Arrays.stream(f.getOrDefault("to", "").split("[,;\\s]+"))
                    .filter(s -> !s.isBlank())
                    .forEach(to::add);
        }
        if (f.containsKey("act.webhook")) {
            actions.addObject().put("type", "webhook");
        }
        if (f.containsKey("act.tag")) {
            actions.addObject()
                    .put("type", "tag")
                    .put("trait", f.getOrDefault("trait", ""))
                    .put("value", f.getOrDefault("traitValue", "true"));
        }
        if (f.containsKey("act.timeline_note")) {
            actions.addObject().put("type", "timeline_note").put("text", f.getOrDefault("note", ""));
        }
        return body;
    }

    private static void number(ObjectNode node, String field, String value) {
        if (value == null || value.isBlank()) {
            return;
        }
        try {
            double d = Double.parseDouble(value.strip());
            if (d == Math.rint(d)) {
                node.put(field, (long) d);
            } else {
                node.put(field, d);
            }
        } catch (NumberFormatException e) {
            node.put(field, value);
        }
    }

    @ExceptionHandler(NotFoundException.class)
    @ResponseStatus(HttpStatus.NOT_FOUND)
    String notFound(Model model) {
        model.addAttribute("status", 404);
        return "error";
    }
}

package io.touchpoint.web.internal;

import io.touchpoint.customers.SegmentDefinition;
import io.touchpoint.customers.Segments;
import io.touchpoint.platform.InvalidInputException;
import io.touchpoint.workspace.Role;
import io.touchpoint.workspace.TouchpointUser;
import java.util.ArrayList;
import java.util.LinkedHashMap;
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

/** Customers › Segments: the list with live counts, a rule builder, and each segment's members. */
@Controller
class SegmentsPages {

    static final int RULE_ROWS = 4;

    private final Segments segments;

    SegmentsPages(Segments segments) {
        this.segments = segments;
    }

    @GetMapping("/segments")
    String list(@AuthenticationPrincipal TouchpointUser me, Model model) {
        model.addAttribute("active", "customers");
        model.addAttribute("segments", segments.list(me.workspaceId()));
        model.addAttribute("ruleRows", RULE_ROWS);
        return "segments";
    }

    @PostMapping("/segments")
    String create(
            @AuthenticationPrincipal TouchpointUser me,
            @RequestParam MultiValueMap<String, String> form,
            Model model,
            RedirectAttributes redirect) {
        if (me.role() == Role.AGENT) {
            throw new AccessDeniedException("Agents cannot define segments");
        }
        try {
            var segment = segments.create(
                    me.workspaceId(), form.getFirst("name"), form.getFirst("description"), definition(form));
            return "redirect:/segments/" + segment.id();
        } catch (InvalidInputException e) {
            model.addAttribute("active", "customers");
            model.addAttribute("segments", segments.list(me.workspaceId()));
            model.addAttribute("ruleRows", RULE_ROWS);
            model.addAttribute("segmentErrors", e.problems());
            model.addAttribute("form", form.toSingleValueMap());
            return "segments";
        }
    }

    @GetMapping("/segments/{id}")
    String segment(
            @AuthenticationPrincipal TouchpointUser me,
            @PathVariable UUID id,
            @RequestParam(defaultValue = "0") int page,
            Model model) {
        int current = Math.max(0, page);
        var rows = segments.memberPage(
                me.workspaceId(), id, CustomersPages.PAGE_SIZE + 1, current * CustomersPages.PAGE_SIZE);
        model.addAttribute("active", "customers");
        model.addAttribute("segment", segments.get(me.workspaceId(), id));
        model.addAttribute(
                "rows", rows.size() > CustomersPages.PAGE_SIZE ? rows.subList(0, CustomersPages.PAGE_SIZE) : rows);
        model.addAttribute("hasNext", rows.size() > CustomersPages.PAGE_SIZE);
        model.addAttribute("page", current);
        return "segment";
    }

    @PostMapping("/segments/{id}/delete")
    String delete(@AuthenticationPrincipal TouchpointUser me, @PathVariable UUID id, RedirectAttributes redirect) {
        if (me.role() == Role.AGENT) {
            throw new AccessDeniedException("Agents cannot delete segments");
        }
        segments.delete(me.workspaceId(), id);
        return "redirect:/segments";
    }

    /** Rule rows of the builder form: rule{i}.type, .field, .op, .value, .days; empty rows are ignored. */
    static SegmentDefinition definition(MultiValueMap<String, String> form) {
        List<Map<String, Object>> rules = new ArrayList<>();
        for (int i = 0; i < RULE_ROWS; i++) {
            String type = blankToNull(form.getFirst("rule" + i + ".type"));
            if (type == null) {
                continue;
            }
            Map<String, Object> rule = new LinkedHashMap<>();
            rule.put("type", type);
            String field = blankToNull(form.getFirst("rule" + i + ".field"));
            switch (type) {
                case "trait" -> rule.put("name", field);
                case "event_count" -> rule.put("event", field);
                case "orders" -> rule.put("metric", field == null ? "count" : field);
                default -> {}
            }
            rule.put("op", blankToNull(form.getFirst("rule" + i + ".op")));
            String value = blankToNull(form.getFirst("rule" + i + ".value"));
            if (value != null) {
                rule.put("value", numberOrText(value, type));
            }
            String days = blankToNull(form.getFirst("rule" + i + ".days"));
            if (days != null && !"trait".equals(type) && !"rfm".equals(type)) {
                rule.put("withinDays", numberOrText(days, "days"));
            }
            rules.add(rule);
        }
        String match = "any".equals(form.getFirst("match")) ? "any" : "all";
        return new SegmentDefinition(match, rules);
    }

    private static Object numberOrText(String value, String type) {
        try {
            double number = Double.parseDouble(value.replace(",", ""));
            return number == Math.rint(number) ? (Object) (long) number : (Object) number;
        } catch (NumberFormatException e) {
            return value;
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}

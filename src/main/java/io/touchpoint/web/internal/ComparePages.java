package io.touchpoint.web.internal;

import io.touchpoint.metrics.Annotation;
import io.touchpoint.metrics.Annotations;
import io.touchpoint.metrics.BeforeAfter;
import io.touchpoint.platform.InvalidInputException;
import io.touchpoint.platform.Params;
import io.touchpoint.workspace.Role;
import io.touchpoint.workspace.TouchpointUser;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** Metrics › Before and after: annotated changes, and every KPI in equal windows around one. */
@Controller
class ComparePages {

    private final Annotations annotations;
    private final BeforeAfter beforeAfter;

    ComparePages(Annotations annotations, BeforeAfter beforeAfter) {
        this.annotations = annotations;
        this.beforeAfter = beforeAfter;
    }

    @GetMapping("/metrics/compare")
    String compare(
            @AuthenticationPrincipal TouchpointUser me,
            @RequestParam(required = false) String date,
            @RequestParam(required = false) String days,
            Model model) {
        UUID workspaceId = me.workspaceId();
        List<Annotation> list = annotations.list(workspaceId);
        model.addAttribute("active", "metrics");
        model.addAttribute("annotations", list);
        model.addAttribute("kpiDecimals", DECIMALS);
        LocalDate on = null;
        try {
            on = Params.date(date, "date");
            if (on == null && !list.isEmpty()) {
                on = list.get(0).date();
            }
            if (on != null) {
                model.addAttribute("comparison", beforeAfter.compare(workspaceId, on, number(days)));
            }
        } catch (InvalidInputException e) {
            model.addAttribute("problems", e.problems());
        }
        model.addAttribute("date", on);
        model.addAttribute("days", days);
        return "compare";
    }

    @PostMapping("/metrics/annotations")
    String add(
            @AuthenticationPrincipal TouchpointUser me,
            @RequestParam(required = false) String date,
            @RequestParam(required = false) String label,
            Model model) {
        if (me.role() == Role.AGENT) {
            throw new AccessDeniedException("Agents cannot annotate changes");
        }
        try {
            Annotation added = annotations.add(me.workspaceId(), Params.date(date, "date"), label);
            return "redirect:/metrics/compare?date=" + added.date();
        } catch (InvalidInputException e) {
            model.addAttribute("active", "metrics");
            model.addAttribute("annotations", annotations.list(me.workspaceId()));
            model.addAttribute("kpiDecimals", DECIMALS);
            model.addAttribute("annotationErrors", e.problems());
            model.addAttribute("form", Map.of("date", date == null ? "" : date, "label", label == null ? "" : label));
            return "compare";
        }
    }

    @PostMapping("/metrics/annotations/{id}/delete")
    String delete(@AuthenticationPrincipal TouchpointUser me, @PathVariable UUID id) {
        if (me.role() == Role.AGENT) {
            throw new AccessDeniedException("Agents cannot delete annotations");
        }
        annotations.delete(me.workspaceId(), id);
        return "redirect:/metrics/compare";
    }

    @GetMapping("/metrics/compare/export.csv")
    ResponseEntity<byte[]> export(
            @AuthenticationPrincipal TouchpointUser me,
            @RequestParam String date,
            @RequestParam(required = false) String days) {
        Map<String, Object> c = beforeAfter.compare(me.workspaceId(), Params.date(date, "date"), number(days));
        List<List<Object>> rows = new ArrayList<>();
        Map<?, ?> before = (Map<?, ?>) c.get("before");
        Map<?, ?> after = (Map<?, ?>) c.get("after");
        for (Object o : (List<?>) c.get("kpis")) {
            Map<?, ?> row = (Map<?, ?>) o;
            Map<?, ?> b = (Map<?, ?>) row.get("before");
            Map<?, ?> a = (Map<?, ?>) row.get("after");
            List<Object> line = new ArrayList<>();
            line.add(row.get("kpi"));
            for (Map<?, ?> m : List.of(b, a)) {
                Map<?, ?> ci = (Map<?, ?>) m.get("ci");
                line.add(m.get("value"));
                line.add(ci == null ? null : ci.get("low"));
                line.add(ci == null ? null : ci.get("high"));
                line.add(m.get("n"));
            }
            line.add(row.get("change"));
            line.add(row.get("significant"));
            rows.add(line);
        }
        return Csv.download(
                "before-after-" + c.get("date") + "-" + c.get("days") + "d.csv",
                List.of(
                        "kpi",
                        "before_value (" + before.get("from") + " – " + before.get("to") + ")",
                        "before_ci_low",
                        "before_ci_high",
                        "before_n",
                        "after_value (" + after.get("from") + " – " + after.get("to") + ")",
                        "after_ci_low",
                        "after_ci_high",
                        "after_n",
                        "change",
                        "significant"),
                rows);
    }

    /** How many decimals each KPI shows with. */
    static final Map<String, Integer> DECIMALS = Map.of(
            "nps", 1,
            "csat", 1,
            "ces", 2,
            "aov", 0,
            "purchaseFrequency", 2,
            "repeatRate", 1,
            "pagesPerSession", 2,
            "emailOpenRate", 1,
            "emailClickRate", 1);

    private static Integer number(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Integer.valueOf(value.trim());
        } catch (NumberFormatException e) {
            throw new InvalidInputException("days", "must be a whole number of days");
        }
    }
}

package io.touchpoint.loop.internal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.touchpoint.loop.Actor;
import io.touchpoint.loop.Case;
import io.touchpoint.loop.CaseChange;
import io.touchpoint.loop.CaseEntry;
import io.touchpoint.loop.CaseFilter;
import io.touchpoint.loop.Cases;
import io.touchpoint.loop.LoopMetrics;
import io.touchpoint.loop.LoopSettings;
import io.touchpoint.loop.Recovery;
import io.touchpoint.platform.FieldProblem;
import io.touchpoint.platform.InvalidInputException;
import io.touchpoint.workspace.ApiCaller;
import io.touchpoint.workspace.CurrentWorkspace;
import io.touchpoint.workspace.Workspaces;
import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/** Cases, loop settings and loop metrics, as in API.md ("Cases (closed loop)"). */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "Cases")
class CasesApi {

    private final Cases cases;
    private final Workspaces workspaces;

    CasesApi(Cases cases, Workspaces workspaces) {
        this.cases = cases;
        this.workspaces = workspaces;
    }

    @GetMapping("/cases")
    @Operation(summary = "Cases, open ones first by due time; filters: userId, status, priority, ownerId, sla")
    Map<String, Object> list(
            @RequestParam(required = false) String userId,
            @RequestParam(required = false) String status,
            @RequestParam(required = false) String priority,
            @RequestParam(required = false) UUID ownerId,
            @RequestParam(required = false) String sla,
            @RequestParam(defaultValue = "100") int limit) {
        List<Case> found =
                cases.list(CurrentWorkspace.id(), new CaseFilter(userId, status, ownerId, priority, sla), limit);
        return Map.of("items", found.stream().map(CasesApi::view).toList());
    }

    @PostMapping("/cases")
    @Operation(summary = "Open a case by hand: title, priority, userId, responseId")
    ResponseEntity<Map<String, Object>> open(@RequestBody JsonNode body) {
        UUID responseId = uuid(body.path("responseId"), "responseId");
        Case k = cases.open(
                CurrentWorkspace.id(),
                actor(),
                body.path("title").asString(null),
                body.path("priority").asString(null),
                body.path("userId").asString(null),
                responseId);
        return ResponseEntity.status(HttpStatus.CREATED).body(detail(k));
    }

    @GetMapping("/cases/{id}")
    @Operation(summary = "One case with its history (changes, notes, recovery actions, escalations)")
    Map<String, Object> get(@PathVariable UUID id) {
        return detail(cases.get(CurrentWorkspace.id(), id));
    }

    @PatchMapping("/cases/{id}")
    @Operation(summary = "Change status, priority or owner (ownerId null unassigns)")
    Map<String, Object> change(@PathVariable UUID id, @RequestBody JsonNode body) {
        if (body == null || !body.isObject()) {
            throw new InvalidInputException("", "must be a JSON object");
        }
        boolean ownerGiven = body.has("ownerId");
        UUID owner = ownerGiven ? uuid(body.get("ownerId"), "ownerId") : null;
        Case k = cases.change(
                CurrentWorkspace.id(),
                id,
                actor(),
                new CaseChange(
                        body.path("status").asString(null),
                        body.path("priority").asString(null),
                        owner,
                        ownerGiven));
        return detail(k);
    }

    @PostMapping("/cases/{id}/notes")
    @Operation(summary = "Add an internal note")
    ResponseEntity<CaseEntry> note(@PathVariable UUID id, @RequestBody JsonNode body) {
        return ResponseEntity.status(HttpStatus.CREATED)
                .body(cases.addNote(
                        CurrentWorkspace.id(), id, actor(), body.path("text").asString(null)));
    }

    @PostMapping("/cases/{id}/recovery")
    @Operation(summary = "Record a service recovery action: apology_email, discount_code or refund_note")
    ResponseEntity<CaseEntry> recover(@PathVariable UUID id, @RequestBody JsonNode body) {
        BigDecimal amount = null;
        JsonNode a = body.path("amount");
        if (!a.isMissingNode() && !a.isNull()) {
            if (!a.isNumber()) {
                throw new InvalidInputException("amount", "must be a number");
            }
            amount = a.decimalValue();
        }
        Recovery recovery = new Recovery(
                body.path("type").asString(null),
                body.path("code").asString(null),
                amount,
                body.path("note").asString(null),
                body.path("language").asString(null));
        return ResponseEntity.status(HttpStatus.CREATED)
                .body(cases.recover(CurrentWorkspace.id(), id, actor(), recovery));
    }

    @GetMapping("/loop/metrics")
    @Operation(summary = "Loop metrics for cases opened from..to (dates in the workspace time zone; default 30 days)")
    LoopMetrics metrics(@RequestParam(required = false) String from, @RequestParam(required = false) String to) {
        UUID workspaceId = CurrentWorkspace.id();
        ZoneId zone = workspaces.get(workspaceId).timeZone();
        LocalDate end = date(to, "to", LocalDate.now(zone));
        LocalDate start = date(from, "from", end.minusDays(29));
        return cases.metrics(
                workspaceId,
                start.atStartOfDay(zone).toInstant(),
                end.plusDays(1).atStartOfDay(zone).toInstant());
    }

    @GetMapping("/loop/settings")
    @Operation(summary = "Business hours, SLA minutes per priority, the follow-up survey and its delay")
    LoopSettings settings() {
        return cases.settings(CurrentWorkspace.id());
    }

    @PutMapping("/loop/settings")
    @Operation(summary = "Change business hours, SLAs and the follow-up survey")
    LoopSettings updateSettings(@RequestBody JsonNode body) {
        UUID workspaceId = CurrentWorkspace.id();
        LoopSettings current = cases.settings(workspaceId);
        List<FieldProblem> problems = new ArrayList<>();
        List<Integer> days = current.businessDays();
        if (body.has("businessDays")) {
            days = new ArrayList<>();
            if (!body.get("businessDays").isArray()) {
                problems.add(new FieldProblem("businessDays", "must be a list of days 1 (Monday) to 7 (Sunday)"));
            } else {
                for (JsonNode d : body.get("businessDays")) {
                    if (!d.isIntegralNumber()) {
                        problems.add(
                                new FieldProblem("businessDays", "must be a list of days 1 (Monday) to 7 (Sunday)"));
                        break;
                    }
                    days.add(d.asInt());
                }
            }
        }
        LocalTime start = time(body, "businessStart", current.businessStart(), problems);
        LocalTime end = time(body, "businessEnd", current.businessEnd(), problems);
        Map<String, Integer> sla = new LinkedHashMap<>(current.slaMinutes());
        JsonNode given = body.path("slaMinutes");
        if (given.isObject()) {
            for (String p : given.propertyNames()) {
                if (!sla.containsKey(p) || !given.get(p).isIntegralNumber()) {
                    problems.add(new FieldProblem("slaMinutes." + p, "must be a priority with whole minutes"));
                } else {
                    sla.put(p, given.get(p).asInt());
                }
            }
        }
        UUID survey = body.has("followUpSurveyId")
                ? uuid(body.get("followUpSurveyId"), "followUpSurveyId")
                : current.followUpSurveyId();
        Duration delay = current.followUpDelay();
        if (body.has("followUpDelay")) {
            try {
                delay = Duration.parse(body.get("followUpDelay").asString(""));
            } catch (DateTimeException e) {
                problems.add(new FieldProblem("followUpDelay", "must be an ISO duration such as P1D or PT4H"));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException("The loop settings are not valid", problems);
        }
        return cases.updateSettings(workspaceId, new LoopSettings(days, start, end, sla, survey, delay));
    }

    private static LocalTime time(JsonNode body, String field, LocalTime current, List<FieldProblem> problems) {
        if (!body.has(field)) {
            return current;
        }
        try {
            return LocalTime.parse(body.get(field).asString(""));
        } catch (DateTimeException e) {
            problems.add(new FieldProblem(field, "must be a time HH:MM"));
            return current;
        }
    }

    private static LocalDate date(String value, String field, LocalDate fallback) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            return LocalDate.parse(value);
        } catch (DateTimeException e) {
            throw new InvalidInputException(field, "must be a date YYYY-MM-DD");
        }
    }

    static UUID uuid(JsonNode node, String field) {
        if (node == null || node.isMissingNode() || node.isNull()) {
            return null;
        }
        try {
            return UUID.fromString(node.asString(""));
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(field, "must be an id");
        }
    }

    static Actor actor() {
        Object principal =
                SecurityContextHolder.getContext().getAuthentication().getPrincipal();
        String key = principal instanceof ApiCaller caller ? " " + caller.keyId() : "";
        return new Actor(null, "API key" + key, true);
    }

    /** The list shape of API.md, plus the fields an inbox needs. */
    static Map<String, Object> view(Case k) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("id", k.id());
        v.put("status", k.status());
        v.put("priority", k.priority());
        v.put("userId", k.userId());
        v.put("responseId", k.responseId());
        v.put("openedAt", k.openedAt());
        v.put("dueAt", k.dueAt());
        v.put("number", k.number());
        v.put("title", k.title());
        v.put("ownerId", k.ownerId());
        v.put("slaState", k.slaState());
        v.put("ruleId", k.ruleId());
        return v;
    }

    private Map<String, Object> detail(Case k) {
        Map<String, Object> v = view(k);
        v.put("ownerName", k.ownerName());
        v.put("firstResponseAt", k.firstResponseAt());
        v.put("resolvedAt", k.resolvedAt());
        v.put("closedAt", k.closedAt());
        v.put("escalationLevel", k.escalationLevel());
        v.put("followUpSendId", k.followUpSendId());
        v.put("updatedAt", k.updatedAt());
        v.put("history", cases.history(CurrentWorkspace.id(), k.id()));
        return v;
    }
}

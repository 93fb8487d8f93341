package io.touchpoint.feedback.internal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.touchpoint.customers.Customers;
import io.touchpoint.feedback.ContactRules;
import io.touchpoint.feedback.Distribution;
import io.touchpoint.feedback.ResponseFilter;
import io.touchpoint.feedback.ResponseSubmission;
import io.touchpoint.feedback.Responses;
import io.touchpoint.feedback.Survey;
import io.touchpoint.feedback.SurveyResponse;
import io.touchpoint.feedback.SurveySend;
import io.touchpoint.feedback.SurveyTrigger;
import io.touchpoint.feedback.Surveys;
import io.touchpoint.platform.FieldProblem;
import io.touchpoint.platform.InvalidInputException;
import io.touchpoint.platform.Json;
import io.touchpoint.workspace.CurrentWorkspace;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
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
import tools.jackson.databind.node.ObjectNode;

/** Surveys, their responses, triggers, personal links and the send log, as in API.md. */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "Surveys")
class SurveysApi {

    private final Surveys surveys;
    private final Responses responses;
    private final Distribution distribution;
    private final Customers customers;

    SurveysApi(Surveys surveys, Responses responses, Distribution distribution, Customers customers) {
        this.surveys = surveys;
        this.responses = responses;
        this.distribution = distribution;
        this.customers = customers;
    }

    @PostMapping({"/surveys", "/surveys/import"})
    @Operation(summary = "Create a survey from JSON (also the import of an export)")
    ResponseEntity<ObjectNode> create(@RequestBody JsonNode body) {
        Survey survey = surveys.create(CurrentWorkspace.id(), body);
        return ResponseEntity.status(HttpStatus.CREATED).body(view(survey));
    }

    @GetMapping("/surveys")
    Map<String, List<ObjectNode>> list() {
        return Map.of(
                "items",
                surveys.list(CurrentWorkspace.id()).stream()
                        .map(SurveysApi::view)
                        .toList());
    }

    @GetMapping("/surveys/{id}")
    ObjectNode get(@PathVariable UUID id) {
        return view(surveys.get(CurrentWorkspace.id(), id));
    }

    @PutMapping("/surveys/{id}")
    @Operation(summary = "Replace the questions; a survey that is or was live gets a new version")
    ObjectNode update(@PathVariable UUID id, @RequestBody JsonNode body) {
        return view(surveys.update(CurrentWorkspace.id(), id, body));
    }

    @PostMapping("/surveys/{id}/publish")
    ObjectNode publish(@PathVariable UUID id) {
        return view(surveys.publish(CurrentWorkspace.id(), id));
    }

    @PostMapping("/surveys/{id}/pause")
    ObjectNode pause(@PathVariable UUID id) {
        return view(surveys.pause(CurrentWorkspace.id(), id));
    }

    @GetMapping("/surveys/{id}/export")
    @Operation(summary = "The survey's current version as JSON, in the shape POST /api/v1/surveys takes")
    ResponseEntity<JsonNode> export(@PathVariable UUID id) {
        Survey survey = surveys.get(CurrentWorkspace.id(), id);
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"survey-" + id + ".json\"")
                .body(Json.MAPPER.valueToTree(survey.definition()));
    }

    @PostMapping("/surveys/{id}/responses")
    @Operation(summary = "Record a response collected elsewhere, on behalf of a customer")
    ResponseEntity<SurveyResponse> record(@PathVariable UUID id, @RequestBody JsonNode body) {
        UUID workspaceId = CurrentWorkspace.id();
        List<FieldProblem> problems = new ArrayList<>();
        if (body == null || !body.isObject()) {
            throw new InvalidInputException("", "must be a JSON object");
        }
        UUID customer = null;
        JsonNode userId = body.get("userId");
        if (userId != null && !userId.isNull()) {
            if (!userId.isString() || userId.asString().isBlank()) {
                problems.add(new FieldProblem("userId", "must be a non-empty string"));
            } else {
                customer =
                        customers.findByUserId(workspaceId, userId.asString()).orElse(null);
                if (customer == null) {
                    problems.add(new FieldProblem("userId", "no customer has this userId; identify them first"));
                }
            }
        }
        Map<String, JsonNode> answers = new LinkedHashMap<>();
        JsonNode given = body.get("answers");
        if (given == null || !given.isObject() || given.isEmpty()) {
            problems.add(new FieldProblem("answers", "must be an object of questionId → value"));
        } else {
            given.properties().forEach(e -> answers.put(e.getKey(), e.getValue()));
        }
        Instant submittedAt = null;
        JsonNode at = body.get("submittedAt");
        if (at != null && !at.isNull()) {
            try {
                submittedAt = at.isString() ? Instant.parse(at.asString()) : null;
            } catch (DateTimeParseException e) {
                submittedAt = null;
            }
            if (submittedAt == null) {
                problems.add(new FieldProblem("submittedAt", "must be an ISO-8601 time such as 2026-11-02T10:15:00Z"));
            }
        }
        String channel = text(body, "channel", problems);
        String touchpoint = text(body, "touchpoint", problems);
        String language = text(body, "language", problems);
        String clientKey = text(body, "responseId", problems);
        if (!problems.isEmpty()) {
            throw new InvalidInputException("The response is not valid", problems);
        }
        SurveyResponse saved = responses.submit(
                workspaceId,
                id,
                new ResponseSubmission(
                        null,
                        clientKey,
                        customer,
                        channel == null ? "api" : channel,
                        touchpoint,
                        language,
                        null,
                        false,
                        null,
                        answers,
                        true,
                        submittedAt));
        return ResponseEntity.status(HttpStatus.CREATED).body(saved);
    }

    @GetMapping("/surveys/{id}/responses")
    Map<String, Object> responses(
            @PathVariable UUID id,
            @RequestParam(required = false) String status,
            @RequestParam(required = false) String outcome,
            @RequestParam(required = false) String channel,
            @RequestParam(required = false) String language,
            @RequestParam(defaultValue = "50") int limit,
            @RequestParam(defaultValue = "0") int offset) {
        UUID workspaceId = CurrentWorkspace.id();
        surveys.get(workspaceId, id);
        if (limit < 1 || limit > 500 || offset < 0) {
            throw new InvalidInputException("limit", "limit must be 1 to 500 and offset not negative");
        }
        ResponseFilter filter = new ResponseFilter(id, channel, language, outcome, status, null, null);
        return Map.of(
                "items",
                responses.list(workspaceId, filter, limit, offset),
                "total",
                responses.count(workspaceId, filter));
    }

    @GetMapping("/responses/{responseId}")
    SurveyResponse response(@PathVariable UUID responseId) {
        return responses
                .get(CurrentWorkspace.id(), responseId)
                .orElseThrow(() -> new io.touchpoint.platform.NotFoundException("No response " + responseId));
    }

    /** A trigger as sent: {@code {"event":"Order Delivered","delay":"P3D","channel":"email","samplePct":50}}. */
    record TriggerRequest(String event, String delay, String channel, Integer samplePct, UUID segmentId) {}

    @PostMapping("/surveys/{id}/triggers")
    @Operation(summary = "Send the survey when an event happens, after a delay (ISO-8601 duration)")
    ResponseEntity<SurveyTrigger> addTrigger(@PathVariable UUID id, @RequestBody TriggerRequest request) {
        Duration delay;
        try {
            delay = request.delay() == null ? Duration.ZERO : Duration.parse(request.delay());
        } catch (DateTimeParseException e) {
            throw new InvalidInputException("delay", "must be an ISO-8601 duration such as P3D or PT2H");
        }
        SurveyTrigger trigger = distribution.addTrigger(
                CurrentWorkspace.id(),
                id,
                request.event(),
                delay,
                request.channel(),
                request.samplePct(),
                request.segmentId());
        return ResponseEntity.status(HttpStatus.CREATED).body(trigger);
    }

    @GetMapping("/surveys/{id}/triggers")
    Map<String, List<SurveyTrigger>> triggers(@PathVariable UUID id) {
        return Map.of("items", distribution.triggers(CurrentWorkspace.id(), id));
    }

    @DeleteMapping("/surveys/{id}/triggers/{triggerId}")
    ResponseEntity<Void> removeTrigger(@PathVariable UUID id, @PathVariable UUID triggerId) {
        distribution.removeTrigger(CurrentWorkspace.id(), id, triggerId);
        return ResponseEntity.noContent().build();
    }

    /** {@code {"enabled": false}} pauses a trigger: no new sends are planned until it is enabled again. */
    record TriggerUpdate(Boolean enabled) {}

    @PatchMapping("/surveys/{id}/triggers/{triggerId}")
    @Operation(summary = "Pause or resume a trigger")
    Map<String, Object> updateTrigger(
            @PathVariable UUID id, @PathVariable UUID triggerId, @RequestBody TriggerUpdate update) {
        if (update == null || update.enabled() == null) {
            throw new InvalidInputException("enabled", "must be true or false");
        }
        distribution.setTriggerEnabled(CurrentWorkspace.id(), id, triggerId, update.enabled());
        return Map.of("id", triggerId, "enabled", update.enabled());
    }

    @GetMapping("/surveys/{id}/sends")
    @Operation(summary = "Planned, sent and skipped invitations, with the reason for each skip")
    Map<String, List<SurveySend>> sends(
            @PathVariable UUID id,
            @RequestParam(required = false) String status,
            @RequestParam(defaultValue = "100") int limit) {
        return Map.of(
                "items", distribution.sends(CurrentWorkspace.id(), id, status, Math.min(Math.max(limit, 1), 1000)));
    }

    /** A personal link request: {@code {"userId":"u1","expiresInDays":30,"singleUse":true,"language":"ko"}}. */
    record LinkRequest(String userId, Integer expiresInDays, Boolean singleUse, String language) {}

    @PostMapping("/surveys/{id}/links")
    @Operation(summary = "A signed personal link that ties answers to the customer without a login")
    ResponseEntity<Map<String, String>> link(@PathVariable UUID id, @RequestBody LinkRequest request) {
        UUID workspaceId = CurrentWorkspace.id();
        UUID customer = null;
        if (request.userId() != null) {
            customer = customers
                    .findByUserId(workspaceId, request.userId())
                    .orElseThrow(() -> new InvalidInputException("userId", "no customer has this userId"));
        }
        Duration validity = request.expiresInDays() == null ? null : Duration.ofDays(request.expiresInDays());
        String url = distribution.personalLink(
                workspaceId,
                id,
                customer,
                validity,
                request.singleUse() == null || request.singleUse(),
                request.language());
        return ResponseEntity.status(HttpStatus.CREATED).body(Map.of("url", url));
    }

    @GetMapping("/feedback/contact-rules")
    ContactRules rules() {
        return distribution.rules(CurrentWorkspace.id());
    }

    @PutMapping("/feedback/contact-rules")
    ContactRules updateRules(@RequestBody ContactRules rules) {
        return distribution.updateRules(CurrentWorkspace.id(), rules);
    }

    static ObjectNode view(Survey survey) {
        ObjectNode node = Json.object();
        node.put("id", survey.id().toString());
        node.put("status", survey.status());
        node.put("version", survey.version());
        node.put("responses", survey.responses());
        node.put("createdAt", survey.createdAt().toString());
        node.put("updatedAt", survey.updatedAt().toString());
        node.setAll((ObjectNode) Json.MAPPER.valueToTree(survey.definition()));
        return node;
    }

    private static String text(JsonNode body, String field, List<FieldProblem> problems) {
        JsonNode value = body.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isString()) {
            problems.add(new FieldProblem(field, "must be a string"));
            return null;
        }
        return value.asString();
    }
}

package io.touchpoint.feedback.internal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.touchpoint.feedback.SurveyDefinition;
import io.touchpoint.feedback.SurveyResponse;
import io.touchpoint.feedback.Surveys;
import io.touchpoint.platform.FieldProblem;
import io.touchpoint.platform.InvalidInputException;
import io.touchpoint.platform.Json;
import io.touchpoint.platform.NotFoundException;
import io.touchpoint.workspace.CurrentWorkspace;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The web widget's endpoints (public write key or secret key, under {@code /v1/widget}) and the
 * widget targeting of a survey (secret key, {@code /api/v1/surveys/{id}/widget}).
 */
@RestController
@Tag(name = "Widget", description = "The web survey widget: which survey to show, answers, dismissals")
class WidgetApi {

    /** Answered with a 204 to tell a developer why no survey was shown (a code, never personal data). */
    static final String REASON_HEADER = "Touchpoint-Widget-Reason";

    static final int MAX_ID = 200;
    static final int MAX_URL = 2048;
    static final int MAX_EVENTS = 50;
    static final int MAX_EVENT = 200;
    static final int MAX_PATTERN = 500;
    static final int MAX_DELAY = 3600;
    private static final Pattern LANGUAGE = Pattern.compile("[A-Za-z]{2}([-_][A-Za-z0-9]{2,8})*");
    private static final Pattern CLIENT_KEY = Pattern.compile("[A-Za-z0-9_-]{8,100}");

    private final WidgetVisits visits;
    private final WidgetRepository widgets;
    private final Surveys surveys;
    private final Clock clock;

    WidgetApi(WidgetVisits visits, WidgetRepository widgets, Surveys surveys, Clock clock) {
        this.visits = visits;
        this.widgets = widgets;
        this.surveys = surveys;
        this.clock = clock;
    }

    @GetMapping("/v1/widget/survey")
    @Operation(
            summary = "The survey to show this visitor on this page now, or 204",
            description = "A triggered widget send waiting for the person comes first, then a live survey whose "
                    + "widget targeting matches the page; the workspace's contact rules apply to both. Showing a "
                    + "survey records the contact. A 204 carries the reason code in " + REASON_HEADER + ".")
    ResponseEntity<ObjectNode> survey(
            @RequestParam(required = false) String anonymousId,
            @RequestParam(required = false) String userId,
            @RequestParam(required = false) String url,
            @RequestParam(required = false) String events,
            @RequestParam(required = false) String lang,
            @RequestHeader(name = HttpHeaders.ACCEPT_LANGUAGE, required = false) String acceptLanguage) {
        List<FieldProblem> problems = new ArrayList<>();
        WidgetVisits.Visitor visitor = visitor(userId, anonymousId, problems);
        if (url != null && url.length() > MAX_URL) {
            problems.add(new FieldProblem("url", "must be at most " + MAX_URL + " characters"));
        }
        Set<String> tracked = new LinkedHashSet<>();
        if (events != null) {
            for (String event : events.split(",")) {
                if (!event.isBlank()) {
                    tracked.add(event.strip());
                }
            }
            if (tracked.size() > MAX_EVENTS || tracked.stream().anyMatch(e -> e.length() > MAX_EVENT)) {
                problems.add(new FieldProblem(
                        "events",
                        "must be at most " + MAX_EVENTS + " event names of at most " + MAX_EVENT + " characters"));
            }
        }
        if (lang != null && !lang.isBlank() && !LANGUAGE.matcher(lang).matches()) {
            problems.add(new FieldProblem("lang", "must be a language code such as ko or en"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException("The widget request is not valid", problems);
        }
        WidgetVisits.Decision decision = visits.decide(
                CurrentWorkspace.id(),
                visitor,
                new WidgetVisits.PageView(url, tracked, blankToNull(lang), acceptLanguage));
        if (decision.display() == null) {
            return ResponseEntity.noContent()
                    .cacheControl(CacheControl.noStore())
                    .header(REASON_HEADER, decision.reason())
                    .build();
        }
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(view(decision.display()));
    }

    @PostMapping("/v1/widget/responses")
    @Operation(
            summary = "Save the answers given in the widget so far; finished closes the response",
            description = "responseId is chosen by the widget (a UUID per display): sending it again continues "
                    + "the same response, and a retry of a finished response returns it unchanged.")
    Map<String, Object> answer(@RequestBody JsonNode body) {
        List<FieldProblem> problems = new ArrayList<>();
        JsonNode json = object(body);
        UUID surveyId = surveyId(json, problems);
        String clientKey = clientKey(json, problems);
        WidgetVisits.Visitor visitor =
                visitor(text(json, "userId", problems), text(json, "anonymousId", problems), problems);
        Map<String, JsonNode> answers = new LinkedHashMap<>();
        JsonNode given = json.get("answers");
        if (given == null || !given.isObject()) {
            problems.add(new FieldProblem("answers", "must be an object of questionId → value"));
        } else {
            given.properties().forEach(e -> answers.put(e.getKey(), e.getValue()));
        }
        JsonNode finished = json.get("finished");
        if (finished != null && !finished.isNull() && !finished.isBoolean()) {
            problems.add(new FieldProblem("finished", "must be true or false"));
        }
        String language = text(json, "language", problems);
        String url = text(json, "url", problems);
        if (url != null && url.length() > MAX_URL) {
            problems.add(new FieldProblem("url", "must be at most " + MAX_URL + " characters"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException("The response is not valid", problems);
        }
        SurveyResponse saved = visits.answer(
                CurrentWorkspace.id(),
                surveyId,
                clientKey,
                visitor,
                answers,
                finished != null && finished.asBoolean(),
                language);
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("id", saved.id());
        view.put("responseId", clientKey);
        view.put("partial", saved.partial());
        view.put("outcome", saved.outcome());
        return view;
    }

    @PostMapping("/v1/widget/dismissals")
    @Operation(summary = "Record that the visitor closed the survey without finishing it")
    ResponseEntity<Void> dismiss(@RequestBody JsonNode body) {
        List<FieldProblem> problems = new ArrayList<>();
        JsonNode json = object(body);
        UUID surveyId = surveyId(json, problems);
        String clientKey = clientKey(json, problems);
        WidgetVisits.Visitor visitor =
                visitor(text(json, "userId", problems), text(json, "anonymousId", problems), problems);
        String url = text(json, "url", problems);
        if (url != null && url.length() > MAX_URL) {
            problems.add(new FieldProblem("url", "must be at most " + MAX_URL + " characters"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException("The dismissal is not valid", problems);
        }
        visits.dismiss(CurrentWorkspace.id(), surveyId, clientKey, visitor, url);
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/api/v1/surveys/{id}/widget")
    @Operation(summary = "The survey's widget targeting")
    SurveyWidget widget(@PathVariable UUID id) {
        UUID workspaceId = CurrentWorkspace.id();
        surveys.get(workspaceId, id);
        return widgets.find(workspaceId, id)
                .orElseThrow(() -> new NotFoundException("Survey " + id + " has no widget targeting yet"));
    }

    @PutMapping("/api/v1/surveys/{id}/widget")
    @Operation(
            summary = "Set where and when the web widget shows the survey",
            description = "{\"enabled\":true,\"urlPattern\":\"/orders/*\",\"event\":\"Order Completed\","
                    + "\"delaySeconds\":5,\"samplePct\":50}; every field is optional. urlPattern is a glob: one "
                    + "starting with / is matched against the path, any other against the whole address.")
    SurveyWidget setWidget(@PathVariable UUID id, @RequestBody JsonNode body) {
        UUID workspaceId = CurrentWorkspace.id();
        surveys.get(workspaceId, id);
        JsonNode json = object(body);
        List<FieldProblem> problems = new ArrayList<>();
        JsonNode enabled = json.get("enabled");
        if (enabled != null && !enabled.isNull() && !enabled.isBoolean()) {
            problems.add(new FieldProblem("enabled", "must be true or false"));
        }
        String pattern = blankToNull(text(json, "urlPattern", problems));
        if (pattern != null
                && (pattern.length() > MAX_PATTERN || pattern.chars().anyMatch(Character::isWhitespace))) {
            problems.add(new FieldProblem(
                    "urlPattern",
                    "must be a glob without spaces of at most " + MAX_PATTERN
                            + " characters, e.g. /orders/* or *checkout*"));
        }
        String event = blankToNull(text(json, "event", problems));
        if (event != null && (event.length() > MAX_EVENT || event.contains(","))) {
            problems.add(new FieldProblem(
                    "event", "must be one event name without commas of at most " + MAX_EVENT + " characters"));
        }
        int delay = integer(json, "delaySeconds", 0, 0, MAX_DELAY, problems);
        int pct = integer(json, "samplePct", 100, 1, 100, problems);
        if (!problems.isEmpty()) {
            throw new InvalidInputException("The widget targeting is not valid", problems);
        }
        widgets.save(
                workspaceId,
                new SurveyWidget(
                        id,
                        enabled == null || enabled.isNull() || enabled.asBoolean(),
                        pattern == null ? null : pattern.strip(),
                        event == null ? null : event.strip(),
                        delay,
                        pct,
                        null,
                        null),
                clock.instant());
        return widgets.find(workspaceId, id).orElseThrow();
    }

    /** The survey as the widget needs it: no internal name, with the language to ask in and the delay. */
    private static ObjectNode view(WidgetVisits.Display display) {
        SurveyDefinition definition = display.survey().definition();
        ObjectNode node = Json.object();
        node.put("id", display.survey().id().toString());
        node.put("version", display.survey().version());
        node.put("language", display.language());
        node.set("languages", Json.MAPPER.valueToTree(definition.languages()));
        node.put("delay", display.delaySeconds());
        ObjectNode questions = (ObjectNode) Json.MAPPER.valueToTree(definition);
        node.set("defaultLanguage", questions.get("defaultLanguage"));
        node.set("questions", questions.get("questions"));
        if (questions.has("thankYou")) {
            node.set("thankYou", questions.get("thankYou"));
        }
        return node;
    }

    private static WidgetVisits.Visitor visitor(String userId, String anonymousId, List<FieldProblem> problems) {
        String user = blankToNull(userId);
        String anonymous = blankToNull(anonymousId);
        if (user == null && anonymous == null) {
            problems.add(new FieldProblem("anonymousId", "anonymousId or userId is required"));
        }
        if (user != null && user.length() > MAX_ID) {
            problems.add(new FieldProblem("userId", "must be at most " + MAX_ID + " characters"));
        }
        if (anonymous != null && anonymous.length() > MAX_ID) {
            problems.add(new FieldProblem("anonymousId", "must be at most " + MAX_ID + " characters"));
        }
        return new WidgetVisits.Visitor(
                user == null ? null : user.strip(), anonymous == null ? null : anonymous.strip());
    }

    private static JsonNode object(JsonNode body) {
        if (body == null || !body.isObject()) {
            throw new InvalidInputException("body", "must be a JSON object");
        }
        return body;
    }

    private static UUID surveyId(JsonNode json, List<FieldProblem> problems) {
        if (!json.hasNonNull("surveyId")) {
            problems.add(new FieldProblem("surveyId", "is required"));
            return null;
        }
        String text = text(json, "surveyId", problems);
        if (text == null) {
            return null;
        }
        try {
            return UUID.fromString(text);
        } catch (IllegalArgumentException e) {
            problems.add(new FieldProblem("surveyId", "must be a survey id"));
            return null;
        }
    }

    private static String clientKey(JsonNode json, List<FieldProblem> problems) {
        JsonNode value = json.get("responseId");
        if (value == null
                || !value.isString()
                || !CLIENT_KEY.matcher(value.asString()).matches()) {
            problems.add(
                    new FieldProblem(
                            "responseId",
                            "must be an id the widget chose for this display, such as a UUID (8 to 100 letters, digits, - or _)"));
            return null;
        }
        return value.asString();
    }

    private static String text(JsonNode json, String field, List<FieldProblem> problems) {
        JsonNode value = json.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isString()) {
            problems.add(new FieldProblem(field, "must be a string"));
            return null;
        }
        return value.asString();
    }

    private static int integer(
            JsonNode json, String field, int fallback, int min, int max, List<FieldProblem> problems) {
        JsonNode value = json.get(field);
        if (value == null || value.isNull()) {
            return fallback;
        }
        if (!value.isIntegralNumber() || value.asLong() < min || value.asLong() > max) {
            problems.add(new FieldProblem(field, "must be a whole number from " + min + " to " + max));
            return fallback;
        }
        return value.asInt();
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}

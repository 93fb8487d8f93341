package io.touchpoint.loop.internal;

import io.touchpoint.loop.CasePriority;
import io.touchpoint.loop.RuleDefinition;
import io.touchpoint.loop.RuleDefinition.Action;
import io.touchpoint.loop.RuleDefinition.When;
import io.touchpoint.platform.FieldProblem;
import io.touchpoint.platform.InvalidInputException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;

/**
 * Reads a rule from JSON and refuses what cannot work, naming the field: a score outside its
 * scale, an empty word, an event count below one, an action without what it needs.
 */
public final class RuleChecks {

    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");
    private static final Pattern TRAIT = Pattern.compile("[A-Za-z_][A-Za-z0-9_.-]{0,63}");
    private static final Set<String> WHEN_FIELDS =
            Set.of("type", "max", "word", "event", "atLeast", "withinDays", "theme");

    private RuleChecks() {}

    /** A checked name: 1 to 100 characters. */
    public static String name(String name, List<FieldProblem> problems) {
        if (name == null || name.isBlank() || name.strip().length() > 100) {
            problems.add(new FieldProblem("name", "must be 1 to 100 characters"));
            return null;
        }
        return name.strip();
    }

    /** Parses {@code {"when":{…}, "segmentId":…, "actions":[…]}}, adding each problem found. */
    public static RuleDefinition definition(JsonNode body, List<FieldProblem> problems) {
        When when = when(body.path("when"), problems);
        UUID segmentId = null;
        JsonNode segment = body.path("segmentId");
        if (!segment.isMissingNode() && !segment.isNull()) {
            try {
                segmentId = UUID.fromString(segment.asString());
            } catch (IllegalArgumentException e) {
                problems.add(new FieldProblem("segmentId", "must be a segment id"));
            }
        }
        List<Action> actions = new ArrayList<>();
        JsonNode list = body.path("actions");
        if (!list.isArray() || list.isEmpty()) {
            problems.add(new FieldProblem("actions", "must list at least one action: " + Action.TYPES));
        } else if (list.size() > 10) {
            problems.add(new FieldProblem("actions", "must list at most 10 actions"));
        } else {
            for (int i = 0; i < list.size(); i++) {
                Action action = action(list.get(i), "actions[" + i + "]", problems);
                if (action != null) {
                    actions.add(action);
                }
                boolean needsCustomer = action != null
                        && (Action.TAG.equals(action.type()) || Action.TIMELINE_NOTE.equals(action.type()));
                if (needsCustomer && when != null && When.THEME_RISES.equals(when.type())) {
                    problems.add(new FieldProblem(
                            "actions[" + i + "].type",
                            "a rising theme is about many customers, not one: use open_case, notify_email or webhook"));
                }
            }
        }
        return when == null ? null : new RuleDefinition(when, segmentId, actions);
    }

    /** Throws when anything was wrong. */
    public static void throwIfAny(List<FieldProblem> problems) {
        if (!problems.isEmpty()) {
            throw new InvalidInputException(
                    "The rule is not valid: "
                            + problems.stream()
                                    .map(p -> p.field() + " " + p.message())
                                    .reduce((a, b) -> a + "; " + b)
                                    .orElse(""),
                    problems);
        }
    }

    static When when(JsonNode node, List<FieldProblem> problems) {
        if (!node.isObject()) {
            problems.add(new FieldProblem("when", "must be an object with a type: " + When.TYPES));
            return null;
        }
        for (String field : node.propertyNames()) {
            if (!WHEN_FIELDS.contains(field)) {
                problems.add(new FieldProblem("when." + field, "is not a condition field; use " + WHEN_FIELDS));
            }
        }
        String type = node.path("type").asString("");
        int before = problems.size();
        switch (type) {
            case When.NPS -> score(node, 0, 10, problems);
            case When.CSAT -> score(node, 1, 10, problems);
            case When.CES -> score(node, 1, 7, problems);
            case When.COMMENT -> {
                String word = node.path("word").asString("").strip();
                if (word.isEmpty() || word.length() > 100) {
                    problems.add(new FieldProblem("when.word", "must be a word or phrase of 1 to 100 characters"));
                }
            }
            case When.THEME, When.THEME_RISES -> {
                String theme = node.path("theme").asString("").strip();
                if (theme.isEmpty() || theme.length() > 100) {
                    problems.add(new FieldProblem("when.theme", "must name a theme of the workspace's taxonomy"));
                }
            }
            case When.EVENT -> {
                String event = node.path("event").asString("").strip();
                if (event.isEmpty() || event.length() > 200) {
                    problems.add(new FieldProblem("when.event", "must name an event, e.g. Order Delayed"));
                }
                whole(node, "atLeast", 1, 100, problems);
                whole(node, "withinDays", 1, 365, problems);
            }
            default -> problems.add(new FieldProblem("when.type", "must be one of " + When.TYPES));
        }
        if (problems.size() > before) {
            return null;
        }
        return switch (type) {
            case When.COMMENT -> new When(
                    type, null, node.path("word").asString().strip(), null, null, null, null);
            case When.THEME, When.THEME_RISES -> new When(
                    type,
                    null,
                    null,
                    null,
                    null,
                    null,
                    node.path("theme").asString().strip());
            case When.EVENT -> new When(
                    type,
                    null,
                    null,
                    node.path("event").asString().strip(),
                    node.path("atLeast").asInt(),
                    node.path("withinDays").asInt(),
                    null);
            default -> new When(type, node.path("max").asDouble(), null, null, null, null, null);
        };
    }

    private static void score(JsonNode node, int low, int high, List<FieldProblem> problems) {
        JsonNode max = node.path("max");
        if (!max.isNumber() || max.asDouble() < low || max.asDouble() > high) {
            problems.add(new FieldProblem(
                    "when.max",
                    "must be a score from " + low + " to " + high + " for "
                            + node.path("type").asString()));
        }
    }

    private static void whole(JsonNode node, String field, int low, int high, List<FieldProblem> problems) {
        JsonNode value = node.path(field);
        if (!value.isIntegralNumber() || value.asInt() < low || value.asInt() > high) {
            problems.add(new FieldProblem("when." + field, "must be a whole number from " + low + " to " + high));
        }
    }

    static Action action(JsonNode node, String path, List<FieldProblem> problems) {
        String type = node.path("type").asString("");
        int before = problems.size();
        switch (type) {
            case Action.OPEN_CASE -> {
                String priority = node.path("priority").asString(CasePriority.NORMAL);
                if (!CasePriority.ALL.contains(priority)) {
                    problems.add(new FieldProblem(path + ".priority", "must be one of " + CasePriority.ALL));
                }
                return problems.size() > before ? null : new Action(type, priority, null, null, null, null);
            }
            case Action.NOTIFY_EMAIL -> {
                List<String> to = new ArrayList<>();
                JsonNode list = node.path("to");
                if (!list.isArray() || list.isEmpty() || list.size() > 20) {
                    problems.add(new FieldProblem(path + ".to", "must list 1 to 20 email addresses"));
                } else {
                    for (JsonNode address : list) {
                        String a = address.asString("").strip();
                        if (!EMAIL.matcher(a).matches() || a.length() > 254) {
                            problems.add(new FieldProblem(path + ".to", "'" + a + "' is not an email address"));
                        }
                        to.add(a);
                    }
                }
                return problems.size() > before ? null : new Action(type, null, to, null, null, null);
            }
            case Action.WEBHOOK -> {
                return new Action(type, null, null, null, null, null);
            }
            case Action.TAG -> {
                String trait = node.path("trait").asString("").strip();
                if (!TRAIT.matcher(trait).matches()) {
                    problems.add(new FieldProblem(
                            path + ".trait", "must be a trait name (letters, digits, _ . -), up to 64 characters"));
                }
                String value = node.path("value").asString("true").strip();
                if (value.isEmpty() || value.length() > 200) {
                    problems.add(new FieldProblem(path + ".value", "must be 1 to 200 characters"));
                }
                return problems.size() > before ? null : new Action(type, null, null, trait, value, null);
            }
            case Action.TIMELINE_NOTE -> {
                String text = node.path("text").asString("").strip();
                if (text.isEmpty() || text.length() > 500) {
                    problems.add(new FieldProblem(path + ".text", "must be 1 to 500 characters"));
                }
                return problems.size() > before ? null : new Action(type, null, null, null, null, text);
            }
            default -> {
                problems.add(new FieldProblem(path + ".type", "must be one of " + Action.TYPES));
                return null;
            }
        }
    }
}

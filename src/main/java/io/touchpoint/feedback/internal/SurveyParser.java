package io.touchpoint.feedback.internal;

import io.touchpoint.feedback.Choice;
import io.touchpoint.feedback.Question;
import io.touchpoint.feedback.QuestionType;
import io.touchpoint.feedback.ShowIf;
import io.touchpoint.feedback.SurveyDefinition;
import io.touchpoint.platform.FieldProblem;
import io.touchpoint.platform.InvalidInputException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;

/**
 * Reads a survey from its JSON form and checks every rule, naming each failing field the way a
 * form shows it ({@code questions[1].scale}). Plain Java, no framework.
 */
public final class SurveyParser {

    public static final int MAX_QUESTIONS = 50;
    public static final int DEFAULT_TEXT_LENGTH = 2000;
    public static final int MAX_TEXT_LENGTH = 10_000;
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9_-]{1,40}");
    private static final Pattern LANGUAGE = Pattern.compile("[a-z]{2}(-[A-Z]{2})?");
    private static final Set<String> OUTCOMES = Set.of("promoter", "passive", "detractor", "default");

    private final List<FieldProblem> problems = new ArrayList<>();

    private SurveyParser() {}

    /** @throws InvalidInputException listing every failing field */
    public static SurveyDefinition parse(JsonNode json) {
        SurveyParser parser = new SurveyParser();
        SurveyDefinition definition = parser.survey(json);
        if (!parser.problems.isEmpty()) {
            throw new InvalidInputException("The survey is not valid", parser.problems);
        }
        return definition;
    }

    private SurveyDefinition survey(JsonNode json) {
        if (json == null || !json.isObject()) {
            problems.add(new FieldProblem("", "must be a JSON object"));
            return null;
        }
        String name = text(json, "name", "name", 200, true);
        String language = text(json, "defaultLanguage", "defaultLanguage", 5, false);
        if (language == null) {
            language = "ko";
        } else if (!LANGUAGE.matcher(language).matches()) {
            problems.add(new FieldProblem("defaultLanguage", "must be a language code such as ko or en"));
        }
        List<Question> questions = new ArrayList<>();
        JsonNode list = json.get("questions");
        if (list == null || !list.isArray() || list.isEmpty()) {
            problems.add(new FieldProblem("questions", "must be a non-empty array"));
        } else if (list.size() > MAX_QUESTIONS) {
            problems.add(new FieldProblem("questions", "must have at most " + MAX_QUESTIONS + " questions"));
        } else {
            Set<String> seen = new HashSet<>();
            for (int i = 0; i < list.size(); i++) {
                Question question = question(list.get(i), "questions[" + i + "]", language, seen, questions);
                if (question != null) {
                    questions.add(question);
                }
            }
        }
        Map<String, Map<String, String>> thankYou = null;
        JsonNode thanks = json.get("thankYou");
        if (thanks != null && !thanks.isNull()) {
            if (!thanks.isObject()) {
                problems.add(new FieldProblem("thankYou", "must be an object of outcome → texts"));
            } else {
                thankYou = new LinkedHashMap<>();
                for (var entry : thanks.properties()) {
                    String field = "thankYou." + entry.getKey();
                    if (!OUTCOMES.contains(entry.getKey())) {
                        problems.add(new FieldProblem(field, "must be one of promoter, passive, detractor, default"));
                        continue;
                    }
                    Map<String, String> texts = texts(entry.getValue(), field, language, 1000);
                    if (texts != null) {
                        thankYou.put(entry.getKey(), texts);
                    }
                }
            }
        }
        Integer recontact = integer(json, "recontactDays", "recontactDays", 0, 3650);
        return new SurveyDefinition(name, language, List.copyOf(questions), thankYou, recontact);
    }

    private Question question(JsonNode json, String at, String language, Set<String> seen, List<Question> before) {
        if (json == null || !json.isObject()) {
            problems.add(new FieldProblem(at, "must be an object"));
            return null;
        }
        int problemsBefore = problems.size();
        String id = text(json, "id", at + ".id", 40, true);
        if (id != null && !ID.matcher(id).matches()) {
            problems.add(new FieldProblem(at + ".id", "may use letters, digits, _ and - only"));
        } else if (id != null && !seen.add(id)) {
            problems.add(new FieldProblem(at + ".id", "is used by another question"));
        }
        String typeKey = text(json, "type", at + ".type", 20, true);
        QuestionType type = typeKey == null ? null : QuestionType.of(typeKey).orElse(null);
        if (typeKey != null && type == null) {
            problems.add(new FieldProblem(
                    at + ".type", "must be one of nps, csat, ces, rating, single_choice, multi_choice, text"));
        }
        Map<String, String> wording = texts(json.get("text"), at + ".text", language, 1000);
        Integer scale = integer(json, "scale", at + ".scale", 2, 10);
        String direction = text(json, "direction", at + ".direction", 20, false);
        List<Choice> options = null;
        Integer maxLength = integer(json, "maxLength", at + ".maxLength", 1, MAX_TEXT_LENGTH);
        if (type != null) {
            switch (type) {
                case NPS -> {
                    if (scale != null && scale != 10) {
                        problems.add(new FieldProblem(at + ".scale", "NPS is always asked from 0 to 10"));
                    }
                    scale = 10;
                }
                case CSAT -> {
                    scale = scale == null ? 5 : scale;
                    if (scale != 5 && scale != 7 && scale != 10) {
                        problems.add(new FieldProblem(at + ".scale", "CSAT scales are 1–5, 1–7 or 1–10"));
                    }
                }
                case CES -> {
                    if (scale != null && scale != 7) {
                        problems.add(new FieldProblem(at + ".scale", "CES is asked from 1 to 7"));
                    }
                    scale = 7;
                    direction = direction == null ? Question.HIGHER_IS_EASIER : direction;
                    if (!direction.equals(Question.HIGHER_IS_EASIER) && !direction.equals(Question.HIGHER_IS_HARDER)) {
                        problems.add(
                                new FieldProblem(at + ".direction", "must be higher_is_easier or higher_is_harder"));
                    }
                }
                case RATING -> {
                    scale = scale == null ? 5 : scale;
                    if (scale < 3) {
                        problems.add(new FieldProblem(at + ".scale", "must be 3 to 10"));
                    }
                }
                case SINGLE_CHOICE, MULTI_CHOICE -> options = options(json.get("options"), at, language);
                case TEXT -> maxLength = maxLength == null ? DEFAULT_TEXT_LENGTH : maxLength;
            }
            if (type != QuestionType.CES && json.has("direction")) {
                problems.add(new FieldProblem(at + ".direction", "applies to ces questions only"));
                direction = null;
            }
            if (!type.scored() && json.has("scale")) {
                problems.add(new FieldProblem(at + ".scale", "applies to score questions only"));
                scale = null;
            }
            if ((type != QuestionType.SINGLE_CHOICE && type != QuestionType.MULTI_CHOICE) && json.has("options")) {
                problems.add(new FieldProblem(at + ".options", "apply to choice questions only"));
            }
            if (type != QuestionType.TEXT && json.has("maxLength")) {
                problems.add(new FieldProblem(at + ".maxLength", "applies to text questions only"));
                maxLength = null;
            }
        }
        boolean required = type != null && type != QuestionType.TEXT && type != QuestionType.MULTI_CHOICE;
        JsonNode requiredNode = json.get("required");
        if (requiredNode != null && !requiredNode.isNull()) {
            if (requiredNode.isBoolean()) {
                required = requiredNode.asBoolean();
            } else {
                problems.add(new FieldProblem(at + ".required", "must be true or false"));
            }
        }
        ShowIf showIf = showIf(json.get("showIf"), at + ".showIf", before);
        if (problems.size() > problemsBefore) {
            return null;
        }
        return new Question(id, type.key(), wording, scale, direction, options, required, showIf, maxLength);
    }

    private List<Choice> options(JsonNode json, String at, String language) {
        if (json == null || !json.isArray() || json.size() < 2 || json.size() > 30) {
            problems.add(new FieldProblem(at + ".options", "must be an array of 2 to 30 options"));
            return null;
        }
        List<Choice> options = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < json.size(); i++) {
            String field = at + ".options[" + i + "]";
            JsonNode option = json.get(i);
            if (!option.isObject()) {
                problems.add(new FieldProblem(field, "must be an object with id and text"));
                continue;
            }
            String id = text(option, "id", field + ".id", 40, true);
            if (id != null && !ID.matcher(id).matches()) {
                problems.add(new FieldProblem(field + ".id", "may use letters, digits, _ and - only"));
            } else if (id != null && !ids.add(id)) {
                problems.add(new FieldProblem(field + ".id", "is used by another option"));
            }
            Map<String, String> texts = texts(option.get("text"), field + ".text", language, 300);
            options.add(new Choice(id, texts));
        }
        return List.copyOf(options);
    }

    private ShowIf showIf(JsonNode json, String at, List<Question> before) {
        if (json == null || json.isNull()) {
            return null;
        }
        if (!json.isObject()) {
            problems.add(new FieldProblem(at, "must be an object with question, min and/or max"));
            return null;
        }
        String question = text(json, "question", at + ".question", 40, true);
        Integer min = integer(json, "min", at + ".min", 0, 10);
        Integer max = integer(json, "max", at + ".max", 0, 10);
        if (question != null) {
            Question target = before.stream()
                    .filter(q -> q.id().equals(question))
                    .findFirst()
                    .orElse(null);
            if (target == null) {
                problems.add(new FieldProblem(at + ".question", "must name a score question asked before this one"));
            } else if (!target.kind().scored()) {
                problems.add(new FieldProblem(at + ".question", "must name a score question (nps, csat, ces, rating)"));
            }
        }
        if (min == null && max == null) {
            problems.add(new FieldProblem(at, "needs min, max or both"));
        } else if (min != null && max != null && min > max) {
            problems.add(new FieldProblem(at, "min must not be above max"));
        }
        return new ShowIf(question, min, max);
    }

    private Map<String, String> texts(JsonNode json, String at, String language, int maxLength) {
        if (json == null || !json.isObject() || json.isEmpty()) {
            problems.add(
                    new FieldProblem(at, "must be an object of language → text, e.g. {\"ko\":\"…\",\"en\":\"…\"}"));
            return null;
        }
        Map<String, String> texts = new LinkedHashMap<>();
        for (var entry : json.properties()) {
            String field = at + "." + entry.getKey();
            if (!LANGUAGE.matcher(entry.getKey()).matches()) {
                problems.add(new FieldProblem(field, "is not a language code such as ko or en"));
            } else if (!entry.getValue().isString()
                    || entry.getValue().asString().isBlank()) {
                problems.add(new FieldProblem(field, "must be non-empty text"));
            } else if (entry.getValue().asString().length() > maxLength) {
                problems.add(new FieldProblem(field, "must be at most " + maxLength + " characters"));
            } else {
                texts.put(entry.getKey(), entry.getValue().asString().strip());
            }
        }
        if (!json.has(language)) {
            problems.add(new FieldProblem(at + "." + language, "is missing: the default language must be written"));
        }
        return texts;
    }

    private String text(JsonNode json, String name, String at, int maxLength, boolean required) {
        JsonNode value = json.get(name);
        if (value == null || value.isNull()) {
            if (required) {
                problems.add(new FieldProblem(at, "is required"));
            }
            return null;
        }
        if (!value.isString()) {
            problems.add(new FieldProblem(at, "must be a string"));
            return null;
        }
        String text = value.asString().strip();
        if (text.isEmpty() && required) {
            problems.add(new FieldProblem(at, "is required"));
            return null;
        }
        if (text.length() > maxLength) {
            problems.add(new FieldProblem(at, "must be at most " + maxLength + " characters"));
            return null;
        }
        return text;
    }

    private Integer integer(JsonNode json, String name, String at, int min, int max) {
        JsonNode value = json.get(name);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isIntegralNumber() || value.asLong() < min || value.asLong() > max) {
            problems.add(new FieldProblem(at, "must be a whole number from " + min + " to " + max));
            return null;
        }
        return value.asInt();
    }
}

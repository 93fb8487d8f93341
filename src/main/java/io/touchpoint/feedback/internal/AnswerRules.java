package io.touchpoint.feedback.internal;

import io.touchpoint.feedback.AnswerValue;
import io.touchpoint.feedback.Question;
import io.touchpoint.feedback.QuestionType;
import io.touchpoint.feedback.SurveyDefinition;
import io.touchpoint.platform.FieldProblem;
import io.touchpoint.platform.InvalidInputException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * Checks answers against a survey version (types, ranges, known options, skip logic, required
 * questions) and turns them into typed rows. Plain Java.
 */
public final class AnswerRules {

    private AnswerRules() {}

    /**
     * @param answers  question id → JSON value; null or JSON null means "not answered"
     * @param complete whether this is the finished response (then every shown required question must be answered)
     * @throws InvalidInputException naming {@code answers.<questionId>} for each failing answer
     */
    public static List<AnswerValue> check(SurveyDefinition survey, Map<String, JsonNode> answers, boolean complete) {
        List<FieldProblem> problems = new ArrayList<>();
        for (String id : answers.keySet()) {
            if (survey.question(id).isEmpty()) {
                problems.add(new FieldProblem("answers." + id, "is not a question of this survey"));
            }
        }
        Map<String, Double> scores = new HashMap<>();
        List<AnswerValue> rows = new ArrayList<>();
        for (Question question : survey.questions()) {
            JsonNode value = answers.get(question.id());
            boolean answered = value != null && !value.isNull();
            boolean shown = shown(question, scores);
            String field = "answers." + question.id();
            if (!shown) {
                if (answered) {
                    problems.add(new FieldProblem(
                            field,
                            "is asked only when " + question.showIf().question() + " is "
                                    + range(
                                            question.showIf().min(),
                                            question.showIf().max())));
                }
                continue;
            }
            if (!answered) {
                if (complete && question.required()) {
                    problems.add(new FieldProblem(field, "is required"));
                }
                continue;
            }
            int before = problems.size();
            List<AnswerValue> converted = convert(question, value, field, problems);
            if (problems.size() == before) {
                rows.addAll(converted);
                if (question.kind().scored()) {
                    scores.put(question.id(), converted.get(0).number());
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException("Some answers are not valid", problems);
        }
        return rows;
    }

    /** Whether the question is asked, given the scores answered so far. */
    public static boolean shown(Question question, Map<String, Double> scores) {
        return question.showIf() == null
                || question.showIf().matches(scores.get(question.showIf().question()));
    }

    /**
     * The next question to ask after {@code afterId} (or the first when null), skipping those
     * the skip logic hides; empty when the survey is done.
     */
    public static Optional<Question> next(SurveyDefinition survey, String afterId, Map<String, Double> scores) {
        boolean passed = afterId == null;
        for (Question question : survey.questions()) {
            if (!passed) {
                passed = question.id().equals(afterId);
                continue;
            }
            if (shown(question, scores)) {
                return Optional.of(question);
            }
        }
        return Optional.empty();
    }

    /** promoter (9–10), passive (7–8) or detractor (0–6); empty without an NPS score. */
    public static Optional<String> outcome(Double nps) {
        if (nps == null) {
            return Optional.empty();
        }
        return Optional.of(nps >= 9 ? "promoter" : nps >= 7 ? "passive" : "detractor");
    }

    /** Scores by question id, from stored rows. */
    public static Map<String, Double> scores(List<AnswerValue> rows) {
        Map<String, Double> scores = new LinkedHashMap<>();
        for (AnswerValue row : rows) {
            if (row.number() != null
                    && QuestionType.of(row.questionType())
                            .map(QuestionType::scored)
                            .orElse(false)) {
                scores.put(row.questionId(), row.number());
            }
        }
        return scores;
    }

    private static List<AnswerValue> convert(Question q, JsonNode value, String field, List<FieldProblem> problems) {
        QuestionType type = q.kind();
        switch (type) {
            case NPS, CSAT, CES, RATING -> {
                if (!value.isIntegralNumber() || value.asLong() < q.min() || value.asLong() > q.max()) {
                    problems.add(new FieldProblem(field, "must be a whole number from " + q.min() + " to " + q.max()));
                    return List.of();
                }
                return List.of(
                        new AnswerValue(q.id(), type.key(), 0, (double) value.asInt(), null, q.max(), q.reversed()));
            }
            case SINGLE_CHOICE -> {
                if (!value.isString() || !optionIds(q).contains(value.asString())) {
                    problems.add(new FieldProblem(field, "must be one of " + optionIds(q)));
                    return List.of();
                }
                return List.of(new AnswerValue(q.id(), type.key(), 0, null, value.asString(), null, false));
            }
            case MULTI_CHOICE -> {
                if (!value.isArray() || value.isEmpty()) {
                    problems.add(new FieldProblem(field, "must be a non-empty array of option ids"));
                    return List.of();
                }
                Set<String> chosen = new HashSet<>();
                List<AnswerValue> rows = new ArrayList<>();
                for (JsonNode item : value) {
                    if (!item.isString() || !optionIds(q).contains(item.asString())) {
                        problems.add(new FieldProblem(field, "must only hold options of " + optionIds(q)));
                        return List.of();
                    }
                    if (!chosen.add(item.asString())) {
                        problems.add(new FieldProblem(field, "names " + item.asString() + " twice"));
                        return List.of();
                    }
                    rows.add(new AnswerValue(q.id(), type.key(), rows.size(), null, item.asString(), null, false));
                }
                return rows;
            }
            case TEXT -> {
                if (!value.isString()) {
                    problems.add(new FieldProblem(field, "must be text"));
                    return List.of();
                }
                String text = value.asString().strip();
                if (text.length() > q.maxLength()) {
                    problems.add(new FieldProblem(field, "must be at most " + q.maxLength() + " characters"));
                    return List.of();
                }
                if (text.isEmpty()) {
                    return List.of();
                }
                return List.of(new AnswerValue(q.id(), type.key(), 0, null, text, null, false));
            }
        }
        return List.of();
    }

    private static List<String> optionIds(Question q) {
        return q.options().stream().map(o -> o.id()).toList();
    }

    private static String range(Integer min, Integer max) {
        if (min == null) {
            return "at most " + max;
        }
        return max == null ? "at least " + min : "from " + min + " to " + max;
    }
}

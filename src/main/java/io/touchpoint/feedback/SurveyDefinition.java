package io.touchpoint.feedback;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a survey asks, in the JSON shape of {@code POST /api/v1/surveys} (also its export format).
 *
 * @param thankYou      closing message per outcome ({@code promoter}, {@code passive}, {@code detractor},
 *                      {@code default}), each per language
 * @param recontactDays days before this survey may ask the same person again; null for the workspace rule only
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SurveyDefinition(
        String name,
        String defaultLanguage,
        List<Question> questions,
        Map<String, Map<String, String>> thankYou,
        Integer recontactDays) {

    public Optional<Question> question(String id) {
        return questions.stream().filter(q -> q.id().equals(id)).findFirst();
    }

    /** The first NPS question, whose answer decides the outcome (promoter, passive, detractor). */
    public Optional<Question> npsQuestion() {
        return questions.stream().filter(q -> q.kind() == QuestionType.NPS).findFirst();
    }

    /** The languages every question is written in. */
    public List<String> languages() {
        return questions.isEmpty()
                ? List.of(defaultLanguage)
                : questions.get(0).text().keySet().stream().sorted().toList();
    }
}

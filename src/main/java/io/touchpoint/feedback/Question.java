package io.touchpoint.feedback;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Map;

/**
 * One question of a survey version.
 *
 * @param scale     top of the scale for csat (5, 7 or 10), ces (7) and rating (3 to 10); null otherwise
 * @param direction for ces: {@code higher_is_easier} (default) or {@code higher_is_harder}
 * @param options   for single and multi choice
 * @param required  whether a complete response must answer it (when it is shown)
 * @param showIf    skip logic, or null to always ask
 * @param maxLength for text answers
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Question(
        String id,
        String type,
        Map<String, String> text,
        Integer scale,
        String direction,
        List<Choice> options,
        boolean required,
        ShowIf showIf,
        Integer maxLength) {

    public static final String HIGHER_IS_EASIER = "higher_is_easier";
    public static final String HIGHER_IS_HARDER = "higher_is_harder";

    @JsonIgnore
    public QuestionType kind() {
        return QuestionType.of(type).orElseThrow();
    }

    /** Lowest allowed score of a scored question. */
    @JsonIgnore
    public int min() {
        return kind() == QuestionType.NPS ? 0 : 1;
    }

    /** Highest allowed score of a scored question. */
    @JsonIgnore
    public int max() {
        return kind() == QuestionType.NPS ? 10 : scale;
    }

    @JsonIgnore
    public boolean reversed() {
        return HIGHER_IS_HARDER.equals(direction);
    }

    /** The wording in a language, falling back to the given default language. */
    public String text(String language, String fallback) {
        String value = text.get(language);
        return value != null ? value : text.get(fallback);
    }
}

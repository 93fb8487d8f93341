package io.touchpoint.feedback;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * Skip logic: the question is asked only when the score given to {@code question} lies within
 * {@code min}..{@code max} (either bound may be absent), e.g. "why?" only when NPS ≤ 6.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ShowIf(String question, Integer min, Integer max) {

    public boolean matches(Double score) {
        return score != null && (min == null || score >= min) && (max == null || score <= max);
    }
}

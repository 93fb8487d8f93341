package io.touchpoint.feedback;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A response header with its answers. {@code partial} responses are never counted as completes. */
public record SurveyResponse(
        UUID id,
        UUID surveyId,
        int version,
        UUID customerId,
        String channel,
        String touchpoint,
        String language,
        Instant startedAt,
        Instant finishedAt,
        boolean partial,
        Integer nps,
        UUID sendId,
        List<AnswerValue> answers) {

    /** promoter, passive or detractor from the NPS answer; null without one. */
    public String outcome() {
        return nps == null ? null : nps >= 9 ? "promoter" : nps >= 7 ? "passive" : "detractor";
    }
}

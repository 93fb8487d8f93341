package io.touchpoint.feedback.internal;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.UUID;

/**
 * Where and when the web widget may show a live survey.
 *
 * @param urlPattern   a glob ({@code *} is the wildcard): starting with {@code /} it is matched against
 *                     the page's path, otherwise against the whole address; null for every page
 * @param event        show only when this event was tracked in the page, or null
 * @param delaySeconds how long the widget waits after the page load before showing the survey
 * @param samplePct    share of people, 1–100, who may see it (the same person always gets the same answer)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SurveyWidget(
        UUID surveyId,
        boolean enabled,
        String urlPattern,
        String event,
        int delaySeconds,
        int samplePct,
        Instant createdAt,
        Instant updatedAt) {}

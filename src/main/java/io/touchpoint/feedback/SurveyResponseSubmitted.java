package io.touchpoint.feedback;

import java.util.UUID;

/** Published after a response is finished and committed. */
public record SurveyResponseSubmitted(UUID workspaceId, UUID surveyId, UUID responseId, UUID customerId, Integer nps) {}

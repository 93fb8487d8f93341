package io.touchpoint.feedback;

import java.time.Instant;
import java.util.UUID;

/** A survey at its current version. */
public record Survey(
        UUID id,
        String status,
        int version,
        SurveyDefinition definition,
        long responses,
        Instant createdAt,
        Instant updatedAt) {

    public String name() {
        return definition.name();
    }

    public boolean live() {
        return SurveyStatus.LIVE.key().equals(status);
    }
}

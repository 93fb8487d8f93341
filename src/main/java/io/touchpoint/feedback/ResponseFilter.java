package io.touchpoint.feedback;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Which responses to list: every field is optional.
 *
 * @param outcome promoter, passive or detractor
 * @param status  complete or partial
 */
public record ResponseFilter(
        UUID surveyId, String channel, String language, String outcome, String status, Instant from, Instant to) {

    public static ResponseFilter all() {
        return new ResponseFilter(null, null, null, null, null, null, null);
    }

    String condition() {
        List<String> parts = new ArrayList<>();
        parts.add("1 = 1");
        if (surveyId != null) {
            parts.add("survey_id = ?");
        }
        if (channel != null) {
            parts.add("channel = ?");
        }
        if (language != null) {
            parts.add("language = ?");
        }
        if ("promoter".equals(outcome)) {
            parts.add("nps_score >= 9");
        } else if ("passive".equals(outcome)) {
            parts.add("nps_score between 7 and 8");
        } else if ("detractor".equals(outcome)) {
            parts.add("nps_score <= 6");
        }
        if ("complete".equals(status)) {
            parts.add("not partial");
        } else if ("partial".equals(status)) {
            parts.add("partial");
        }
        if (from != null) {
            parts.add("started_at >= ?");
        }
        if (to != null) {
            parts.add("started_at < ?");
        }
        return String.join(" and ", parts);
    }

    List<Object> params() {
        List<Object> params = new ArrayList<>();
        if (surveyId != null) {
            params.add(surveyId);
        }
        if (channel != null) {
            params.add(channel);
        }
        if (language != null) {
            params.add(language);
        }
        if (from != null) {
            params.add(io.touchpoint.platform.Sql.ts(from));
        }
        if (to != null) {
            params.add(io.touchpoint.platform.Sql.ts(to));
        }
        return params;
    }
}

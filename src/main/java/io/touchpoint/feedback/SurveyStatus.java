package io.touchpoint.feedback;

import java.util.Locale;

/** Draft surveys are edited freely; live ones collect answers; paused ones refuse answers and sends. */
public enum SurveyStatus {
    DRAFT,
    LIVE,
    PAUSED;

    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static SurveyStatus of(String key) {
        return valueOf(key.toUpperCase(Locale.ROOT));
    }
}

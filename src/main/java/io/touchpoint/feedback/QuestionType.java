package io.touchpoint.feedback;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The kinds of question a survey can ask; {@link #key()} is the name used in JSON. */
public enum QuestionType {
    NPS,
    CSAT,
    CES,
    RATING,
    SINGLE_CHOICE,
    MULTI_CHOICE,
    TEXT;

    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    public boolean scored() {
        return this == NPS || this == CSAT || this == CES || this == RATING;
    }

    public static Optional<QuestionType> of(String key) {
        return Arrays.stream(values()).filter(t -> t.key().equals(key)).findFirst();
    }
}

package io.touchpoint.text;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** The polarity of a text; its JSON form is the lower-case name. */
public enum Sentiment {
    POSITIVE,
    NEUTRAL,
    NEGATIVE;

    @JsonValue
    public String json() {
        return name().toLowerCase(Locale.ROOT);
    }
}

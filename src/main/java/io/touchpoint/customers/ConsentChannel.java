package io.touchpoint.customers;

import java.util.Arrays;
import java.util.Optional;

/** The channels a customer can agree to be contacted on. */
public enum ConsentChannel {
    EMAIL_MARKETING("email_marketing"),
    IN_APP("in_app");

    private final String key;

    ConsentChannel(String key) {
        this.key = key;
    }

    /** The name used in events and the API. */
    public String key() {
        return key;
    }

    public static Optional<ConsentChannel> of(String key) {
        return Arrays.stream(values()).filter(c -> c.key.equals(key)).findFirst();
    }
}

package io.touchpoint.platform;

import com.github.f4b6a3.uuid.UuidCreator;
import java.util.UUID;

/** Application-generated, time-ordered ids (UUIDv7), so both stores index new rows at the end. */
public final class Ids {

    private Ids() {}

    public static UUID next() {
        return UuidCreator.getTimeOrderedEpoch();
    }
}

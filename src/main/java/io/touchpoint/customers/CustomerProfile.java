package io.touchpoint.customers;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** A customer as one profile: identities, latest traits, when and where they were seen, consent. */
public record CustomerProfile(
        UUID id,
        String userId,
        Map<String, Object> traits,
        List<Identity> identities,
        Instant firstSeen,
        Instant lastSeen,
        List<String> channels,
        List<Consent> consents,
        List<UUID> mergedProfiles) {

    /** The latest consent decision for a channel. */
    public record Consent(String channel, boolean granted, String source, Instant at) {}
}

package io.touchpoint.customers;

import java.util.ArrayList;
import java.util.List;

/**
 * The identities one incoming message carries; resolution maps it to one profile. Ingestion builds
 * claims on the receiving thread, so the store's writer gets them ready to resolve.
 */
public record IdentityClaim(List<Identity> identities) {

    /** Nulls (unusable values) are left out and repeats kept once; at least one identity remains. */
    public IdentityClaim {
        List<Identity> distinct = new ArrayList<>(identities.size());
        for (Identity identity : identities) {
            if (identity != null && !distinct.contains(identity)) {
                distinct.add(identity);
            }
        }
        if (distinct.isEmpty()) {
            throw new IllegalArgumentException("A claim needs at least one identity");
        }
        identities = List.copyOf(distinct);
    }

    /** The claim's user id, or null. */
    public String userId() {
        for (Identity identity : identities) {
            if (identity.kind() == IdentityKind.USER_ID) {
                return identity.value();
            }
        }
        return null;
    }
}

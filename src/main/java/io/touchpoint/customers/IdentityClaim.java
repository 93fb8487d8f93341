package io.touchpoint.customers;

import java.util.List;

/** The identities one incoming message carries; resolution maps it to one profile. */
public record IdentityClaim(List<Identity> identities) {

    public IdentityClaim {
        identities = identities.stream()
                .filter(java.util.Objects::nonNull)
                .distinct()
                .toList();
        if (identities.isEmpty()) {
            throw new IllegalArgumentException("A claim needs at least one identity");
        }
    }

    public String userId() {
        return identities.stream()
                .filter(i -> i.kind() == IdentityKind.USER_ID)
                .map(Identity::value)
                .findFirst()
                .orElse(null);
    }
}

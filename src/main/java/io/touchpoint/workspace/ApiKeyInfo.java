package io.touchpoint.workspace;

import java.time.Instant;
import java.util.UUID;

/** An API key as listed in Settings: only a hint of the key is kept, never the key itself. */
public record ApiKeyInfo(
        UUID id, ApiKeyKind kind, String name, String hint, Instant createdAt, String createdBy, Instant revokedAt) {

    public boolean active() {
        return revokedAt == null;
    }
}

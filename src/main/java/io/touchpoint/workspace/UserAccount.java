package io.touchpoint.workspace;

import java.time.Instant;
import java.util.UUID;

/** A user as listed in Settings (never with the password hash). */
public record UserAccount(UUID id, String email, String displayName, Role role, boolean disabled, Instant createdAt) {}

package io.touchpoint.workspace;

import java.util.UUID;

/** The authenticated principal of an API request: which key of which workspace. */
public record ApiCaller(UUID workspaceId, UUID keyId, ApiKeyKind kind) {}

package io.touchpoint.workspace;

/** A newly created key: the plaintext is shown once and cannot be recovered afterwards. */
public record CreatedApiKey(ApiKeyInfo info, String plaintext) {}

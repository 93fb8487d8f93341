package io.touchpoint.workspace;

/** What an admin enters to add a user. */
public record NewUser(String email, String displayName, String password, Role role) {}

package io.touchpoint.workspace;

/** What a user of the UI may do: admins change settings, analysts read everything, agents work cases. */
public enum Role {
    ADMIN,
    ANALYST,
    AGENT;

    public String authority() {
        return "ROLE_" + name();
    }
}

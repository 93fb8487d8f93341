package io.touchpoint.loop;

import java.util.UUID;

/**
 * Who changes a case, for its history.
 *
 * @param userId the user, or null for an API key, a rule or the system
 * @param name   what the history shows: an email, "API key …", "rule: …"
 * @param person whether a person acted (a user or an integration through the API): the first such
 *               act on a case is its first response
 */
public record Actor(UUID userId, String name, boolean person) {

    public static final Actor SYSTEM = new Actor(null, "system", false);

    public static Actor rule(String ruleName) {
        return new Actor(null, "rule: " + ruleName, false);
    }
}

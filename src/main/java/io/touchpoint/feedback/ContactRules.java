package io.touchpoint.feedback;

/**
 * The workspace's rules against asking too often, across all surveys, channels and devices.
 *
 * @param cooldownDays  days after any survey before another may ask the same person (default 14)
 * @param maxSurveys    at most this many surveys per person …
 * @param periodDays    … in this many days (default 3 in 90)
 * @param reminderDays  days after an unanswered email invitation to send one reminder; null is off (default)
 */
public record ContactRules(int cooldownDays, int maxSurveys, int periodDays, Integer reminderDays) {

    public static final ContactRules DEFAULTS = new ContactRules(14, 3, 90, null);
}

package io.touchpoint.loop;

import java.util.List;
import java.util.UUID;

/**
 * What a rule watches for and what it does: one condition ({@link When}), an optional segment the
 * customer must be in, and one or more actions. Checked by {@code RuleChecks} before it is stored.
 *
 * @param when      the condition on a response or on events
 * @param segmentId only customers in this segment, or null for everyone
 * @param actions   what happens when the rule fires, in order
 */
public record RuleDefinition(When when, UUID segmentId, List<Action> actions) {

    public RuleDefinition {
        actions = List.copyOf(actions);
    }

    /** Whether the rule looks at survey responses (else at events, or at weekly theme shares). */
    public boolean onResponses() {
        return !When.EVENT.equals(when.type()) && !When.THEME_RISES.equals(when.type());
    }

    /**
     * The condition.
     *
     * @param type       nps, csat, ces (score at most {@code max}), comment (a text answer containing
     *                   {@code word}), theme (a text answer about {@code theme}), theme_rises (the
     *                   share of comments about {@code theme} rose significantly this week: once per
     *                   theme and week) or event ({@code event} at least {@code atLeast} times in
     *                   {@code withinDays} days)
     * @param max        the highest score that matches (nps, csat, ces)
     * @param word       the word a comment must contain (comment)
     * @param event      the event name (event)
     * @param atLeast    how many such events (event)
     * @param withinDays in how many days (event)
     * @param theme      the theme id in the workspace's taxonomy (theme, theme_rises)
     */
    public record When(
            String type, Double max, String word, String event, Integer atLeast, Integer withinDays, String theme) {

        public static final String NPS = "nps";
        public static final String CSAT = "csat";
        public static final String CES = "ces";
        public static final String COMMENT = "comment";
        public static final String EVENT = "event";
        public static final String THEME = "theme";
        public static final String THEME_RISES = "theme_rises";
        public static final List<String> TYPES = List.of(NPS, CSAT, CES, COMMENT, THEME, EVENT, THEME_RISES);
    }

    /**
     * One action.
     *
     * @param type     open_case, notify_email, webhook, tag or timeline_note
     * @param priority the case's priority (open_case)
     * @param to       email addresses to notify (notify_email)
     * @param trait    the trait to set on the customer (tag)
     * @param value    the trait's value (tag)
     * @param text     the note's text (timeline_note)
     */
    public record Action(String type, String priority, List<String> to, String trait, String value, String text) {

        public static final String OPEN_CASE = "open_case";
        public static final String NOTIFY_EMAIL = "notify_email";
        public static final String WEBHOOK = "webhook";
        public static final String TAG = "tag";
        public static final String TIMELINE_NOTE = "timeline_note";
        public static final List<String> TYPES = List.of(OPEN_CASE, NOTIFY_EMAIL, WEBHOOK, TAG, TIMELINE_NOTE);

        public Action {
            to = to == null ? List.of() : List.copyOf(to);
        }
    }
}

package io.touchpoint.loop.internal;

import io.touchpoint.loop.RuleDefinition.When;
import java.util.Locale;

/** Decides whether a condition holds for a response, or for a count of recent events. Plain Java. */
public final class RuleMatcher {

    private RuleMatcher() {}

    /** Whether a response condition (nps, csat, ces, comment, theme) holds; false for the others. */
    public static boolean matches(When when, ResponseFacts facts) {
        return switch (when.type()) {
            case When.NPS -> facts.nps() != null && facts.nps() <= when.max();
            case When.CSAT -> facts.csat().stream().anyMatch(score -> score <= when.max());
            case When.CES -> facts.ces().stream().anyMatch(score -> score <= when.max());
            case When.COMMENT -> facts.texts().stream().anyMatch(text -> containsWord(text, when.word()));
            case When.THEME -> facts.themes().contains(when.theme());
            default -> false;
        };
    }

    /** Whether an event condition holds, given how many such events the person had in its window. */
    public static boolean matches(When when, long eventsInWindow) {
        return When.EVENT.equals(when.type()) && eventsInWindow >= when.atLeast();
    }

    /**
     * Case-insensitive containment. Korean attaches particles to words ("배송이", "배송은"), so a
     * plain substring match is what finds "배송" in them; for English it also finds "late" in "lately",
     * which rule authors can avoid with a longer phrase.
     */
    static boolean containsWord(String text, String word) {
        return text.toLowerCase(Locale.ROOT).contains(word.toLowerCase(Locale.ROOT));
    }
}

package io.touchpoint.feedback.internal;

import io.touchpoint.feedback.ContactRules;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Decides whether a person may be asked now, from the times they were asked before (any survey,
 * any channel, any of their devices). Plain Java: the caller loads the history.
 */
public final class ContactPolicy {

    /** One earlier time the person was asked (an invitation sent, a widget shown, an answer given). */
    public record Contact(UUID surveyId, String surveyName, String channel, Instant at) {}

    /** Why a survey was not sent or shown: a stable code and a sentence for people. */
    public record Refusal(String code, String detail) {}

    private ContactPolicy() {}

    /**
     * @param recontactDays the survey's own days before asking the same person again, or null
     * @return empty when asking is allowed
     */
    public static Optional<Refusal> check(
            ContactRules rules, UUID surveyId, Integer recontactDays, List<Contact> history, Instant now) {
        Optional<Contact> latest = history.stream().max(Comparator.comparing(Contact::at));
        if (recontactDays != null) {
            Optional<Contact> sameSurvey =
                    history.stream().filter(c -> c.surveyId().equals(surveyId)).max(Comparator.comparing(Contact::at));
            if (sameSurvey.isPresent() && sameSurvey.get().at().isAfter(now.minus(Duration.ofDays(recontactDays)))) {
                return Optional.of(new Refusal(
                        "recontact",
                        "asked " + ago(sameSurvey.get().at(), now) + " by this survey (\""
                                + sameSurvey.get().surveyName() + "\"), which asks again after " + recontactDays
                                + " days"));
            }
        }
        if (latest.isPresent() && latest.get().at().isAfter(now.minus(Duration.ofDays(rules.cooldownDays())))) {
            Contact last = latest.get();
            return Optional.of(new Refusal(
                    "cooldown",
                    "asked " + ago(last.at(), now) + " by survey \"" + last.surveyName() + "\" (" + last.channel()
                            + "); the workspace waits " + rules.cooldownDays() + " days between surveys"));
        }
        Instant periodStart = now.minus(Duration.ofDays(rules.periodDays()));
        long inPeriod =
                history.stream().filter(c -> c.at().isAfter(periodStart)).count();
        if (inPeriod >= rules.maxSurveys()) {
            return Optional.of(new Refusal(
                    "max_per_period",
                    "already asked " + inPeriod + " times in the last " + rules.periodDays() + " days (at most "
                            + rules.maxSurveys() + ")"));
        }
        return Optional.empty();
    }

    static String ago(Instant then, Instant now) {
        Duration d = Duration.between(then, now);
        if (d.toDays() >= 1) {
            return d.toDays() == 1 ? "1 day ago" : d.toDays() + " days ago";
        }
        if (d.toHours() >= 1) {
            return d.toHours() == 1 ? "1 hour ago" : d.toHours() + " hours ago";
        }
        return d.toMinutes() <= 1 ? "just now" : d.toMinutes() + " minutes ago";
    }
}

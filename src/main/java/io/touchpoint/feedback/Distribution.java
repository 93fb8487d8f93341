package io.touchpoint.feedback;

import io.touchpoint.customers.Customers;
import io.touchpoint.customers.Segments;
import io.touchpoint.feedback.internal.ContactPolicy;
import io.touchpoint.feedback.internal.FeedbackSettings;
import io.touchpoint.feedback.internal.LinkTokens;
import io.touchpoint.feedback.internal.SendRepository;
import io.touchpoint.platform.FieldProblem;
import io.touchpoint.platform.Ids;
import io.touchpoint.platform.InList;
import io.touchpoint.platform.InvalidInputException;
import io.touchpoint.platform.NotFoundException;
import io.touchpoint.platform.Sql;
import io.touchpoint.platform.Store;
import io.touchpoint.platform.TouchpointProperties;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;

/**
 * The feedback module's face for distribution: triggers, personal links, contact rules and the log
 * of every planned send with what became of it.
 */
@Service
public class Distribution {

    /** Why a person would not be asked now: a stable code and a sentence. */
    public record NotNow(String code, String detail) {}

    private final Store store;
    private final Surveys surveys;
    private final SendRepository sends;
    private final FeedbackSettings settings;
    private final Customers customers;
    private final Segments segments;
    private final TouchpointProperties properties;
    private final Clock clock;

    Distribution(
            Store store,
            Surveys surveys,
            SendRepository sends,
            FeedbackSettings settings,
            Customers customers,
            Segments segments,
            TouchpointProperties properties,
            Clock clock) {
        this.store = store;
        this.surveys = surveys;
        this.sends = sends;
        this.settings = settings;
        this.customers = customers;
        this.segments = segments;
        this.properties = properties;
        this.clock = clock;
    }

    public SurveyTrigger addTrigger(
            UUID workspaceId,
            UUID surveyId,
            String event,
            Duration delay,
            String channel,
            Integer samplePct,
            UUID segmentId) {
        surveys.get(workspaceId, surveyId);
        List<FieldProblem> problems = new ArrayList<>();
        if (event == null || event.isBlank() || event.length() > 200) {
            problems.add(new FieldProblem("event", "must name an event, e.g. Order Delivered"));
        }
        if (delay == null || delay.isNegative() || delay.compareTo(Duration.ofDays(365)) > 0) {
            problems.add(new FieldProblem("delay", "must be a duration from PT0S to P365D, e.g. P3D"));
        }
        if (!"email".equals(channel) && !"widget".equals(channel)) {
            problems.add(new FieldProblem("channel", "must be email or widget"));
        }
        int pct = samplePct == null ? 100 : samplePct;
        if (pct < 1 || pct > 100) {
            problems.add(new FieldProblem("samplePct", "must be from 1 to 100"));
        }
        if (segmentId != null) {
            try {
                segments.get(workspaceId, segmentId);
            } catch (NotFoundException e) {
                problems.add(new FieldProblem("segmentId", "no such segment"));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException("The trigger is not valid", problems);
        }
        UUID id = Ids.next();
        Instant now = clock.instant();
        store.write(tx -> tx.jdbc()
                .sql("insert into survey_triggers (workspace_id, id, survey_id, event, delay_seconds, channel, "
                        + "sample_pct, segment_id, enabled, created_at) values (?, ?, ?, ?, ?, ?, ?, ?, true, ?)")
                .params(
                        workspaceId,
                        id,
                        surveyId,
                        event.strip(),
                        delay.toSeconds(),
                        channel,
                        pct,
                        segmentId,
                        Sql.ts(now))
                .update());
        return triggers(workspaceId, surveyId).stream()
                .filter(t -> t.id().equals(id))
                .findFirst()
                .orElseThrow();
    }

    public List<SurveyTrigger> triggers(UUID workspaceId, UUID surveyId) {
        return sends.triggers(workspaceId, surveyId);
    }

    /** Pauses or resumes a trigger; events that happen while it is paused never lead to a send. */
    public void setTriggerEnabled(UUID workspaceId, UUID surveyId, UUID triggerId, boolean enabled) {
        Instant now = clock.instant();
        int changed = store.write(tx -> tx.jdbc()
                .sql("update survey_triggers set resumed_at = case when ? and not enabled then ? else resumed_at end, "
                        + "enabled = ? where workspace_id = ? and survey_id = ? and id = ?")
                .params(enabled, Sql.ts(now), enabled, workspaceId, surveyId, triggerId)
                .update());
        if (changed == 0) {
            throw new NotFoundException("No trigger " + triggerId);
        }
    }

    /** Removes a trigger; sends it already planned stay in the log, pending ones are skipped. */
    public void removeTrigger(UUID workspaceId, UUID surveyId, UUID triggerId) {
        Instant now = clock.instant();
        int removed = store.write(tx -> {
            int deleted = tx.jdbc()
                    .sql("delete from survey_triggers where workspace_id = ? and survey_id = ? and id = ?")
                    .params(workspaceId, surveyId, triggerId)
                    .update();
            if (deleted > 0) {
                tx.jdbc()
                        .sql("update survey_sends set status = 'skipped', reason = 'trigger_removed', "
                                + "reason_detail = 'the trigger was removed', processed_at = ? "
                                + "where workspace_id = ? and trigger_id = ? and status in ('pending', 'ready')")
                        .params(Sql.ts(now), workspaceId, triggerId)
                        .update();
            }
            return deleted;
        });
        if (removed == 0) {
            throw new NotFoundException("No trigger " + triggerId);
        }
    }

    /** The send log of a survey, newest first; status filters (pending, sent, skipped, …) when given. */
    public List<SurveySend> sends(UUID workspaceId, UUID surveyId, String status, int limit) {
        List<Object> params = new ArrayList<>();
        params.add(surveyId);
        String condition = "d.survey_id = ?";
        if (status != null) {
            condition += " and d.status = ?";
            params.add(status);
        }
        return sends.sends(workspaceId, condition, params, limit);
    }

    /** Every planned send for one person, newest first, with the reasons of those skipped. */
    public List<SurveySend> sendsOf(UUID workspaceId, List<UUID> profileGroup, int limit) {
        InList in = InList.of(profileGroup);
        return sends.sends(workspaceId, "d.customer_id in (" + in.marks() + ")", List.copyOf(in.values()), limit);
    }

    /**
     * Plans one email invitation to a survey for a person, due at a given time, outside any trigger
     * (the loop module's follow-up after a case is resolved). It goes through the same checks as a
     * triggered send when due: survey live, address, consent and the contact rules; an answer to it
     * carries the send's id. Planning the same {@code sourceKey} again returns the first plan.
     *
     * @param sourceKey what the send is for, e.g. {@code case:<id>}; unique per survey and person
     * @return the send's id
     */
    public UUID planSend(UUID workspaceId, UUID surveyId, UUID customerId, String sourceKey, Instant dueAt) {
        surveys.get(workspaceId, surveyId);
        if (sourceKey == null || sourceKey.isBlank() || sourceKey.length() > 200) {
            throw new InvalidInputException("sourceKey", "must be 1 to 200 characters");
        }
        UUID id = Ids.next();
        Instant now = clock.instant();
        store.write(tx -> SendRepository.plan(
                tx,
                workspaceId,
                id,
                null,
                surveyId,
                customerId,
                "email",
                sourceKey,
                dueAt,
                "pending",
                null,
                null,
                now));
        return store.reads()
                .sql("select id from survey_sends where workspace_id = ? and survey_id = ? and customer_id = ? "
                        + "and source_key = ?")
                .params(workspaceId, surveyId, customerId, sourceKey)
                .query((rs, n) -> Sql.uuid(rs, "id"))
                .single();
    }

    /** One planned send with what became of it. */
    public Optional<SurveySend> send(UUID workspaceId, UUID sendId) {
        return sends.sends(workspaceId, "d.id = ?", List.of(sendId), 1).stream().findFirst();
    }

    /** Whether the contact rules allow asking this person now, and if not, why. */
    public Optional<NotNow> mayAsk(UUID workspaceId, UUID customerId, UUID surveyId) {
        Survey survey = surveys.get(workspaceId, surveyId);
        ContactRules rules = settings.rules(workspaceId);
        Instant now = clock.instant();
        List<UUID> group = customers.profileGroup(workspaceId, customerId);
        int days = Math.max(
                Math.max(rules.cooldownDays(), rules.periodDays()),
                survey.definition().recontactDays() == null
                        ? 0
                        : survey.definition().recontactDays());
        return ContactPolicy.check(
                        rules,
                        surveyId,
                        survey.definition().recontactDays(),
                        sends.history(workspaceId, group, now.minus(Duration.ofDays(days))),
                        now)
                .map(r -> new NotNow(r.code(), r.detail()));
    }

    public ContactRules rules(UUID workspaceId) {
        return settings.rules(workspaceId);
    }

    public ContactRules updateRules(UUID workspaceId, ContactRules rules) {
        List<FieldProblem> problems = new ArrayList<>();
        if (rules.cooldownDays() < 0 || rules.cooldownDays() > 365) {
            problems.add(new FieldProblem("cooldownDays", "must be from 0 to 365"));
        }
        if (rules.maxSurveys() < 1 || rules.maxSurveys() > 100) {
            problems.add(new FieldProblem("maxSurveys", "must be from 1 to 100"));
        }
        if (rules.periodDays() < 1 || rules.periodDays() > 365) {
            problems.add(new FieldProblem("periodDays", "must be from 1 to 365"));
        }
        if (rules.reminderDays() != null && (rules.reminderDays() < 1 || rules.reminderDays() > 30)) {
            problems.add(new FieldProblem("reminderDays", "must be from 1 to 30, or empty for no reminder"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException("The contact rules are not valid", problems);
        }
        settings.update(workspaceId, rules);
        return settings.rules(workspaceId);
    }

    /**
     * A personal link that ties answers to the customer without a login.
     *
     * @param customerId the root profile, or null for an anonymous tracked link
     */
    public String personalLink(
            UUID workspaceId, UUID surveyId, UUID customerId, Duration validity, boolean singleUse, String language) {
        Survey survey = surveys.get(workspaceId, surveyId);
        Duration valid = validity == null ? properties.feedback().linkValidity() : validity;
        if (valid.isNegative() || valid.isZero() || valid.compareTo(Duration.ofDays(365)) > 0) {
            throw new InvalidInputException("expiresInDays", "must be from 1 to 365");
        }
        if (language != null && !survey.definition().languages().contains(language)) {
            throw new InvalidInputException(
                    "language",
                    "the survey is written in " + survey.definition().languages());
        }
        String token = LinkTokens.issue(
                new LinkTokens.Claims(
                        workspaceId,
                        surveyId,
                        customerId,
                        Ids.next(),
                        null,
                        clock.instant().plus(valid),
                        singleUse,
                        language),
                settings.signingKey(workspaceId));
        return properties.feedback().publicUrl() + "/s/" + surveyId + "?t=" + token;
    }

    /** The public address of a survey's anonymous link. */
    public String anonymousLink(UUID surveyId) {
        return properties.feedback().publicUrl() + "/s/" + surveyId;
    }
}

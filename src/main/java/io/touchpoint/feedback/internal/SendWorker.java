package io.touchpoint.feedback.internal;

import io.touchpoint.customers.Customers;
import io.touchpoint.customers.Segments;
import io.touchpoint.feedback.Survey;
import io.touchpoint.feedback.SurveyTrigger;
import io.touchpoint.feedback.Surveys;
import io.touchpoint.platform.Ids;
import io.touchpoint.platform.NotFoundException;
import io.touchpoint.platform.PollingThread;
import io.touchpoint.platform.Sql;
import io.touchpoint.platform.Store;
import io.touchpoint.platform.TouchpointProperties;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.zip.CRC32;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * The durable part of distribution, run every poll interval on one background thread:
 * <ol>
 *   <li>scan: events that match a trigger become planned sends (one per survey, person and event,
 *       guarded by a unique key, so re-scans and restarts never double them);
 *   <li>dispatch: due email sends pass the checks (survey live, segment, address, consent, contact
 *       rules) and are mailed, or are skipped with the reason; due widget sends become ready;
 *   <li>reminders: one reminder for unanswered email invitations, when the workspace turned them on.
 * </ol>
 * A send is claimed (pending → sending) before the mail goes out and marked sent after; a send
 * found still "sending" at start-up was interrupted mid-flight and is marked failed rather than sent
 * twice (at most once).
 */
@Component
public class SendWorker implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(SendWorker.class);
    static final Duration FIRST_SCAN_WINDOW = Duration.ofHours(24);
    static final Duration RESCAN_OVERLAP = Duration.ofMinutes(5);
    static final Duration MAX_LATENESS = Duration.ofDays(7);
    static final Duration WIDGET_WAIT = Duration.ofDays(7);

    private final Store store;
    private final Surveys surveys;
    private final SendRepository sends;
    private final FeedbackSettings settings;
    private final Invitations invitations;
    private final Customers customers;
    private final Segments segments;
    private final TouchpointProperties properties;
    private final Clock clock;
    private final Map<UUID, Instant> scannedFrom = new ConcurrentHashMap<>();
    private volatile PollingThread thread;

    SendWorker(
            Store store,
            Surveys surveys,
            SendRepository sends,
            FeedbackSettings settings,
            Invitations invitations,
            Customers customers,
            Segments segments,
            TouchpointProperties properties,
            Clock clock) {
        this.store = store;
        this.surveys = surveys;
        this.sends = sends;
        this.settings = settings;
        this.invitations = invitations;
        this.customers = customers;
        this.segments = segments;
        this.properties = properties;
        this.clock = clock;
    }

    @Override
    public void start() {
        int interrupted = store.write(tx -> tx.jdbc()
                .sql("update survey_sends set status = 'failed', reason = 'interrupted', reason_detail = ?, "
                        + "processed_at = ? where status = 'sending'")
                .params(
                        "the server stopped while this invitation was being sent; not resent, to never send twice",
                        Sql.ts(clock.instant()))
                .update());
        if (interrupted > 0) {
            log.warn("{} survey invitations were interrupted by a stop while sending; marked failed", interrupted);
        }
        thread = PollingThread.start("survey-sends", properties.feedback().pollInterval(), this::tick);
    }

    @Override
    public void stop() {
        PollingThread running = thread;
        thread = null;
        if (running != null) {
            running.stop();
        }
    }

    @Override
    public boolean isRunning() {
        return thread != null;
    }

    /** One round of scan, dispatch and reminders; public for tests that do not want to wait. */
    public void tick() {
        try {
            scan();
            dispatch();
            reminders();
        } catch (RuntimeException e) {
            log.error("Survey send round failed; will retry", e);
        }
    }

    void scan() {
        Instant now = clock.instant();
        for (SendRepository.WorkspaceTrigger wt : sends.activeTriggers()) {
            SurveyTrigger trigger = wt.trigger();
            Instant from = scannedFrom.getOrDefault(trigger.id(), now.minus(FIRST_SCAN_WINDOW));
            from = from.isBefore(trigger.activeSince()) ? trigger.activeSince() : from;
            Instant oldestEvent = now.minus(trigger.delay()).minus(MAX_LATENESS);
            List<Object[]> matches = store.reads()
                    .sql("select e.message_id, c.root_id, e.ts from events e join customers c "
                            + "on c.workspace_id = e.workspace_id and c.id = e.customer_id "
                            + "where e.workspace_id = ? and e.type = 'track' and e.event = ? and e.received_at >= ? "
                            + "and e.ts >= ? and not exists (select 1 from survey_sends d where d.workspace_id = "
                            + "e.workspace_id and d.survey_id = ? and d.source_key = e.message_id) limit 5000")
                    .params(wt.workspaceId(), trigger.event(), Sql.ts(from), Sql.ts(oldestEvent), trigger.surveyId())
                    .query((rs, n) ->
                            new Object[] {rs.getString("message_id"), Sql.uuid(rs, "root_id"), Sql.instant(rs, "ts")})
                    .list();
            if (!matches.isEmpty()) {
                store.write(tx -> {
                    for (Object[] m : matches) {
                        String messageId = (String) m[0];
                        UUID customer = (UUID) m[1];
                        Instant due = ((Instant) m[2]).plus(trigger.delay());
                        boolean sampled = sampled(trigger, customer, messageId);
                        SendRepository.plan(
                                tx,
                                wt.workspaceId(),
                                Ids.next(),
                                trigger.id(),
                                trigger.surveyId(),
                                customer,
                                trigger.channel(),
                                messageId,
                                due,
                                sampled ? "pending" : "skipped",
                                sampled ? null : "sampled_out",
                                sampled ? null : "not in the " + trigger.samplePct() + "% sample of this trigger",
                                now);
                    }
                    return null;
                });
            }
            scannedFrom.put(trigger.id(), now.minus(RESCAN_OVERLAP));
        }
    }

    /** Deterministic sampling: the same event always gets the same answer. */
    static boolean sampled(SurveyTrigger trigger, UUID customer, String messageId) {
        if (trigger.samplePct() >= 100) {
            return true;
        }
        CRC32 crc = new CRC32();
        crc.update((trigger.id() + "|" + customer + "|" + messageId).getBytes(StandardCharsets.UTF_8));
        return crc.getValue() % 100 < trigger.samplePct();
    }

    void dispatch() {
        Instant now = clock.instant();
        for (SendRepository.Due due : sends.due("pending", now, 200)) {
            try {
                dispatch(due, now);
            } catch (RuntimeException e) {
                log.warn("Survey send {} could not be processed", due.id(), e);
                store.write(tx -> SendRepository.move(
                        tx, due.id(), "pending", "failed", "error", String.valueOf(e.getMessage()), now));
            }
        }
        // widget sends nobody came back for
        for (SendRepository.Due due : sends.due("ready", now.minus(WIDGET_WAIT), 200)) {
            store.write(tx -> SendRepository.move(
                    tx,
                    due.id(),
                    "ready",
                    "skipped",
                    "not_seen",
                    "the customer did not visit within " + WIDGET_WAIT.toDays() + " days",
                    now));
        }
    }

    private void dispatch(SendRepository.Due due, Instant now) {
        Optional<ContactPolicy.Refusal> refusal = precheck(due);
        if (refusal.isEmpty() && "widget".equals(due.channel())) {
            store.write(tx -> SendRepository.move(tx, due.id(), "pending", "ready", null, null, now));
            return;
        }
        if (refusal.isEmpty()) {
            invitations.email(due, false, now);
            return;
        }
        ContactPolicy.Refusal why = refusal.get();
        store.write(tx -> SendRepository.move(tx, due.id(), "pending", "skipped", why.code(), why.detail(), now));
    }

    /** The checks that do not depend on the channel: survey live, person still there, segment. */
    Optional<ContactPolicy.Refusal> precheck(SendRepository.Due due) {
        Survey survey;
        try {
            survey = surveys.get(due.workspaceId(), due.surveyId());
        } catch (NotFoundException e) {
            return Optional.of(new ContactPolicy.Refusal("survey_gone", "the survey was deleted"));
        }
        if (!survey.live()) {
            return Optional.of(new ContactPolicy.Refusal(
                    "survey_not_live", "survey \"" + survey.name() + "\" is " + survey.status()));
        }
        if (due.segmentId() != null) {
            try {
                if (!segments.isMember(due.workspaceId(), due.segmentId(), due.customerId())) {
                    return Optional.of(new ContactPolicy.Refusal(
                            "not_in_segment", "not in the trigger's segment when the send was due"));
                }
            } catch (NotFoundException e) {
                return Optional.of(new ContactPolicy.Refusal("not_in_segment", "the trigger's segment was deleted"));
            }
        }
        return Optional.empty();
    }

    void reminders() {
        Instant now = clock.instant();
        for (SendRepository.Due due : sends.remindersDue(now, 100)) {
            invitations.email(due, true, now);
        }
    }
}

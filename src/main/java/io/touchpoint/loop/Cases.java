package io.touchpoint.loop;

import io.touchpoint.customers.CustomerProfile;
import io.touchpoint.customers.Customers;
import io.touchpoint.customers.IdentityKind;
import io.touchpoint.feedback.Distribution;
import io.touchpoint.feedback.Surveys;
import io.touchpoint.loop.internal.CaseRepository;
import io.touchpoint.loop.internal.LoopMail;
import io.touchpoint.loop.internal.LoopMetricsReads;
import io.touchpoint.loop.internal.SettingsRepository;
import io.touchpoint.platform.FieldProblem;
import io.touchpoint.platform.InvalidInputException;
import io.touchpoint.platform.NotFoundException;
import io.touchpoint.platform.Sql;
import io.touchpoint.platform.Store;
import io.touchpoint.workspace.UserAccount;
import io.touchpoint.workspace.Workspace;
import io.touchpoint.workspace.Workspaces;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;

/** The loop module's face for cases: the inbox, changes with their history, notes, recovery, SLAs. */
@Service
public class Cases {

    public static final int MAX_LIMIT = 500;

    private final Store store;
    private final CaseRepository cases;
    private final SettingsRepository settings;
    private final Workspaces workspaces;
    private final Customers customers;
    private final Distribution distribution;
    private final Surveys surveys;
    private final LoopMail mail;
    private final LoopMetricsReads metrics;
    private final MessageSource messages;
    private final Clock clock;

    Cases(
            Store store,
            CaseRepository cases,
            SettingsRepository settings,
            Workspaces workspaces,
            Customers customers,
            Distribution distribution,
            Surveys surveys,
            LoopMail mail,
            LoopMetricsReads metrics,
            MessageSource messages,
            Clock clock) {
        this.store = store;
        this.cases = cases;
        this.settings = settings;
        this.workspaces = workspaces;
        this.customers = customers;
        this.distribution = distribution;
        this.surveys = surveys;
        this.mail = mail;
        this.metrics = metrics;
        this.messages = messages;
        this.clock = clock;
    }

    public List<Case> list(UUID workspaceId, CaseFilter filter, int limit) {
        List<FieldProblem> problems = new ArrayList<>();
        if (filter.status() != null && !CaseStatus.ALL.contains(filter.status())) {
            problems.add(new FieldProblem("status", "must be one of " + CaseStatus.ALL));
        }
        if (filter.priority() != null && !CasePriority.ALL.contains(filter.priority())) {
            problems.add(new FieldProblem("priority", "must be one of " + CasePriority.ALL));
        }
        if (filter.sla() != null
                && !List.of("on_track", "at_risk", "breached", "met", "none").contains(filter.sla())) {
            problems.add(new FieldProblem("sla", "must be one of on_track, at_risk, breached, met, none"));
        }
        if (limit < 1 || limit > MAX_LIMIT) {
            problems.add(new FieldProblem("limit", "must be from 1 to " + MAX_LIMIT));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException("The case filter is not valid", problems);
        }
        return cases.list(workspaceId, filter, limit);
    }

    /** How many cases are still being worked: open, in progress or waiting on the customer. */
    public long countActive(UUID workspaceId) {
        return cases.countActive(workspaceId);
    }

    /** @throws NotFoundException also for a case of another workspace */
    public Case get(UUID workspaceId, UUID id) {
        return cases.get(workspaceId, id).orElseThrow(() -> new NotFoundException("No case " + id));
    }

    public List<CaseEntry> history(UUID workspaceId, UUID id) {
        get(workspaceId, id);
        return cases.history(workspaceId, id);
    }

    /** Opens a case by hand (an agent, an API call). */
    public Case open(UUID workspaceId, Actor actor, String title, String priority, String userId, UUID responseId) {
        List<FieldProblem> problems = new ArrayList<>();
        if (title == null || title.isBlank() || title.strip().length() > 200) {
            problems.add(new FieldProblem("title", "must be 1 to 200 characters"));
        }
        String p = priority == null ? CasePriority.NORMAL : priority;
        if (!CasePriority.ALL.contains(p)) {
            problems.add(new FieldProblem("priority", "must be one of " + CasePriority.ALL));
        }
        UUID customerId = null;
        if (userId != null) {
            customerId = customers.findByUserId(workspaceId, userId).orElse(null);
            if (customerId == null) {
                problems.add(new FieldProblem("userId", "no customer with this user id"));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException("The case is not valid", problems);
        }
        Instant now = clock.instant();
        Instant due = due(workspaceId, p, now);
        UUID customer = customerId;
        UUID id = store.write(tx -> CaseRepository.open(
                tx,
                new CaseRepository.NewCase(workspaceId, title.strip(), p, customer, responseId, null, due, actor, null),
                now));
        return get(workspaceId, id);
    }

    /**
     * Changes status, priority or owner, each change a history line; resolving plans the follow-up
     * survey when the workspace has one.
     */
    public Case change(UUID workspaceId, UUID id, Actor actor, CaseChange change) {
        Case k = get(workspaceId, id);
        List<FieldProblem> problems = new ArrayList<>();
        if (change.status() != null && !CaseStatus.ALL.contains(change.status())) {
            problems.add(new FieldProblem("status", "must be one of " + CaseStatus.ALL));
        }
        if (change.priority() != null && !CasePriority.ALL.contains(change.priority())) {
            problems.add(new FieldProblem("priority", "must be one of " + CasePriority.ALL));
        }
        Optional<UserAccount> owner = Optional.empty();
        if (change.ownerGiven() && change.ownerId() != null) {
            owner = workspaces.users(workspaceId).stream()
                    .filter(u -> u.id().equals(change.ownerId()) && !u.disabled())
                    .findFirst();
            if (owner.isEmpty()) {
                problems.add(new FieldProblem("ownerId", "must be an active user of this workspace"));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException("The change is not valid", problems);
        }
        Instant now = clock.instant();
        String status = change.status() == null ? k.status() : change.status();
        String priority = change.priority() == null ? k.priority() : change.priority();
        boolean resolving = CaseStatus.RESOLVED.equals(status) && !CaseStatus.RESOLVED.equals(k.status());
        Instant newDue = priority.equals(k.priority()) ? null : due(workspaceId, priority, k.openedAt());
        String ownerName = owner.map(UserAccount::email).orElse(null);
        boolean changed = store.write(tx -> {
            boolean any = false;
            if (!status.equals(k.status())) {
                CaseRepository.set(tx, workspaceId, id, "status", status, now);
                CaseRepository.history(tx, workspaceId, id, actor, "status", "status", k.status(), status, null, now);
                if (CaseStatus.RESOLVED.equals(status)) {
                    CaseRepository.set(tx, workspaceId, id, "resolved_at", Sql.ts(now), now);
                } else if (CaseStatus.CLOSED.equals(status)) {
                    CaseRepository.set(tx, workspaceId, id, "closed_at", Sql.ts(now), now);
                } else {
                    CaseRepository.set(tx, workspaceId, id, "resolved_at", null, now);
                    CaseRepository.set(tx, workspaceId, id, "closed_at", null, now);
                }
                any = true;
            }
            if (!priority.equals(k.priority())) {
                CaseRepository.set(tx, workspaceId, id, "priority", priority, now);
                CaseRepository.set(tx, workspaceId, id, "due_at", Sql.ts(newDue), now);
                CaseRepository.set(tx, workspaceId, id, "escalation_level", 0, now);
                CaseRepository.history(
                        tx, workspaceId, id, actor, "priority", "priority", k.priority(), priority, null, now);
                any = true;
            }
            if (change.ownerGiven() && !Objects.equals(change.ownerId(), k.ownerId())) {
                CaseRepository.set(tx, workspaceId, id, "owner_id", change.ownerId(), now);
                CaseRepository.history(
                        tx, workspaceId, id, actor, "owner", "owner", k.ownerName(), ownerName, null, now);
                any = true;
            }
            if (any) {
                if (actor.person()) {
                    CaseRepository.firstResponse(tx, workspaceId, id, now);
                }
                CaseRepository.announce(tx, workspaceId, k, status, priority, now);
            }
            return any;
        });
        if (changed && resolving) {
            followUp(workspaceId, get(workspaceId, id), actor, now);
        }
        return get(workspaceId, id);
    }

    /** An internal note: seen by the team, never by the customer. */
    public CaseEntry addNote(UUID workspaceId, UUID id, Actor actor, String text) {
        get(workspaceId, id);
        if (text == null || text.isBlank() || text.length() > 5000) {
            throw new InvalidInputException("text", "must be 1 to 5000 characters");
        }
        Instant now = clock.instant();
        store.write(tx -> {
            CaseRepository.history(tx, workspaceId, id, actor, "note", null, null, null, text.strip(), now);
            if (actor.person()) {
                CaseRepository.firstResponse(tx, workspaceId, id, now);
            }
            return null;
        });
        List<CaseEntry> all = cases.history(workspaceId, id);
        return all.get(all.size() - 1);
    }

    /** Records a service recovery action; an apology email goes to the customer after commit. */
    public CaseEntry recover(UUID workspaceId, UUID id, Actor actor, Recovery recovery) {
        Case k = get(workspaceId, id);
        List<FieldProblem> problems = new ArrayList<>();
        String type = recovery.type();
        String note = recovery.note() == null ? null : recovery.note().strip();
        if (note != null && note.length() > 2000) {
            problems.add(new FieldProblem("note", "must be at most 2000 characters"));
        }
        String summary;
        String address = null;
        String subject = null;
        String body = null;
        switch (type == null ? "" : type) {
            case Recovery.APOLOGY_EMAIL -> {
                Workspace workspace = workspaces.get(workspaceId);
                CustomerProfile profile = k.customerId() == null ? null : profile(workspaceId, k.customerId());
                address = profile == null
                        ? null
                        : profile.identities().stream()
                                .filter(i -> i.kind() == IdentityKind.EMAIL)
                                .map(i -> i.value())
                                .findFirst()
                                .orElse(null);
                if (address == null) {
                    problems.add(new FieldProblem("type", "the customer has no email address"));
                }
                String language = recovery.language() == null ? workspace.defaultLanguage() : recovery.language();
                if (!Workspaces.LANGUAGES.contains(language)) {
                    problems.add(new FieldProblem("language", "must be one of " + Workspaces.LANGUAGES));
                    language = "en";
                }
                Locale locale = Locale.forLanguageTag(language);
                Object name = profile == null ? null : profile.traits().get("name");
                String greeting = name == null
                        ? messages.getMessage("loop.apology.greetingAnonymous", null, locale)
                        : messages.getMessage("loop.apology.greeting", new Object[] {name}, locale);
                subject = messages.getMessage("loop.apology.subject", new Object[] {workspace.name()}, locale);
                body = greeting + "\n\n"
                        + messages.getMessage("loop.apology.body", new Object[] {workspace.name()}, locale)
                        + (note == null || note.isEmpty() ? "" : "\n\n" + note) + "\n\n"
                        + messages.getMessage("loop.apology.signature", new Object[] {workspace.name()}, locale)
                        + "\n";
                summary = "apology email to " + address;
            }
            case Recovery.DISCOUNT_CODE -> {
                String code = recovery.code() == null ? "" : recovery.code().strip();
                if (code.isEmpty() || code.length() > 100) {
                    problems.add(new FieldProblem("code", "must be 1 to 100 characters"));
                }
                summary = "discount code " + code + amount(recovery.amount(), problems);
            }
            case Recovery.REFUND_NOTE -> {
                if (recovery.amount() == null && (note == null || note.isEmpty())) {
                    problems.add(new FieldProblem("amount", "give the amount refunded or a note"));
                }
                summary = "refund" + amount(recovery.amount(), problems);
            }
            default -> {
                problems.add(new FieldProblem(
                        "type",
                        "must be one of "
                                + List.of(Recovery.APOLOGY_EMAIL, Recovery.DISCOUNT_CODE, Recovery.REFUND_NOTE)));
                summary = null;
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException("The recovery action is not valid", problems);
        }
        Instant now = clock.instant();
        String to = address;
        String mailSubject = subject;
        String mailBody = body;
        store.write(tx -> {
            CaseRepository.history(
                    tx,
                    workspaceId,
                    id,
                    actor,
                    "recovery",
                    type,
                    null,
                    summary,
                    note == null || note.isEmpty() ? null : note,
                    now);
            if (to != null) {
                LoopMail.queue(tx, workspaceId, id, to, mailSubject, mailBody, now);
            }
            if (actor.person()) {
                CaseRepository.firstResponse(tx, workspaceId, id, now);
            }
            return null;
        });
        if (to != null) {
            mail.sendPending();
        }
        List<CaseEntry> all = cases.history(workspaceId, id);
        return all.stream()
                .filter(e -> "recovery".equals(e.kind()))
                .reduce((a, b) -> b)
                .orElseThrow();
    }

    private static String amount(BigDecimal amount, List<FieldProblem> problems) {
        if (amount == null) {
            return "";
        }
        if (amount.signum() <= 0 || amount.compareTo(new BigDecimal("100000000")) > 0) {
            problems.add(new FieldProblem("amount", "must be a positive amount"));
            return "";
        }
        return " (" + amount.stripTrailingZeros().toPlainString() + ")";
    }

    private CustomerProfile profile(UUID workspaceId, UUID customerId) {
        try {
            return customers.profile(workspaceId, customerId);
        } catch (NotFoundException e) {
            return null;
        }
    }

    /** Plans the follow-up survey for a resolved case and notes it (or why not) in its history. */
    private void followUp(UUID workspaceId, Case k, Actor actor, Instant now) {
        LoopSettings s = settings.get(workspaceId);
        String outcome;
        UUID sendId = null;
        if (s.followUpSurveyId() == null) {
            outcome = "no follow-up survey is set up for this workspace";
        } else if (k.customerId() == null) {
            outcome = "the case has no customer to ask";
        } else if (k.followUpSendId() != null) {
            return;
        } else {
            try {
                sendId = distribution.planSend(
                        workspaceId,
                        s.followUpSurveyId(),
                        k.customerId(),
                        "case:" + k.id(),
                        now.plus(s.followUpDelay()));
                outcome = "follow-up survey planned for " + now.plus(s.followUpDelay());
            } catch (NotFoundException e) {
                outcome = "the follow-up survey was deleted";
            }
        }
        UUID planned = sendId;
        String said = outcome;
        store.write(tx -> {
            if (planned != null) {
                CaseRepository.set(tx, workspaceId, k.id(), "follow_up_send_id", planned, now);
            }
            CaseRepository.history(tx, workspaceId, k.id(), Actor.SYSTEM, "follow_up", null, null, null, said, now);
            return null;
        });
    }

    public LoopSettings settings(UUID workspaceId) {
        return settings.get(workspaceId);
    }

    /** Changes business hours, SLAs and the follow-up survey; applies to cases opened from now on. */
    public LoopSettings updateSettings(UUID workspaceId, LoopSettings s) {
        List<FieldProblem> problems = new ArrayList<>();
        if (s.businessDays().isEmpty() || s.businessDays().stream().anyMatch(d -> d < 1 || d > 7)) {
            problems.add(new FieldProblem("businessDays", "must list days of the week from 1 (Monday) to 7 (Sunday)"));
        }
        if (s.businessStart() == null
                || s.businessEnd() == null
                || !s.businessEnd().isAfter(s.businessStart())) {
            problems.add(new FieldProblem("businessEnd", "must be after businessStart (HH:MM)"));
        }
        for (String p : CasePriority.ALL) {
            Integer minutes = s.slaMinutes().get(p);
            if (minutes == null || minutes < 1 || minutes > 60 * 24 * 90) {
                problems.add(new FieldProblem("slaMinutes." + p, "must be from 1 to 129600 working minutes"));
            }
        }
        if (s.followUpDelay() == null
                || s.followUpDelay().isNegative()
                || s.followUpDelay().compareTo(Duration.ofDays(90)) > 0) {
            problems.add(new FieldProblem("followUpDelay", "must be from PT0S to P90D"));
        }
        if (s.followUpSurveyId() != null) {
            try {
                surveys.get(workspaceId, s.followUpSurveyId());
            } catch (NotFoundException e) {
                problems.add(new FieldProblem("followUpSurveyId", "no such survey in this workspace"));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException("The loop settings are not valid", problems);
        }
        Instant now = clock.instant();
        store.write(tx -> {
            SettingsRepository.seed(tx, workspaceId, now);
            SettingsRepository.update(tx, workspaceId, s, now);
            return null;
        });
        return settings.get(workspaceId);
    }

    /** Loop metrics for cases opened in [from, to). */
    public LoopMetrics metrics(UUID workspaceId, Instant from, Instant to) {
        if (!to.isAfter(from)) {
            throw new InvalidInputException("to", "must be after from");
        }
        return metrics.compute(workspaceId, from, to, clock.instant());
    }

    /** When a case of this priority opened at {@code from} is due, in the workspace's working time. */
    public Instant due(UUID workspaceId, String priority, Instant from) {
        LoopSettings s = settings.get(workspaceId);
        return SettingsRepository.hours(s, workspaces.get(workspaceId).timeZone())
                .plus(from, s.slaMinutes().get(priority));
    }
}

package io.touchpoint.feedback.internal;

import io.touchpoint.customers.Customers;
import io.touchpoint.customers.Identity;
import io.touchpoint.customers.IdentityClaim;
import io.touchpoint.customers.IdentityKind;
import io.touchpoint.events.SystemEvents;
import io.touchpoint.feedback.ContactRules;
import io.touchpoint.feedback.ResponseSubmission;
import io.touchpoint.feedback.Responses;
import io.touchpoint.feedback.Survey;
import io.touchpoint.feedback.SurveyResponse;
import io.touchpoint.feedback.Surveys;
import io.touchpoint.platform.Ids;
import io.touchpoint.platform.InList;
import io.touchpoint.platform.NotFoundException;
import io.touchpoint.platform.Sql;
import io.touchpoint.platform.Store;
import io.touchpoint.platform.WriteContext;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/**
 * A visitor's page views as the web widget reports them: which survey to show now (a triggered
 * widget send waiting for this person first, else a live survey whose targeting matches the page),
 * always within the workspace's contact rules; then the answers and the dismissal.
 *
 * <p>Asking which survey to show never creates a profile. Showing one does: the contact must be
 * remembered so that the person is not asked again on the next page.
 */
@Component
class WidgetVisits {

    /** Who is visiting: at least one of the two ids. */
    record Visitor(String userId, String anonymousId) {

        String personKey() {
            return WidgetTargeting.personKey(userId, anonymousId);
        }

        IdentityClaim claim() {
            List<Identity> identities = new ArrayList<>();
            identities.add(Identity.of(IdentityKind.USER_ID, userId));
            identities.add(Identity.of(IdentityKind.ANONYMOUS_ID, anonymousId));
            return new IdentityClaim(identities);
        }
    }

    /** What the page view asked about. */
    record PageView(String url, Set<String> events, String language, String acceptLanguage) {}

    /** A survey to show: after {@code delaySeconds}, in {@code language}. */
    record Display(Survey survey, UUID sendId, int delaySeconds, String language) {}

    /** The decision: a display, or the code of the reason nothing is shown. */
    record Decision(Display display, String reason) {

        static Decision none(String reason) {
            return new Decision(null, reason);
        }
    }

    private final Store store;
    private final Surveys surveys;
    private final Responses responses;
    private final SendRepository sends;
    private final WidgetRepository widgets;
    private final FeedbackSettings settings;
    private final Customers customers;
    private final Clock clock;

    WidgetVisits(
            Store store,
            Surveys surveys,
            Responses responses,
            SendRepository sends,
            WidgetRepository widgets,
            FeedbackSettings settings,
            Customers customers,
            Clock clock) {
        this.store = store;
        this.surveys = surveys;
        this.responses = responses;
        this.sends = sends;
        this.widgets = widgets;
        this.settings = settings;
        this.customers = customers;
        this.clock = clock;
    }

    Decision decide(UUID workspaceId, Visitor visitor, PageView page) {
        Instant now = clock.instant();
        Optional<UUID> known = known(workspaceId, visitor);
        List<UUID> group = group(workspaceId, visitor);
        List<SendRepository.Due> ready = group.isEmpty()
                ? List.of()
                : sends.ready(workspaceId, group).stream()
                        .filter(d -> "widget".equals(d.channel()))
                        .toList();
        List<SurveyWidget> candidates = widgets.live(workspaceId);
        if (ready.isEmpty() && candidates.isEmpty()) {
            return Decision.none("no_survey");
        }
        Map<UUID, Optional<Survey>> loaded = new HashMap<>();
        ready.forEach(d -> loaded.computeIfAbsent(d.surveyId(), id -> survey(workspaceId, id)));
        candidates.forEach(w -> loaded.computeIfAbsent(w.surveyId(), id -> survey(workspaceId, id)));
        ContactRules rules = settings.rules(workspaceId);
        List<ContactPolicy.Contact> history = group.isEmpty()
                ? List.of()
                : sends.history(workspaceId, group, now.minus(Duration.ofDays(historyDays(rules, loaded.values()))));
        String reason = "no_match";

        // (a) a send planned by a widget trigger, waiting for this person's visit
        for (SendRepository.Due due : ready) {
            Optional<Survey> survey = loaded.get(due.surveyId());
            Optional<ContactPolicy.Refusal> refusal = refusal(survey, rules, history, now);
            if (refusal.isPresent()) {
                ContactPolicy.Refusal why = refusal.get();
                store.write(tx -> SendRepository.move(tx, due.id(), "ready", "skipped", why.code(), why.detail(), now));
                reason = why.code();
                continue;
            }
            int delay = widgets.find(workspaceId, due.surveyId())
                    .map(SurveyWidget::delaySeconds)
                    .orElse(0);
            Optional<Display> shown = show(workspaceId, visitor, known, survey.get(), due.id(), delay, page, now);
            if (shown.isPresent()) {
                return new Decision(shown.get(), null);
            }
        }

        // (b) a live survey whose widget targeting matches this page and person
        for (SurveyWidget widget : candidates) {
            if (WidgetTargeting.check(widget, page.url(), page.events(), visitor.personKey())
                    .isPresent()) {
                continue;
            }
            Optional<Survey> survey = loaded.get(widget.surveyId());
            if (survey.isEmpty() || !survey.get().live()) {
                continue;
            }
            Optional<ContactPolicy.Refusal> refusal = refusal(survey, rules, history, now);
            if (refusal.isPresent()) {
                reason = refusal.get().code();
                continue;
            }
            Optional<Display> shown =
                    show(workspaceId, visitor, known, survey.get(), null, widget.delaySeconds(), page, now);
            if (shown.isPresent()) {
                return new Decision(shown.get(), null);
            }
        }
        return Decision.none(reason);
    }

    /** Why the survey may not be shown to this person now, if it may not. */
    private static Optional<ContactPolicy.Refusal> refusal(
            Optional<Survey> survey, ContactRules rules, List<ContactPolicy.Contact> history, Instant now) {
        if (survey.isEmpty()) {
            return Optional.of(new ContactPolicy.Refusal("survey_gone", "the survey was deleted"));
        }
        Survey s = survey.get();
        if (!s.live()) {
            return Optional.of(
                    new ContactPolicy.Refusal("survey_not_live", "survey \"" + s.name() + "\" is " + s.status()));
        }
        return ContactPolicy.check(rules, s.id(), s.definition().recontactDays(), history, now);
    }

    /** Records the contact (and for a triggered send, ready → shown) in one write unit. */
    private Optional<Display> show(
            UUID workspaceId,
            Visitor visitor,
            Optional<UUID> known,
            Survey survey,
            UUID sendId,
            int delay,
            PageView page,
            Instant now) {
        UUID person = store.write(tx -> {
            if (sendId != null && !SendRepository.move(tx, sendId, "ready", "shown", null, null, now)) {
                return null; // shown in another tab a moment ago
            }
            UUID root = known.isPresent() ? known.get() : create(tx, workspaceId, visitor, now);
            SendRepository.contact(tx, workspaceId, Ids.next(), root, survey.id(), "widget", now);
            SystemEvents.append(tx, workspaceId, root, "Survey Shown", "web", now, properties(survey, page.url()));
            return root;
        });
        if (person == null) {
            return Optional.empty();
        }
        String language = language(workspaceId, survey, page, known.isPresent() ? person : null);
        return Optional.of(new Display(survey, sendId, delay, language));
    }

    /**
     * Records answers given in the widget: a partial response until {@code finished}; the same
     * {@code clientKey} continues the same response, and a retry of a finished one returns it.
     */
    SurveyResponse answer(
            UUID workspaceId,
            UUID surveyId,
            String clientKey,
            Visitor visitor,
            Map<String, JsonNode> answers,
            boolean finished,
            String language) {
        surveys.get(workspaceId, surveyId);
        UUID person = person(workspaceId, visitor);
        UUID sendId = shownSend(workspaceId, surveyId, customers.profileGroup(workspaceId, person));
        return responses.submit(
                workspaceId,
                surveyId,
                new ResponseSubmission(
                        null, clientKey, person, "widget", null, language, null, false, sendId, answers, finished,
                        null));
    }

    /** Records that the person closed the survey without finishing it, on their timeline. */
    void dismiss(UUID workspaceId, UUID surveyId, String clientKey, Visitor visitor, String url) {
        Survey survey = surveys.get(workspaceId, surveyId);
        UUID person = person(workspaceId, visitor);
        Instant now = clock.instant();
        List<UUID> group = customers.profileGroup(workspaceId, person);
        boolean contacted = sends.history(workspaceId, group, now.minus(Duration.ofHours(1))).stream()
                .anyMatch(c -> c.surveyId().equals(surveyId) && "widget".equals(c.channel()));
        Map<String, Object> properties = properties(survey, url);
        properties.put("response_key", clientKey);
        store.write(tx -> {
            if (!contacted) {
                // shown without the contact on record (a cached answer, a second tab): count it now
                SendRepository.contact(tx, workspaceId, Ids.next(), person, surveyId, "widget", now);
            }
            SystemEvents.append(tx, workspaceId, person, "Survey Dismissed", "web", now, properties);
            return null;
        });
    }

    private static Map<String, Object> properties(Survey survey, String url) {
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("survey_id", survey.id().toString());
        properties.put("survey_name", survey.name());
        properties.put("channel", "widget");
        if (url != null) {
            properties.put("url", url);
        }
        return properties;
    }

    /** The person this visitor is, made now (as ingestion would) when they are not known yet. */
    private UUID person(UUID workspaceId, Visitor visitor) {
        Optional<UUID> byUser =
                visitor.userId() == null ? Optional.empty() : customers.findByUserId(workspaceId, visitor.userId());
        if (byUser.isPresent()) {
            return byUser.get();
        }
        if (visitor.userId() == null) {
            Optional<UUID> byDevice = customers.find(workspaceId, IdentityKind.ANONYMOUS_ID, visitor.anonymousId());
            if (byDevice.isPresent()) {
                return byDevice.get();
            }
        }
        Instant now = clock.instant();
        return store.write(tx -> create(tx, workspaceId, visitor, now));
    }

    /** Resolves the visitor's ids as an incoming message would (creating or joining profiles); the root. */
    private UUID create(WriteContext tx, UUID workspaceId, Visitor visitor, Instant now) throws Exception {
        UUID profile = customers
                .resolveIdentities(tx, workspaceId, List.of(visitor.claim()), now)
                .get(0);
        // Read back who owns the id now: on PostgreSQL a message of the same new visitor ingested at
        // the same moment may have claimed it first (our identity row was then skipped), and the
        // owner may be merged into another profile. Answers and contacts go to that root.
        Identity id = visitor.claim().identities().get(0);
        return tx.jdbc()
                .sql("select c.root_id from identities i join customers c on c.workspace_id = i.workspace_id "
                        + "and c.id = i.customer_id where i.workspace_id = ? and i.kind = ? and i.value = ?")
                .params(workspaceId, id.kind().name(), id.value())
                .query((rs, n) -> Sql.uuid(rs, "root_id"))
                .optional()
                .orElse(profile);
    }

    /** The person as already known, by user id first, without creating anything. */
    private Optional<UUID> known(UUID workspaceId, Visitor visitor) {
        if (visitor.userId() != null) {
            Optional<UUID> byUser = customers.findByUserId(workspaceId, visitor.userId());
            if (byUser.isPresent()) {
                return byUser;
            }
        }
        return visitor.anonymousId() == null
                ? Optional.empty()
                : customers.find(workspaceId, IdentityKind.ANONYMOUS_ID, visitor.anonymousId());
    }

    /** Every profile of the person under either id: the history of both counts. */
    private List<UUID> group(UUID workspaceId, Visitor visitor) {
        Set<UUID> group = new LinkedHashSet<>();
        if (visitor.userId() != null) {
            customers
                    .findByUserId(workspaceId, visitor.userId())
                    .ifPresent(root -> group.addAll(customers.profileGroup(workspaceId, root)));
        }
        if (visitor.anonymousId() != null) {
            customers
                    .find(workspaceId, IdentityKind.ANONYMOUS_ID, visitor.anonymousId())
                    .ifPresent(root -> group.addAll(customers.profileGroup(workspaceId, root)));
        }
        return List.copyOf(group);
    }

    /** The widget send shown to this person for this survey and not answered yet, if any. */
    private UUID shownSend(UUID workspaceId, UUID surveyId, List<UUID> group) {
        InList in = InList.of(group);
        List<Object> params = new ArrayList<>();
        params.add(workspaceId);
        params.add(surveyId);
        params.addAll(in.values());
        return store.reads()
                .sql("select d.id from survey_sends d where d.workspace_id = ? and d.survey_id = ? "
                        + "and d.channel = 'widget' and d.status = 'shown' and d.customer_id in (" + in.marks() + ") "
                        + "and not exists (select 1 from responses r where r.workspace_id = d.workspace_id "
                        + "and r.send_id = d.id) order by d.processed_at desc limit 1")
                .params(params)
                .query((rs, n) -> Sql.uuid(rs, "id"))
                .optional()
                .orElse(null);
    }

    private Optional<Survey> survey(UUID workspaceId, UUID surveyId) {
        try {
            return Optional.of(surveys.get(workspaceId, surveyId));
        } catch (NotFoundException e) {
            return Optional.empty();
        }
    }

    /** How far back the contact history must reach for the rules and these surveys' recontact days. */
    private static int historyDays(ContactRules rules, Collection<Optional<Survey>> surveys) {
        int days = Math.max(rules.cooldownDays(), rules.periodDays());
        for (Optional<Survey> survey : surveys) {
            Integer recontact = survey.map(s -> s.definition().recontactDays()).orElse(null);
            if (recontact != null) {
                days = Math.max(days, recontact);
            }
        }
        return days;
    }

    /**
     * The language to ask in: the page's choice ({@code data-lang}), else the profile's language
     * trait, else the browser's languages, else the survey's default.
     */
    private String language(UUID workspaceId, Survey survey, PageView page, UUID person) {
        List<String> available = survey.definition().languages();
        String asked = page.language() == null ? null : page.language().toLowerCase(Locale.ROOT);
        if (asked != null && asked.length() >= 2 && available.contains(asked.substring(0, 2))) {
            return asked.substring(0, 2);
        }
        if (person != null) {
            Map<String, Object> traits = customers.profile(workspaceId, person).traits();
            for (String trait : List.of("language", "locale")) {
                if (traits.get(trait) instanceof String s && s.length() >= 2) {
                    String code = s.substring(0, 2).toLowerCase(Locale.ROOT);
                    if (available.contains(code)) {
                        return code;
                    }
                }
            }
        }
        if (page.acceptLanguage() != null) {
            try {
                List<Locale> locales =
                        available.stream().map(Locale::forLanguageTag).toList();
                Locale match = Locale.lookup(Locale.LanguageRange.parse(page.acceptLanguage()), locales);
                if (match != null) {
                    return match.getLanguage();
                }
            } catch (IllegalArgumentException ignored) {
                // a malformed header: the survey's default language
            }
        }
        return survey.definition().defaultLanguage();
    }
}

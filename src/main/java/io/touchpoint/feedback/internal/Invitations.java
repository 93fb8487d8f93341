package io.touchpoint.feedback.internal;

import io.touchpoint.customers.ConsentChannel;
import io.touchpoint.customers.CustomerProfile;
import io.touchpoint.customers.Customers;
import io.touchpoint.customers.IdentityKind;
import io.touchpoint.events.SystemEvents;
import io.touchpoint.feedback.Question;
import io.touchpoint.feedback.Survey;
import io.touchpoint.feedback.Surveys;
import io.touchpoint.platform.Ids;
import io.touchpoint.platform.NotFoundException;
import io.touchpoint.platform.Sql;
import io.touchpoint.platform.Store;
import io.touchpoint.platform.TouchpointProperties;
import io.touchpoint.workspace.Workspaces;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Email invitations: the checks (address, consent, contact rules), the personal link, the mail,
 * and the record of it (send status, contact history, the customer's timeline).
 */
@Component
public class Invitations {

    private static final Logger log = LoggerFactory.getLogger(Invitations.class);

    private final Store store;
    private final Surveys surveys;
    private final SendRepository sends;
    private final FeedbackSettings settings;
    private final SurveyMailer mailer;
    private final Customers customers;
    private final Workspaces workspaces;
    private final TouchpointProperties properties;

    Invitations(
            Store store,
            Surveys surveys,
            SendRepository sends,
            FeedbackSettings settings,
            SurveyMailer mailer,
            Customers customers,
            Workspaces workspaces,
            TouchpointProperties properties) {
        this.store = store;
        this.surveys = surveys;
        this.sends = sends;
        this.settings = settings;
        this.mailer = mailer;
        this.customers = customers;
        this.workspaces = workspaces;
        this.properties = properties;
    }

    /** Sends (or reminds of) one due email invitation, or records why not. */
    void email(SendRepository.Due due, boolean reminder, Instant now) {
        Survey survey = surveys.get(due.workspaceId(), due.surveyId());
        CustomerProfile profile;
        try {
            profile = customers.profile(due.workspaceId(), due.customerId());
        } catch (NotFoundException e) {
            skip(due, reminder, "customer_gone", "the customer was erased", now);
            return;
        }
        Optional<String> address = email(profile);
        if (address.isEmpty()) {
            skip(due, reminder, "no_email", "no email address on the profile", now);
            return;
        }
        if (!emailConsent(profile)) {
            skip(due, reminder, "no_consent", "no email consent (or unsubscribed)", now);
            return;
        }
        if (!reminder) {
            List<UUID> group = customers.profileGroup(due.workspaceId(), profile.id());
            var rules = settings.rules(due.workspaceId());
            Instant since = now.minus(Duration.ofDays(Math.max(
                    Math.max(rules.cooldownDays(), rules.periodDays()),
                    survey.definition().recontactDays() == null
                            ? 0
                            : survey.definition().recontactDays())));
            Optional<ContactPolicy.Refusal> refusal = ContactPolicy.check(
                    rules,
                    survey.id(),
                    survey.definition().recontactDays(),
                    sends.history(due.workspaceId(), group, since),
                    now);
            if (refusal.isPresent()) {
                skip(due, false, refusal.get().code(), refusal.get().detail(), now);
                return;
            }
        }
        if (!mailer.configured()) {
            skip(due, reminder, "mail_not_configured", "no SMTP server is configured (TOUCHPOINT_SMTP_HOST)", now);
            return;
        }
        boolean claimed = store.write(tx -> reminder
                ? tx.jdbc()
                                .sql("update survey_sends set reminded_at = ? where id = ? and reminded_at is null")
                                .params(Sql.ts(now), due.id())
                                .update()
                        > 0
                : SendRepository.move(tx, due.id(), "pending", "sending", null, null, now));
        if (!claimed) {
            return;
        }
        String language = language(profile, survey);
        byte[] key = settings.signingKey(due.workspaceId());
        String token = LinkTokens.issue(
                new LinkTokens.Claims(
                        due.workspaceId(),
                        survey.id(),
                        profile.id(),
                        due.id(),
                        due.id(),
                        now.plus(properties.feedback().linkValidity()),
                        true,
                        language),
                key);
        String base = properties.feedback().publicUrl();
        String url = base + "/s/" + survey.id() + "?t=" + token;
        Question first = survey.definition().questions().get(0);
        Map<String, Object> model = new LinkedHashMap<>(
                firstQuestion(first, language, survey.definition().defaultLanguage(), url));
        model.put("surveyUrl", url);
        model.put("unsubscribeUrl", base + "/s/unsubscribe?t=" + token);
        model.put("greetingName", greetingName(profile));
        model.put("shopName", workspaces.get(due.workspaceId()).name());
        model.put("reminder", reminder);
        try {
            mailer.send(address.get(), Locale.forLanguageTag(language), model);
        } catch (Exception e) {
            log.warn("Survey invitation {} could not be mailed: {}", due.id(), e.getMessage());
            if (!reminder) {
                store.write(tx -> SendRepository.move(
                        tx, due.id(), "sending", "failed", "send_failed", String.valueOf(e.getMessage()), now));
            }
            return;
        }
        if (reminder) {
            return;
        }
        Integer reminderDays = settings.rules(due.workspaceId()).reminderDays();
        store.write(tx -> {
            SendRepository.move(tx, due.id(), "sending", "sent", null, null, now);
            tx.jdbc()
                    .sql("update survey_sends set token_id = ?, reminder_due_at = ? where id = ?")
                    .params(
                            due.id(),
                            reminderDays == null ? null : Sql.ts(now.plus(Duration.ofDays(reminderDays))),
                            due.id())
                    .update();
            SendRepository.contact(tx, due.workspaceId(), Ids.next(), profile.id(), survey.id(), "email", now);
            SystemEvents.append(
                    tx,
                    due.workspaceId(),
                    profile.id(),
                    "Survey Sent",
                    "email",
                    now,
                    Map.of(
                            "survey_id",
                            survey.id().toString(),
                            "survey_name",
                            survey.name(),
                            "send_id",
                            due.id().toString()));
            return null;
        });
    }

    private void skip(SendRepository.Due due, boolean reminder, String code, String detail, Instant now) {
        if (reminder) {
            store.write(tx -> tx.jdbc()
                    .sql("update survey_sends set reminded_at = ? where id = ?")
                    .params(Sql.ts(now), due.id())
                    .update());
            log.info("Reminder for survey send {} not sent: {}", due.id(), detail);
            return;
        }
        store.write(tx -> SendRepository.move(tx, due.id(), "pending", "skipped", code, detail, now));
    }

    static String greetingName(CustomerProfile profile) {
        for (String trait : List.of("firstName", "first_name", "name")) {
            if (profile.traits().get(trait) instanceof String s && !s.isBlank()) {
                return s.strip();
            }
        }
        return null;
    }

    /** Survey language for a person: their profile's language trait when the survey has it, else the default. */
    static String language(CustomerProfile profile, Survey survey) {
        Object trait = profile.traits().get("language");
        if (trait == null) {
            trait = profile.traits().get("locale");
        }
        if (trait instanceof String s && s.length() >= 2) {
            String code = s.substring(0, 2).toLowerCase(Locale.ROOT);
            if (survey.definition().languages().contains(code)) {
                return code;
            }
        }
        return survey.definition().defaultLanguage();
    }

    static Optional<String> email(CustomerProfile profile) {
        return profile.identities().stream()
                .filter(i -> i.kind() == IdentityKind.EMAIL)
                .map(i -> i.value())
                .findFirst();
    }

    /** Whether the person's latest email decision is a yes. */
    static boolean emailConsent(CustomerProfile profile) {
        return profile.consents().stream()
                .filter(c -> c.channel().equals(ConsentChannel.EMAIL_MARKETING.key()))
                .max(Comparator.comparing(CustomerProfile.Consent::at))
                .map(CustomerProfile.Consent::granted)
                .orElse(false);
    }

    static Map<String, Object> firstQuestion(Question q, String language, String fallback, String url) {
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("question", q.text(language, fallback));
        if (q.kind().scored()) {
            List<Map<String, Object>> scores = new ArrayList<>();
            for (int score = q.min(); score <= q.max(); score++) {
                scores.add(Map.of("score", score, "url", url + "&q=" + q.id() + "&a=" + score));
            }
            model.put("scores", scores);
        }
        return model;
    }
}

package io.touchpoint.feedback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.touchpoint.platform.Sql;
import io.touchpoint.platform.Store;
import io.touchpoint.support.Fixtures.TestWorkspace;
import io.touchpoint.support.Http;
import io.touchpoint.support.IntegrationTest;
import io.touchpoint.support.SampleSurveys;
import io.touchpoint.support.TestMail;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * Event-triggered email invitations through a real SMTP server (GreenMail): the mail, the link in
 * it, consent, unsubscribe, and the contact rule that stops a second survey, saying why.
 */
class InvitationsIT extends IntegrationTest {

    @Autowired
    private Store store;

    private TestWorkspace ws;
    private String user;
    private String email;

    @BeforeEach
    void customer() {
        ws = fixtures.aWorkspace();
        user = "c-" + UUID.randomUUID();
        email = user + "@example.com";
        identify(user, email, true);
    }

    private void identify(String userId, String address, boolean consent) {
        Http.Response r = http().basic(ws.writeKey(), "")
                .postJson(
                        "/v1/identify",
                        Map.of("userId", userId, "traits", Map.of("email", address, "firstName", "지수")));
        assertThat(r.status()).isEqualTo(200);
        if (consent) {
            Http.Response c = http().bearer(ws.secretKey())
                    .postJson(
                            "/api/v1/customers/" + userId + "/consent",
                            Map.of("channel", "email_marketing", "granted", true, "source", "signup form"));
            assertThat(c.status()).as(c.body()).isEqualTo(200);
        }
    }

    private String liveSurveyWithTrigger(String name, String event) {
        String id = http().bearer(ws.secretKey())
                .postJson("/api/v1/surveys", SampleSurveys.nps(name))
                .json()
                .path("id")
                .asString();
        http().bearer(ws.secretKey()).postJson("/api/v1/surveys/" + id + "/publish", "");
        Http.Response trigger = http().bearer(ws.secretKey())
                .postJson(
                        "/api/v1/surveys/" + id + "/triggers",
                        Map.of("event", event, "delay", "PT1S", "channel", "email"));
        assertThat(trigger.status()).as(trigger.body()).isEqualTo(201);
        return id;
    }

    private void track(String userId, String event) {
        Http.Response r = http().basic(ws.writeKey(), "")
                .postJson(
                        "/v1/track",
                        Map.of(
                                "userId",
                                userId,
                                "event",
                                event,
                                "properties",
                                Map.of("order_id", "o-" + UUID.randomUUID())));
        assertThat(r.status()).as(r.body()).isEqualTo(200);
    }

    private JsonNode sends(String surveyId) {
        return http().bearer(ws.secretKey())
                .get("/api/v1/surveys/" + surveyId + "/sends")
                .json()
                .path("items");
    }

    @Test
    void anEventTriggersOneInvitationWhoseLinkRecordsTheAnswerForTheRightCustomer() throws Exception {
        String survey = liveSurveyWithTrigger("배송 후 NPS", "Order Delivered");
        track(user, "Order Delivered");

        await().atMost(Duration.ofSeconds(30)).until(() -> TestMail.to(email).size() == 1);
        MimeMessage mail = TestMail.to(email).get(0);
        assertThat(mail.getSubject()).contains("이용 경험");
        String html = html(mail);
        assertThat(html).contains("지수님").contains("친구에게 추천하시겠어요?");
        assertThat(mail.getHeader("List-Unsubscribe")[0]).contains("/s/unsubscribe?t=");

        Matcher nine = Pattern.compile("href=\"([^\"]+&amp;q=nps&amp;a=9)\"").matcher(html);
        assertThat(nine.find()).as(html).isTrue();
        String link = SurveysIT.path(nine.group(1).replace("&amp;", "&"));
        Http.Response clicked = http().get(link);
        assertThat(clicked.status()).isEqualTo(302);

        JsonNode response = http().bearer(ws.secretKey())
                .get("/api/v1/surveys/" + survey + "/responses")
                .json()
                .path("items")
                .get(0);
        assertThat(response.path("nps").asInt()).isEqualTo(9);
        assertThat(response.path("channel").asString()).isEqualTo("email");
        assertThat(response.path("partial").asBoolean())
                .as("a click alone is not a complete answer")
                .isTrue();
        String customerId = http().bearer(ws.secretKey())
                .get("/api/v1/customers/" + user)
                .json()
                .path("id")
                .asString();
        assertThat(response.path("customerId").asString()).isEqualTo(customerId);
        assertThat(sends(survey).get(0).path("status").asString()).isEqualTo("sent");
        assertThat(http().bearer(ws.secretKey())
                        .get("/api/v1/customers/" + user + "/timeline")
                        .body())
                .contains("Survey Sent");

        // the send happened once, however many rounds ran since
        Thread.sleep(1500);
        assertThat(TestMail.to(email)).hasSize(1);
    }

    @Test
    void theContactRuleStopsASecondSurveyAndSaysWhy() {
        liveSurveyWithTrigger("배송 후 NPS", "Order Delivered");
        String second = liveSurveyWithTrigger("상담 후 CES", "Chat Ended");
        track(user, "Order Delivered");
        await().atMost(Duration.ofSeconds(30)).until(() -> TestMail.to(email).size() == 1);

        track(user, "Chat Ended");
        await().atMost(Duration.ofSeconds(30))
                .until(() -> !sends(second).isEmpty()
                        && sends(second).get(0).path("status").asString().equals("skipped"));
        JsonNode skipped = sends(second).get(0);
        assertThat(skipped.path("reason").asString()).isEqualTo("cooldown");
        assertThat(skipped.path("reasonDetail").asString()).contains("asked").contains("배송 후 NPS");
        assertThat(TestMail.to(email)).hasSize(1);
    }

    @Test
    void noConsentNoMailAndTheUnsubscribeLinkRecordsTheRefusal() throws Exception {
        String other = "n-" + UUID.randomUUID();
        identify(other, other + "@example.com", false);
        String survey = liveSurveyWithTrigger("배송 후 NPS", "Order Delivered");
        track(other, "Order Delivered");
        await().atMost(Duration.ofSeconds(30))
                .until(() -> !sends(survey).isEmpty()
                        && sends(survey).get(0).path("status").asString().equals("skipped"));
        assertThat(sends(survey).get(0).path("reason").asString()).isEqualTo("no_consent");
        assertThat(TestMail.to(other + "@example.com")).isEmpty();

        track(user, "Order Delivered");
        await().atMost(Duration.ofSeconds(30)).until(() -> TestMail.to(email).size() == 1);
        String unsubscribe = SurveysIT.path(
                TestMail.to(email).get(0).getHeader("List-Unsubscribe")[0].replaceAll("[<>]", ""));
        assertThat(http().get(unsubscribe).status()).isEqualTo(200);
        assertThat(http().postForm(unsubscribe, "").status()).isEqualTo(200);
        JsonNode consents = http().bearer(ws.secretKey())
                .get("/api/v1/customers/" + user)
                .json()
                .path("consents");
        assertThat(consents.toString()).contains("\"granted\":false").contains("unsubscribe link");
    }

    @Test
    void oneReminderGoesToNonRespondersWhenTurnedOn() throws Exception {
        assertThat(http().bearer(ws.secretKey())
                        .putJson(
                                "/api/v1/feedback/contact-rules",
                                Map.of("cooldownDays", 14, "maxSurveys", 3, "periodDays", 90, "reminderDays", 2))
                        .status())
                .isEqualTo(200);
        String survey = liveSurveyWithTrigger("배송 후 NPS", "Order Delivered");
        track(user, "Order Delivered");
        await().atMost(Duration.ofSeconds(30)).until(() -> TestMail.to(email).size() == 1);
        // the worker records the send (and when its reminder is due) just after the mail left
        await().atMost(Duration.ofSeconds(30))
                .until(() -> sends(survey).get(0).path("status").asString().equals("sent"));
        // two days pass
        store.write(tx -> tx.jdbc()
                .sql("update survey_sends set reminder_due_at = ? where survey_id = ?")
                .params(Sql.ts(Instant.now().minusSeconds(60)), UUID.fromString(survey))
                .update());
        await().atMost(Duration.ofSeconds(30)).until(() -> TestMail.to(email).size() == 2);
        assertThat(TestMail.to(email).get(1).getSubject()).contains("잠시 의견을");
        Thread.sleep(1500);
        assertThat(TestMail.to(email)).as("one reminder only").hasSize(2);

        assertThat(http().bearer(ws.secretKey())
                        .putJson(
                                "/api/v1/feedback/contact-rules",
                                Map.of("cooldownDays", -1, "maxSurveys", 0, "periodDays", 90, "reminderDays", 99))
                        .json()
                        .path("errors")
                        .size())
                .isEqualTo(3);
    }

    @Test
    void aPausedTriggerPlansNothingAndATriggerIsOnlyReachableThroughItsOwnSurvey() {
        String survey = liveSurveyWithTrigger("일시 중지 NPS", "Return Requested");
        String other = liveSurveyWithTrigger("other", "Never Happens");
        String trigger = http().bearer(ws.secretKey())
                .get("/api/v1/surveys/" + survey + "/triggers")
                .json()
                .path("items")
                .get(0)
                .path("id")
                .asString();
        String path = "/api/v1/surveys/" + survey + "/triggers/" + trigger;

        assertThat(http().bearer(ws.secretKey())
                        .patchJson("/api/v1/surveys/" + other + "/triggers/" + trigger, Map.of("enabled", false))
                        .status())
                .isEqualTo(404);
        assertThat(http().bearer(ws.secretKey())
                        .delete("/api/v1/surveys/" + other + "/triggers/" + trigger)
                        .status())
                .isEqualTo(404);
        assertThat(http().bearer(ws.secretKey()).patchJson(path, Map.of()).status())
                .isEqualTo(400);
        assertThat(http().bearer(ws.secretKey())
                        .patchJson(path, Map.of("enabled", false))
                        .status())
                .isEqualTo(200);
        assertThat(http().bearer(ws.secretKey())
                        .get("/api/v1/surveys/" + survey + "/triggers")
                        .json()
                        .path("items")
                        .get(0)
                        .path("enabled")
                        .asBoolean())
                .isFalse();

        track(user, "Return Requested"); // while paused: never sent, not even after the resume

        assertThat(http().bearer(ws.secretKey())
                        .patchJson(path, Map.of("enabled", true))
                        .status())
                .isEqualTo(200);
        track(user, "Return Requested");
        // both events are in the worker's next scan; only the one after the resume is planned (same write)
        await().atMost(Duration.ofSeconds(30)).until(() -> !sends(survey).isEmpty());
        assertThat(sends(survey)).hasSize(1);
    }

    @Test
    void refusesInvalidTriggers() {
        String id = http().bearer(ws.secretKey())
                .postJson("/api/v1/surveys", SampleSurveys.nps("x"))
                .json()
                .path("id")
                .asString();
        Http.Response bad = http().bearer(ws.secretKey())
                .postJson(
                        "/api/v1/surveys/" + id + "/triggers",
                        Map.of("event", "", "delay", "three days", "channel", "sms", "samplePct", 0));
        assertThat(bad.status()).isEqualTo(400);
        Http.Response bad2 = http().bearer(ws.secretKey())
                .postJson(
                        "/api/v1/surveys/" + id + "/triggers",
                        Map.of("event", "", "delay", "P3D", "channel", "sms", "samplePct", 0));
        List<String> fields = new java.util.ArrayList<>();
        bad2.json().path("errors").forEach(e -> fields.add(e.path("field").asString()));
        assertThat(fields).containsExactlyInAnyOrder("event", "channel", "samplePct");
    }

    static String html(MimeMessage mail) throws Exception {
        Multipart mixed = (Multipart) mail.getContent();
        return find(mixed);
    }

    private static String find(Multipart multipart) throws Exception {
        for (int i = 0; i < multipart.getCount(); i++) {
            var part = multipart.getBodyPart(i);
            if (part.getContent() instanceof Multipart inner) {
                String found = find(inner);
                if (found != null) {
                    return found;
                }
            } else if (part.isMimeType("text/html")) {
                return (String) part.getContent();
            }
        }
        return null;
    }
}

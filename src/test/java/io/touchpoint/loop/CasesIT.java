package io.touchpoint.loop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.touchpoint.platform.Store;
import io.touchpoint.support.Fixtures;
import io.touchpoint.support.Http;
import io.touchpoint.support.IntegrationTest;
import io.touchpoint.support.SampleSurveys;
import io.touchpoint.support.TestMail;
import io.touchpoint.support.UiSession;
import io.touchpoint.workspace.Role;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.time.Duration;
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
 * Working cases: changes with their history, recovery actions with real mail, the follow-up survey
 * after resolution and its answer on the case, loop metrics, and what agents may and may not do.
 */
class CasesIT extends IntegrationTest {

    static final String PASSWORD = "a-long-enough-password";

    @Autowired
    Store store;

    Fixtures.TestWorkspace ws;
    String user;
    String email;
    String survey;

    @BeforeEach
    void workspace() {
        ws = fixtures.aWorkspace();
        user = "c-" + UUID.randomUUID();
        email = user + "@example.com";
        Http.Response r = http().basic(ws.writeKey(), "")
                .postJson("/v1/identify", Map.of("userId", user, "traits", Map.of("email", email, "name", "지수")));
        assertThat(r.status()).isEqualTo(200);
        survey = api().postJson("/api/v1/surveys", SampleSurveys.nps("NPS " + UUID.randomUUID()))
                .json()
                .path("id")
                .asString();
        api().postJson("/api/v1/surveys/" + survey + "/publish", "");
    }

    Http api() {
        return http().bearer(ws.secretKey());
    }

    /** A detractor's answer and the case the default rule opens for it. */
    String detractorCase(int nps) {
        Http.Response r = api().postJson(
                        "/api/v1/surveys/" + survey + "/responses",
                        Map.of("userId", user, "answers", Map.of("nps", nps, "why", "배송이 늦었어요"), "channel", "api"));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        await().atMost(Duration.ofSeconds(10))
                .until(() -> api().get("/api/v1/cases?userId=" + user)
                                .json()
                                .path("items")
                                .size()
                        == 1);
        return api().get("/api/v1/cases?userId=" + user)
                .json()
                .path("items")
                .get(0)
                .path("id")
                .asString();
    }

    @Test
    void changesNotesAndRecoveryActionsAreRecordedWithWhoAndWhenAndTheApologyIsMailed() throws Exception {
        String id = detractorCase(2);
        String admin = api().get("/api/v1/cases/" + id).json().path("id").asString();
        assertThat(admin).isEqualTo(id);
        String agentEmail = fixtures.aUser(ws.id(), Role.AGENT, PASSWORD);
        String agentId = store.reads()
                .sql("select id from users where email = ?")
                .param(agentEmail)
                .query((rs, n) -> rs.getString("id"))
                .single();

        Http.Response changed = api().send(
                        "PATCH",
                        "/api/v1/cases/" + id,
                        Map.of("status", "in_progress", "priority", "urgent", "ownerId", agentId));
        assertThat(changed.status()).as(changed.body()).isEqualTo(200);
        assertThat(changed.json().path("firstResponseAt").isNull()).isFalse();
        assertThat(api().postJson("/api/v1/cases/" + id + "/notes", Map.of("text", "고객에게 전화함"))
                        .status())
                .isEqualTo(201);
        Http.Response apology = api().postJson(
                        "/api/v1/cases/" + id + "/recovery",
                        Map.of("type", "apology_email", "note", "다음 주문은 무료 배송입니다."));
        assertThat(apology.status()).as(apology.body()).isEqualTo(201);
        assertThat(api().postJson(
                                "/api/v1/cases/" + id + "/recovery",
                                Map.of("type", "discount_code", "code", "SORRY10", "amount", 5000))
                        .status())
                .isEqualTo(201);

        JsonNode history = api().get("/api/v1/cases/" + id).json().path("history");
        assertThat(history)
                .extracting(e -> e.path("kind").asString())
                .containsExactly("opened", "status", "priority", "owner", "note", "recovery", "recovery");
        assertThat(history.get(1).path("oldValue").asString()).isEqualTo("open");
        assertThat(history.get(1).path("newValue").asString()).isEqualTo("in_progress");
        assertThat(history.get(3).path("newValue").asString()).isEqualTo(agentEmail);
        assertThat(history.get(4).path("actor").asString()).startsWith("API key");
        assertThat(history.get(6).path("newValue").asString()).isEqualTo("discount code SORRY10 (5000)");
        assertThat(history.get(6).path("at").asString()).isNotEmpty();

        await().atMost(Duration.ofSeconds(10)).until(() -> TestMail.to(email).size() == 1);
        MimeMessage mail = TestMail.to(email).get(0);
        assertThat(mail.getSubject()).contains(ws.workspace().name()).contains("사과");
        assertThat(String.valueOf(mail.getContent())).contains("지수님").contains("다음 주문은 무료 배송입니다.");
        assertThat(outbox("case.updated", id)).isEqualTo(1);
    }

    @Test
    void resolvingSendsTheFollowUpSurveyWhoseAnswerShowsOnTheCaseAndCountsAsARecoveredDetractor() throws Exception {
        Http.Response consent = api().postJson(
                        "/api/v1/customers/" + user + "/consent",
                        Map.of("channel", "email_marketing", "granted", true, "source", "signup form"));
        assertThat(consent.status()).as(consent.body()).isEqualTo(200);
        // the detractor answered minutes ago; the workspace lets a follow-up ask again at once
        assertThat(api().putJson(
                                "/api/v1/feedback/contact-rules",
                                Map.of("cooldownDays", 0, "maxSurveys", 10, "periodDays", 30))
                        .status())
                .isEqualTo(200);
        String followUp = api().postJson(
                        "/api/v1/surveys",
                        Map.of(
                                "name",
                                "Did we resolve it?",
                                "defaultLanguage",
                                "ko",
                                "questions",
                                List.of(Map.of(
                                        "id",
                                        "nps",
                                        "type",
                                        "nps",
                                        "text",
                                        Map.of("ko", "이제 추천하시겠어요?", "en", "Would you recommend us now?")))))
                .json()
                .path("id")
                .asString();
        api().postJson("/api/v1/surveys/" + followUp + "/publish", "");
        Http.Response settings =
                api().putJson("/api/v1/loop/settings", Map.of("followUpSurveyId", followUp, "followUpDelay", "PT0S"));
        assertThat(settings.status()).as(settings.body()).isEqualTo(200);
        assertThat(api().putJson("/api/v1/loop/settings", Map.of("followUpDelay", "tomorrow", "businessEnd", "25:00"))
                        .body())
                .contains("followUpDelay")
                .contains("businessEnd");

        String id = detractorCase(3);
        Http.Response resolved = api().send("PATCH", "/api/v1/cases/" + id, Map.of("status", "resolved"));
        assertThat(resolved.status()).as(resolved.body()).isEqualTo(200);
        assertThat(outbox("case.resolved", id)).isEqualTo(1);

        await().atMost(Duration.ofSeconds(20)).until(() -> TestMail.to(email).size() == 1);
        String html = html(TestMail.to(email).get(0));
        assertThat(html).contains("이제 추천하시겠어요?");
        Matcher nine = Pattern.compile("href=\"([^\"]+&amp;q=nps&amp;a=9)\"").matcher(html);
        assertThat(nine.find()).as(html).isTrue();
        Http.Response clicked = http().get(path(nine.group(1).replace("&amp;", "&")));
        assertThat(clicked.status()).isEqualTo(302);
        Http.Response finished = http().get(path(clicked.header("Location")));
        assertThat(finished.status()).isEqualTo(302);

        JsonNode k = api().get("/api/v1/cases/" + id).json();
        assertThat(k.path("followUpSendId").asString()).isNotEmpty();
        assertThat(k.path("history").toString()).contains("follow-up survey planned");
        await().atMost(Duration.ofSeconds(10))
                .until(() -> api().get("/api/v1/loop/metrics")
                                .json()
                                .path("recoveredDetractors")
                                .asLong()
                        == 1);
        JsonNode metrics = api().get("/api/v1/loop/metrics").json();
        assertThat(metrics.path("opened").asLong()).isEqualTo(1);
        assertThat(metrics.path("followUpDetractors").asLong()).isEqualTo(1);
        assertThat(metrics.path("recoveredPct").asDouble()).isEqualTo(100.0);
        assertThat(metrics.path("closurePct").asDouble()).isEqualTo(100.0);

        UiSession ui = new UiSession(port);
        String admin = fixtures.aUser(ws.id(), Role.ADMIN, PASSWORD);
        ui.signIn(admin, PASSWORD);
        UiSession.Page page = ui.get("/cases/" + id);
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("id=\"follow-up-answer\"").contains("이제 추천하시겠어요?");
        assertThat(page.body()).contains("배송이 늦었어요");
    }

    @Test
    void anAgentWorksCasesButCannotChangeRulesOrSettingsNorOpenAnotherWorkspacesCase() {
        String id = detractorCase(1);
        Fixtures.TestWorkspace other = fixtures.aWorkspace();
        String otherUser = "o-" + UUID.randomUUID();
        http().basic(other.writeKey(), "").postJson("/v1/identify", Map.of("userId", otherUser));
        String otherCase = http().bearer(other.secretKey())
                .postJson("/api/v1/cases", Map.of("title", "Someone else's", "userId", otherUser))
                .json()
                .path("id")
                .asString();

        UiSession agent = new UiSession(port);
        agent.signIn(fixtures.aUser(ws.id(), Role.AGENT, PASSWORD), PASSWORD);
        UiSession.Page inbox = agent.get("/cases");
        assertThat(inbox.status()).isEqualTo(200);
        assertThat(inbox.body()).contains("/cases/" + id).contains("id=\"loop-metrics\"");
        assertThat(agent.get("/cases?status=open&sla=on_track&owner=none").body())
                .contains("/cases/" + id);
        assertThat(agent.get("/cases/" + id).status()).isEqualTo(200);
        UiSession.Page saved = agent.post("/cases/" + id, Map.of("status", "waiting_on_customer", "owner", ""));
        assertThat(saved.status()).isEqualTo(302);
        assertThat(agent.post("/cases/" + id + "/notes", Map.of("text", "메일 보냄"))
                        .status())
                .isEqualTo(302);
        JsonNode k = api().get("/api/v1/cases/" + id).json();
        assertThat(k.path("status").asString()).isEqualTo("waiting_on_customer");
        assertThat(k.path("history").toString()).contains("메일 보냄");

        assertThat(agent.get("/cases/" + otherCase).status()).isEqualTo(404);
        assertThat(agent.post("/cases/" + otherCase, Map.of("status", "closed")).status())
                .isEqualTo(404);
        assertThat(agent.get("/cases/rules").status()).isEqualTo(200);
        assertThat(agent.post("/cases/rules/new", Map.of("name", "x", "type", "nps", "max", "6"))
                        .status())
                .isEqualTo(403);
        assertThat(agent.get("/settings").status()).isEqualTo(403);
        assertThat(agent.post("/settings/loop", Map.of("businessStart", "00:00"))
                        .status())
                .isEqualTo(403);
        assertThat(http().bearer(other.secretKey())
                        .get("/api/v1/cases/" + otherCase)
                        .json()
                        .path("status")
                        .asString())
                .isEqualTo("open");
    }

    @Test
    void anAdminWritesARuleInTheFormTestsItOnPastDataAndIsToldWhatIsWrong() {
        detractorCase(4);
        UiSession ui = new UiSession(port).header("Accept-Language", "en");
        ui.signIn(fixtures.aUser(ws.id(), Role.ADMIN, PASSWORD), PASSWORD);
        assertThat(ui.get("/cases/rules/new").status()).isEqualTo(200);
        UiSession.Page rules = ui.get("/cases/rules");
        assertThat(rules.status()).isEqualTo(200);
        assertThat(rules.body()).contains("NPS detractor → open a case").contains("id=\"loop-settings\"");
        UiSession.Page wrong = ui.post(
                "/cases/rules/new",
                Map.of("name", "Angry", "type", "nps", "max", "12", "act.open_case", "on", "intent", "save"));
        assertThat(wrong.status()).isEqualTo(200);
        assertThat(wrong.body()).contains("id=\"rule-errors\"").contains("when.max");

        UiSession.Page trial = ui.post(
                "/cases/rules/new",
                Map.of("name", "Angry", "type", "comment", "word", "늦었", "act.open_case", "on", "intent", "dry-run"));
        assertThat(trial.status()).isEqualTo(200);
        assertThat(trial.body())
                .contains("id=\"trial\"")
                .contains("Angry: would have fired 1 times in the last 30 days");

        UiSession.Page created = ui.post(
                "/cases/rules/new",
                Map.of(
                        "name",
                        "Angry",
                        "enabled",
                        "true",
                        "type",
                        "comment",
                        "word",
                        "늦었",
                        "act.tag",
                        "on",
                        "trait",
                        "late_delivery",
                        "intent",
                        "save"));
        assertThat(created.status()).isEqualTo(302);
        assertThat(api().get("/api/v1/rules").json().path("items").toString())
                .contains("Angry")
                .contains("late_delivery");
        UiSession.Page settings = ui.post(
                "/settings/loop",
                Map.of(
                        "businessDays", "1",
                        "businessStart", "08:00",
                        "businessEnd", "20:00",
                        "sla.urgent", "2",
                        "sla.high", "8",
                        "sla.normal", "24",
                        "sla.low", "40",
                        "followUpSurveyId", "",
                        "followUpHours", "48"));
        assertThat(settings.status()).isEqualTo(302);
        JsonNode loop = api().get("/api/v1/loop/settings").json();
        assertThat(loop.path("businessStart").asString()).isEqualTo("08:00");
        assertThat(loop.path("slaMinutes").path("urgent").asInt()).isEqualTo(120);
        assertThat(loop.path("followUpDelay").asString()).isEqualTo("PT48H");
    }

    long outbox(String type, String needle) {
        return store.reads()
                .sql("select count(*) from outbox where workspace_id = ? and type = ? and payload like ?")
                .params(ws.id(), type, "%" + needle + "%")
                .query(Long.class)
                .single();
    }

    static String path(String url) {
        return url.replaceFirst("^https?://[^/]+", "");
    }

    static String html(MimeMessage mail) throws Exception {
        Object content = mail.getContent();
        if (content instanceof MimeMultipart multipart) {
            StringBuilder all = new StringBuilder();
            collect(multipart, all);
            return all.toString();
        }
        return String.valueOf(content);
    }

    private static void collect(MimeMultipart multipart, StringBuilder all) throws Exception {
        for (int i = 0; i < multipart.getCount(); i++) {
            Object part = multipart.getBodyPart(i).getContent();
            if (part instanceof MimeMultipart nested) {
                collect(nested, all);
            } else {
                all.append(part);
            }
        }
    }
}

package io.touchpoint.loop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.touchpoint.loop.internal.RuleWorker;
import io.touchpoint.platform.Store;
import io.touchpoint.support.Fixtures;
import io.touchpoint.support.Http;
import io.touchpoint.support.IntegrationTest;
import io.touchpoint.support.SampleSurveys;
import io.touchpoint.support.TestMail;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * Rules and cases through the public API: a detractor's answer opens a case within seconds, once;
 * invalid rules are refused naming the field; event rules with every action; dry runs; no case of
 * another workspace can be read.
 */
class LoopIT extends IntegrationTest {

    @Autowired
    Store store;

    @Autowired
    RuleWorker worker;

    Fixtures.TestWorkspace ws;
    String user;
    String email;
    String survey;

    @BeforeEach
    void workspace() {
        ws = fixtures.aWorkspace();
        user = "c-" + UUID.randomUUID();
        email = user + "@example.com";
        identify(user, email);
        survey = api().postJson("/api/v1/surveys", SampleSurveys.nps("NPS " + UUID.randomUUID()))
                .json()
                .path("id")
                .asString();
        api().postJson("/api/v1/surveys/" + survey + "/publish", "");
    }

    Http api() {
        return http().bearer(ws.secretKey());
    }

    void identify(String userId, String address) {
        Http.Response r = http().basic(ws.writeKey(), "")
                .postJson("/v1/identify", Map.of("userId", userId, "traits", Map.of("email", address, "name", "지수")));
        assertThat(r.status()).as(r.body()).isEqualTo(200);
    }

    String answer(String userId, int nps) {
        Http.Response r = api().postJson(
                        "/api/v1/surveys/" + survey + "/responses",
                        Map.of("userId", userId, "answers", Map.of("nps", nps), "channel", "api"));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json().path("id").asString();
    }

    JsonNode cases(String query) {
        Http.Response r = api().get("/api/v1/cases?" + query);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.json().path("items");
    }

    long outbox(String type, String needle) {
        return store.reads()
                .sql("select count(*) from outbox where workspace_id = ? and type = ? and payload like ?")
                .params(ws.id(), type, "%" + needle + "%")
                .query(Long.class)
                .single();
    }

    @Test
    void aNewWorkspaceStartsWithTheEnabledDetractorRule() {
        JsonNode rules = api().get("/api/v1/rules").json().path("items");
        assertThat(rules).hasSize(1);
        assertThat(rules.get(0).path("name").asString()).isEqualTo("NPS detractor → open a case");
        assertThat(rules.get(0).path("enabled").asBoolean()).isTrue();
        assertThat(rules.get(0).path("definition").path("when").path("max").asDouble())
                .isEqualTo(6.0);
    }

    @Test
    void aDetractorAnswerOpensACaseWithinSecondsAndAPromoterAnswerDoesNot() {
        String promoter = "p-" + UUID.randomUUID();
        identify(promoter, promoter + "@example.com");
        answer(promoter, 10);
        String response = answer(user, 3);

        await().atMost(Duration.ofSeconds(10))
                .until(() -> cases("userId=" + user).size() == 1);
        JsonNode item = cases("userId=" + user).get(0);
        assertThat(item.path("status").asString()).isEqualTo("open");
        assertThat(item.path("priority").asString()).isEqualTo("normal");
        assertThat(item.path("userId").asString()).isEqualTo(user);
        assertThat(item.path("responseId").asString()).isEqualTo(response);
        assertThat(item.path("openedAt").asString()).isNotEmpty();
        assertThat(item.path("dueAt").asString()).isNotEmpty();

        JsonNode one = api().get("/api/v1/cases/" + item.path("id").asString()).json();
        assertThat(one.path("history").get(0).path("kind").asString()).isEqualTo("opened");
        assertThat(one.path("history").get(0).path("actor").asString()).startsWith("rule: ");
        assertThat(outbox("case.opened", item.path("id").asString())).isEqualTo(1);

        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5)).until(() -> cases("userId=" + promoter)
                .isEmpty());
    }

    @Test
    void aRuleFiresOnceEvenWhenTheItemIsLookedAtAgainAndAfterTheWorkerRestarts() {
        String response = answer(user, 0);
        await().atMost(Duration.ofSeconds(10))
                .until(() -> cases("userId=" + user).size() == 1);

        worker.stop();
        // forget that the response was looked at: only the firing's unique key is left to stop a second case
        store.write(tx -> tx.jdbc()
                .sql("delete from loop_scanned where workspace_id = ? and item_id = ?")
                .params(ws.id(), response)
                .update());
        worker.start();
        worker.tick();
        worker.tick();

        assertThat(cases("userId=" + user)).hasSize(1);
        assertThat(outbox("case.opened", response)).isEqualTo(1);
    }

    @Test
    void aDisabledRuleDoesNotFire() {
        String rule = api().get("/api/v1/rules")
                .json()
                .path("items")
                .get(0)
                .path("id")
                .asString();
        Http.Response off = api().putJson(
                        "/api/v1/rules/" + rule,
                        Map.of(
                                "name",
                                "NPS detractor → open a case",
                                "enabled",
                                false,
                                "when",
                                Map.of("type", "nps", "max", 6),
                                "actions",
                                List.of(Map.of("type", "open_case"))));
        assertThat(off.status()).as(off.body()).isEqualTo(200);
        answer(user, 2);
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5)).until(() -> cases("userId=" + user)
                .isEmpty());
    }

    @Test
    void aRuleWithAnInvalidConditionIsRefusedNamingTheField() {
        Http.Response tooHigh = api().postJson(
                        "/api/v1/rules",
                        Map.of(
                                "name",
                                "bad",
                                "when",
                                Map.of("type", "nps", "max", 11),
                                "actions",
                                List.of(Map.of("type", "open_case"))));
        assertThat(tooHigh.status()).isEqualTo(400);
        assertThat(tooHigh.json().path("errors").get(0).path("field").asString())
                .isEqualTo("when.max");
        assertThat(tooHigh.json().path("detail").asString()).contains("when.max");

        Http.Response unknown = api().postJson(
                        "/api/v1/rules", Map.of("name", "bad", "when", Map.of("type", "mood"), "actions", List.of()));
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.body()).contains("when.type").contains("actions");

        Http.Response event = api().postJson(
                        "/api/v1/rules",
                        Map.of(
                                "name",
                                "bad",
                                "when",
                                Map.of("type", "event", "event", "Order Delayed", "withinDays", 0),
                                "actions",
                                List.of(Map.of("type", "notify_email", "to", List.of("not-an-address")))));
        assertThat(event.status()).isEqualTo(400);
        assertThat(event.body())
                .contains("when.atLeast")
                .contains("when.withinDays")
                .contains("actions[0].to");
        assertThat(api().get("/api/v1/rules").json().path("items")).hasSize(1);
    }

    @Test
    void aThemeRuleOpensACaseForACommentAboutItsThemeOnly() {
        Http.Response created = api().postJson(
                        "/api/v1/rules",
                        Map.of(
                                "name",
                                "late delivery → urgent case",
                                "when",
                                Map.of("type", "theme", "theme", "delivery_delay"),
                                "actions",
                                List.of(Map.of("type", "open_case", "priority", "urgent"))));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String other = "o-" + UUID.randomUUID();
        identify(other, other + "@example.com");
        // detractors (the "why" question is asked only to them): the default rule opens a normal case for
        // both; the theme rule an urgent one for the late delivery only
        comment(other, 5, "포장이 예뻐요");
        comment(user, 5, "상품은 좋은데 배송이 너무 늦었어요");

        await().atMost(Duration.ofSeconds(15)).until(() -> priorities(user).contains("urgent"));
        await().atMost(Duration.ofSeconds(15)).until(() -> priorities(other).contains("normal"));
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5)).until(() -> !priorities(other)
                .contains("urgent"));
        assertThat(priorities(user)).containsExactlyInAnyOrder("urgent", "normal");
    }

    List<String> priorities(String userId) {
        List<String> out = new java.util.ArrayList<>();
        cases("userId=" + userId).forEach(c -> out.add(c.path("priority").asString()));
        return out;
    }

    @Test
    void aThemeRuleMustNameAThemeOfTheTaxonomyAndARisingThemeCannotTagOneCustomer() {
        Http.Response unknown = api().postJson(
                        "/api/v1/rules",
                        Map.of(
                                "name",
                                "bad",
                                "when",
                                Map.of("type", "theme", "theme", "no_such_theme"),
                                "actions",
                                List.of(Map.of("type", "open_case"))));
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.json().path("errors").get(0).path("field").asString())
                .isEqualTo("when.theme");
        assertThat(unknown.body()).contains("delivery_delay");

        Http.Response tag = api().postJson(
                        "/api/v1/rules",
                        Map.of(
                                "name",
                                "bad",
                                "when",
                                Map.of("type", "theme_rises", "theme", "delivery_delay"),
                                "actions",
                                List.of(Map.of("type", "tag", "trait", "late", "value", "yes"))));
        assertThat(tag.status()).isEqualTo(400);
        assertThat(tag.json().path("errors").get(0).path("field").asString()).isEqualTo("actions[0].type");

        Http.Response rises = api().postJson(
                        "/api/v1/rules",
                        Map.of(
                                "name",
                                "late deliveries rise → tell the ops lead",
                                "when",
                                Map.of("type", "theme_rises", "theme", "delivery_delay"),
                                "actions",
                                List.of(Map.of("type", "notify_email", "to", List.of("ops@example.com")))));
        assertThat(rises.status()).as(rises.body()).isEqualTo(201);
        Http.Response trial =
                api().postJson("/api/v1/rules/" + rises.json().path("id").asString() + "/dry-run", "");
        assertThat(trial.status()).as(trial.body()).isEqualTo(200);
        assertThat(trial.json().path("looked").asLong()).as("weeks looked at").isEqualTo(4);
        assertThat(trial.json().path("wouldHaveFired").asLong()).isZero();
    }

    void comment(String userId, int nps, String text) {
        Http.Response r = api().postJson(
                        "/api/v1/surveys/" + survey + "/responses",
                        Map.of("userId", userId, "answers", Map.of("nps", nps, "why", text), "channel", "api"));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
    }

    @Test
    void anEventRuleOpensAnUrgentCaseTagsTheCustomerNotesTheTimelineMailsAndCallsTheWebhook() throws Exception {
        String watcher = "ops-" + UUID.randomUUID() + "@example.com";
        Http.Response created = api().postJson(
                        "/api/v1/rules",
                        Map.of(
                                "name",
                                "Delayed twice",
                                "when",
                                Map.of("type", "event", "event", "Order Delayed", "atLeast", 2, "withinDays", 30),
                                "actions",
                                List.of(
                                        Map.of("type", "open_case", "priority", "urgent"),
                                        Map.of("type", "notify_email", "to", List.of(watcher)),
                                        Map.of("type", "webhook"),
                                        Map.of("type", "tag", "trait", "delay_risk", "value", "high"),
                                        Map.of("type", "timeline_note", "text", "Delayed twice; call them"))));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String rule = created.json().path("id").asString();

        delayed(user);
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(5)).until(() -> cases("userId=" + user)
                .isEmpty());
        delayed(user);

        await().atMost(Duration.ofSeconds(10))
                .until(() -> cases("userId=" + user).size() == 1);
        assertThat(cases("userId=" + user).get(0).path("priority").asString()).isEqualTo("urgent");
        await().atMost(Duration.ofSeconds(10)).until(() -> TestMail.to(watcher).size() == 1);
        assertThat(TestMail.to(watcher).get(0).getSubject()).contains("Delayed twice");
        assertThat(outbox("rule.fired", rule)).isEqualTo(1);
        JsonNode profile = api().get("/api/v1/customers/" + user).json();
        assertThat(profile.path("traits").path("delay_risk").asString()).isEqualTo("high");
        JsonNode timeline =
                api().get("/api/v1/customers/" + user + "/timeline").json().path("items");
        assertThat(timeline.toString()).contains("Loop Note Added").contains("Delayed twice; call them");
    }

    void delayed(String userId) {
        Http.Response r = http().basic(ws.writeKey(), "")
                .postJson(
                        "/v1/track",
                        Map.of(
                                "userId",
                                userId,
                                "event",
                                "Order Delayed",
                                "properties",
                                Map.of("order_id", "o-" + UUID.randomUUID())));
        assertThat(r.status()).as(r.body()).isEqualTo(200);
    }

    @Test
    void aDryRunCountsHowOftenARuleWouldHaveFiredOnPastData() {
        for (int score : new int[] {1, 5, 6, 7, 9}) {
            String someone = "d-" + UUID.randomUUID();
            identify(someone, someone + "@example.com");
            answer(someone, score);
        }
        Http.Response trial = api().postJson(
                        "/api/v1/rules/dry-run",
                        Map.of(
                                "name",
                                "try",
                                "when",
                                Map.of("type", "nps", "max", 5),
                                "actions",
                                List.of(Map.of("type", "open_case"))));
        assertThat(trial.status()).as(trial.body()).isEqualTo(200);
        assertThat(trial.json().path("wouldHaveFired").asLong()).isEqualTo(2);
        assertThat(trial.json().path("looked").asLong()).isEqualTo(5);
        assertThat(trial.json().path("days").asInt()).isEqualTo(30);
    }

    @Test
    void aCaseOfAnotherWorkspaceCannotBeReadOrChanged() {
        answer(user, 1);
        await().atMost(Duration.ofSeconds(10))
                .until(() -> cases("userId=" + user).size() == 1);
        String id = cases("userId=" + user).get(0).path("id").asString();

        Http other = http().bearer(fixtures.aWorkspace().secretKey());
        assertThat(other.get("/api/v1/cases/" + id).status()).isEqualTo(404);
        assertThat(other.get("/api/v1/cases?userId=" + user).json().path("items"))
                .isEmpty();
        Http.Response patch = other.send("PATCH", "/api/v1/cases/" + id, Map.of("status", "closed"));
        assertThat(patch.status()).isEqualTo(404);
        assertThat(api().get("/api/v1/cases/" + id).json().path("status").asString())
                .isEqualTo("open");
    }

    @Test
    void aCustomersCasesAreInTheirExportAndGoWithTheirErasure() {
        answer(user, 4);
        await().atMost(Duration.ofSeconds(10))
                .until(() -> cases("userId=" + user).size() == 1);
        String id = cases("userId=" + user).get(0).path("id").asString();
        assertThat(api().get("/api/v1/customers/" + user + "/export")
                        .json()
                        .path("loop")
                        .toString())
                .contains(id)
                .contains("opened");

        assertThat(api().delete("/api/v1/customers/" + user).status()).isIn(200, 204);
        assertThat(api().get("/api/v1/cases/" + id).status()).isEqualTo(404);
        assertThat(store.reads()
                        .sql("select count(*) from case_history where workspace_id = ?")
                        .param(ws.id())
                        .query(Long.class)
                        .single())
                .isZero();
    }

    @Test
    void badFiltersAndChangesAreRefusedWithTheField() {
        assertThat(api().get("/api/v1/cases?status=nope").status()).isEqualTo(400);
        Http.Response opened = api().postJson("/api/v1/cases", Map.of("title", "Call back", "userId", user));
        assertThat(opened.status()).as(opened.body()).isEqualTo(201);
        String id = opened.json().path("id").asString();
        Http.Response bad = api().send(
                        "PATCH",
                        "/api/v1/cases/" + id,
                        Map.of(
                                "status",
                                "done",
                                "priority",
                                "asap",
                                "ownerId",
                                UUID.randomUUID().toString()));
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.body()).contains("\"status\"").contains("\"priority\"").contains("\"ownerId\"");
        assertThat(api().postJson("/api/v1/cases/" + id + "/notes", Map.of("text", " "))
                        .status())
                .isEqualTo(400);
        assertThat(api().postJson("/api/v1/cases/" + id + "/recovery", Map.of("type", "gift"))
                        .status())
                .isEqualTo(400);
    }
}

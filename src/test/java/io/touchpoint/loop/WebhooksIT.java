package io.touchpoint.loop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.touchpoint.loop.internal.webhooks.WebhookDispatcher;
import io.touchpoint.support.Fixtures.TestWorkspace;
import io.touchpoint.support.Http;
import io.touchpoint.support.IntegrationTest;
import io.touchpoint.support.Messages;
import io.touchpoint.support.SampleSurveys;
import io.touchpoint.support.TestMail;
import io.touchpoint.support.UiSession;
import io.touchpoint.support.WebhookReceiver;
import io.touchpoint.support.WebhookReceiver.Received;
import io.touchpoint.workspace.Role;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * Webhooks end to end against a real HTTP server started by the test: signed deliveries of outbox
 * messages, retries, timeouts, redirects, a stopped worker, replays, auto-disable, bad input and
 * isolation. The retry schedule is shortened to seconds.
 */
@TestPropertySource(
        properties = {
            "touchpoint.webhooks.poll-interval=200ms",
            "touchpoint.webhooks.retry-schedule=1s,1s,1s",
            "touchpoint.webhooks.connect-timeout=2s",
            "touchpoint.webhooks.request-timeout=2s",
            "touchpoint.webhooks.threads=3",
            "touchpoint.webhooks.per-endpoint=2",
            "touchpoint.webhooks.disable-after=0s",
            "touchpoint.webhooks.disable-min-failures=4"
        })
class WebhooksIT extends IntegrationTest {

    static WebhookReceiver receiver;

    @Autowired
    WebhookDispatcher dispatcher;

    TestWorkspace ws;

    @BeforeAll
    static void startReceiver() {
        receiver = new WebhookReceiver();
    }

    @AfterAll
    static void stopReceiver() {
        receiver.close();
    }

    @BeforeEach
    void workspace() {
        ws = fixtures.aWorkspace();
    }

    Http api() {
        return http().bearer(ws.secretKey());
    }

    JsonNode subscribe(String path, List<String> types) {
        Map<String, Object> body = types == null
                ? Map.of("url", receiver.url(path))
                : Map.of("url", receiver.url(path), "eventTypes", types, "description", "test endpoint");
        Http.Response created = api().postJson("/api/v1/webhooks", body);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json();
    }

    String sendTest(JsonNode subscription) {
        Http.Response test =
                api().postJson("/api/v1/webhooks/" + subscription.path("id").asString() + "/test", "");
        assertThat(test.status()).as(test.body()).isEqualTo(202);
        return test.json().path("id").asString();
    }

    JsonNode delivery(JsonNode subscription, String deliveryId) {
        return api().get("/api/v1/webhooks/" + subscription.path("id").asString() + "/deliveries/" + deliveryId)
                .json();
    }

    static String path(String kind) {
        return "/" + kind + "/" + UUID.randomUUID();
    }

    @Test
    void aSubmittedResponseReachesTheEndpointSignedAndVerifiable() {
        String path = path("ok");
        JsonNode subscription = subscribe(path, List.of("response.submitted"));
        String secret = subscription.path("secret").asString();
        assertThat(secret).startsWith("whsec_");
        assertThat(java.util.Base64.getDecoder().decode(secret.substring(6))).hasSizeGreaterThanOrEqualTo(24);

        http().basic(ws.writeKey(), "")
                .postJson("/v1/identify", Messages.identify().user("hook-user").json());
        Http.Response survey = api().postJson("/api/v1/surveys", SampleSurveys.nps("Webhook NPS"));
        String surveyId = survey.json().path("id").asString();
        api().postJson("/api/v1/surveys/" + surveyId + "/publish", "");
        Http.Response answered = api().postJson(
                        "/api/v1/surveys/" + surveyId + "/responses",
                        Map.of(
                                "userId", "hook-user",
                                "answers", Map.of("nps", 3, "why", "late", "topic", List.of("delivery")),
                                "channel", "api"));
        assertThat(answered.status()).as(answered.body()).isEqualTo(201);

        await().atMost(Duration.ofSeconds(20)).until(() -> receiver.at(path).size() == 1);
        Received request = receiver.at(path).get(0);
        assertThat(WebhookReceiver.verifies(secret, request)).isTrue();
        assertThat(request.header("webhook-id")).startsWith("msg_");
        assertThat(Long.parseLong(request.header("webhook-timestamp")))
                .isCloseTo(Instant.now().getEpochSecond(), org.assertj.core.data.Offset.offset(60L));
        JsonNode body = tools.jackson.databind.json.JsonMapper.builder().build().readTree(request.body());
        assertThat(body.path("type").asString()).isEqualTo("response.submitted");
        assertThat(body.path("timestamp").asString()).isNotBlank();
        JsonNode data = body.path("data");
        assertThat(data.path("responseId").asString())
                .isEqualTo(answered.json().path("id").asString());
        assertThat(data.path("surveyId").asString()).isEqualTo(surveyId);
        assertThat(data.path("userId").asString()).isEqualTo("hook-user");
        assertThat(data.path("customerId").asString()).isNotBlank();
        assertThat(data.path("nps").asInt()).isEqualTo(3);
        assertThat(data.path("answers").path("why").asString()).isEqualTo("late");

        // a tampered body does not verify
        Received tampered =
                new Received(request.path(), request.headers(), request.body().replace("late", "fine"), request.at());
        assertThat(WebhookReceiver.verifies(secret, tampered)).isFalse();

        // the endpoint has the request before the sender has its answer and records the delivery
        String deliveries = "/api/v1/webhooks/" + subscription.path("id").asString() + "/deliveries";
        await().atMost(Duration.ofSeconds(20)).until(() -> !"pending"
                .equals(api().get(deliveries)
                        .json()
                        .path("items")
                        .path(0)
                        .path("status")
                        .asString()));
        JsonNode log = api().get(deliveries).json().path("items");
        assertThat(log).hasSize(1);
        assertThat(log.get(0).path("status").asString()).isEqualTo("succeeded");
        assertThat(log.get(0).path("lastStatusCode").asInt()).isEqualTo(204);
        assertThat(log.get(0).path("messageId").asString()).isEqualTo(request.header("webhook-id"));
    }

    @Test
    void anEndpointAnswering500IsRetriedWithBackoffUntilItSucceeds() {
        String path = "/flaky/2/" + UUID.randomUUID();
        JsonNode subscription = subscribe(path, null);
        String deliveryId = sendTest(subscription);

        await().atMost(Duration.ofSeconds(20)).until(() -> "succeeded"
                .equals(delivery(subscription, deliveryId).path("status").asString()));
        JsonNode delivery = delivery(subscription, deliveryId);
        assertThat(delivery.path("attempts").asInt()).isEqualTo(3);
        List<Integer> codes = new ArrayList<>();
        delivery.path("log").forEach(a -> codes.add(a.path("statusCode").asInt()));
        assertThat(codes).containsExactly(500, 500, 200);
        assertThat(delivery.path("log").get(0).path("error").asString()).isEqualTo("HTTP 500");

        List<Received> requests = receiver.at(path);
        assertThat(requests).hasSize(3);
        // the same message every time, each attempt a second (±20 %) after the last failure
        assertThat(requests)
                .extracting(r -> r.header("webhook-id"))
                .containsOnly(requests.get(0).header("webhook-id"));
        assertThat(requests)
                .extracting(Received::body)
                .containsOnly(requests.get(0).body());
        for (int i = 1; i < requests.size(); i++) {
            assertThat(Duration.between(
                            requests.get(i - 1).at(), requests.get(i).at()))
                    .isGreaterThanOrEqualTo(Duration.ofMillis(750));
        }
        assertThat(WebhookReceiver.verifies(subscription.path("secret").asString(), requests.get(2)))
                .isTrue();
        assertThat(api().get("/api/v1/webhooks/" + subscription.path("id").asString())
                        .json()
                        .path("consecutiveFailures")
                        .asInt())
                .isZero();
    }

    @Test
    void aHangingEndpointTimesOutWithoutHoldingUpOtherEndpoints() {
        String hanging = path("hang");
        JsonNode slow = subscribe(hanging, null);
        List<String> slowDeliveries = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            slowDeliveries.add(sendTest(slow));
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> receiver.at(hanging).size() == 2);

        String fine = path("ok");
        JsonNode other = subscribe(fine, null);
        Instant queued = Instant.now();
        String otherDelivery = sendTest(other);
        await().atMost(Duration.ofSeconds(10)).until(() -> "succeeded"
                .equals(delivery(other, otherDelivery).path("status").asString()));
        // delivered while the hanging endpoint still held its two threads, well before its timeout
        assertThat(Duration.between(queued, receiver.at(fine).get(0).at())).isLessThan(Duration.ofMillis(1800));
        assertThat(receiver.at(hanging)).hasSize(2);

        await().atMost(Duration.ofSeconds(15))
                .until(() ->
                        delivery(slow, slowDeliveries.get(0)).path("attempts").asInt() >= 1);
        JsonNode attempt = delivery(slow, slowDeliveries.get(0)).path("log").get(0);
        assertThat(attempt.path("statusCode").isNull()).isTrue();
        assertThat(attempt.path("error").asString()).contains("in time");
        assertThat(attempt.path("durationMs").asLong()).isGreaterThanOrEqualTo(1900);
    }

    @Test
    void aRedirectIsAFailureAndIsNotFollowed() {
        String path = path("redirect");
        JsonNode subscription = subscribe(path, null);
        String deliveryId = sendTest(subscription);

        await().atMost(Duration.ofSeconds(10))
                .until(() -> delivery(subscription, deliveryId).path("attempts").asInt() >= 1);
        JsonNode attempt = delivery(subscription, deliveryId).path("log").get(0);
        assertThat(attempt.path("statusCode").asInt()).isEqualTo(302);
        assertThat(attempt.path("error").asString()).contains("not followed");
        assertThat(delivery(subscription, deliveryId).path("status").asString()).isIn("pending", "failed");
        assertThat(receiver.at("/ok/redirected")).isEmpty();
    }

    @Test
    void deliveriesRecordedWhileTheWorkerIsStoppedGoOutWhenItStartsAgain() {
        String path = path("ok");
        JsonNode subscription = subscribe(path, null);
        List<String> waiting = new ArrayList<>();
        dispatcher.stop();
        try {
            waiting.add(sendTest(subscription));
            waiting.add(sendTest(subscription));
            // nothing goes out while the worker is stopped, though both are due
            await().during(Duration.ofMillis(1500))
                    .atMost(Duration.ofSeconds(3))
                    .until(() -> receiver.at(path).isEmpty());
            for (String id : waiting) {
                JsonNode d = delivery(subscription, id);
                assertThat(d.path("status").asString()).isEqualTo("pending");
                assertThat(d.path("attempts").asInt()).isZero();
                assertThat(Instant.parse(d.path("nextAttemptAt").asString())).isBefore(Instant.now());
            }
        } finally {
            dispatcher.start();
        }

        await().atMost(Duration.ofSeconds(10)).until(() -> waiting.stream().allMatch(id -> "succeeded"
                .equals(delivery(subscription, id).path("status").asString())));
        assertThat(receiver.at(path)).hasSize(2);
        assertThat(receiver.at(path))
                .extracting(r -> r.header("webhook-id"))
                .containsExactlyInAnyOrderElementsOf(waiting.stream()
                        .map(id -> delivery(subscription, id).path("messageId").asString())
                        .toList());
    }

    @Test
    void aRetryScheduledBeforeAStopIsMadeAfterTheStartWithTheNextAttemptNumber() {
        String path = "/flaky/1/" + UUID.randomUUID();
        JsonNode subscription = subscribe(path, null);
        String deliveryId = sendTest(subscription);
        await().atMost(Duration.ofSeconds(10))
                .until(() -> delivery(subscription, deliveryId).path("attempts").asInt() == 1);

        dispatcher.stop();
        try {
            JsonNode failedOnce = delivery(subscription, deliveryId);
            assertThat(failedOnce.path("status").asString()).isEqualTo("pending");
            assertThat(failedOnce.path("lastStatusCode").asInt()).isEqualTo(500);
            assertThat(failedOnce.path("nextAttemptAt").asString()).isNotBlank();
        } finally {
            dispatcher.start();
        }

        // (a retry cut off by the stop is not counted: it is made again once its claim runs out)
        await().atMost(Duration.ofSeconds(30)).until(() -> "succeeded"
                .equals(delivery(subscription, deliveryId).path("status").asString()));
        JsonNode done = delivery(subscription, deliveryId);
        assertThat(done.path("attempts").asInt()).isEqualTo(2);
        assertThat(done.path("log")).hasSize(2);
        assertThat(done.path("log").get(0).path("statusCode").asInt()).isEqualTo(500);
        assertThat(done.path("log").get(1).path("attempt").asInt()).isEqualTo(2);
        assertThat(done.path("log").get(1).path("statusCode").asInt()).isEqualTo(200);
    }

    @Test
    void aReplaySendsTheSameMessageAgain() {
        String path = path("ok");
        JsonNode subscription = subscribe(path, null);
        String deliveryId = sendTest(subscription);
        await().atMost(Duration.ofSeconds(10)).until(() -> "succeeded"
                .equals(delivery(subscription, deliveryId).path("status").asString()));

        String id = subscription.path("id").asString();
        Http.Response replay = api().postJson("/api/v1/webhooks/" + id + "/deliveries/" + deliveryId + "/replay", "");
        assertThat(replay.status()).as(replay.body()).isEqualTo(202);
        await().atMost(Duration.ofSeconds(10)).until(() -> receiver.at(path).size() == 2);
        List<Received> requests = receiver.at(path);
        assertThat(requests.get(1).header("webhook-id"))
                .isEqualTo(requests.get(0).header("webhook-id"));
        assertThat(requests.get(1).body()).isEqualTo(requests.get(0).body());
        await().atMost(Duration.ofSeconds(5))
                .until(() -> delivery(subscription, deliveryId).path("attempts").asInt() == 2);
        JsonNode log = delivery(subscription, deliveryId).path("log");
        assertThat(log.get(0).path("kind").asString()).isEqualTo("test");
        assertThat(log.get(1).path("statusCode").asInt()).isEqualTo(204);

        assertThat(api().postJson("/api/v1/webhooks/" + id + "/deliveries/" + UUID.randomUUID() + "/replay", "")
                        .status())
                .isEqualTo(404);
    }

    @Test
    void anEndpointThatKeepsFailingIsDisabledAndTheAdminsAreTold() throws Exception {
        String admin = fixtures.aUser(ws.id(), Role.ADMIN, "admin-password-123");
        String path = path("fail");
        JsonNode subscription = subscribe(path, null);
        String id = subscription.path("id").asString();
        String deliveryId = sendTest(subscription);

        await().atMost(Duration.ofSeconds(20)).until(() -> !api().get("/api/v1/webhooks/" + id)
                .json()
                .path("enabled")
                .asBoolean());
        JsonNode disabled = api().get("/api/v1/webhooks/" + id).json();
        assertThat(disabled.path("disabledReason").asString()).isEqualTo("failing");
        assertThat(disabled.path("autoDisabled").asBoolean()).isTrue();
        assertThat(disabled.path("consecutiveFailures").asInt()).isEqualTo(4);
        assertThat(delivery(subscription, deliveryId).path("status").asString()).isEqualTo("failed");
        await().atMost(Duration.ofSeconds(10)).until(() -> !TestMail.to(admin).isEmpty());
        assertThat(TestMail.to(admin).get(0).getSubject()).contains(receiver.url(path));

        // while disabled, nothing more is sent; the admin page shows the notice
        assertThat(api().postJson("/api/v1/webhooks/" + id + "/test", "").status())
                .isEqualTo(409);
        UiSession ui = new UiSession(port);
        ui.signIn(admin, "admin-password-123");
        String page = ui.get("/settings/webhooks").body();
        assertThat(page).contains("id=\"auto-disabled-" + id + "\"").contains(receiver.url(path));

        // enabling starts the count afresh
        JsonNode enabled = api().patchJson("/api/v1/webhooks/" + id, Map.of("enabled", true))
                .json();
        assertThat(enabled.path("enabled").asBoolean()).isTrue();
        assertThat(enabled.path("consecutiveFailures").asInt()).isZero();
        assertThat(enabled.path("disabledReason").isNull()).isTrue();
    }

    @Test
    void badSubscriptionInputIsRefusedWithTheFailingFields() {
        Http.Response bad = api().postJson(
                        "/api/v1/webhooks",
                        Map.of("url", "ftp://example.com/hook", "eventTypes", List.of("case.opened", "order.eaten")));
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.body()).contains("\"url\"").contains("\"eventTypes\"").contains("order.eaten");

        assertThat(api().postJson("/api/v1/webhooks", Map.of("eventTypes", List.of()))
                        .body())
                .contains("\"url\"")
                .contains("\"eventTypes\"");
        assertThat(api().postJson("/api/v1/webhooks", "").status()).isEqualTo(400);
        assertThat(api().postJson("/api/v1/webhooks", "{not json").status()).isEqualTo(400);
        assertThat(api().postJson("/api/v1/webhooks", Map.of("url", "http://")).status())
                .isEqualTo(400);
        assertThat(api().postJson("/api/v1/webhooks", Map.of("url", "https://x.test/" + "a".repeat(2000)))
                        .status())
                .isEqualTo(400);
        assertThat(api().postJson("/api/v1/webhooks", Map.of("url", "https://x.test/h", "description", "d".repeat(201)))
                        .body())
                .contains("\"description\"");

        String id = subscribe(path("ok"), List.of("case.opened")).path("id").asString();
        Http.Response badPatch = api().patchJson("/api/v1/webhooks/" + id, Map.of("url", "not a url"));
        assertThat(badPatch.status()).isEqualTo(400);
        assertThat(badPatch.body()).contains("\"url\"");
        assertThat(api().get("/api/v1/webhooks/" + id + "/deliveries?status=lost")
                        .status())
                .isEqualTo(400);
        assertThat(api().get("/api/v1/webhooks/not-a-uuid").status()).isEqualTo(400);
        assertThat(api().get("/api/v1/webhooks/" + UUID.randomUUID()).status()).isEqualTo(404);
    }

    @Test
    void aWorkspaceSeesAndReceivesOnlyItsOwn() {
        String mine = path("ok");
        JsonNode subscription = subscribe(mine, null);
        String id = subscription.path("id").asString();
        TestWorkspace other = fixtures.aWorkspace();
        Http otherApi = http().bearer(other.secretKey());
        String theirs = path("ok");
        Http.Response theirSubscription = otherApi.postJson("/api/v1/webhooks", Map.of("url", receiver.url(theirs)));
        assertThat(theirSubscription.status()).isEqualTo(201);

        assertThat(otherApi.get("/api/v1/webhooks/" + id).status()).isEqualTo(404);
        assertThat(otherApi.get("/api/v1/webhooks/" + id + "/deliveries").status())
                .isEqualTo(404);
        assertThat(otherApi.delete("/api/v1/webhooks/" + id).status()).isEqualTo(404);
        assertThat(otherApi.get("/api/v1/webhooks").body()).doesNotContain(id);

        // a change in this workspace goes to this workspace's endpoint only
        http().basic(ws.writeKey(), "")
                .postJson(
                        "/v1/identify",
                        Messages.identify().user("iso-" + UUID.randomUUID()).json());
        String user = "erase-" + UUID.randomUUID();
        http().basic(ws.writeKey(), "")
                .postJson("/v1/identify", Messages.identify().user(user).json());
        assertThat(api().delete("/api/v1/customers/" + user).status()).isEqualTo(204);
        await().atMost(Duration.ofSeconds(10)).until(() -> !receiver.at(mine).isEmpty());
        assertThat(receiver.at(theirs)).isEmpty();
        assertThat(WebhookReceiver.verifies(
                        subscription.path("secret").asString(),
                        receiver.at(mine).get(0)))
                .isTrue();
    }

    @Test
    void mergesAndErasuresAreAnnouncedAndAnErasedPersonsMessagesAreScrubbed() {
        String path = path("ok");
        JsonNode subscription = subscribe(path, List.of("customer.merged", "customer.erased", "response.submitted"));
        Http writer = http().basic(ws.writeKey(), "");
        String user = "merge-" + UUID.randomUUID();
        String phone = "anon-phone-" + UUID.randomUUID();
        String laptop = "anon-laptop-" + UUID.randomUUID();
        writer.postJson("/v1/page", Messages.page("Home").anonymous(phone).json());
        writer.postJson("/v1/page", Messages.page("Sale").anonymous(laptop).json());
        writer.postJson(
                "/v1/identify", Messages.identify().user(user).anonymous(phone).json());
        writer.postJson(
                "/v1/identify", Messages.identify().user(user).anonymous(laptop).json());

        await().atMost(Duration.ofSeconds(10)).until(() -> receiver.at(path).size() == 1);
        JsonNode merged = json(receiver.at(path).get(0).body());
        assertThat(merged.path("type").asString()).isEqualTo("customer.merged");
        assertThat(merged.path("data").path("userId").asString()).isEqualTo(user);
        assertThat(merged.path("data").path("mergedCustomerId").asString()).isNotBlank();

        assertThat(api().delete("/api/v1/customers/" + user).status()).isEqualTo(204);
        await().atMost(Duration.ofSeconds(10)).until(() -> receiver.at(path).size() == 2);
        JsonNode erased = json(receiver.at(path).get(1).body());
        assertThat(erased.path("type").asString()).isEqualTo("customer.erased");
        assertThat(erased.path("data").path("customerId").asString())
                .isEqualTo(merged.path("data").path("customerId").asString());
        assertThat(erased.toString()).doesNotContain(user).doesNotContain(phone);

        // the earlier merge message no longer carries the person: a replay sends the scrubbed data
        String id = subscription.path("id").asString();
        JsonNode deliveries =
                api().get("/api/v1/webhooks/" + id + "/deliveries").json().path("items");
        String mergeDelivery = deliveries.get(deliveries.size() - 1).path("id").asString();
        api().postJson("/api/v1/webhooks/" + id + "/deliveries/" + mergeDelivery + "/replay", "");
        await().atMost(Duration.ofSeconds(10)).until(() -> receiver.at(path).size() == 3);
        JsonNode replayed = json(receiver.at(path).get(2).body());
        assertThat(replayed.path("type").asString()).isEqualTo("customer.merged");
        assertThat(replayed.path("data").path("erased").asBoolean()).isTrue();
        assertThat(replayed.toString()).doesNotContain(user);
    }

    @Test
    void secretsRotateWithTheOldOneStillSigningForADay() {
        String path = path("ok");
        JsonNode subscription = subscribe(path, null);
        String id = subscription.path("id").asString();
        String oldSecret = subscription.path("secret").asString();
        Http.Response rotated = api().postJson("/api/v1/webhooks/" + id + "/rotate-secret", "");
        assertThat(rotated.status()).isEqualTo(200);
        String newSecret = rotated.json().path("secret").asString();
        assertThat(newSecret).startsWith("whsec_").isNotEqualTo(oldSecret);
        assertThat(api().get("/api/v1/webhooks/" + id).body())
                .doesNotContain(newSecret)
                .doesNotContain(oldSecret);

        sendTest(subscription);
        await().atMost(Duration.ofSeconds(10)).until(() -> receiver.at(path).size() == 1);
        Received request = receiver.at(path).get(0);
        assertThat(request.header("webhook-signature").split(" ")).hasSize(2);
        assertThat(WebhookReceiver.verifies(newSecret, request)).isTrue();
        assertThat(WebhookReceiver.verifies(oldSecret, request)).isTrue();
        assertThat(WebhookReceiver.verifies(
                        "whsec_" + java.util.Base64.getEncoder().encodeToString(new byte[24]), request))
                .isFalse();

        assertThat(api().delete("/api/v1/webhooks/" + id).status()).isEqualTo(204);
        assertThat(api().get("/api/v1/webhooks/" + id).status()).isEqualTo(404);
    }

    @Test
    void onlyAdminsAndSecretKeysManageWebhooks() {
        assertThat(http().basic(ws.writeKey(), "").get("/api/v1/webhooks").status())
                .isEqualTo(403);
        assertThat(http().get("/api/v1/webhooks").status()).isEqualTo(401);

        String analyst = fixtures.aUser(ws.id(), Role.ANALYST, "analyst-password-1");
        UiSession ui = new UiSession(port);
        ui.signIn(analyst, "analyst-password-1");
        assertThat(ui.get("/settings/webhooks").status()).isEqualTo(403);
        String agent = fixtures.aUser(ws.id(), Role.AGENT, "agent-password-12");
        UiSession agentUi = new UiSession(port);
        agentUi.signIn(agent, "agent-password-12");
        assertThat(agentUi.get("/settings/webhooks").status()).isEqualTo(403);
    }

    @Test
    void anAdminAddsAnEndpointInSettingsAndSeesItsSecretOnce() {
        String admin = fixtures.aUser(ws.id(), Role.ADMIN, "admin-password-123");
        UiSession ui = new UiSession(port);
        ui.signIn(admin, "admin-password-123");
        assertThat(ui.get("/settings/webhooks").status()).isEqualTo(200);
        String path = path("ok");
        UiSession.Page created =
                ui.post("/settings/webhooks", Map.of("url", receiver.url(path), "eventTypes", "response.submitted"));
        assertThat(created.status()).isEqualTo(302);
        UiSession.Page page = ui.get(created.location().replace("http://localhost:" + port, ""));
        assertThat(page.body()).contains("id=\"created-secret\"").contains("whsec_");
        assertThat(ui.get("/settings/webhooks").body())
                .doesNotContain("id=\"created-secret\"")
                .contains(receiver.url(path));

        UiSession.Page bad = ui.post("/settings/webhooks", Map.of("url", "mailto:x@example.com"));
        assertThat(bad.status()).isEqualTo(200);
        assertThat(bad.body()).contains("class=\"field-errors\"");

        String id = api().get("/api/v1/webhooks")
                .json()
                .path("items")
                .get(0)
                .path("id")
                .asString();
        ui.get("/settings/webhooks/" + id);
        assertThat(ui.post("/settings/webhooks/" + id + "/test", Map.of()).status())
                .isEqualTo(302);
        await().atMost(Duration.ofSeconds(10)).until(() -> receiver.at(path).size() == 1);
        await().atMost(Duration.ofSeconds(5))
                .until(() -> ui.get("/settings/webhooks/" + id).body().contains("webhook.test"));
        String log = ui.get("/settings/webhooks/" + id).body();
        assertThat(log).contains("204");
    }

    private static JsonNode json(String body) {
        return tools.jackson.databind.json.JsonMapper.builder().build().readTree(body);
    }
}

package io.touchpoint.feedback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.touchpoint.feedback.internal.WidgetTargeting;
import io.touchpoint.support.Fixtures.TestWorkspace;
import io.touchpoint.support.Http;
import io.touchpoint.support.IntegrationTest;
import io.touchpoint.support.SampleSurveys;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The web widget's public endpoints with a write key, as the script calls them: targeting by page and
 * event, sampling, the contact rules, triggered widget sends, answers, dismissals, bad input, CORS.
 */
class WidgetApiIT extends IntegrationTest {

    private static final String SHOP = "https://shop.example";

    private TestWorkspace ws;

    @BeforeEach
    void workspace() {
        ws = fixtures.aWorkspace();
    }

    private Http secret() {
        return http().bearer(ws.secretKey());
    }

    private Http widget() {
        return http().basic(ws.writeKey(), "").header("Accept-Language", "en-US,en;q=0.9");
    }

    private String liveSurvey(String name) {
        Http.Response created = secret().postJson("/api/v1/surveys", SampleSurveys.nps(name));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String id = created.json().path("id").asString();
        assertThat(secret().postJson("/api/v1/surveys/" + id + "/publish", "").status())
                .isEqualTo(200);
        return id;
    }

    private JsonNode target(String surveyId, Map<String, Object> targeting) {
        Http.Response put = secret().putJson("/api/v1/surveys/" + surveyId + "/widget", targeting);
        assertThat(put.status()).as(put.body()).isEqualTo(200);
        return put.json();
    }

    /** What the script asks on a page view. */
    private static String ask(String userId, String anonymousId, String url, String... events) {
        StringBuilder q = new StringBuilder("/v1/widget/survey?url=").append(encode(url));
        if (userId != null) {
            q.append("&userId=").append(encode(userId));
        }
        if (anonymousId != null) {
            q.append("&anonymousId=").append(encode(anonymousId));
        }
        if (events.length > 0) {
            q.append("&events=").append(encode(String.join(",", events)));
        }
        return q.toString();
    }

    private Http.Response answer(
            String surveyId, String responseId, String userId, Map<String, Object> answers, boolean finished) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("surveyId", surveyId);
        body.put("responseId", responseId);
        body.put("userId", userId);
        body.put("anonymousId", "anon-" + userId);
        body.put("answers", answers);
        body.put("finished", finished);
        body.put("language", "en");
        body.put("url", SHOP + "/orders/1");
        return widget().postJson("/v1/widget/responses", body);
    }

    private static List<String> fields(Http.Response response) {
        List<String> fields = new ArrayList<>();
        response.json().path("errors").forEach(e -> fields.add(e.path("field").asString()));
        return fields;
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    @Test
    void aMatchingPageShowsTheSurveyOnceAndTheAnswersAreStoredForThePerson() {
        String survey = liveSurvey("주문 완료 NPS");
        JsonNode targeting =
                target(survey, Map.of("urlPattern", "/orders/*", "event", "Order Completed", "delaySeconds", 2));
        assertThat(targeting.path("enabled").asBoolean()).isTrue();
        assertThat(targeting.path("samplePct").asInt()).isEqualTo(100);
        assertThat(secret().get("/api/v1/surveys/" + survey + "/widget")
                        .json()
                        .path("urlPattern")
                        .asString())
                .isEqualTo("/orders/*");
        String user = "w-" + UUID.randomUUID();

        Http.Response otherPage = widget().get(ask(user, "anon-" + user, SHOP + "/cart", "Order Completed"));
        assertThat(otherPage.status()).isEqualTo(204);
        assertThat(otherPage.header("Touchpoint-Widget-Reason")).isEqualTo("no_match");
        Http.Response noEvent = widget().get(ask(user, "anon-" + user, SHOP + "/orders/1?x=1"));
        assertThat(noEvent.status()).isEqualTo(204);
        assertThat(secret().get("/api/v1/customers/" + user).status())
                .as("asking does not create a profile")
                .isEqualTo(404);

        Http.Response shown =
                widget().get(ask(user, "anon-" + user, SHOP + "/orders/1?x=1", "Product Viewed", "Order Completed"));
        assertThat(shown.status()).as(shown.body()).isEqualTo(200);
        JsonNode display = shown.json();
        assertThat(display.path("id").asString()).isEqualTo(survey);
        assertThat(display.path("delay").asInt()).isEqualTo(2);
        assertThat(display.path("language").asString())
                .as("from Accept-Language")
                .isEqualTo("en");
        assertThat(display.path("questions").get(0).path("text").path("ko").asString())
                .isEqualTo("친구에게 추천하시겠어요?");
        assertThat(display.path("questions").get(1).path("showIf").path("max").asInt())
                .isEqualTo(6);
        assertThat(display.has("name"))
                .as("the survey's internal name stays inside")
                .isFalse();
        assertThat(shown.header("Cache-Control")).contains("no-store");
        JsonNode timeline =
                secret().get("/api/v1/customers/" + user + "/timeline").json().path("items");
        assertThat(timeline.toString()).contains("Survey Shown");

        String responseId = UUID.randomUUID().toString();
        Http.Response first = answer(survey, responseId, user, Map.of("nps", 3), false);
        assertThat(first.status()).as(first.body()).isEqualTo(200);
        assertThat(first.json().path("partial").asBoolean()).isTrue();
        Http.Response done = answer(survey, responseId, user, Map.of("nps", 3, "why", "배송이 너무 느려요"), true);
        assertThat(done.status()).as(done.body()).isEqualTo(200);
        assertThat(done.json().path("partial").asBoolean()).isFalse();
        assertThat(done.json().path("outcome").asString()).isEqualTo("detractor");
        assertThat(done.json().path("id").asString())
                .isEqualTo(first.json().path("id").asString());
        Http.Response retry = answer(survey, responseId, user, Map.of("nps", 3, "why", "배송이 너무 느려요"), true);
        assertThat(retry.json().path("id").asString())
                .as("a retry is the same response")
                .isEqualTo(done.json().path("id").asString());

        JsonNode stored = secret().get(
                        "/api/v1/responses/" + done.json().path("id").asString())
                .json();
        assertThat(stored.path("channel").asString()).isEqualTo("widget");
        assertThat(stored.path("language").asString()).isEqualTo("en");
        assertThat(stored.path("nps").asInt()).isEqualTo(3);
        assertThat(stored.path("customerId").asString())
                .isEqualTo(secret().get("/api/v1/customers/" + user)
                        .json()
                        .path("id")
                        .asString());
        assertThat(stored.path("answers").toString()).contains("배송이 너무 느려요");
        assertThat(secret().get("/api/v1/surveys/" + survey + "/responses?channel=widget")
                        .json()
                        .path("total")
                        .asInt())
                .isEqualTo(1);

        Http.Response again = widget().get(ask(user, "anon-" + user, SHOP + "/orders/2", "Order Completed"));
        assertThat(again.status())
                .as("the contact rule: not asked again at once")
                .isEqualTo(204);
        assertThat(again.header("Touchpoint-Widget-Reason")).isEqualTo("cooldown");
    }

    @Test
    void anUnknownAnonymousVisitorIsRememberedOnceShownAndNotAskedOnTheNextPage() {
        String survey = liveSurvey("방문자 NPS");
        target(survey, Map.of("urlPattern", "*checkout*"));
        String anonymous = UUID.randomUUID().toString();
        Http.Response shown = widget().get(ask(null, anonymous, SHOP + "/Checkout/done"));
        assertThat(shown.status()).as(shown.body()).isEqualTo(200);

        Http.Response dismissed = widget().postJson(
                        "/v1/widget/dismissals",
                        Map.of(
                                "surveyId",
                                survey,
                                "responseId",
                                UUID.randomUUID().toString(),
                                "anonymousId",
                                anonymous,
                                "url",
                                SHOP + "/checkout/done"));
        assertThat(dismissed.status()).as(dismissed.body()).isEqualTo(204);

        Http.Response next = widget().get(ask(null, anonymous, SHOP + "/checkout/done"));
        assertThat(next.status()).isEqualTo(204);
        assertThat(next.header("Touchpoint-Widget-Reason")).isEqualTo("cooldown");
        assertThat(widget().get(ask(null, UUID.randomUUID().toString(), SHOP + "/checkout"))
                        .status())
                .as("another visitor still sees it")
                .isEqualTo(200);
    }

    @Test
    void samplingShowsTheSurveyToTheSameShareOfPeopleEveryTime() {
        String survey = liveSurvey("표본 NPS");
        target(survey, Map.of("samplePct", 30));
        List<String> visitors =
                IntStream.range(0, 40).mapToObj(i -> "s-" + UUID.randomUUID()).toList();
        Set<String> expected = new HashSet<>();
        for (String v : visitors) {
            if (WidgetTargeting.sampled(UUID.fromString(survey), WidgetTargeting.personKey(null, v), 30)) {
                expected.add(v);
            }
        }
        Set<String> shown = new HashSet<>();
        for (String v : visitors) {
            Http.Response r = widget().get(ask(null, v, SHOP + "/"));
            if (r.status() == 200) {
                shown.add(v);
            } else {
                assertThat(r.status()).isEqualTo(204);
            }
        }
        assertThat(shown).isEqualTo(expected).isNotEmpty().hasSizeLessThan(visitors.size());
        for (String v : visitors) {
            if (!expected.contains(v)) {
                assertThat(widget().get(ask(null, v, SHOP + "/")).status())
                        .as("sampled out stays out")
                        .isEqualTo(204);
            }
        }
    }

    @Test
    void theContactRuleHoldsAcrossSurveysAndChannels() {
        String first = liveSurvey("첫 설문");
        String second = liveSurvey("둘째 설문");
        target(first, Map.of("urlPattern", "/a"));
        target(second, Map.of("urlPattern", "/b"));
        String user = "f-" + UUID.randomUUID();
        assertThat(widget().get(ask(user, null, SHOP + "/a")).status()).isEqualTo(200);
        Http.Response blocked = widget().get(ask(user, null, SHOP + "/b"));
        assertThat(blocked.status()).isEqualTo(204);
        assertThat(blocked.header("Touchpoint-Widget-Reason")).isEqualTo("cooldown");

        // answered by email (recorded through the API) a day ago: the widget waits too
        String other = "g-" + UUID.randomUUID();
        http().basic(ws.writeKey(), "").postJson("/v1/identify", Map.of("userId", other));
        Http.Response recorded = secret().postJson(
                        "/api/v1/surveys/" + first + "/responses",
                        Map.of(
                                "userId",
                                other,
                                "answers",
                                Map.of("nps", 10),
                                "channel",
                                "email",
                                "submittedAt",
                                java.time.Instant.now()
                                        .minus(Duration.ofDays(1))
                                        .toString()));
        assertThat(recorded.status()).as(recorded.body()).isEqualTo(201);
        assertThat(widget().get(ask(other, null, SHOP + "/b")).header("Touchpoint-Widget-Reason"))
                .isEqualTo("cooldown");

        Http.Response rules = secret().putJson(
                        "/api/v1/feedback/contact-rules", Map.of("cooldownDays", 0, "maxSurveys", 3, "periodDays", 90));
        assertThat(rules.status()).as(rules.body()).isEqualTo(200);
        assertThat(widget().get(ask(user, null, SHOP + "/b")).status())
                .as("without a cooldown the second survey may ask")
                .isEqualTo(200);
        assertThat(widget().get(ask(user, null, SHOP + "/a")).status())
                .as("nor the first again: it has no recontact days of its own")
                .isEqualTo(200);
        Http.Response fourth = widget().get(ask(user, null, SHOP + "/a"));
        assertThat(fourth.status()).isEqualTo(204);
        assertThat(fourth.header("Touchpoint-Widget-Reason")).isEqualTo("max_per_period");
    }

    @Test
    void aTriggeredWidgetSendIsShownAtTheNextVisitAndItsAnswerBelongsToIt() {
        String survey = liveSurvey("구매 후 위젯 NPS");
        Http.Response trigger = secret().postJson(
                        "/api/v1/surveys/" + survey + "/triggers",
                        Map.of("event", "Order Completed", "delay", "PT1S", "channel", "widget"));
        assertThat(trigger.status()).as(trigger.body()).isEqualTo(201);
        String user = "t-" + UUID.randomUUID();
        Http.Response track = http().basic(ws.writeKey(), "")
                .postJson(
                        "/v1/track",
                        Map.of(
                                "userId",
                                user,
                                "event",
                                "Order Completed",
                                "properties",
                                Map.of(
                                        "order_id",
                                        "o-" + UUID.randomUUID(),
                                        "total",
                                        39000,
                                        "currency",
                                        "KRW",
                                        "products",
                                        List.of(Map.of("product_id", "p-1", "price", 39000, "quantity", 1)))));
        assertThat(track.status()).as(track.body()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(30))
                .until(() -> secret().get("/api/v1/surveys/" + survey + "/sends?status=ready")
                                .json()
                                .path("items")
                                .size()
                        == 1);
        String sendId = secret().get("/api/v1/surveys/" + survey + "/sends")
                .json()
                .path("items")
                .get(0)
                .path("id")
                .asString();

        Http.Response shown = widget().get(ask(user, null, SHOP + "/anything"));
        assertThat(shown.status())
                .as("no widget targeting needed for a triggered send")
                .isEqualTo(200);
        assertThat(shown.json().path("id").asString()).isEqualTo(survey);
        JsonNode send = secret().get("/api/v1/surveys/" + survey + "/sends")
                .json()
                .path("items")
                .get(0);
        assertThat(send.path("status").asString()).isEqualTo("shown");

        Http.Response done = answer(survey, UUID.randomUUID().toString(), user, Map.of("nps", 10), true);
        assertThat(done.status()).as(done.body()).isEqualTo(200);
        JsonNode stored = secret().get(
                        "/api/v1/responses/" + done.json().path("id").asString())
                .json();
        assertThat(stored.path("sendId").asString()).isEqualTo(sendId);
        assertThat(stored.path("partial").asBoolean()).isFalse();
        assertThat(widget().get(ask(user, null, SHOP + "/anything")).status()).isEqualTo(204);
    }

    @Test
    void aTriggeredWidgetSendRefusedByTheContactRuleIsSkippedWithTheReason() {
        String other = liveSurvey("먼저 물은 설문");
        target(other, Map.of());
        String survey = liveSurvey("구매 후 위젯 NPS");
        secret().postJson(
                        "/api/v1/surveys/" + survey + "/triggers",
                        Map.of("event", "Refund Asked", "delay", "PT0S", "channel", "widget"));
        String user = "r-" + UUID.randomUUID();
        assertThat(widget().get(ask(user, null, SHOP + "/")).status()).isEqualTo(200);
        http().basic(ws.writeKey(), "").postJson("/v1/track", Map.of("userId", user, "event", "Refund Asked"));
        await().atMost(Duration.ofSeconds(30))
                .until(() -> secret().get("/api/v1/surveys/" + survey + "/sends?status=ready")
                                .json()
                                .path("items")
                                .size()
                        == 1);
        assertThat(widget().get(ask(user, null, SHOP + "/")).status()).isEqualTo(204);
        JsonNode send = secret().get("/api/v1/surveys/" + survey + "/sends")
                .json()
                .path("items")
                .get(0);
        assertThat(send.path("status").asString()).isEqualTo("skipped");
        assertThat(send.path("reason").asString()).isEqualTo("cooldown");
        assertThat(send.path("reasonDetail").asString()).contains("먼저 물은 설문");
    }

    @Test
    void badInputIsRefusedNamingEachField() {
        String survey = liveSurvey("입력 검사");
        Http.Response noVisitor = widget().get("/v1/widget/survey?url=" + encode(SHOP) + "&lang=" + encode("<b>"));
        assertThat(noVisitor.status()).isEqualTo(400);
        assertThat(noVisitor.header("Content-Type")).contains("application/problem+json");
        assertThat(fields(noVisitor)).containsExactlyInAnyOrder("anonymousId", "lang");
        String manyEvents =
                String.join(",", IntStream.range(0, 60).mapToObj(i -> "e" + i).toList());
        assertThat(fields(widget().get(ask(null, "a1", SHOP, manyEvents)))).containsExactly("events");

        Http.Response badTargeting = secret().putJson(
                        "/api/v1/surveys/" + survey + "/widget",
                        Map.of(
                                "enabled", "yes",
                                "urlPattern", "/orders /*",
                                "delaySeconds", -1,
                                "samplePct", 0,
                                "event", 5));
        assertThat(badTargeting.status()).isEqualTo(400);
        assertThat(fields(badTargeting))
                .containsExactlyInAnyOrder("enabled", "urlPattern", "delaySeconds", "samplePct", "event");
        assertThat(secret().get("/api/v1/surveys/" + survey + "/widget").status())
                .as("nothing stored")
                .isEqualTo(404);
        assertThat(secret().putJson("/api/v1/surveys/" + UUID.randomUUID() + "/widget", Map.of())
                        .status())
                .isEqualTo(404);

        Map<String, Object> bad = new LinkedHashMap<>();
        bad.put("surveyId", "not-a-survey");
        bad.put("responseId", "short");
        bad.put("answers", List.of(1));
        bad.put("finished", "yes");
        Http.Response badAnswer = widget().postJson("/v1/widget/responses", bad);
        assertThat(badAnswer.status()).isEqualTo(400);
        assertThat(fields(badAnswer))
                .containsExactlyInAnyOrder("surveyId", "responseId", "anonymousId", "answers", "finished");

        String user = "b-" + UUID.randomUUID();
        Http.Response outOfRange = answer(survey, UUID.randomUUID().toString(), user, Map.of("nps", 11), true);
        assertThat(outOfRange.status()).isEqualTo(400);
        assertThat(fields(outOfRange)).containsExactly("answers.nps");
        Http.Response unknownQuestion =
                answer(survey, UUID.randomUUID().toString(), user, Map.of("nps", 5, "zzz", "x"), false);
        assertThat(fields(unknownQuestion)).containsExactly("answers.zzz");
        assertThat(answer(UUID.randomUUID().toString(), UUID.randomUUID().toString(), user, Map.of("nps", 5), true)
                        .status())
                .isEqualTo(404);
        assertThat(widget().postJson("/v1/widget/responses", "[1,2]").status()).isEqualTo(400);
        assertThat(widget().postJson("/v1/widget/responses", "{not json").status())
                .isEqualTo(400);

        secret().postJson("/api/v1/surveys/" + survey + "/pause", "");
        assertThat(answer(survey, UUID.randomUUID().toString(), user, Map.of("nps", 5), true)
                        .status())
                .as("a paused survey takes no answers")
                .isEqualTo(409);
        assertThat(secret().get("/api/v1/surveys/" + survey + "/responses")
                        .json()
                        .path("total")
                        .asInt())
                .isZero();
    }

    @Test
    void aWriteKeyMayUseTheWidgetButNotReadOrChangeTheTargeting() {
        String survey = liveSurvey("권한");
        target(survey, Map.of("urlPattern", "/x"));
        Http.Response read = http().basic(ws.writeKey(), "").get("/api/v1/surveys/" + survey + "/widget");
        assertThat(read.status()).isEqualTo(403);
        assertThat(read.header("Content-Type")).contains("application/problem+json");
        assertThat(http().basic(ws.writeKey(), "")
                        .putJson("/api/v1/surveys/" + survey + "/widget", Map.of("enabled", false))
                        .status())
                .isEqualTo(403);
        assertThat(http().basic(ws.writeKey(), "")
                        .get("/api/v1/surveys/" + survey)
                        .status())
                .isEqualTo(403);
        assertThat(http().get(ask(null, "a", SHOP + "/x")).status())
                .as("no key")
                .isEqualTo(401);
        assertThat(secret().get(ask(null, "k-" + UUID.randomUUID(), SHOP + "/x"))
                        .status())
                .as("a secret key may call the widget endpoints too")
                .isEqualTo(200);
        assertThat(secret().get("/api/v1/surveys/" + survey + "/widget")
                        .json()
                        .path("enabled")
                        .asBoolean())
                .isTrue();
    }

    @Test
    void thePublicApiAnswersCorsPreflightFromAnyOriginButTheSecretApiDoesNot() {
        Http.Response preflight = http().header("Origin", "https://shop.example")
                .header("Access-Control-Request-Method", "GET")
                .header("Access-Control-Request-Headers", "authorization")
                .options("/v1/widget/survey?anonymousId=a");
        assertThat(preflight.status()).isEqualTo(200);
        assertThat(preflight.header("Access-Control-Allow-Origin")).isEqualTo("*");
        assertThat(preflight.header("Access-Control-Allow-Methods"))
                .contains("GET")
                .contains("POST");
        assertThat(preflight.header("Access-Control-Allow-Headers").toLowerCase())
                .contains("authorization");
        assertThat(preflight.header("Access-Control-Allow-Credentials")).isNull();

        Http.Response post = http().header("Origin", "https://other-shop.example")
                .header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "authorization,content-type")
                .options("/v1/track");
        assertThat(post.status()).isEqualTo(200);
        assertThat(post.header("Access-Control-Allow-Headers").toLowerCase()).contains("content-type");

        Http.Response call = widget().header("Origin", "https://shop.example").get(ask(null, "c-1", SHOP));
        assertThat(call.header("Access-Control-Allow-Origin")).isEqualTo("*");
        Http.Response unauthorized =
                http().header("Origin", "https://shop.example").get(ask(null, "c-1", SHOP));
        assertThat(unauthorized.status()).isEqualTo(401);
        assertThat(unauthorized.header("Access-Control-Allow-Origin"))
                .as("the page can read why")
                .isEqualTo("*");

        Http.Response secretApi = http().header("Origin", "https://shop.example")
                .header("Access-Control-Request-Method", "GET")
                .header("Access-Control-Request-Headers", "authorization")
                .options("/api/v1/surveys");
        assertThat(secretApi.header("Access-Control-Allow-Origin")).isNull();
    }
}

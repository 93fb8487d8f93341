package io.touchpoint.feedback;

import static org.assertj.core.api.Assertions.assertThat;

import io.touchpoint.platform.Store;
import io.touchpoint.support.Fixtures.TestWorkspace;
import io.touchpoint.support.Http;
import io.touchpoint.support.IntegrationTest;
import io.touchpoint.support.SampleSurveys;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/** Surveys through the API and the hosted page, on both stores, including every kind of bad input. */
class SurveysIT extends IntegrationTest {

    @Autowired
    private Responses responses;

    @Autowired
    private Store store;

    private TestWorkspace ws;

    private String create(Map<String, Object> survey, boolean publish) {
        Http.Response created = http().bearer(ws.secretKey()).postJson("/api/v1/surveys", survey);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String id = created.json().path("id").asString();
        if (publish) {
            assertThat(http().bearer(ws.secretKey())
                            .postJson("/api/v1/surveys/" + id + "/publish", "")
                            .json()
                            .path("status")
                            .asString())
                    .isEqualTo("live");
        }
        return id;
    }

    @BeforeEach
    void workspace() {
        ws = fixtures.aWorkspace();
        http().basic(ws.writeKey(), "")
                .postJson("/v1/identify", Map.of("userId", "u1", "traits", Map.of("email", "u1@example.com")));
    }

    @Test
    void createsReadsExportsAndImportsASurvey() {
        String id = create(SampleSurveys.nps("NPS after purchase"), false);
        JsonNode survey =
                http().bearer(ws.secretKey()).get("/api/v1/surveys/" + id).json();
        assertThat(survey.path("status").asString()).isEqualTo("draft");
        assertThat(survey.path("version").asInt()).isEqualTo(1);
        assertThat(survey.path("questions").get(0).path("text").path("en").asString())
                .isEqualTo("Would you recommend us?");
        assertThat(survey.path("questions").get(1).path("required").asBoolean()).isFalse();

        Http.Response export = http().bearer(ws.secretKey()).get("/api/v1/surveys/" + id + "/export");
        assertThat(export.header("Content-Disposition")).contains("attachment");
        assertThat(export.json().has("id")).isFalse();
        Http.Response imported = http().bearer(ws.secretKey()).postJson("/api/v1/surveys/import", export.body());
        assertThat(imported.status()).isEqualTo(201);
        assertThat(imported.json().path("id").asString()).isNotEqualTo(id);
        assertThat(imported.json().path("questions")).isEqualTo(survey.path("questions"));
    }

    @Test
    void refusesInvalidSurveysNamingEachField() {
        Http.Response response = http().bearer(ws.secretKey())
                .postJson(
                        "/api/v1/surveys",
                        Map.of(
                                "name", "",
                                "defaultLanguage", "ko",
                                "questions",
                                        List.of(
                                                Map.of("id", "a", "type", "nps", "text", Map.of("en", "only english")),
                                                Map.of(
                                                        "id",
                                                        "a",
                                                        "type",
                                                        "csat",
                                                        "scale",
                                                        4,
                                                        "text",
                                                        Map.of("ko", "만족?")),
                                                Map.of("id", "c", "type", "single_choice", "text", Map.of("ko", "?")),
                                                Map.of(
                                                        "id",
                                                        "d",
                                                        "type",
                                                        "text",
                                                        "text",
                                                        Map.of("ko", "왜?"),
                                                        "showIf",
                                                        Map.of("question", "zzz", "max", 6)),
                                                Map.of("id", "e", "type", "slider", "text", Map.of("ko", "?")))));
        assertThat(response.status()).isEqualTo(400);
        List<String> fields = new ArrayList<>();
        response.json().path("errors").forEach(e -> fields.add(e.path("field").asString()));
        assertThat(fields)
                .contains(
                        "name",
                        "questions[0].text.ko",
                        "questions[1].id",
                        "questions[1].scale",
                        "questions[2].options",
                        "questions[3].showIf.question",
                        "questions[4].type");
        assertThat(http().bearer(ws.secretKey())
                        .postJson("/api/v1/surveys", "{\"name\":")
                        .status())
                .isEqualTo(400);
    }

    @Test
    void recordsAResponseOnBehalfOfACustomerIdempotently() {
        String id = create(SampleSurveys.nps("NPS"), true);
        Map<String, Object> answer = Map.of(
                "userId", "u1",
                "responseId", "shop-123",
                "answers", Map.of("nps", 4, "why", "배송이 <b>늦었어요</b>", "topic", List.of("delivery")),
                "channel", "app",
                "touchpoint", "checkout",
                "language", "ko");
        Http.Response first = http().bearer(ws.secretKey()).postJson("/api/v1/surveys/" + id + "/responses", answer);
        assertThat(first.status()).as(first.body()).isEqualTo(201);
        Http.Response again = http().bearer(ws.secretKey()).postJson("/api/v1/surveys/" + id + "/responses", answer);
        assertThat(again.json().path("id").asString())
                .isEqualTo(first.json().path("id").asString());

        JsonNode list = http().bearer(ws.secretKey())
                .get("/api/v1/surveys/" + id + "/responses")
                .json();
        assertThat(list.path("total").asLong()).isEqualTo(1);
        JsonNode response = list.path("items").get(0);
        assertThat(response.path("partial").asBoolean()).isFalse();
        assertThat(response.path("nps").asInt()).isEqualTo(4);
        assertThat(response.path("touchpoint").asString()).isEqualTo("checkout");
        assertThat(response.path("answers")).hasSize(3);
        assertThat(http().bearer(ws.secretKey())
                        .get("/api/v1/surveys/" + id + "/responses?outcome=promoter")
                        .json()
                        .path("total")
                        .asLong())
                .isZero();

        // the answer is on the customer's timeline
        JsonNode timeline = http().bearer(ws.secretKey())
                .get("/api/v1/customers/u1/timeline")
                .json();
        assertThat(timeline.toString()).contains("Survey Answered");
    }

    @Test
    void manyResponsesRecordedInOneWriteAreStoredAsOneByOneAndRetriesAreNotDoubled() {
        String id = create(SampleSurveys.nps("NPS"), true);
        UUID surveyId = UUID.fromString(id);
        UUID customer = UUID.fromString(http().bearer(ws.secretKey())
                .get("/api/v1/customers/u1")
                .json()
                .path("id")
                .asString());
        var nodes = tools.jackson.databind.node.JsonNodeFactory.instance;
        java.util.function.BiFunction<Integer, String, ResponseSubmission> answer =
                (nps, clientKey) -> new ResponseSubmission(
                        null,
                        clientKey,
                        customer,
                        "email",
                        "delivery",
                        "ko",
                        null,
                        false,
                        null,
                        nps <= 6
                                ? Map.of("nps", nodes.numberNode(nps), "why", nodes.stringNode("배송이 늦었어요"))
                                : Map.of("nps", nodes.numberNode(nps)),
                        true,
                        Instant.now().minus(Duration.ofDays(2)));
        int recorded = responses.submitAll(
                ws.id(),
                surveyId,
                List.of(answer.apply(3, null), answer.apply(9, null), answer.apply(10, null), answer.apply(6, "k-1")));
        assertThat(recorded).isEqualTo(4);
        // a retry of the keyed one beside a new answer: only the new one counts
        assertThat(responses.submitAll(ws.id(), surveyId, List.of(answer.apply(6, "k-1"), answer.apply(8, null))))
                .isEqualTo(1);
        // one client key twice in one list is one response
        assertThat(responses.submitAll(ws.id(), surveyId, List.of(answer.apply(7, "k-2"), answer.apply(7, "k-2"))))
                .isEqualTo(1);

        JsonNode list = http().bearer(ws.secretKey())
                .get("/api/v1/surveys/" + id + "/responses?limit=50")
                .json();
        assertThat(list.path("total").asLong()).isEqualTo(6);
        List<Integer> scores = new ArrayList<>();
        list.path("items").forEach(r -> scores.add(r.path("nps").asInt()));
        assertThat(scores).containsExactlyInAnyOrder(3, 9, 10, 6, 8, 7);
        list.path("items").forEach(r -> {
            assertThat(r.path("channel").asString()).isEqualTo("email");
            assertThat(r.path("touchpoint").asString()).isEqualTo("delivery");
            assertThat(r.path("answers").size()).isEqualTo(r.path("nps").asInt() <= 6 ? 2 : 1);
        });
        JsonNode timeline = http().bearer(ws.secretKey())
                .get("/api/v1/customers/u1/timeline?limit=100")
                .json()
                .path("items");
        long answered = 0;
        for (JsonNode item : timeline) {
            if ("Survey Answered".equals(item.path("event").asString())) {
                answered++;
                assertThat(item.path("channel").asString()).isEqualTo("email");
            }
        }
        assertThat(answered).isEqualTo(6);
        assertThat(store.reads()
                        .sql("select count(*) from outbox where workspace_id = ? and type = 'response.submitted'")
                        .param(ws.id())
                        .query(Long.class)
                        .single())
                .isEqualTo(6L);
    }

    @Test
    void refusesBadAnswersWithTheFailingQuestionIds() {
        String id = create(SampleSurveys.nps("NPS"), true);
        String path = "/api/v1/surveys/" + id + "/responses";
        assertThat(fields(http().bearer(ws.secretKey()).postJson(path, Map.of("answers", Map.of("nps", 11)))))
                .containsExactly("answers.nps");
        assertThat(fields(http().bearer(ws.secretKey()).postJson(path, Map.of("answers", Map.of("nps", "9")))))
                .containsExactly("answers.nps");
        assertThat(fields(http().bearer(ws.secretKey()).postJson(path, Map.of("answers", Map.of("nps", 9.5)))))
                .containsExactly("answers.nps");
        assertThat(fields(http().bearer(ws.secretKey()).postJson(path, Map.of("answers", Map.of("nps", 9, "nope", 1)))))
                .containsExactly("answers.nope");
        assertThat(fields(http().bearer(ws.secretKey())
                        .postJson(path, Map.of("answers", Map.of("nps", 9, "why", "skip logic says no")))))
                .containsExactly("answers.why");
        assertThat(fields(http().bearer(ws.secretKey())
                        .postJson(path, Map.of("answers", Map.of("nps", 3, "topic", List.of("delivery", "weather"))))))
                .containsExactly("answers.topic");
        assertThat(fields(http().bearer(ws.secretKey())
                        .postJson(path, Map.of("answers", Map.of("nps", 3, "why", "x".repeat(2001))))))
                .containsExactly("answers.why");
        assertThat(fields(http().bearer(ws.secretKey()).postJson(path, Map.of("answers", Map.of("why", "no score")))))
                .contains("answers.nps");
        assertThat(fields(http().bearer(ws.secretKey())
                        .postJson(path, Map.of("userId", "nobody", "answers", Map.of("nps", 9)))))
                .containsExactly("userId");
        assertThat(fields(http().bearer(ws.secretKey())
                        .postJson(path, Map.of("submittedAt", "yesterday", "answers", Map.of("nps", 9)))))
                .containsExactly("submittedAt");
        assertThat(http().bearer(ws.secretKey())
                        .get("/api/v1/surveys/" + id + "/responses")
                        .json()
                        .path("total")
                        .asLong())
                .as("nothing stored by refused answers")
                .isZero();

        http().bearer(ws.secretKey()).postJson("/api/v1/surveys/" + id + "/pause", "");
        Http.Response paused = http().bearer(ws.secretKey()).postJson(path, Map.of("answers", Map.of("nps", 9)));
        assertThat(paused.status()).isEqualTo(409);
        assertThat(paused.json().path("detail").asString()).contains("paused");
    }

    @Test
    void aWriteKeyCannotReadSurveysAndOtherWorkspacesCannotSeeThem() {
        String id = create(SampleSurveys.nps("NPS"), true);
        assertThat(http().basic(ws.writeKey(), "").get("/api/v1/surveys/" + id).status())
                .isEqualTo(403);
        TestWorkspace other = fixtures.aWorkspace();
        assertThat(http().bearer(other.secretKey()).get("/api/v1/surveys/" + id).status())
                .isEqualTo(404);
    }

    @Test
    void editingALiveSurveyMakesANewVersionAndAnswersKeepTheirs() {
        String id = create(SampleSurveys.nps("NPS"), true);
        http().bearer(ws.secretKey())
                .postJson("/api/v1/surveys/" + id + "/responses", Map.of("answers", Map.of("nps", 10)));
        Map<String, Object> changed = new java.util.HashMap<>(SampleSurveys.nps("NPS v2"));
        changed.put(
                "questions",
                List.of(Map.of("id", "nps", "type", "nps", "text", Map.of("ko", "추천 의향은?", "en", "Recommend?"))));
        JsonNode updated = http().bearer(ws.secretKey())
                .putJson("/api/v1/surveys/" + id, changed)
                .json();
        assertThat(updated.path("version").asInt()).isEqualTo(2);
        assertThat(updated.path("status").asString()).isEqualTo("live");
        http().bearer(ws.secretKey())
                .postJson("/api/v1/surveys/" + id + "/responses", Map.of("answers", Map.of("nps", 8)));
        List<Integer> versions = new ArrayList<>();
        http().bearer(ws.secretKey())
                .get("/api/v1/surveys/" + id + "/responses")
                .json()
                .path("items")
                .forEach(r -> versions.add(r.path("version").asInt()));
        assertThat(versions).containsExactlyInAnyOrder(1, 2);
    }

    @Test
    void theHostedPageAsksOneQuestionAtATimeAndFollowsTheSkipLogic() {
        String id = create(SampleSurveys.nps("NPS"), true);
        Http.Response page = http().header("Accept-Language", "en-US,en;q=0.9").get("/s/" + id);
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("Would you recommend us?").contains("name=\"value\"");

        Http.Response answered = http().postForm("/s/" + id, "q=nps&lang=en&value=3");
        assertThat(answered.status()).isEqualTo(302);
        String next = answered.header("Location");
        assertThat(next).contains("r=").contains("after=nps");
        Http.Response why = http().get(path(next));
        assertThat(why.body()).contains("What disappointed you?");

        String ref = param(next, "r");
        Http.Response bad = http().postForm("/s/" + id, "q=why&lang=en&r=" + ref + "X&value=late");
        assertThat(bad.status()).as("a tampered response reference").isEqualTo(403);

        http().postForm("/s/" + id, "q=why&lang=en&r=" + ref + "&value=%3Cscript%3Ealert(1)%3C%2Fscript%3E");
        Http.Response last = http().postForm("/s/" + id, "q=topic&lang=en&r=" + ref + "&value=delivery&value=price");
        assertThat(last.header("Location")).contains("/thanks");
        Http.Response thanks = http().get(path(last.header("Location")));
        assertThat(thanks.body()).contains("We are sorry.");

        JsonNode stored = http().bearer(ws.secretKey())
                .get("/api/v1/surveys/" + id + "/responses")
                .json()
                .path("items")
                .get(0);
        assertThat(stored.path("partial").asBoolean()).isFalse();
        assertThat(stored.path("channel").asString()).isEqualTo("link");
        assertThat(stored.path("language").asString()).isEqualTo("en");
        assertThat(stored.path("answers").toString()).contains("<script>alert(1)</script>");
        assertThat(stored.path("answers")).hasSize(4);

        Http.Response again = http().postForm("/s/" + id, "q=why&lang=en&r=" + ref + "&value=changed");
        assertThat(again.status())
                .as("a finished response is not changed again")
                .isEqualTo(409);
    }

    @Test
    void aPersonalLinkTiesTheAnswerToTheCustomerOnceAndRefusesForgeries() {
        String id = create(SampleSurveys.nps("NPS"), true);
        Http.Response link = http().bearer(ws.secretKey())
                .postJson("/api/v1/surveys/" + id + "/links", Map.of("userId", "u1", "singleUse", true));
        assertThat(link.status()).as(link.body()).isEqualTo(201);
        String url = link.json().path("url").asString();
        String token = param(url, "t");

        Http.Response forged = http().get("/s/" + id + "?t=" + token.substring(0, token.length() - 2) + "AA");
        assertThat(forged.status()).isEqualTo(403);
        assertThat(http().get("/s/" + id + "?t=garbage").status()).isEqualTo(403);

        Http.Response clicked = http().get("/s/" + id + "?t=" + token + "&q=nps&a=10");
        assertThat(clicked.status()).isEqualTo(302);
        JsonNode partial = http().bearer(ws.secretKey())
                .get("/api/v1/surveys/" + id + "/responses?status=partial")
                .json();
        assertThat(partial.path("total").asLong()).isEqualTo(1);
        String ref = param(clicked.header("Location"), "r");
        Http.Response done = http().postForm("/s/" + id, "q=topic&lang=ko&r=" + ref + "&value=price");
        assertThat(done.header("Location")).contains("/thanks");
        JsonNode complete = http().bearer(ws.secretKey())
                .get("/api/v1/surveys/" + id + "/responses?status=complete")
                .json()
                .path("items")
                .get(0);
        assertThat(complete.path("nps").asInt()).isEqualTo(10);
        assertThat(complete.path("customerId").isNull()).isFalse();

        Http.Response reused = http().get("/s/" + id + "?t=" + token);
        assertThat(reused.status()).as("a single-use link after its answer").isEqualTo(409);
        assertThat(http().get("/s/" + id + "?t=" + token + "&q=nps&a=0").status())
                .isEqualTo(409);
    }

    @Test
    void aPausedOrUnknownSurveyPageSaysSo() {
        String id = create(SampleSurveys.nps("NPS"), false);
        assertThat(http().get("/s/" + id).status()).isEqualTo(409);
        assertThat(http().get("/s/00000000-0000-0000-0000-000000000000").status())
                .isEqualTo(404);
        assertThat(http().get("/s/not-a-uuid").status()).isEqualTo(404);
    }

    private static List<String> fields(Http.Response response) {
        assertThat(response.status()).as(response.body()).isEqualTo(400);
        List<String> fields = new ArrayList<>();
        response.json().path("errors").forEach(e -> fields.add(e.path("field").asString()));
        return fields;
    }

    static String param(String url, String name) {
        Matcher m = Pattern.compile("[?&]" + name + "=([^&]+)").matcher(url);
        assertThat(m.find()).as(url).isTrue();
        return m.group(1);
    }

    static String path(String url) {
        return url.replaceFirst("^https?://[^/]+", "");
    }
}

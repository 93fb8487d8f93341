package io.touchpoint.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.touchpoint.support.Fixtures.TestWorkspace;
import io.touchpoint.support.Http;
import io.touchpoint.support.IntegrationTest;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Survey comments analysed in the background, the comment explorer, the editable taxonomy, key
 * drivers and emerging themes, through HTTP on both stores.
 */
class CommentsIT extends IntegrationTest {

    private static final Duration WAIT = Duration.ofSeconds(60);

    private TestWorkspace ws;
    private String survey;

    @BeforeEach
    void workspace() {
        ws = fixtures.aWorkspace();
        Http.Response created = api().postJson(
                        "/api/v1/surveys",
                        Map.of(
                                "name",
                                "NPS with a reason",
                                "defaultLanguage",
                                "ko",
                                "questions",
                                List.of(
                                        Map.of(
                                                "id",
                                                "nps",
                                                "type",
                                                "nps",
                                                "text",
                                                Map.of("ko", "추천하시겠어요?", "en", "Recommend?")),
                                        Map.of(
                                                "id",
                                                "why",
                                                "type",
                                                "text",
                                                "text",
                                                Map.of("ko", "이유는?", "en", "Why?")))));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        survey = created.json().path("id").asString();
        api().postJson("/api/v1/surveys/" + survey + "/publish", "");
    }

    private Http api() {
        return http().bearer(ws.secretKey());
    }

    private void answer(int nps, String comment, Instant at, String userId) {
        Map<String, Object> body = new HashMap<>();
        body.put("answers", Map.of("nps", nps, "why", comment));
        body.put("channel", "api");
        if (at != null) {
            body.put("submittedAt", at.toString());
        }
        if (userId != null) {
            body.put("userId", userId);
        }
        Http.Response r = api().postJson("/api/v1/surveys/" + survey + "/responses", body);
        assertThat(r.status()).as(r.body()).isEqualTo(201);
    }

    private JsonNode get(String path) {
        Http.Response r = api().get(path);
        assertThat(r.status()).as(path + " " + r.body()).isEqualTo(200);
        return r.json();
    }

    private JsonNode awaitComments(String query, int total) {
        return await().atMost(WAIT)
                .until(
                        () -> get("/api/v1/text/comments?" + query),
                        page -> page.path("total").asLong() == total);
    }

    /** Six late deliveries from detractors, six praises of quality from promoters, one of each in English. */
    private void sampleComments() {
        Instant at = Instant.now().minus(2, ChronoUnit.DAYS);
        for (int i = 0; i < 6; i++) {
            answer(i % 3, "배송이 너무 늦었어요. 연락처 010-1234-567" + i + " 로 연락 주세요", at, null);
            answer(10, "품질이 정말 좋아요. 마감도 훌륭합니다", at, null);
        }
        answer(3, "Delivery took two weeks and nobody answered my email at me@example.com", at, null);
        answer(9, "Great quality, the material feels durable", at, null);
    }

    @Test
    void commentsAreAnalysedRedactedAndSearchable() {
        sampleComments();
        answer(5, "👍👍👍", null, null);
        answer(6, "배송 😡 late delivery 너무 늦음", null, null);
        JsonNode page = awaitComments("size=50", 16);

        List<String> texts = new ArrayList<>();
        page.path("items").forEach(c -> texts.add(c.path("redacted").asString()));
        assertThat(texts).noneMatch(t -> t.contains("010-1234") || t.contains("me@example.com"));
        assertThat(texts).anyMatch(t -> t.contains("[PHONE]"));
        assertThat(texts).anyMatch(t -> t.contains("[EMAIL]"));

        JsonNode delivery = get("/api/v1/text/comments?theme=delivery&language=ko&npsMax=6&size=50");
        assertThat(delivery.path("total").asLong()).isEqualTo(7);
        JsonNode first = delivery.path("items").get(0);
        assertThat(first.path("themes").toString()).contains("delivery");
        JsonNode highlight = first.path("highlights").get(0);
        String text = first.path("redacted").asString();
        assertThat(text.substring(
                        highlight.path("start").asInt(), highlight.path("end").asInt()))
                .isEqualTo("배송");
        assertThat(get("/api/v1/text/comments?sentiment=negative&theme=delivery&language=ko")
                        .path("total")
                        .asLong())
                .isGreaterThanOrEqualTo(6);
        assertThat(get("/api/v1/text/comments?q=MATERIAL").path("total").asLong())
                .isEqualTo(1);
        assertThat(get("/api/v1/text/comments?q=50%25_off").path("total").asLong())
                .isZero();
        assertThat(get("/api/v1/text/comments?language=other").path("total").asLong())
                .isEqualTo(1);
        JsonNode paged = get("/api/v1/text/comments?size=5&page=3");
        assertThat(paged.path("items")).hasSize(1);
        assertThat(paged.path("total").asLong()).isEqualTo(16);
    }

    @Test
    void deliveryPullsNpsDownAndQualityLiftsIt() {
        sampleComments();
        awaitComments("size=1", 14);
        JsonNode drivers = get("/api/v1/text/drivers");
        assertThat(drivers.path("npsResponses").asLong()).isEqualTo(14);
        Map<String, JsonNode> byId = new HashMap<>();
        drivers.path("themes").forEach(t -> byId.put(t.path("id").asString(), t));
        JsonNode delivery = byId.get("delivery");
        assertThat(delivery.path("volume").asInt()).isEqualTo(7);
        assertThat(delivery.path("impact").asDouble()).isNegative();
        assertThat(delivery.path("impactHigh").asDouble()).isNegative();
        assertThat(delivery.path("npsWith").asDouble()).isEqualTo(-100.0);
        assertThat(byId.get("quality").path("impact").asDouble()).isPositive();
        assertThat(drivers.path("themes").get(0).path("id").asString()).isIn("delivery", "delivery_delay");
        assertThat(delivery.path("trend").size()).isGreaterThan(10);
        assertThat(delivery.path("examples").size()).isBetween(1, 3);

        JsonNode themes = get("/api/v1/text/themes");
        JsonNode quality = null;
        for (JsonNode t : themes.path("themes")) {
            if (t.path("theme").path("id").asString().equals("quality")) {
                quality = t;
            }
        }
        assertThat(quality).isNotNull();
        assertThat(quality.path("volume").asInt()).isEqualTo(7);
        assertThat(quality.path("meanSentiment").asDouble()).isPositive();
    }

    @Test
    void aThemeAddedToTheTaxonomyIsFoundInCommentsStoredBefore() {
        answer(2, "대기시간이 너무 길어요", null, null);
        answer(3, "The wait on the phone was endless", null, null);
        awaitComments("size=1", 2);
        assertThat(get("/api/v1/text/comments?theme=customer_service")
                        .path("total")
                        .asLong())
                .isZero();

        Http.Response saved = api().putJson(
                        "/api/v1/text/taxonomy/themes/waiting",
                        Map.of("nameEn", "Waiting", "nameKo", "대기", "keywords", List.of("대기시간", "wait", " wait ")));
        assertThat(saved.status()).as(saved.body()).isEqualTo(200);
        assertThat(saved.json().path("keywords")).hasSize(2);
        await().atMost(WAIT)
                .until(() ->
                        get("/api/v1/text/comments?theme=waiting").path("total").asLong() == 2);

        Http.Response merged = api().postJson(
                        "/api/v1/text/taxonomy/merge", Map.of("into", "customer_service", "from", List.of("waiting")));
        assertThat(merged.status()).as(merged.body()).isEqualTo(200);
        assertThat(merged.json().path("keywords").toString()).contains("대기시간");
        JsonNode taxonomy = get("/api/v1/text/taxonomy");
        assertThat(taxonomy.path("themes").toString()).doesNotContain("\"waiting\"");
        await().atMost(WAIT)
                .until(() -> get("/api/v1/text/comments?theme=customer_service")
                                .path("total")
                                .asLong()
                        == 2);

        Http.Response renamed = api().putJson(
                        "/api/v1/text/taxonomy/themes/customer_service",
                        Map.of("nameEn", "Support", "nameKo", "고객 지원", "keywords", List.of("대기시간")));
        assertThat(renamed.status()).isEqualTo(200);
        assertThat(api().delete("/api/v1/text/taxonomy/themes/customer_service").status())
                .isEqualTo(204);
        assertThat(get("/api/v1/text/taxonomy").path("themes").toString()).doesNotContain("고객 지원");
    }

    @Test
    void aThemeThatRisesInTheLastWeekIsEmerging() {
        Instant asOf = Instant.now().truncatedTo(ChronoUnit.DAYS);
        for (int i = 0; i < 20; i++) {
            answer(8, "상품은 무난했어요", asOf.minus(10 + i, ChronoUnit.DAYS), null);
        }
        answer(4, "결제 오류가 났어요", asOf.minus(15, ChronoUnit.DAYS), null);
        for (int i = 0; i < 8; i++) {
            answer(2, "결제가 계속 실패해요", asOf.minus(1 + i % 5, ChronoUnit.HOURS), null);
        }
        for (int i = 0; i < 4; i++) {
            answer(8, "그냥 그래요", asOf.minus(2, ChronoUnit.DAYS), null);
        }
        awaitComments("size=1", 33);
        JsonNode emerging = get("/api/v1/text/themes/emerging?asOf=" + asOf);
        List<String> ids = new ArrayList<>();
        emerging.path("themes").forEach(t -> ids.add(t.path("id").asString()));
        assertThat(ids).containsExactlyInAnyOrder("payment", "payment_error");
        JsonNode payment = emerging.path("themes").get(0);
        assertThat(payment.path("latestCount").asInt()).isEqualTo(8);
        assertThat(payment.path("z").asDouble()).isGreaterThan(1.96);
        assertThat(get("/api/v1/text/themes/emerging?asOf=" + asOf.minus(20, ChronoUnit.DAYS))
                        .path("themes"))
                .isEmpty();
    }

    @Test
    void erasingACustomerErasesTheirAnalysedComments() {
        http().basic(ws.writeKey(), "").postJson("/v1/identify", Map.of("userId", "erase-me"));
        answer(1, "배송이 늦었어요", null, "erase-me");
        answer(1, "배송이 정말 늦었어요", null, null);
        awaitComments("size=1", 2);
        assertThat(api().delete("/api/v1/customers/erase-me").status()).isLessThan(300);
        assertThat(get("/api/v1/text/comments").path("total").asLong()).isEqualTo(1);
    }

    @Test
    void badInputIsAnsweredWith400NamingTheField() {
        Map<String, String> bad = Map.of(
                "/api/v1/text/comments?size=0", "size",
                "/api/v1/text/comments?sentiment=angry", "sentiment",
                "/api/v1/text/comments?npsMin=11", "npsMin",
                "/api/v1/text/comments?theme=nope", "theme",
                "/api/v1/text/comments?from=2026-11-10&to=2026-11-01", "from",
                "/api/v1/text/comments?from=yesterday", "from",
                "/api/v1/text/drivers?from=2020-01-01&to=2026-01-01", "from",
                "/api/v1/text/themes/emerging?asOf=now", "asOf");
        bad.forEach((path, field) -> {
            Http.Response r = api().get(path);
            assertThat(r.status()).as(path).isEqualTo(400);
            assertThat(r.body()).as(path).contains(field);
        });
        assertThat(api().get("/api/v1/text/comments?npsMin=abc").status()).isEqualTo(400);

        Http.Response badTheme = api().putJson(
                        "/api/v1/text/taxonomy",
                        Map.of(
                                "themes",
                                List.of(
                                        Map.of("id", "Bad Id", "nameEn", "x", "nameKo", "x", "keywords", List.of("x")),
                                        Map.of("id", "ok", "nameEn", " ", "nameKo", "좋음", "keywords", List.of("a,b")),
                                        Map.of("id", "empty", "nameEn", "E", "nameKo", "E", "keywords", List.of()))));
        assertThat(badTheme.status()).isEqualTo(400);
        assertThat(badTheme.body())
                .contains("themes[0].id", "themes[1].nameEn", "themes[1].keywords[0]", "themes[2].keywords");
        assertThat(api().putJson("/api/v1/text/taxonomy", "{").status()).isEqualTo(400);
        assertThat(api().putJson("/api/v1/text/taxonomy", Map.of()).status()).isEqualTo(400);
        assertThat(api().postJson("/api/v1/text/taxonomy/merge", Map.of("into", "delivery", "from", List.of("nope")))
                        .status())
                .isEqualTo(400);
        assertThat(api().delete("/api/v1/text/taxonomy/themes/nope").status()).isEqualTo(404);
        assertThat(api().putJson("/api/v1/text/settings", Map.of()).status()).isEqualTo(400);
        assertThat(get("/api/v1/text/taxonomy").path("themes").size()).isEqualTo(11);
    }

    @Test
    void originalCommentsCanBeDropped() {
        assertThat(get("/api/v1/text/settings").path("keepOriginalComments").asBoolean())
                .isTrue();
        Http.Response off = api().putJson("/api/v1/text/settings", Map.of("keepOriginalComments", false));
        assertThat(off.status()).isEqualTo(200);
        assertThat(off.json().path("keepOriginalComments").asBoolean()).isFalse();
    }

    @Test
    void trainingFromCommentsNeedsEnoughScoredComments() {
        Http.Response none = api().postJson("/api/v1/text/models/train", "");
        assertThat(none.status()).isEqualTo(400);
        sampleComments();
        awaitComments("size=1", 14);
        Http.Response few = api().postJson("/api/v1/text/models/train", "");
        assertThat(few.status()).as(few.body()).isEqualTo(200);
        JsonNode korean = few.json().path("languages").get(0);
        assertThat(korean.path("language").asString()).isEqualTo("ko");
        assertThat(korean.path("positives").asInt()).isEqualTo(6);
        assertThat(korean.path("trained").asBoolean()).isFalse();
    }
}

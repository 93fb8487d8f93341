package io.touchpoint.text;

import static org.assertj.core.api.Assertions.assertThat;

import io.touchpoint.support.Fixtures.TestWorkspace;
import io.touchpoint.support.Http;
import io.touchpoint.support.IntegrationTest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** {@code POST /api/v1/text/analyze} through HTTP, as a script would call it, on both stores. */
class TextAnalysisIT extends IntegrationTest {

    private TestWorkspace ws;

    @BeforeEach
    void workspace() {
        ws = fixtures.aWorkspace();
    }

    private Http.Response analyze(Object body) {
        return http().bearer(ws.secretKey()).postJson("/api/v1/text/analyze", body);
    }

    private JsonNode results(String... texts) {
        Http.Response response = analyze(Map.of("texts", List.of(texts)));
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json().path("results");
    }

    @Test
    void answersOneResultPerTextInOrder() {
        JsonNode results = results(
                "배송은 늦었지만 품질은 좋아요", "The support agent was not helpful and the refund took weeks.", "정말 재미없다", "👍👍");
        assertThat(results).hasSize(4);
        assertThat(results.get(0).path("language").asString()).isEqualTo("ko");
        assertThat(results.get(1).path("language").asString()).isEqualTo("en");
        assertThat(results.get(2).path("language").asString()).isEqualTo("ko");
        assertThat(results.get(3).path("language").asString()).isEqualTo("other");
        assertThat(results.get(3).path("sentiment").asString()).isEqualTo("neutral");
        for (JsonNode result : results) {
            assertThat(result.path("score").asDouble()).isBetween(-1.0, 1.0);
            assertThat(result.path("sentiment").asString()).isIn("positive", "neutral", "negative");
            assertThat(result.path("themes").isArray()).isTrue();
        }
    }

    @Test
    void mixedKoreanCommentHasANegativeAndAPositiveClause() {
        JsonNode result = results("배송은 늦었지만 품질은 좋아요").get(0);
        JsonNode clauses = result.path("clauses");
        assertThat(clauses).hasSize(2);
        assertThat(clauses.get(0).path("text").asString()).isEqualTo("배송은 늦었지만");
        assertThat(clauses.get(0).path("sentiment").asString()).isEqualTo("negative");
        assertThat(clauses.get(1).path("sentiment").asString()).isEqualTo("positive");
        assertThat(strings(result.path("themes"))).containsExactly("delivery", "delivery_delay", "quality");
    }

    @Test
    void negationMakesCommentsNegative() {
        JsonNode results = results("정말 재미없다", "상품이 안 좋아요", "The agent was not helpful", "Never again.");
        for (JsonNode result : results) {
            assertThat(result.path("sentiment").asString())
                    .as(result.toString())
                    .isEqualTo("negative");
        }
        assertThat(results("The agent was helpful").get(0).path("sentiment").asString())
                .isEqualTo("positive");
    }

    @Test
    void themesComeFromTheTaxonomyInBothLanguages() {
        JsonNode results =
                results("고객센터 대기시간이 너무 길어요. 환불은 언제 되나요?", "Customer service was slow and the package arrived damaged.");
        assertThat(strings(results.get(0).path("themes"))).contains("customer_service", "refund_exchange");
        assertThat(strings(results.get(1).path("themes"))).contains("customer_service", "packaging", "delivery");
        assertThat(strings(results.get(1).path("keyphrases"))).contains("customer service");
    }

    @Test
    void personalDataIsRedacted() {
        JsonNode result = results("연락처 010-1234-5678, 메일 kim@example.com 카드 4111 1111 1111 1111 주문번호 20240105-123456")
                .get(0);
        assertThat(result.path("redacted").asString())
                .isEqualTo("연락처 [PHONE], 메일 [EMAIL] 카드 [CARD] 주문번호 20240105-123456");
        assertThat(result.toString()).doesNotContain("010-1234-5678", "kim@example.com", "4111");
    }

    @Test
    void unusualTextsGetAResult() {
        JsonNode results = results("", "   ", "ㅋㅋㅋㅋㅋㅋㅋㅋ", "좋아요 good 好 👍", "가".repeat(10_000));
        assertThat(results).hasSize(5);
        assertThat(results.get(0).path("language").asString()).isEqualTo("other");
        assertThat(results.get(0).path("sentiment").asString()).isEqualTo("neutral");
    }

    @Test
    void unpairedSurrogatesBecomeReplacementCharacters() {
        // a JSON escape, so that the lone surrogate reaches the server as it is
        Http.Response response = analyze("{\"texts\":[\"\\ud800 외로운 서로게이트\"]}");
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        assertThat(response.json().path("results").get(0).path("redacted").asString())
                .isEqualTo("\uFFFD 외로운 서로게이트");
    }

    @Test
    void badInputIsRefusedWithFieldErrors() {
        assertProblem(analyze(Map.of()), "texts");
        assertProblem(analyze(Map.of("texts", List.of())), "texts");
        assertProblem(analyze(Map.of("texts", "not a list")), "body");
        assertProblem(analyze("{\"texts\":[\"ok\""), "body");
        List<String> tooMany = new ArrayList<>(Arrays.asList(new String[1001]));
        tooMany.replaceAll(s -> "a");
        assertProblem(analyze(Map.of("texts", tooMany)), "texts");
        List<String> withNull = new ArrayList<>();
        withNull.add("좋아요");
        withNull.add(null);
        assertProblem(analyze(Map.of("texts", withNull)), "texts[1]");
        assertProblem(analyze(Map.of("texts", List.of("ok", "가".repeat(10_001)))), "texts[1]");
    }

    @Test
    void needsASecretKey() {
        assertThat(http().postJson("/api/v1/text/analyze", Map.of("texts", List.of("hi")))
                        .status())
                .isEqualTo(401);
        assertThat(http().basic(ws.writeKey(), "")
                        .postJson("/api/v1/text/analyze", Map.of("texts", List.of("hi")))
                        .status())
                .isEqualTo(403);
    }

    private static void assertProblem(Http.Response response, String field) {
        assertThat(response.status()).as(response.body()).isEqualTo(400);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        List<String> fields = new ArrayList<>();
        response.json().path("errors").forEach(e -> fields.add(e.path("field").asString()));
        assertThat(fields).as(response.body()).contains(field);
    }

    private static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(v -> values.add(v.asString()));
        return values;
    }
}

package io.touchpoint.customers;

import static io.touchpoint.support.Messages.batch;
import static io.touchpoint.support.Messages.identify;
import static io.touchpoint.support.Messages.orderCompleted;
import static io.touchpoint.support.Messages.track;
import static org.assertj.core.api.Assertions.assertThat;

import io.touchpoint.support.Fixtures.TestWorkspace;
import io.touchpoint.support.Http;
import io.touchpoint.support.IntegrationTest;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Rule-based segments on a small, hand-checked population, on both stores. */
class SegmentsIT extends IntegrationTest {

    private TestWorkspace ws;

    @BeforeEach
    void population() {
        ws = fixtures.aWorkspace();
        String recent = Instant.now()
                .minus(3, ChronoUnit.DAYS)
                .truncatedTo(ChronoUnit.SECONDS)
                .toString();
        String earlier = Instant.now()
                .minus(10, ChronoUnit.DAYS)
                .truncatedTo(ChronoUnit.SECONDS)
                .toString();
        String old = Instant.now()
                .minus(200, ChronoUnit.DAYS)
                .truncatedTo(ChronoUnit.SECONDS)
                .toString();
        // ana: Seoul, 3 orders worth 300,000; bo: Busan, 1 order worth 10,000; cy: Seoul, no order, 2 recent delays
        Http.Response response = http().basic(ws.writeKey(), "")
                .postJson(
                        "/v1/batch",
                        batch(
                                identify().user("ana").trait("city", "서울").trait("age", 34),
                                identify().user("bo").trait("city", "부산").trait("age", 51),
                                identify().user("cy").trait("city", "서울"),
                                orderCompleted("ana", "a1", 100_000).at(old),
                                orderCompleted("ana", "a2", 100_000).at(recent),
                                orderCompleted("ana", "a3", 100_000).at(recent),
                                orderCompleted("bo", "b1", 10_000).at(earlier),
                                track("Order Delayed")
                                        .user("cy")
                                        .prop("order_id", "c0")
                                        .at(recent),
                                track("Order Delayed")
                                        .user("cy")
                                        .prop("order_id", "c0")
                                        .at(recent),
                                track("Order Delayed")
                                        .user("bo")
                                        .prop("order_id", "b1")
                                        .at(old)));
        assertThat(response.json().path("rejected")).isEmpty();
    }

    private List<String> members(Map<String, Object> segment) {
        Http.Response created = http().bearer(ws.secretKey()).postJson("/api/v1/segments", segment);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String id = created.json().path("id").asString();
        List<String> users = new ArrayList<>();
        http().bearer(ws.secretKey())
                .get("/api/v1/segments/" + id + "/members")
                .json()
                .path("items")
                .forEach(m -> users.add(m.path("userId").asString()));
        assertThat(created.json().path("members").asLong()).isEqualTo(users.size());
        return users;
    }

    private static Map<String, Object> segment(String match, Object... rules) {
        return Map.of("name", "s", "match", match, "rules", List.of(rules));
    }

    @Test
    void traitRulesUseTheLatestValue() {
        assertThat(members(segment("all", Map.of("type", "trait", "name", "city", "op", "eq", "value", "서울"))))
                .containsExactlyInAnyOrder("ana", "cy");
        assertThat(members(segment("all", Map.of("type", "trait", "name", "age", "op", "gte", "value", 40))))
                .containsExactly("bo");
        assertThat(members(segment("all", Map.of("type", "trait", "name", "age", "op", "exists"))))
                .containsExactlyInAnyOrder("ana", "bo");
    }

    @Test
    void orderRulesCountAndSumOrdersIncludingPeopleWithNone() {
        assertThat(members(segment("all", Map.of("type", "orders", "metric", "count", "op", "gte", "value", 2))))
                .containsExactly("ana");
        assertThat(members(segment("all", Map.of("type", "orders", "metric", "count", "op", "eq", "value", 0))))
                .containsExactly("cy");
        assertThat(members(segment(
                        "all",
                        Map.of(
                                "type",
                                "orders",
                                "metric",
                                "revenue",
                                "op",
                                "gte",
                                "value",
                                150_000,
                                "withinDays",
                                30))))
                .containsExactly("ana");
        assertThat(members(segment(
                        "all",
                        Map.of("type", "orders", "metric", "revenue", "op", "gt", "value", 200_000, "withinDays", 30))))
                .isEmpty();
    }

    @Test
    void eventCountRulesRespectTheTimeWindow() {
        assertThat(members(segment(
                        "all",
                        Map.of(
                                "type",
                                "event_count",
                                "event",
                                "Order Delayed",
                                "op",
                                "gte",
                                "value",
                                2,
                                "withinDays",
                                30))))
                .containsExactly("cy");
        assertThat(members(segment(
                        "all", Map.of("type", "event_count", "event", "Order Delayed", "op", "gte", "value", 1))))
                .containsExactlyInAnyOrder("bo", "cy");
    }

    @Test
    void rulesCombineWithAllOrAny() {
        var seoul = Map.of("type", "trait", "name", "city", "op", "eq", "value", "서울");
        var buyer = Map.of("type", "orders", "metric", "count", "op", "gte", "value", 1);
        assertThat(members(segment("all", seoul, buyer))).containsExactly("ana");
        assertThat(members(segment("any", seoul, buyer))).containsExactlyInAnyOrder("ana", "bo", "cy");
    }

    @Test
    void rfmScoresRankBuyers() {
        // two buyers: the lower of each measure sits at cume_dist 0.5 (score 3), the higher at 1 (score 5);
        // ana ordered last, most often and for most: 15; bo: 9; cy never ordered and has no score
        assertThat(members(segment("all", Map.of("type", "rfm", "op", "eq", "value", 15))))
                .containsExactly("ana");
        assertThat(members(segment("all", Map.of("type", "rfm", "op", "eq", "value", 9))))
                .containsExactly("bo");
        assertThat(members(segment("all", Map.of("type", "rfm", "op", "gte", "value", 3))))
                .containsExactlyInAnyOrder("ana", "bo");
    }

    @Test
    void invalidRulesAreRefusedWithTheirPaths() {
        Http.Response response = http().bearer(ws.secretKey())
                .postJson(
                        "/api/v1/segments",
                        Map.of(
                                "name",
                                "",
                                "match",
                                "some",
                                "rules",
                                List.of(
                                        Map.of("type", "trait", "op", "like"),
                                        Map.of(
                                                "type",
                                                "orders",
                                                "metric",
                                                "profit",
                                                "op",
                                                "gte",
                                                "value",
                                                "many",
                                                "withinDays",
                                                -3),
                                        Map.of("type", "horoscope"))));
        assertThat(response.status()).isEqualTo(400);
        List<String> fields = new ArrayList<>();
        response.json().path("errors").forEach(e -> fields.add(e.path("field").asString()));
        assertThat(fields)
                .contains(
                        "name",
                        "match",
                        "rules[0].name",
                        "rules[0].op",
                        "rules[1].metric",
                        "rules[1].value",
                        "rules[1].withinDays",
                        "rules[2].type");
        assertThat(http().bearer(ws.secretKey()).get("/api/v1/segments").json().path("items"))
                .isEmpty();
    }

    @Test
    void segmentsBelongToTheirWorkspace() {
        Http.Response created = http().bearer(ws.secretKey())
                .postJson("/api/v1/segments", segment("all", Map.of("type", "rfm", "op", "gte", "value", 3)));
        String id = created.json().path("id").asString();
        TestWorkspace other = fixtures.aWorkspace();
        assertThat(http().bearer(other.secretKey())
                        .get("/api/v1/segments/" + id)
                        .status())
                .isEqualTo(404);
        JsonNode list =
                http().bearer(other.secretKey()).get("/api/v1/segments").json().path("items");
        assertThat(list).isEmpty();
    }
}

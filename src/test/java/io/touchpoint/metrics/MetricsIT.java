package io.touchpoint.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.touchpoint.support.Fixtures.TestWorkspace;
import io.touchpoint.support.Http;
import io.touchpoint.support.IntegrationTest;
import io.touchpoint.support.SampleSurveys;
import io.touchpoint.support.UiSession;
import io.touchpoint.workspace.Role;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * NPS, CSAT and CES through the API on a known data set; the same numbers on DuckDB and
 * PostgreSQL (each run checks the hand-computed values).
 */
class MetricsIT extends IntegrationTest {

    private TestWorkspace ws;
    private String nps;
    private String csat;

    @BeforeEach
    void data() {
        ws = fixtures.aWorkspace(); // time zone Asia/Seoul
        Http api = http().bearer(ws.secretKey());
        for (String user : List.of("a", "b", "c", "d")) {
            http().basic(ws.writeKey(), "")
                    .postJson("/v1/identify", Map.of("userId", user, "traits", Map.of("vip", user.equals("a"))));
        }
        nps = api.postJson("/api/v1/surveys", SampleSurveys.nps("NPS"))
                .json()
                .path("id")
                .asString();
        api.postJson("/api/v1/surveys/" + nps + "/publish", "");
        csat = api.postJson(
                        "/api/v1/surveys",
                        Map.of(
                                "name",
                                "CSAT",
                                "defaultLanguage",
                                "en",
                                "questions",
                                List.of(Map.of("id", "s", "type", "csat", "scale", 5, "text", Map.of("en", "Happy?")))))
                .json()
                .path("id")
                .asString();
        api.postJson("/api/v1/surveys/" + csat + "/publish", "");
        // week of 2026-11-02: 10, 9, 7, 3 (email); week of 2026-11-16: 0, 10 (widget); nothing in between
        answer(nps, "a", Map.of("nps", 10), "2026-11-02T10:00:00Z", "email");
        answer(nps, "b", Map.of("nps", 9), "2026-11-03T10:00:00Z", "email");
        answer(nps, "c", Map.of("nps", 7), "2026-11-04T10:00:00Z", "email");
        answer(nps, "d", Map.of("nps", 3), "2026-11-05T10:00:00Z", "email");
        answer(nps, null, Map.of("nps", 0), "2026-11-16T10:00:00Z", "widget");
        answer(nps, null, Map.of("nps", 10), "2026-11-17T10:00:00Z", "widget");
        // before the period: 3 detractors
        for (int i = 0; i < 3; i++) {
            answer(nps, null, Map.of("nps", 1), "2026-10-20T10:00:00Z", "email");
        }
        answer(csat, "a", Map.of("s", 5), "2026-11-02T10:00:00Z", "email");
        answer(csat, "b", Map.of("s", 4), "2026-11-02T10:00:00Z", "email");
        answer(csat, "c", Map.of("s", 2), "2026-11-02T10:00:00Z", "email");
        // a partial response never counts: the hosted page's click
        Http.Response link = api.postJson("/api/v1/surveys/" + nps + "/links", Map.of("userId", "a"));
        String url = link.json().path("url").asString();
        http().get(url.replaceFirst("^https?://[^/]+", "") + "&q=nps&a=0");
    }

    private void answer(String survey, String user, Map<String, Object> answers, String at, String channel) {
        Map<String, Object> body = new java.util.HashMap<>();
        body.put("answers", answers);
        body.put("submittedAt", at);
        body.put("channel", channel);
        if (user != null) {
            body.put("userId", user);
        }
        Http.Response r = http().bearer(ws.secretKey()).postJson("/api/v1/surveys/" + survey + "/responses", body);
        assertThat(r.status()).as(r.body()).isEqualTo(201);
    }

    private JsonNode get(String path) {
        Http.Response r = http().bearer(ws.secretKey()).get(path);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.json();
    }

    @Test
    void npsWithIntervalCountsTrendAndBreakdown() {
        JsonNode m = get("/api/v1/metrics/nps?from=2026-11-01&to=2026-11-21&interval=week&by=channel");
        // 3 promoters (10, 9, 10), 1 passive (7), 2 detractors (3, 0): NPS = 100 × (3 − 2) / 6
        assertThat(m.path("n").asLong()).isEqualTo(6);
        assertThat(m.path("promoters").asLong()).isEqualTo(3);
        assertThat(m.path("passives").asLong()).isEqualTo(1);
        assertThat(m.path("detractors").asLong()).isEqualTo(2);
        assertThat(m.path("value").asDouble()).isCloseTo(16.67, within(0.01));
        assertThat(m.path("smallSample").asBoolean()).isTrue();
        double[] adjusted = Intervals.adjustedNps(3, 2, 6);
        double half = 1.959963984540054 * Math.sqrt(adjusted[1]);
        assertThat(m.path("ci").path("low").asDouble()).isCloseTo(100 * (adjusted[0] - half), within(0.01));
        assertThat(m.path("ci").path("high").asDouble()).isCloseTo(100 * (adjusted[0] + half), within(0.01));

        List<String> buckets = new ArrayList<>();
        List<Long> counts = new ArrayList<>();
        m.path("series").forEach(b -> {
            buckets.add(b.path("bucket").asString());
            counts.add(b.path("n").asLong());
        });
        assertThat(buckets).containsExactly("2026-10-26", "2026-11-02", "2026-11-09", "2026-11-16");
        assertThat(counts).containsExactly(0L, 4L, 0L, 2L);
        assertThat(m.path("series").get(2).path("value").isNull())
                .as("an empty week has no value")
                .isTrue();

        Map<String, Double> byChannel = new java.util.HashMap<>();
        m.path("groups")
                .forEach(g ->
                        byChannel.put(g.path("key").asString(), g.path("value").asDouble()));
        assertThat(byChannel).containsEntry("email", 25.0).containsEntry("widget", 0.0);

        // previous 21 days: three detractors → −100, and the change is flagged
        assertThat(m.path("previous").path("value").asDouble()).isEqualTo(-100.0);
        assertThat(m.path("previous").path("n").asLong()).isEqualTo(3);
        assertThat(m.path("previous").path("change").asDouble()).isCloseTo(116.67, within(0.01));

        // without a trend: the same period and previous period (one scan splits them)
        JsonNode flat = get("/api/v1/metrics/nps?from=2026-11-01&to=2026-11-21");
        assertThat(flat.path("n").asLong()).isEqualTo(6);
        assertThat(flat.path("value").asDouble()).isCloseTo(16.67, within(0.01));
        assertThat(flat.path("previous").path("n").asLong()).isEqualTo(3);
        assertThat(flat.path("previous").path("value").asDouble()).isEqualTo(-100.0);
        assertThat(flat.path("previous")).isEqualTo(m.path("previous"));
    }

    @Test
    void breakdownBySurveyAndSegment() {
        JsonNode bySurvey = get("/api/v1/metrics/nps?from=2026-11-01&to=2026-11-21&by=survey");
        assertThat(bySurvey.path("groups")).hasSize(1);
        assertThat(bySurvey.path("groups").get(0).path("label").asString()).isEqualTo("NPS");

        Http.Response segment = http().bearer(ws.secretKey())
                .postJson(
                        "/api/v1/segments",
                        Map.of(
                                "name",
                                "VIP",
                                "rules",
                                List.of(Map.of("type", "trait", "name", "vip", "op", "eq", "value", true))));
        assertThat(segment.status()).as(segment.body()).isEqualTo(201);
        JsonNode bySegment = get("/api/v1/metrics/nps?from=2026-11-01&to=2026-11-21&by=segment");
        JsonNode vip = bySegment.path("groups").get(0);
        assertThat(vip.path("label").asString()).isEqualTo("VIP");
        assertThat(vip.path("n").asLong()).isEqualTo(1);
        assertThat(vip.path("value").asDouble()).isEqualTo(100.0);
    }

    @Test
    void breakdownByOrderedProductAndCustomerTierSortedByImpact() {
        io.touchpoint.support.ShopEvents.events()
                .order("a", "o-a", "2026-11-01T09:00:00Z", 10_000)
                .order("b", "o-b", "2026-11-01T09:00:00Z", 10_000)
                .order("b", "o-b2", "2026-11-01T09:30:00Z", 20_000)
                .order("d", "o-d", "2026-11-01T09:00:00Z", 20_000)
                .sendTo(http(), ws.writeKey());
        // the builder names each order's product p-<order id>: a and b bought p-o-a/p-o-b; use tiers for the rest
        for (String[] tier : new String[][] {{"a", "gold"}, {"d", "gold"}, {"b", "silver"}}) {
            http().basic(ws.writeKey(), "")
                    .postJson("/v1/identify", Map.of("userId", tier[0], "traits", Map.of("tier", tier[1])));
        }
        JsonNode byProduct = get("/api/v1/metrics/nps?from=2026-11-01&to=2026-11-21&by=product");
        Map<String, JsonNode> products = new java.util.HashMap<>();
        byProduct.path("groups").forEach(g -> products.put(g.path("key").asString(), g));
        // a answered 10, b 9, d 3
        assertThat(products.keySet()).containsExactlyInAnyOrder("p-o-a", "p-o-b", "p-o-b2", "p-o-d");
        assertThat(products.get("p-o-b").path("value").asDouble()).isEqualTo(100.0);
        assertThat(products.get("p-o-d").path("value").asDouble()).isEqualTo(-100.0);
        assertThat(products.get("p-o-d").path("n").asLong()).isEqualTo(1);

        JsonNode byTier = get("/api/v1/metrics/nps?from=2026-11-01&to=2026-11-21&by=tier");
        Map<String, JsonNode> tiers = new java.util.HashMap<>();
        byTier.path("groups").forEach(g -> tiers.put(g.path("key").asString(), g));
        assertThat(tiers.get("gold").path("n").asLong()).isEqualTo(2); // a 10, d 3
        assertThat(tiers.get("gold").path("value").asDouble()).isZero();
        assertThat(tiers.get("silver").path("value").asDouble()).isEqualTo(100.0);
        // overall 16.67 over 6: silver 1/6 × (100 − 16.67) = 13.89 moves it more than gold 2/6 × (0 − 16.67) = −5.56
        assertThat(byTier.path("groups").get(0).path("key").asString()).isEqualTo("silver");
        assertThat(byTier.path("groups").get(0).path("impact").asDouble()).isCloseTo(13.89, within(0.01));
        assertThat(byTier.path("groups").get(1).path("impact").asDouble()).isCloseTo(-5.56, within(0.01));
    }

    @Test
    void eachSegmentCountsTheAnswersOfItsOwnMembersEvenWhenSegmentsOverlap() {
        segment("VIP", Map.of("type", "trait", "name", "vip", "op", "eq", "value", true));
        segment("Identified", Map.of("type", "trait", "name", "vip", "op", "exists"));
        segment("Not VIP", Map.of("type", "trait", "name", "vip", "op", "neq", "value", true));
        segment("Nobody", Map.of("type", "trait", "name", "vip", "op", "eq", "value", "maybe"));

        JsonNode nps = get("/api/v1/metrics/nps?from=2026-11-01&to=2026-11-21&by=segment");
        Map<String, JsonNode> groups = new java.util.LinkedHashMap<>();
        nps.path("groups").forEach(g -> groups.put(g.path("label").asString(), g));
        assertThat(groups.keySet()).containsExactlyInAnyOrder("Identified", "Not VIP", "VIP", "Nobody");
        // a 10, b 9, c 7, d 3; the two anonymous answers belong to no segment
        assertThat(groups.get("Identified").path("n").asLong()).isEqualTo(4);
        assertThat(groups.get("Identified").path("value").asDouble()).isEqualTo(25.0);
        assertThat(groups.get("Not VIP").path("n").asLong()).isEqualTo(3);
        assertThat(groups.get("Not VIP").path("promoters").asLong()).isEqualTo(1);
        assertThat(groups.get("Not VIP").path("detractors").asLong()).isEqualTo(1);
        assertThat(groups.get("VIP").path("value").asDouble()).isEqualTo(100.0);
        assertThat(groups.get("Nobody").path("n").asLong()).isZero();
        assertThat(groups.get("Nobody").path("value").isNull()).isTrue();

        JsonNode csatBySegment =
                get("/api/v1/metrics/csat?surveyId=" + csat + "&from=2026-11-01&to=2026-11-21&by=segment");
        Map<String, Long> csatN = new java.util.HashMap<>();
        csatBySegment
                .path("groups")
                .forEach(g -> csatN.put(g.path("label").asString(), g.path("n").asLong()));
        assertThat(csatN)
                .containsEntry("VIP", 1L)
                .containsEntry("Identified", 3L)
                .containsEntry("Nobody", 0L);
    }

    @Test
    void theBreakdownBySegmentReadsTheStoredMembershipWhileItIsFreshAndTheRulesOtherwise() {
        String id = segmentId("VIP", Map.of("type", "trait", "name", "vip", "op", "eq", "value", true));
        assertThat(vip().path("n").asLong()).isEqualTo(1); // a

        // b becomes a VIP: the rules match a and b now, the snapshot taken when the segment was saved still a only
        identify("b", true);
        JsonNode stored = vip();
        assertThat(stored.path("n").asLong()).isEqualTo(1);
        java.time.Instant snapshotAt =
                java.time.Instant.parse(stored.path("membersAsOf").asString());

        // a snapshot older than twice the refresh interval is not read: the rules are evaluated
        store.write(tx -> tx.jdbc()
                .sql("update segment_snapshots set computed_at = ? where segment_id = ?")
                .params(
                        io.touchpoint.platform.Sql.ts(snapshotAt.minus(java.time.Duration.ofHours(1))),
                        java.util.UUID.fromString(id))
                .update());
        JsonNode live = vip();
        assertThat(live.path("n").asLong()).isEqualTo(2);
        assertThat(java.time.Instant.parse(live.path("membersAsOf").asString())).isAfterOrEqualTo(snapshotAt);

        // the refresher recomputes the stale snapshot; later changes wait for the next refresh
        assertThat(segments.refreshSnapshots()).isGreaterThanOrEqualTo(1);
        identify("b", false);
        assertThat(vip().path("n").asLong()).isEqualTo(2);
        assertThat(storedMembers(id)).isEqualTo(2);

        // saving the segment recomputes it at once
        Http.Response saved = http().bearer(ws.secretKey())
                .putJson(
                        "/api/v1/segments/" + id,
                        Map.of(
                                "name",
                                "VIP",
                                "rules",
                                List.of(Map.of("type", "trait", "name", "vip", "op", "eq", "value", true))));
        assertThat(saved.status()).as(saved.body()).isEqualTo(200);
        assertThat(vip().path("n").asLong()).isEqualTo(1);

        // erasing a person removes them from every snapshot; deleting the segment removes its snapshot
        assertThat(http().bearer(ws.secretKey()).delete("/api/v1/customers/a").status())
                .isBetween(200, 204);
        assertThat(storedMembers(id)).isZero();
        assertThat(http().bearer(ws.secretKey())
                        .delete("/api/v1/segments/" + id)
                        .status())
                .isBetween(200, 204);
        assertThat(store.reads()
                        .sql("select count(*) from segment_snapshots where segment_id = ?")
                        .params(java.util.UUID.fromString(id))
                        .query(Long.class)
                        .single())
                .isZero();
    }

    @org.springframework.beans.factory.annotation.Autowired
    private io.touchpoint.platform.Store store;

    @org.springframework.beans.factory.annotation.Autowired
    private io.touchpoint.customers.Segments segments;

    private JsonNode vip() {
        JsonNode groups = get("/api/v1/metrics/nps?from=2026-11-01&to=2026-11-21&by=segment")
                .path("groups");
        assertThat(groups).hasSize(1);
        return groups.get(0);
    }

    private void identify(String user, boolean vip) {
        Http.Response r = http().basic(ws.writeKey(), "")
                .postJson("/v1/identify", Map.of("userId", user, "traits", Map.of("vip", vip)));
        assertThat(r.status()).as(r.body()).isEqualTo(200);
    }

    private long storedMembers(String segmentId) {
        return store.reads()
                .sql("select count(*) from segment_members where segment_id = ?")
                .params(java.util.UUID.fromString(segmentId))
                .query(Long.class)
                .single();
    }

    private String segmentId(String name, Map<String, Object> rule) {
        Http.Response created = http().bearer(ws.secretKey())
                .postJson("/api/v1/segments", Map.of("name", name, "rules", List.of(rule)));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().path("id").asString();
    }

    private void segment(String name, Map<String, Object> rule) {
        Http.Response created = http().bearer(ws.secretKey())
                .postJson("/api/v1/segments", Map.of("name", name, "rules", List.of(rule)));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
    }

    @Test
    void csatAndCes() {
        JsonNode m = get("/api/v1/metrics/csat?surveyId=" + csat + "&from=2026-11-01&to=2026-11-21");
        assertThat(m.path("n").asLong()).isEqualTo(3);
        assertThat(m.path("value").asDouble()).isCloseTo(66.67, within(0.01));
        assertThat(m.path("mean").asDouble()).isCloseTo(3.67, within(0.01));
        assertThat(m.path("ci").path("low").asDouble()).isLessThan(66.67);
        JsonNode ces = get("/api/v1/metrics/ces?from=2026-11-01&to=2026-11-21");
        assertThat(ces.path("n").asLong()).isZero();
        assertThat(ces.path("value").isNull()).isTrue();
    }

    @Test
    void theMetricsPageShowsTheSameNumbers() {
        UiSession ui = new UiSession(port).header("Accept-Language", "en");
        String password = "a-long-enough-password";
        ui.signIn(fixtures.aUser(ws.id(), Role.ANALYST, password), password);
        UiSession.Page page = ui.get("/metrics?from=2026-11-01&to=2026-11-21&interval=week&by=channel");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body())
                .contains("16.7")
                .contains("n = 6")
                .contains("Small sample")
                .contains("NPS by Channel")
                .contains("data-series=");
        assertThat(page.body()).as("membership age is shown only by segment").doesNotContain("Segment members as of");
        segment("VIP", Map.of("type", "trait", "name", "vip", "op", "eq", "value", true));
        String asOf = get("/api/v1/metrics/nps?from=2026-11-01&to=2026-11-21&by=segment")
                .path("groups")
                .get(0)
                .path("membersAsOf")
                .asString();
        String local = java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
                .format(java.time.Instant.parse(asOf).atZone(java.time.ZoneId.of("Asia/Seoul")));
        assertThat(ui.get("/metrics?from=2026-11-01&to=2026-11-21&by=segment").body())
                .contains("Segment members as of " + local);
        UiSession.Page bad = ui.get("/metrics?from=2026-11-21&to=2026-11-01");
        assertThat(bad.status()).isEqualTo(200);
        assertThat(bad.body()).contains("from must not be after to");
    }

    @Test
    void badQueriesAreRefusedWithTheirFields() {
        Http api = http().bearer(ws.secretKey());
        assertThat(api.get("/api/v1/metrics/nps?interval=year")
                        .json()
                        .path("errors")
                        .get(0)
                        .path("field")
                        .asString())
                .isEqualTo("interval");
        assertThat(api.get("/api/v1/metrics/nps?by=weather").status()).isEqualTo(400);
        assertThat(api.get("/api/v1/metrics/nps?from=2026-11-10&to=2026-11-01").status())
                .isEqualTo(400);
        assertThat(api.get("/api/v1/metrics/nps?from=yesterday").status()).isEqualTo(400);
        assertThat(api.get("/api/v1/metrics/nps?surveyId=" + java.util.UUID.randomUUID())
                        .status())
                .isEqualTo(400);
        assertThat(http().basic(ws.writeKey(), "").get("/api/v1/metrics/nps").status())
                .isEqualTo(403);
        TestWorkspace other = fixtures.aWorkspace();
        assertThat(http().bearer(other.secretKey())
                        .get("/api/v1/metrics/nps?from=2026-11-01&to=2026-11-21")
                        .json()
                        .path("n")
                        .asLong())
                .as("another workspace sees none of these answers")
                .isZero();
    }
}

package io.touchpoint.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.touchpoint.support.Fixtures.TestWorkspace;
import io.touchpoint.support.Http;
import io.touchpoint.support.IntegrationTest;
import io.touchpoint.support.SampleSurveys;
import io.touchpoint.support.ShopEvents;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Engagement and loyalty metrics through the API on a small shop computed by hand; each store
 * (DuckDB, PostgreSQL) must give these same numbers.
 */
class LoyaltyIT extends IntegrationTest {

    private TestWorkspace ws;

    @BeforeEach
    void shop() {
        ws = fixtures.aWorkspace(); // Asia/Seoul: the times below fall on the same day there
        ShopEvents.events()
                // a: ordered in September and November; b: twice in November; c: once; e: October, refunded
                .order("a", "a1", "2026-09-10T10:00:00Z", 10_000)
                .order("a", "a2", "2026-11-05T10:00:00Z", 30_000)
                .order("b", "b1", "2026-11-10T10:00:00Z", 20_000)
                .order("b", "b2", "2026-11-20T10:00:00Z", 40_000)
                .order("c", "c1", "2026-11-15T10:00:00Z", 10_000)
                .order("e", "e1", "2026-10-05T10:00:00Z", 50_000)
                .refund("e", "e1", "2026-10-07T10:00:00Z", 50_000)
                // sessions: a has 3 views, then 1 after a 40-minute pause, then 2 the next day; b has 1
                .page("a", "2026-11-02T10:00:00Z")
                .page("a", "2026-11-02T10:10:00Z")
                .page("a", "2026-11-02T10:20:00Z")
                .page("a", "2026-11-02T11:00:00Z")
                .page("a", "2026-11-03T09:00:00Z")
                .page("a", "2026-11-03T09:29:00Z")
                .page("b", "2026-11-04T09:00:00Z")
                .page("b", "2026-10-20T09:00:00Z")
                // four emails delivered; a opens twice and clicks, b opens once; e opens an email never delivered
                .email("Email Delivered", "a", "nov", "2026-11-10T08:00:00Z")
                .email("Email Delivered", "b", "nov", "2026-11-10T08:00:00Z")
                .email("Email Delivered", "c", "nov", "2026-11-10T08:00:00Z")
                .email("Email Delivered", "d", "nov", "2026-11-10T08:00:00Z")
                .email("Email Opened", "a", "nov", "2026-11-10T09:00:00Z")
                .email("Email Opened", "a", "nov", "2026-11-11T09:00:00Z")
                .email("Email Link Clicked", "a", "nov", "2026-11-11T09:01:00Z")
                .email("Email Opened", "b", "nov", "2026-11-12T09:00:00Z")
                .email("Email Opened", "e", "nov", "2026-11-12T09:00:00Z")
                .sendTo(http(), ws.writeKey());
        Http api = http().bearer(ws.secretKey());
        String nps = api.postJson("/api/v1/surveys", SampleSurveys.nps("NPS"))
                .json()
                .path("id")
                .asString();
        api.postJson("/api/v1/surveys/" + nps + "/publish", "");
        answer(nps, "a", 10, "2026-11-06T10:00:00Z");
        answer(nps, "b", 3, "2026-11-11T10:00:00Z");
        answer(nps, "b", 8, "2026-11-21T10:00:00Z"); // b's latest answer: passive
        answer(nps, "c", 2, "2026-11-16T10:00:00Z");
        answer(nps, "d", 9, "2026-11-16T10:00:00Z");
        answer(nps, "a", 0, "2026-11-22T10:00:00Z"); // after the loyalty period: not a's category yet
    }

    private void answer(String survey, String user, int score, String at) {
        Map<String, Object> body = new HashMap<>();
        body.put("answers", Map.of("nps", score));
        body.put("submittedAt", at);
        body.put("userId", user);
        Http.Response r = http().bearer(ws.secretKey()).postJson("/api/v1/surveys/" + survey + "/responses", body);
        assertThat(r.status()).as(r.body()).isEqualTo(201);
    }

    private JsonNode get(String path) {
        Http.Response r = http().bearer(ws.secretKey()).get(path);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.json();
    }

    @Test
    void engagementMetricsEqualTheHandComputedOnes() {
        JsonNode m = get("/api/v1/metrics/engagement?from=2026-11-01&to=2026-11-30");
        assertThat(m.path("currency").asString()).isEqualTo("KRW");
        assertThat(m.path("orders").asLong()).isEqualTo(4);
        assertThat(m.path("buyers").asLong()).isEqualTo(3);
        assertThat(m.path("revenue").asDouble()).isEqualTo(100_000.0);
        // AOV = 100,000 / 4; frequency = 4 orders / 3 buyers; repeat = a and b of a, b, c
        assertThat(m.path("aov").path("value").asDouble()).isEqualTo(25_000.0);
        assertThat(m.path("aov").path("n").asLong()).isEqualTo(4);
        assertThat(m.path("aov").path("ci").path("low").asDouble()).isLessThan(25_000.0);
        assertThat(m.path("purchaseFrequency").path("value").asDouble()).isCloseTo(1.33, within(0.001));
        assertThat(m.path("repeatRate").path("value").asDouble()).isCloseTo(66.67, within(0.001));
        assertThat(m.path("repeatRate").path("n").asLong()).isEqualTo(3);
        // sessions of 3, 1, 2 and 1 views
        assertThat(m.path("pagesPerSession").path("value").asDouble()).isEqualTo(1.75);
        assertThat(m.path("pagesPerSession").path("n").asLong()).isEqualTo(4);
        assertThat(m.path("emailOpenRate").path("value").asDouble()).isEqualTo(50.0);
        assertThat(m.path("emailClickRate").path("value").asDouble()).isEqualTo(25.0);
        assertThat(m.path("emailClickRate").path("n").asLong()).isEqualTo(4);
        // the previous 30 days: e's one refunded order of 50,000
        JsonNode previous = m.path("aov").path("previous");
        assertThat(previous.path("from").asString()).isEqualTo("2026-10-02");
        assertThat(previous.path("value").asDouble()).isEqualTo(50_000.0);
        assertThat(previous.path("change").asDouble()).isEqualTo(-25_000.0);
        JsonNode october = get("/api/v1/metrics/engagement?from=2026-10-01&to=2026-10-31");
        assertThat(october.path("refundedOrders").asLong()).isEqualTo(1);
        assertThat(october.path("refundTotal").asDouble()).isEqualTo(50_000.0);
        assertThat(october.path("pagesPerSession").path("value").asDouble()).isEqualTo(1.0);
    }

    @Test
    void retentionCohortsByFirstOrderMonth() {
        JsonNode m = get("/api/v1/metrics/cohorts?from=2026-09-01&to=2026-11-30");
        JsonNode cohorts = m.path("cohorts");
        assertThat(cohorts).hasSize(3);
        JsonNode september = cohorts.get(0);
        assertThat(september.path("cohort").asString()).isEqualTo("2026-09-01");
        assertThat(september.path("customers").asLong()).isEqualTo(1);
        assertThat(september.path("months").get(0).path("value").asDouble()).isZero(); // October
        assertThat(september.path("months").get(1).path("value").asDouble()).isEqualTo(100.0); // November
        JsonNode october = cohorts.get(1);
        assertThat(october.path("customers").asLong()).isEqualTo(1);
        assertThat(october.path("months")).hasSize(1);
        JsonNode november = cohorts.get(2);
        assertThat(november.path("customers").asLong())
                .as("a's first order was in September")
                .isEqualTo(2);
        assertThat(november.path("months")).isEmpty();
    }

    @Test
    void clvDistributionAndRevenueByNpsCategory() {
        JsonNode m = get("/api/v1/metrics/loyalty?from=2026-11-01&to=2026-11-21");
        // revenue to date: a 40,000, b 60,000, c 10,000, e 50,000
        JsonNode clv = m.path("clv");
        assertThat(clv.path("mean").path("value").asDouble()).isEqualTo(40_000.0);
        assertThat(clv.path("mean").path("n").asLong()).isEqualTo(4);
        assertThat(clv.path("percentiles").path("p50").asDouble()).isEqualTo(45_000.0);
        assertThat(clv.path("binWidth").asDouble()).isEqualTo(5_000.0);
        long binned = 0;
        for (JsonNode bin : clv.path("histogram")) {
            binned += bin.path("customers").asLong();
        }
        assertThat(binned).isEqualTo(4);

        Map<String, JsonNode> byCategory = new HashMap<>();
        m.path("byNpsCategory")
                .forEach(row -> byCategory.put(row.path("category").asString(), row));
        assertThat(byCategory.get("promoter").path("customers").asLong()).isEqualTo(2); // a and d
        assertThat(byCategory.get("promoter").path("revenue").asDouble()).isEqualTo(40_000.0);
        assertThat(byCategory
                        .get("promoter")
                        .path("revenuePerCustomer")
                        .path("value")
                        .asDouble())
                .isEqualTo(20_000.0);
        assertThat(byCategory.get("promoter").path("repeatRate").path("value").asDouble())
                .isEqualTo(100.0);
        assertThat(byCategory.get("passive").path("revenue").asDouble()).isEqualTo(60_000.0); // b
        assertThat(byCategory.get("detractor").path("repeatRate").path("value").asDouble())
                .isZero(); // c

        JsonNode promoters = m.path("npsMatrix").get(0);
        assertThat(promoters.path("category").asString()).isEqualTo("promoter");
        List<Long> bands = new java.util.ArrayList<>();
        promoters.path("bands").forEach(b -> bands.add(b.path("customers").asLong()));
        assertThat(bands).containsExactly(1L, 0L, 1L, 0L); // d never ordered, a twice
        assertThat(m.path("csatMatrix").get(0).path("customers").asLong()).isZero();
    }

    @Test
    void badPeriodsAndCurrenciesAreRefused() {
        Http api = http().bearer(ws.secretKey());
        Http.Response r = api.get("/api/v1/metrics/engagement?from=2026-11-30&to=2026-11-01");
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.json().path("errors").get(0).path("field").asString()).isEqualTo("from");
        assertThat(api.get("/api/v1/metrics/cohorts?to=someday").status()).isEqualTo(400);
        assertThat(api.get("/api/v1/metrics/loyalty?currency=notacurrencyatall").status())
                .isEqualTo(400);
        assertThat(api.get("/api/v1/metrics/engagement?from=2000-01-01&to=2026-01-01")
                        .status())
                .isEqualTo(400);
    }
}

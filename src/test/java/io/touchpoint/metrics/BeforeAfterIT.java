package io.touchpoint.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.touchpoint.support.Fixtures.TestWorkspace;
import io.touchpoint.support.Http;
import io.touchpoint.support.IntegrationTest;
import io.touchpoint.support.SampleSurveys;
import io.touchpoint.support.ShopEvents;
import io.touchpoint.support.UiSession;
import io.touchpoint.workspace.Role;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Annotated changes and every KPI in equal windows before and after one, over HTTP, on both stores. */
class BeforeAfterIT extends IntegrationTest {

    private TestWorkspace ws;
    private Http api;

    @BeforeEach
    void data() {
        ws = fixtures.aWorkspace(); // Asia/Seoul: the times below fall on the same day there
        api = http().bearer(ws.secretKey());
        String nps = api.postJson("/api/v1/surveys", SampleSurveys.nps("NPS"))
                .json()
                .path("id")
                .asString();
        api.postJson("/api/v1/surveys/" + nps + "/publish", "");
        // 7 days before 2026-11-10: 40 detractors; 7 days from it: 40 promoters
        for (int i = 0; i < 40; i++) {
            answer(nps, 2, "2026-11-0" + (3 + i % 7) + "T10:00:00Z");
            answer(nps, 10, "2026-11-1" + (i % 7) + "T10:00:00Z");
        }
        ShopEvents.events()
                .order("a", "o1", "2026-11-04T10:00:00Z", 10_000)
                .order("b", "o2", "2026-11-12T10:00:00Z", 30_000)
                .order("c", "o3", "2026-11-13T10:00:00Z", 50_000)
                .sendTo(http(), ws.writeKey());
    }

    private void answer(String survey, int score, String at) {
        Map<String, Object> body = new HashMap<>();
        body.put("answers", Map.of("nps", score));
        body.put("submittedAt", at);
        Http.Response r = api.postJson("/api/v1/surveys/" + survey + "/responses", body);
        assertThat(r.status()).as(r.body()).isEqualTo(201);
    }

    @Test
    void everyKpiIsComparedInEqualWindowsAroundAnAnnotatedChange() {
        Http.Response created =
                api.postJson("/api/v1/metrics/annotations", Map.of("date", "2026-11-10", "label", "새 결제 화면"));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String id = created.json().path("id").asString();
        assertThat(api.get("/api/v1/metrics/annotations")
                        .json()
                        .path("items")
                        .get(0)
                        .path("label")
                        .asString())
                .isEqualTo("새 결제 화면");

        JsonNode c = api.get("/api/v1/metrics/compare?annotationId=" + id + "&days=7")
                .json();
        assertThat(c.path("before").path("from").asString()).isEqualTo("2026-11-03");
        assertThat(c.path("before").path("to").asString()).isEqualTo("2026-11-09");
        assertThat(c.path("after").path("from").asString()).isEqualTo("2026-11-10");
        assertThat(c.path("after").path("to").asString()).isEqualTo("2026-11-16");
        Map<String, JsonNode> kpis = new HashMap<>();
        c.path("kpis").forEach(k -> kpis.put(k.path("kpi").asString(), k));
        assertThat(kpis.keySet()).containsExactlyInAnyOrderElementsOf(BeforeAfter.KPIS);
        JsonNode nps = kpis.get("nps");
        assertThat(nps.path("before").path("value").asDouble()).isEqualTo(-100.0);
        assertThat(nps.path("before").path("n").asLong()).isEqualTo(40);
        assertThat(nps.path("after").path("value").asDouble()).isEqualTo(100.0);
        assertThat(nps.path("change").asDouble()).isEqualTo(200.0);
        assertThat(nps.path("significant").asBoolean()).isTrue();
        JsonNode aov = kpis.get("aov");
        assertThat(aov.path("before").path("value").asDouble()).isEqualTo(10_000.0);
        assertThat(aov.path("after").path("value").asDouble()).isEqualTo(40_000.0);
        assertThat(aov.path("significant").asBoolean())
                .as("one order before: no test")
                .isFalse();
        assertThat(kpis.get("csat").path("change").isNull()).isTrue();

        assertThat(api.delete("/api/v1/metrics/annotations/" + id).status()).isEqualTo(204);
        assertThat(api.delete("/api/v1/metrics/annotations/" + id).status()).isEqualTo(404);
    }

    @Test
    void badAnnotationsAndWindowsAreRefusedWithTheirFields() {
        Http.Response r = api.postJson("/api/v1/metrics/annotations", Map.of("label", " "));
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.body()).contains("\"date\"").contains("\"label\"");
        assertThat(api.postJson("/api/v1/metrics/annotations", Map.of("date", "2026-11-10", "label", "x".repeat(121)))
                        .status())
                .isEqualTo(400);
        assertThat(api.postJson("/api/v1/metrics/annotations", Map.of("date", "someday", "label", "x"))
                        .status())
                .isEqualTo(400);
        assertThat(api.get("/api/v1/metrics/compare").status()).isEqualTo(400);
        assertThat(api.get("/api/v1/metrics/compare?date=2099-01-01").status()).isEqualTo(400);
        assertThat(api.get("/api/v1/metrics/compare?date=2026-11-10&days=0").status())
                .isEqualTo(400);
        assertThat(api.get("/api/v1/metrics/compare?date=2026-11-10&days=9999").status())
                .isEqualTo(400);
        assertThat(api.get("/api/v1/metrics/compare?annotationId=" + java.util.UUID.randomUUID())
                        .status())
                .isEqualTo(404);
    }

    @Test
    void thePagesAnnotateCompareAndDownloadTheTableAsCsv() {
        UiSession ui = new UiSession(port).header("Accept-Language", "en");
        String password = "a-long-enough-password";
        ui.signIn(fixtures.aUser(ws.id(), Role.ANALYST, password), password);
        ui.get("/metrics/compare");
        UiSession.Page added = ui.post("/metrics/annotations", Map.of("date", "2026-11-10", "label", "new checkout"));
        assertThat(added.status()).isEqualTo(302);
        UiSession.Page page = ui.get("/metrics/compare?date=2026-11-10&days=7");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body())
                .contains("new checkout")
                .contains("Before: 2026-11-03 – 2026-11-09")
                .contains("+200.0");
        UiSession.Page trend = ui.get("/metrics?from=2026-11-01&to=2026-11-21");
        assertThat(trend.body()).contains("new checkout");

        UiSession.Page csv = ui.get("/metrics/compare/export.csv?date=2026-11-10&days=7");
        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.body())
                .startsWith("\uFEFFkpi,")
                .contains("\r\nnps,-100.0,")
                .contains(",200.0,true");

        UiSession.Page bad = ui.post("/metrics/annotations", Map.of("date", "2026-11-10", "label", ""));
        assertThat(bad.status()).isEqualTo(200);
        assertThat(bad.body()).contains("label is required");
    }
}

package io.touchpoint.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.touchpoint.support.Fixtures.TestWorkspace;
import io.touchpoint.support.Http;
import io.touchpoint.support.IntegrationTest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** CSV import of customers and orders through the API, with its per-row report, on both stores. */
class CsvImportIT extends IntegrationTest {

    private TestWorkspace ws;

    @BeforeEach
    void workspace() {
        ws = fixtures.aWorkspace();
    }

    private Http api() {
        return http().bearer(ws.secretKey());
    }

    private JsonNode importCsv(String kind, String csv) {
        Http.Response started = api().postBytes(
                        "/api/v1/imports/" + kind, csv.getBytes(StandardCharsets.UTF_8), "text/csv; charset=utf-8");
        assertThat(started.status()).as(started.body()).isEqualTo(202);
        String id = started.json().path("id").asString();
        await().atMost(Duration.ofSeconds(60)).until(() -> !api().get("/api/v1/imports/" + id)
                .json()
                .path("status")
                .asString()
                .equals("running"));
        return api().get("/api/v1/imports/" + id).json();
    }

    @Test
    void customersAreImportedAndBadRowsAreReportedByLine() {
        String csv =
                """
                \uFEFFuserId,Email,name,phone,city,created_at,vip_points
                c-1,Kim@Example.com,김하나,010-1234-5678,서울,2025-03-01,1200
                ,nobody@example.com,No Id,,,,
                c-2,lee@example.com,"Lee, Dana",,"Busan",not-a-date,
                c-3,park@example.com,박셋,,인천,2025-04-02T10:00:00+09:00,
                """;
        JsonNode job = importCsv("customers", csv);
        assertThat(job.path("status").asString()).isEqualTo("done");
        assertThat(job.path("rows").asInt()).isEqualTo(4);
        assertThat(job.path("processed").asInt()).isEqualTo(4);
        assertThat(job.path("imported").asInt()).isEqualTo(2);
        JsonNode errors = job.path("errors");
        assertThat(errors).hasSize(2);
        assertThat(errors.get(0).path("line").asInt()).isEqualTo(3);
        assertThat(errors.get(0).toString()).contains("user_id is required");
        assertThat(errors.get(1).path("line").asInt()).isEqualTo(4);
        assertThat(errors.get(1).toString()).contains("created_at must be a date");

        JsonNode kim = api().get("/api/v1/customers/c-1").json();
        assertThat(kim.path("traits").path("name").asString()).isEqualTo("김하나");
        assertThat(kim.path("traits").path("vip_points").asInt()).isEqualTo(1200);
        assertThat(kim.path("identities").toString()).contains("kim@example.com", "+821012345678");
        // created_at in the workspace's time zone (Asia/Seoul): midnight there is 15:00 UTC the day before
        assertThat(kim.path("traits").path("created_at").asString()).isEqualTo("2025-02-28T15:00:00Z");
        assertThat(api().get("/api/v1/customers/c-2").status()).isEqualTo(404);

        // the same file again stores nothing twice
        importCsv("customers", csv);
        assertThat(api().get("/api/v1/customers/c-1/timeline").json().path("items"))
                .hasSize(1);
    }

    @Test
    void ordersWithSeveralLinesBecomeOneOrderEach() {
        String csv =
                """
                order_id,user_id,placed_at,currency,status,product_id,product_name,price,quantity
                o-1,c-9,2026-02-01T10:00:00Z,KRW,delivered,p-1,토너,18000,2
                o-1,c-9,2026-02-01T10:00:00Z,KRW,delivered,p-2,세럼,32000,1
                o-2,c-9,2026-03-01,KRW,completed,p-3,크림,-5,1
                o-3,c-9,2026-03-05,WON,completed,p-3,크림,27000,1
                """;
        JsonNode job = importCsv("orders", csv);
        assertThat(job.path("imported").asInt()).as(job.toString()).isEqualTo(2);
        assertThat(job.path("errors").toString())
                .contains("price must not be negative", "currency must be an ISO 4217");
        JsonNode lines = job.path("errors");
        assertThat(lines.get(0).path("line").asInt()).isEqualTo(4);
        assertThat(lines.get(1).path("line").asInt()).isEqualTo(5);

        JsonNode orders =
                api().get("/api/v1/customers/c-9/export").json().path("events").path("orders");
        assertThat(orders).hasSize(1);
        assertThat(orders.get(0).path("orderId").asString()).isEqualTo("o-1");
        assertThat(orders.get(0).path("total").asDouble()).isEqualTo(68000.0);
        assertThat(orders.get(0).path("status").asString()).isEqualTo("delivered");
    }

    @Test
    void unreadableFilesAreRefusedBeforeAnythingIsStored() {
        Http.Response noHeader =
                api().postBytes("/api/v1/imports/orders", "order_id,total\no-1,5\n".getBytes(), "text/csv");
        assertThat(noHeader.status()).isEqualTo(400);
        assertThat(noHeader.json().path("errors").toString()).contains("user_id", "placed_at");

        Http.Response broken = api().postBytes(
                        "/api/v1/imports/customers", "user_id,name\nc-1,\"unterminated\n".getBytes(), "text/csv");
        assertThat(broken.status()).isEqualTo(400);

        Http.Response latin1 = api().postBytes(
                        "/api/v1/imports/customers",
                        "user_id,name\nc-1,Jos\u00e9\n".getBytes(StandardCharsets.ISO_8859_1),
                        "text/csv");
        assertThat(latin1.status()).isEqualTo(400);
        assertThat(latin1.json().path("errors").toString()).contains("UTF-8");

        assertThat(api().postBytes("/api/v1/imports/pets", "user_id\nx\n".getBytes(), "text/csv")
                        .status())
                .isEqualTo(400);
        assertThat(api().get("/api/v1/customers/c-1").status()).isEqualTo(404);
    }
}

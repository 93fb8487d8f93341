package io.touchpoint.events;

import static io.touchpoint.support.Messages.batch;
import static io.touchpoint.support.Messages.orderCompleted;
import static io.touchpoint.support.Messages.page;
import static org.assertj.core.api.Assertions.assertThat;

import io.touchpoint.support.Fixtures.TestWorkspace;
import io.touchpoint.support.Http;
import io.touchpoint.support.IntegrationTest;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Concurrent batches must come out as if written one after the other: on the embedded store they are
 * written in one pass when they wait for the writer together, on PostgreSQL in concurrent transactions.
 */
class ConcurrentIngestionIT extends IntegrationTest {

    @Test
    void concurrentBatchesAreEachStoredOnceAndOnePersonStaysOneProfile() throws Exception {
        TestWorkspace ws = fixtures.aWorkspace();
        String user = "user-" + UUID.randomUUID();
        Http writer = http().basic(ws.writeKey(), "");
        Http reader = http().bearer(ws.secretKey());
        var shared = page("Home").user(user);
        List<Future<Http.Response>> answers = new ArrayList<>();
        ExecutorService senders = Executors.newFixedThreadPool(12);
        try {
            for (int i = 0; i < 12; i++) {
                var batch = batch(
                        shared,
                        page("Cart").user(user).anonymous("device-" + i),
                        orderCompleted(user, "o-" + i, 1000L * (i + 1)));
                answers.add(senders.submit(() -> writer.postJson("/v1/batch", batch)));
            }
            for (Future<Http.Response> answer : answers) {
                Http.Response response = answer.get(60, TimeUnit.SECONDS);
                assertThat(response.status()).as(response.body()).isEqualTo(200);
                assertThat(response.json().path("accepted").asInt()).isEqualTo(3);
            }
        } finally {
            senders.shutdownNow();
        }
        Http.Response timeline = reader.get("/api/v1/customers/" + user + "/timeline?limit=1000");
        assertThat(timeline.json().path("items")).hasSize(1 + 12 * 2);
        assertThat(reader.get("/api/v1/customers/" + user + "/export")
                        .json()
                        .path("events")
                        .path("orders"))
                .hasSize(12);
        assertThat(reader.get("/api/v1/customers/" + user)
                        .json()
                        .path("identities")
                        .toString())
                .contains("device-0", "device-11");
    }
}

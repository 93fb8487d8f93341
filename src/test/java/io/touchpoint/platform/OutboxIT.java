package io.touchpoint.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.touchpoint.support.IntegrationTest;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class OutboxIT extends IntegrationTest {

    @Autowired
    Store store;

    @Test
    void aMessageIsStoredWithItsChangeAndNotWhenTheChangeRollsBack() {
        UUID workspace = UUID.randomUUID();
        UUID id = store.write(tx -> Outbox.append(tx, workspace, "case.opened", Map.of("caseId", "c1"), Instant.now()));

        assertThatThrownBy(() -> store.write(tx -> {
                    Outbox.append(tx, workspace, "case.resolved", Map.of("caseId", "c1"), Instant.now());
                    throw new IllegalStateException("the change fails");
                }))
                .hasMessageContaining("the change fails");

        var rows = store.reads()
                .sql("select id, type, payload, dispatched_at from outbox where workspace_id = ?")
                .param(workspace)
                .query()
                .listOfRows();
        assertThat(rows).hasSize(1);
        assertThat(rows.get(0).get("id")).isEqualTo(id);
        assertThat(rows.get(0).get("type")).isEqualTo("case.opened");
        assertThat(Json.read((String) rows.get(0).get("payload")).path("caseId").asString())
                .isEqualTo("c1");
        // the webhook worker fans every message out (to no subscription here) and marks it dispatched
        org.awaitility.Awaitility.await()
                .atMost(java.time.Duration.ofSeconds(10))
                .until(() -> store.reads()
                                .sql("select count(*) from outbox where id = ? and dispatched_at is not null")
                                .param(id)
                                .query(Long.class)
                                .single()
                        == 1L);
    }

    @Test
    void aBadTypeOrANonObjectPayloadIsRefused() {
        UUID workspace = UUID.randomUUID();
        assertThatThrownBy(
                        () -> store.write(tx -> Outbox.append(tx, workspace, "Case Opened", Map.of(), Instant.now())))
                .hasMessageContaining("case.opened");
        assertThatThrownBy(() -> store.write(tx -> Outbox.append(tx, workspace, "case.opened", "text", Instant.now())))
                .hasMessageContaining("JSON object");
    }
}

package io.touchpoint.platform;

import static org.assertj.core.api.Assertions.assertThat;

import io.touchpoint.support.Http;
import io.touchpoint.support.IntegrationTest;
import io.touchpoint.workspace.Workspaces;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Health, docs, metrics, API authentication and error shapes, through real HTTP. */
class ApiBasicsIT extends IntegrationTest {

    @Autowired
    Workspaces workspaces;

    @Test
    void healthAnswersUpOnceServing() {
        Http.Response response = http().get("/actuator/health");
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("{\"status\":\"UP\"}");
    }

    @Test
    void openApiDescriptionIsServedWithoutAKey() {
        Http.Response response = http().get("/api/docs");
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json().path("paths").has("/api/v1/workspace")).isTrue();
    }

    @Test
    void prometheusMetricsAreExposed() {
        Http.Response response = http().get("/actuator/prometheus");
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.body()).contains("jvm_memory_used_bytes");
    }

    @Test
    void aMissingKeyIsAnsweredWithProblemDetails401() {
        Http.Response response = http().get("/api/v1/workspace");
        assertThat(response.status()).isEqualTo(401);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        assertThat(response.json().path("status").asInt()).isEqualTo(401);
        assertThat(response.json().path("detail").asString()).contains("API key");
    }

    @Test
    void anUnknownKeyIs401() {
        assertThat(http().bearer("tp_sk_not-a-real-key-000000")
                        .get("/api/v1/workspace")
                        .status())
                .isEqualTo(401);
        assertThat(http().basic("nope-nope-nope-nope", "")
                        .postJson("/v1/track", "{}")
                        .status())
                .isEqualTo(401);
    }

    @Test
    void theSecretKeyReadsItsOwnWorkspace() {
        Http.Response response = http().bearer(SECRET_KEY).get("/api/v1/workspace");
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json().path("id").asString())
                .isEqualTo(workspaces.defaultWorkspace().id().toString());
    }

    @Test
    void aWriteKeyCannotReadTheApi() {
        Http.Response basic = http().basic(WRITE_KEY, "").get("/api/v1/workspace");
        assertThat(basic.status()).isEqualTo(403);
        assertThat(basic.json().path("detail").asString()).contains("write keys");
        assertThat(http().bearer(WRITE_KEY).get("/api/v1/workspace").status()).isEqualTo(403);
    }

    @Test
    void keysOnlySeeTheirOwnWorkspace() {
        var other = fixtures.aWorkspace();
        Http.Response response = http().bearer(other.secretKey()).get("/api/v1/workspace");
        assertThat(response.json().path("id").asString()).isEqualTo(other.id().toString());
    }

    @Test
    void aRevokedKeyStopsWorking() {
        var ws = fixtures.aWorkspace();
        assertThat(http().bearer(ws.secretKey()).get("/api/v1/workspace").status())
                .isEqualTo(200);
        var key = workspaces.apiKeys(ws.id()).stream()
                .filter(k -> k.kind() == io.touchpoint.workspace.ApiKeyKind.SECRET)
                .findFirst()
                .orElseThrow();
        workspaces.revokeApiKey(ws.id(), key.id());
        assertThat(http().bearer(ws.secretKey()).get("/api/v1/workspace").status())
                .isEqualTo(401);
    }

    @Test
    void aBodyOverTheLimitIs413BeforeItIsRead() {
        byte[] big = new byte[2 * 1024 * 1024];
        Http.Response response = http().bearer(SECRET_KEY).postBytes("/v1/track", big, "application/json");
        assertThat(response.status()).isEqualTo(413);
        assertThat(response.json().path("status").asInt()).isEqualTo(413);
    }
}

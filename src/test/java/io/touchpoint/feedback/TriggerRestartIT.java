package io.touchpoint.feedback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.touchpoint.TouchpointApplication;
import io.touchpoint.support.Http;
import io.touchpoint.support.IntegrationTest;
import io.touchpoint.support.SampleSurveys;
import io.touchpoint.support.StoreAvailable;
import io.touchpoint.support.TestMail;
import io.touchpoint.support.TestStores;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A triggered invitation planned before a stop is sent exactly once after the restart: the plan
 * is in the store, not in memory, and a re-scan of the same events does not plan it again.
 */
@ExtendWith(StoreAvailable.class)
class TriggerRestartIT {

    @Test
    void aPendingSendSurvivesARestartAndIsSentExactlyOnce() throws Exception {
        Map<String, Object> properties = new LinkedHashMap<>();
        if (TestStores.postgres()) {
            properties.put("touchpoint.db.url", TestStores.freshPostgresDatabase());
            properties.put("touchpoint.db.user", TestStores.pgUser());
            properties.put("touchpoint.db.password", TestStores.pgPassword());
        } else {
            properties.put("touchpoint.data-dir", TestStores.freshDataDir().toString());
        }
        properties.put("server.port", "0");
        properties.put("touchpoint.security.secure-cookie", "false");
        properties.put("touchpoint.admin.email", IntegrationTest.ADMIN_EMAIL);
        properties.put("touchpoint.admin.password", IntegrationTest.ADMIN_PASSWORD);
        properties.put("touchpoint.bootstrap.secret-key", IntegrationTest.SECRET_KEY);
        properties.put("touchpoint.bootstrap.write-key", IntegrationTest.WRITE_KEY);
        properties.put("spring.mail.host", "127.0.0.1");
        properties.put("spring.mail.port", TestMail.server().getSmtp().getPort());
        properties.put("touchpoint.feedback.poll-interval", "300ms");

        String user = "r-" + UUID.randomUUID();
        String email = user + "@example.com";
        String surveyId;
        try (ConfigurableApplicationContext first = start(properties)) {
            Http api = http(first).bearer(IntegrationTest.SECRET_KEY);
            Http ingest = http(first).basic(IntegrationTest.WRITE_KEY, "");
            ingest.postJson("/v1/identify", Map.of("userId", user, "traits", Map.of("email", email)));
            api.postJson(
                    "/api/v1/customers/" + user + "/consent", Map.of("channel", "email_marketing", "granted", true));
            Http.Response created = api.postJson("/api/v1/surveys", SampleSurveys.nps("CSAT after delivery"));
            assertThat(created.status()).as(created.body()).isEqualTo(201);
            surveyId = created.json().path("id").asString();
            api.postJson("/api/v1/surveys/" + surveyId + "/publish", "");
            Http.Response trigger = api.postJson(
                    "/api/v1/surveys/" + surveyId + "/triggers",
                    Map.of("event", "Order Delivered", "delay", "PT6S", "channel", "email"));
            assertThat(trigger.status()).as(trigger.body()).isEqualTo(201);
            ingest.postJson(
                    "/v1/track",
                    Map.of("userId", user, "event", "Order Delivered", "properties", Map.of("order_id", "o-1")));
            String sends = "/api/v1/surveys/" + surveyId + "/sends";
            await().atMost(Duration.ofSeconds(20))
                    .until(() -> api.get(sends).json().path("items").size() == 1);
            assertThat(api.get(sends).json().path("items").get(0).path("status").asString())
                    .isEqualTo("pending");
        }
        assertThat(TestMail.to(email)).as("nothing sent before the delay").isEmpty();

        try (ConfigurableApplicationContext second = start(properties)) {
            Http api = http(second).bearer(IntegrationTest.SECRET_KEY);
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> TestMail.to(email).size() == 1);
            Thread.sleep(2000);
            assertThat(TestMail.to(email))
                    .as("sent once, even after several rounds")
                    .hasSize(1);
            var items = api.get("/api/v1/surveys/" + surveyId + "/sends").json().path("items");
            assertThat(items).hasSize(1);
            assertThat(items.get(0).path("status").asString()).isEqualTo("sent");
        }
    }

    private static ConfigurableApplicationContext start(Map<String, Object> properties) {
        // as command-line arguments: they outrank application.properties (default properties do not)
        String[] args = properties.entrySet().stream()
                .map(e -> "--" + e.getKey() + "=" + e.getValue())
                .toArray(String[]::new);
        return new SpringApplicationBuilder(TouchpointApplication.class).run(args);
    }

    private static Http http(ConfigurableApplicationContext context) {
        return new Http("http://localhost:" + context.getEnvironment().getProperty("local.server.port"));
    }
}

package io.touchpoint.customers;

import static io.touchpoint.support.Messages.batch;
import static io.touchpoint.support.Messages.identify;
import static io.touchpoint.support.Messages.page;
import static io.touchpoint.support.Messages.track;
import static org.assertj.core.api.Assertions.assertThat;

import io.touchpoint.support.Fixtures.TestWorkspace;
import io.touchpoint.support.Http;
import io.touchpoint.support.IntegrationTest;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Profiles: merges and their undoing, consent, failed-event replay — through real HTTP on both stores. */
class CustomersIT extends IntegrationTest {

    private TestWorkspace ws;
    private String user;

    @BeforeEach
    void workspace() {
        ws = fixtures.aWorkspace();
        user = "user-" + UUID.randomUUID();
    }

    private Http writer() {
        return http().basic(ws.writeKey(), "");
    }

    private Http reader() {
        return http().bearer(ws.secretKey());
    }

    private int timelineSize(String userId) {
        return reader().get("/api/v1/customers/" + userId + "/timeline?limit=1000")
                .json()
                .path("items")
                .size();
    }

    @Test
    void undoingAMergeGivesEachProfileItsOwnEventsBackAndIsNotRedone() {
        String phone = "anon-phone-" + UUID.randomUUID();
        String laptop = "anon-laptop-" + UUID.randomUUID();
        writer().postJson("/v1/page", page("Home").anonymous(phone).json());
        writer().postJson("/v1/page", page("Sale").anonymous(laptop).json());
        writer().postJson("/v1/identify", identify().user(user).anonymous(phone).json());
        writer().postJson(
                        "/v1/identify", identify().user(user).anonymous(laptop).json());
        assertThat(timelineSize(user)).isEqualTo(4);

        JsonNode merges =
                reader().get("/api/v1/customers/" + user + "/merges").json().path("items");
        assertThat(merges).hasSize(1);
        String mergeId = merges.get(0).path("id").asString();
        Http.Response undo = reader().postJson("/api/v1/customers/merges/" + mergeId + "/undo", "{}");
        assertThat(undo.status()).isEqualTo(200);
        assertThat(undo.json().path("undoneAt").isNull()).isFalse();

        assertThat(timelineSize(user)).isEqualTo(3);
        JsonNode identities = reader().get("/api/v1/customers/" + user).json().path("identities");
        assertThat(identities.toString()).contains(phone).doesNotContain(laptop);

        // the same evidence again does not silently redo what a person undid
        writer().postJson(
                        "/v1/identify", identify().user(user).anonymous(laptop).json());
        assertThat(reader().get("/api/v1/customers/" + user)
                        .json()
                        .path("identities")
                        .toString())
                .doesNotContain(laptop);
        assertThat(reader().postJson("/api/v1/customers/merges/" + mergeId + "/undo", "{}")
                        .status())
                .isEqualTo(400);
        assertThat(reader().postJson("/api/v1/customers/merges/" + UUID.randomUUID() + "/undo", "{}")
                        .status())
                .isEqualTo(404);
    }

    @Test
    void afterAnUndoneMergeMessagesResolveAsTheProfilesNowStand() {
        String laptop = "anon-laptop-" + UUID.randomUUID();
        String other = "other-" + UUID.randomUUID();
        writer().postJson("/v1/identify", identify().user(user).json());
        writer().postJson("/v1/page", page("Sale").anonymous(laptop).json());
        writer().postJson(
                        "/v1/identify", identify().user(user).anonymous(laptop).json());
        writer().postJson("/v1/page", page("Cart").anonymous(laptop).json()); // the laptop is the user's now
        assertThat(timelineSize(user)).isEqualTo(4);
        String mergeId = reader().get("/api/v1/customers/" + user + "/merges")
                .json()
                .path("items")
                .get(0)
                .path("id")
                .asString();
        assertThat(reader().postJson("/api/v1/customers/merges/" + mergeId + "/undo", "{}")
                        .status())
                .isEqualTo(200);
        // the laptop's profile stands alone again, without a user id: another person who signs in
        // on it takes it over with its two page views (not a fresh profile, as before the undo)
        writer().postJson(
                        "/v1/identify", identify().user(other).anonymous(laptop).json());
        assertThat(timelineSize(other)).isEqualTo(3);
        assertThat(timelineSize(user)).isEqualTo(2);
    }

    @Test
    void consentIsRecordedPerChannelWithTimeAndSourceAndTheLatestDecisionWins() {
        writer().postJson(
                        "/v1/batch",
                        batch(
                                identify().user(user).at("2026-01-01T00:00:00Z"),
                                track("Consent Updated")
                                        .user(user)
                                        .prop("channel", "email_marketing")
                                        .prop("granted", true)
                                        .prop("source", "signup form")
                                        .at("2026-01-01T00:00:05Z"),
                                track("Consent Updated")
                                        .user(user)
                                        .prop("channel", "in_app")
                                        .prop("granted", true)
                                        .at("2026-01-01T00:00:06Z")));
        Http.Response withdraw = reader().postJson(
                        "/api/v1/customers/" + user + "/consent",
                        Map.of("channel", "email_marketing", "granted", false, "source", "preference center"));
        assertThat(withdraw.status()).isEqualTo(200);
        JsonNode consents = withdraw.json().path("consents");
        assertThat(consents).hasSize(2);
        JsonNode email = consents.get(0);
        assertThat(email.path("channel").asString()).isEqualTo("email_marketing");
        assertThat(email.path("granted").asBoolean()).isFalse();
        assertThat(email.path("source").asString()).isEqualTo("preference center");
        assertThat(consents.get(1).path("granted").asBoolean()).isTrue();
    }

    @Test
    void anInvalidConsentDecisionIsRefusedWithTheFailingFields() {
        writer().postJson("/v1/identify", identify().user(user).json());
        Http.Response response =
                reader().postJson("/api/v1/customers/" + user + "/consent", Map.of("channel", "carrier_pigeon"));
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().path("errors").toString()).contains("channel", "granted");
        Http.Response event = writer().postJson(
                        "/v1/track",
                        track("Consent Updated")
                                .user(user)
                                .prop("channel", "sms")
                                .prop("granted", "yes")
                                .json());
        assertThat(event.status()).isEqualTo(400);
        assertThat(reader().get("/api/v1/customers/" + user).json().path("consents"))
                .isEmpty();
    }

    @Test
    void aFailedEventCanBeFixedAndReplayedOnceOrDiscarded() {
        var broken =
                track("Order Completed").user(user).prop("order_id", "o-fix").prop("total", 1000);
        writer().postJson("/v1/batch", batch(broken, track("Store Visited").user(user)));
        JsonNode open = reader().get("/api/v1/failed-events?status=open&limit=10")
                .json()
                .path("items");
        assertThat(open).hasSize(2);
        String orderFailure = null;
        String visitFailure = null;
        for (JsonNode failed : open) {
            if (failed.path("messageId").asString().equals(broken.messageIdValue())) {
                orderFailure = failed.path("id").asString();
            } else {
                visitFailure = failed.path("id").asString();
            }
        }
        // replaying it unchanged fails again, with its reasons, and keeps it open
        Http.Response again = reader().postJson("/api/v1/failed-events/" + orderFailure + "/replay", "");
        assertThat(again.status()).isEqualTo(400);
        assertThat(again.json().path("errors").toString()).contains("currency");

        var fixed = broken.json();
        ((tools.jackson.databind.node.ObjectNode) fixed.get("properties"))
                .put("currency", "KRW")
                .putArray("products")
                .addObject()
                .put("product_id", "p")
                .put("price", 1000)
                .put("quantity", 1);
        Http.Response replayed = reader().postJson("/api/v1/failed-events/" + orderFailure + "/replay", fixed);
        assertThat(replayed.status()).isEqualTo(200);
        assertThat(replayed.json().path("status").asString()).isEqualTo("replayed");
        assertThat(reader().get("/api/v1/customers/" + user + "/export")
                        .json()
                        .path("events")
                        .path("orders"))
                .hasSize(1);
        assertThat(reader().postJson("/api/v1/failed-events/" + orderFailure + "/replay", fixed)
                        .status())
                .isEqualTo(400);

        assertThat(reader().postJson("/api/v1/failed-events/" + visitFailure + "/discard", "")
                        .json()
                        .path("status")
                        .asString())
                .isEqualTo("discarded");
        assertThat(reader().get("/api/v1/failed-events?status=open").json().path("items"))
                .isEmpty();
        assertThat(reader().get("/api/v1/failed-events?status=bogus").status()).isEqualTo(400);
    }
}

package io.touchpoint.events;

import static io.touchpoint.support.Messages.batch;
import static io.touchpoint.support.Messages.identify;
import static io.touchpoint.support.Messages.orderCompleted;
import static io.touchpoint.support.Messages.page;
import static io.touchpoint.support.Messages.track;
import static org.assertj.core.api.Assertions.assertThat;

import io.touchpoint.platform.Sql;
import io.touchpoint.platform.Store;
import io.touchpoint.support.Fixtures.TestWorkspace;
import io.touchpoint.support.Http;
import io.touchpoint.support.IntegrationTest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/** Segment-compatible ingestion through real HTTP, on both stores. */
class IngestionIT extends IntegrationTest {

    @Autowired
    private Store store;

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

    private JsonNode timeline(String userId) {
        Http.Response response = reader().get("/api/v1/customers/" + userId + "/timeline?limit=1000");
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json().path("items");
    }

    @Test
    void aTrackedEventAppearsOnTheCustomersTimeline() {
        Http.Response response = writer().postJson(
                        "/v1/track",
                        track("Product Viewed")
                                .user(user)
                                .prop("product_id", "p-9")
                                .prop("price", 12000)
                                .json());
        assertThat(response.status()).isEqualTo(200);
        JsonNode items = timeline(user);
        assertThat(items).hasSize(1);
        assertThat(items.get(0).path("event").asString()).isEqualTo("Product Viewed");
        assertThat(items.get(0).path("channel").asString()).isEqualTo("web");
        assertThat(items.get(0).path("properties").path("product_id").asString())
                .isEqualTo("p-9");
    }

    @Test
    void aBatchKeepsItsValidEventsAndNamesTheRefusedOnesByIndex() {
        var bad = track("Order Completed")
                .user(user)
                .prop("order_id", "o-1")
                .prop("total", -1)
                .prop("currency", "WON");
        Http.Response response = writer().postJson(
                        "/v1/batch",
                        batch(
                                page("Home").user(user),
                                bad,
                                track("Support Ticket Opened").user(user).prop("ticket_id", "t-1")));
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json().path("accepted").asInt()).isEqualTo(2);
        JsonNode rejected = response.json().path("rejected");
        assertThat(rejected).hasSize(1);
        assertThat(rejected.get(0).path("index").asInt()).isEqualTo(1);
        assertThat(rejected.get(0).path("messageId").asString()).isEqualTo(bad.messageIdValue());
        assertThat(rejected.get(0).path("errors").toString())
                .contains(
                        "properties.total must not be negative",
                        "properties.currency must be an ISO 4217 code",
                        "properties.products is required");
        assertThat(timeline(user)).hasSize(2);
        JsonNode failed =
                reader().get("/api/v1/failed-events?status=open").json().path("items");
        assertThat(failed)
                .anySatisfy(f -> assertThat(f.path("messageId").asString()).isEqualTo(bad.messageIdValue()));
    }

    @Test
    void aRetriedBatchIsStoredOnce() {
        var first = orderCompleted(user, "o-retry", 39000);
        var second = page("Cart").user(user);
        assertThat(writer().postJson("/v1/batch", batch(first, second))
                        .json()
                        .path("accepted")
                        .asInt())
                .isEqualTo(2);
        assertThat(writer().postJson("/v1/batch", batch(first, second))
                        .json()
                        .path("accepted")
                        .asInt())
                .isEqualTo(2);
        assertThat(timeline(user)).hasSize(2);
        JsonNode orders = reader().get("/api/v1/customers/" + user + "/export")
                .json()
                .path("events")
                .path("orders");
        assertThat(orders).hasSize(1);
        assertThat(orders.get(0).path("total").asDouble()).isEqualTo(39000.0);
    }

    @Test
    void aMessageResentDaysLaterIsStillStoredOnceBesideTheNewOnesOfItsBatch() {
        var order = orderCompleted(user, "o-resent", 39000);
        var view = page("Cart").user(user);
        assertThat(writer().postJson("/v1/batch", batch(order, view)).status()).isEqualTo(200);
        // the embedded store checks the last day's events quickly; an older copy takes the other way
        store.write(tx -> tx.jdbc()
                .sql("update events set received_at = ? where workspace_id = ? and message_id in (?, ?)")
                .params(
                        Sql.ts(Instant.now().minus(Duration.ofDays(3))),
                        ws.id(),
                        order.messageIdValue(),
                        view.messageIdValue())
                .update());
        var fresh = track("Product Viewed").user(user).prop("product_id", "p-1");
        Http.Response resent = writer().postJson("/v1/batch", batch(order, view, fresh));
        assertThat(resent.status()).as(resent.body()).isEqualTo(200);
        assertThat(resent.json().path("accepted").asInt()).isEqualTo(3);
        JsonNode items = timeline(user);
        assertThat(items).hasSize(3);
        assertThat(items).extracting(i -> i.path("event").asString()).contains("Order Completed", "Product Viewed");
        JsonNode orders = reader().get("/api/v1/customers/" + user + "/export")
                .json()
                .path("events")
                .path("orders");
        assertThat(orders).hasSize(1);
        assertThat(orders.get(0).path("total").asDouble()).isEqualTo(39000.0);
    }

    @Test
    void aMessageStoredWithoutTheWriterKnowingIsStillStoredOnceBesideTheNewOnesOfItsBatch() {
        // as after a restart: the embedded store's writer remembers only what it stored itself (and
        // the last hour's messages it recalls when it starts), so this copy is caught by the key
        var first = page("Home").user(user);
        assertThat(writer().postJson("/v1/batch", batch(first)).status()).isEqualTo(200);
        String stored = "stored-elsewhere-" + UUID.randomUUID();
        store.write(tx -> tx.jdbc()
                .sql("insert into events (workspace_id, message_id, customer_id, type, event, channel, ts, "
                        + "received_at) select workspace_id, ?, customer_id, 'track', 'Product Viewed', 'web', ts, "
                        + "received_at from events where workspace_id = ? and message_id = ?")
                .params(stored, ws.id(), first.messageIdValue())
                .update());
        var resent =
                track("Product Viewed").user(user).prop("product_id", "p-1").messageId(stored);
        var fresh = page("Cart").user(user);
        // a new person in the same batch: the first attempt creates their profile and rolls back, so
        // what the writer learnt of them then must be forgotten
        String newcomer = "newcomer-" + UUID.randomUUID();
        Http.Response response =
                writer().postJson("/v1/batch", batch(resent, fresh, page("Home").user(newcomer)));
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        assertThat(response.json().path("accepted").asInt()).isEqualTo(3);
        assertThat(timeline(user)).hasSize(3);
        assertThat(writer().postJson("/v1/batch", batch(page("Cart").user(newcomer)))
                        .status())
                .isEqualTo(200);
        assertThat(timeline(newcomer)).hasSize(2);
        assertThat(store.reads()
                        .sql("select count(*) from events where workspace_id = ? and message_id = ?")
                        .params(ws.id(), stored)
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
        // sent once more, now remembered (or, on PostgreSQL, found by the key): still once
        assertThat(writer().postJson("/v1/batch", batch(resent, fresh)).status())
                .isEqualTo(200);
        assertThat(timeline(user)).hasSize(3);
    }

    @Test
    void orderEventsArrivingOutOfOrderStillGiveTheLatestStatus() {
        writer().postJson(
                        "/v1/batch",
                        batch(track("Order Delivered")
                                .user(user)
                                .prop("order_id", "o-late")
                                .at("2026-03-05T10:00:00Z")));
        writer().postJson(
                        "/v1/batch",
                        batch(
                                track("Order Shipped")
                                        .user(user)
                                        .prop("order_id", "o-late")
                                        .at("2026-03-03T10:00:00Z"),
                                orderCompleted(user, "o-late", 52000).at("2026-03-01T10:00:00Z")));
        JsonNode order = reader().get("/api/v1/customers/" + user + "/export")
                .json()
                .path("events")
                .path("orders")
                .get(0);
        assertThat(order.path("status").asString()).isEqualTo("delivered");
        assertThat(order.path("total").asDouble()).isEqualTo(52000.0);
        assertThat(order.path("placedAt").asString()).isEqualTo("2026-03-01T10:00:00Z");
    }

    @Test
    void theSendersClockSkewIsCorrectedAsSegmentDoes() {
        // the device clock is 1 hour ahead: it stamped the event at 11:00 and sent it at 11:00:10
        Instant before = Instant.now();
        writer().postJson(
                        "/v1/track",
                        track("Cart Viewed")
                                .user(user)
                                .at("2099-01-01T11:00:00Z")
                                .sentAt("2099-01-01T11:00:10Z")
                                .json());
        Instant stored = Instant.parse(timeline(user).get(0).path("timestamp").asString());
        assertThat(stored).isBetween(before.minusSeconds(11), Instant.now().minusSeconds(9));
    }

    @Test
    void anAnonymousVisitorWhoSignsUpBecomesOnePerson() {
        String anonymous = "anon-" + UUID.randomUUID();
        writer().postJson("/v1/page", page("Home").anonymous(anonymous).json());
        writer().postJson(
                        "/v1/identify",
                        identify()
                                .user(user)
                                .anonymous(anonymous)
                                .trait("email", "Mina@Example.com")
                                .trait("name", "민아")
                                .json());
        JsonNode profile = reader().get("/api/v1/customers/" + user).json();
        assertThat(profile.path("traits").path("name").asString()).isEqualTo("민아");
        assertThat(profile.path("identities").toString()).contains(anonymous, "mina@example.com");
        assertThat(timeline(user)).hasSize(2);
    }

    @Test
    void twoDevicesOfOnePersonAreMergedWhenTheyShareAnIdentity() {
        String phone = "anon-phone-" + UUID.randomUUID();
        String laptop = "anon-laptop-" + UUID.randomUUID();
        writer().postJson("/v1/page", page("Home").anonymous(phone).json());
        writer().postJson("/v1/page", page("Sale").anonymous(laptop).json());
        writer().postJson("/v1/identify", identify().user(user).anonymous(phone).json());
        writer().postJson(
                        "/v1/identify", identify().user(user).anonymous(laptop).json());
        assertThat(timeline(user)).hasSize(4);
    }

    @Test
    void twoUserIdsAreNeverMergedThroughASharedDevice() {
        String shared = "anon-shared-" + UUID.randomUUID();
        String other = "other-" + UUID.randomUUID();
        writer().postJson(
                        "/v1/identify", identify().user(user).anonymous(shared).json());
        writer().postJson(
                        "/v1/identify", identify().user(other).anonymous(shared).json());
        writer().postJson("/v1/track", track("Cart Viewed").user(other).json());
        assertThat(timeline(user)).hasSize(1);
        assertThat(timeline(other)).hasSize(2);
    }

    @Test
    void malformedJsonIs400WithAReason() {
        Http.Response response = writer().postBytes("/v1/batch", "{\"batch\":[{".getBytes(), "application/json");
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        assertThat(response.json().path("detail").asString()).contains("not valid JSON");
    }

    @Test
    void invalidUtf8Is400() {
        byte[] start = "{\"type\":\"track\",\"userId\":\"u\",\"event\":\"X".getBytes(StandardCharsets.UTF_8);
        byte[] body = java.util.Arrays.copyOf(start, start.length + 3);
        body[start.length] = (byte) 0xff; // never valid in UTF-8
        body[start.length + 1] = '"';
        body[start.length + 2] = '}';
        Http.Response response = writer().postBytes("/v1/track", body, "application/json");
        assertThat(response.status()).isEqualTo(400);
    }

    @Test
    void wronglyTypedFieldsAreRefusedWithReasons() {
        Http.Response response = writer().postJson(
                        "/v1/batch",
                        batch(
                                track("Page Liked").user(user).set("properties", "not an object"),
                                track("Order Completed")
                                        .user(user)
                                        .prop("order_id", "o")
                                        .prop("total", "lots")
                                        .prop("currency", "KRW")
                                        .prop(
                                                "products",
                                                List.of(java.util.Map.of(
                                                        "product_id", "p", "price", 1, "quantity", 1.5))),
                                track("X").set("userId", List.of(1, 2)),
                                track("X").user(user).at("yesterday")));
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json().path("accepted").asInt()).isZero();
        String reasons = response.json().path("rejected").toString();
        assertThat(reasons)
                .contains(
                        "properties must be an object",
                        "properties.total must be a number",
                        "properties.products[0].quantity must be a whole number",
                        "userId must be a string",
                        "timestamp must be an ISO-8601 date-time");
    }

    @Test
    void hugeStringsAndDeepNestingAreRefusedNotStored() {
        var huge = track("Review Submitted").user(user).prop("review_id", "r").prop("text", "가".repeat(40_000));
        Object nested = "leaf";
        for (int i = 0; i < 40; i++) {
            nested = java.util.Map.of("n", nested);
        }
        var deep = track("Deep").user(user).prop("tree", nested);
        Http.Response response = writer().postJson("/v1/batch", batch(huge, deep));
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json().path("rejected").toString()).contains("larger than 32 KB", "deeper than 16 levels");
        assertThat(reader().get("/api/v1/customers/" + user).status()).isEqualTo(404);
    }

    @Test
    void aTenMegabyteBodyIs413AndNothingIsStored() {
        List<JsonNode> many = new ArrayList<>();
        String padding = "x".repeat(20_000);
        for (int i = 0; i < 500; i++) {
            many.add(track("Bulk").user(user).prop("pad", padding).json());
        }
        Http.Response response = writer().postJson("/v1/batch", java.util.Map.of("batch", many));
        assertThat(response.status()).isEqualTo(413);
        assertThat(reader().get("/api/v1/customers/" + user).status()).isEqualTo(404);
    }

    @Test
    void sqlAndHtmlInValuesAreStoredVerbatimAsText() {
        String sql = "'); drop table events; --";
        String html = "<script>alert('x')</script>";
        writer().postJson(
                        "/v1/track",
                        track("Review Submitted")
                                .user(user)
                                .prop("review_id", sql)
                                .prop("text", html)
                                .json());
        JsonNode properties = timeline(user).get(0).path("properties");
        assertThat(properties.path("review_id").asString()).isEqualTo(sql);
        assertThat(properties.path("text").asString()).isEqualTo(html);
    }

    @Test
    void anUnpairedSurrogateIsRefusedAndKept() {
        String body = "{\"type\":\"track\",\"userId\":\"" + user + "\",\"event\":\"Bad \\ud800 text\"}";
        Http.Response response =
                writer().postBytes("/v1/track", body.getBytes(StandardCharsets.UTF_8), "application/json");
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().path("errors").toString()).contains("unpaired surrogate");
    }

    @Test
    void aWriteKeyCanIngestButCannotReadCustomers() {
        writer().postJson("/v1/track", track("Cart Viewed").user(user).json());
        assertThat(writer().get("/api/v1/customers/" + user).status()).isEqualTo(403);
        assertThat(writer().get("/api/v1/customers/" + user + "/timeline").status())
                .isEqualTo(403);
    }

    @Test
    void anotherWorkspacesKeyNeverSeesThisWorkspacesCustomers() {
        writer().postJson("/v1/track", track("Cart Viewed").user(user).json());
        TestWorkspace other = fixtures.aWorkspace();
        assertThat(http().bearer(other.secretKey())
                        .get("/api/v1/customers/" + user)
                        .status())
                .isEqualTo(404);
        assertThat(http().bearer(other.secretKey())
                        .get("/api/v1/customers/" + user + "/timeline")
                        .status())
                .isEqualTo(404);
    }

    @Test
    void theTimelineIsNewestFirstAndPagesByCursor() {
        List<io.touchpoint.support.Messages> messages = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            messages.add(page("P" + i).user(user).at("2026-04-0" + (i + 1) + "T09:00:00Z"));
        }
        writer().postJson("/v1/batch", batch(messages.toArray(io.touchpoint.support.Messages[]::new)));
        List<String> seen = new ArrayList<>();
        String cursor = null;
        do {
            Http.Response page = reader().get("/api/v1/customers/" + user + "/timeline?limit=3"
                    + (cursor == null ? "" : "&before=" + cursor));
            page.json()
                    .path("items")
                    .forEach(item -> seen.add(item.path("event").asString()));
            JsonNode next = page.json().path("next");
            cursor = next.isNull() || next.isMissingNode() ? null : next.asString();
        } while (cursor != null);
        assertThat(seen).containsExactly("P6", "P5", "P4", "P3", "P2", "P1", "P0");
        assertThat(reader().get("/api/v1/customers/" + user + "/timeline?limit=0")
                        .status())
                .isEqualTo(400);
        assertThat(reader().get("/api/v1/customers/" + user + "/timeline?limit=1001")
                        .status())
                .isEqualTo(400);
        assertThat(reader().get("/api/v1/customers/" + user + "/timeline?before=garbage")
                        .status())
                .isEqualTo(400);
    }

    @Test
    void eventsAreAttributedToTheirChannel() {
        writer().postJson(
                        "/v1/batch",
                        batch(
                                track("Email Opened").user(user).prop("campaign_id", "c1"),
                                track("Support Ticket Opened").user(user).prop("ticket_id", "t1"),
                                track("Store Visited").user(user).prop("store_id", "s1"),
                                track("Social Mention")
                                        .user(user)
                                        .prop("platform", "instagram")
                                        .prop("text", "좋아요"),
                                page("Home")
                                        .user(user)
                                        .set("context", java.util.Map.of("app", java.util.Map.of("name", "Shop")))));
        List<String> channels = new ArrayList<>();
        timeline(user).forEach(item -> channels.add(item.path("channel").asString()));
        assertThat(channels).containsExactlyInAnyOrder("email", "support", "store", "social", "app");
    }

    @Test
    void gdprExportHoldsEverythingAndEraseRemovesEverything() {
        writer().postJson(
                        "/v1/batch",
                        batch(
                                identify().user(user).trait("email", "erase-me@example.com"),
                                orderCompleted(user, "o-gdpr", 10000),
                                track("Order Completed").user(user).prop("order_id", "o-bad")));
        JsonNode export = reader().get("/api/v1/customers/" + user + "/export").json();
        assertThat(export.path("profile").path("traits").path("email").asString())
                .isEqualTo("erase-me@example.com");
        assertThat(export.path("events").path("events")).hasSize(2);
        assertThat(export.path("events").path("orders")).hasSize(1);
        assertThat(export.path("events").path("failedEvents")).hasSize(1);

        assertThat(reader().delete("/api/v1/customers/" + user).status()).isEqualTo(204);
        assertThat(reader().get("/api/v1/customers/" + user).status()).isEqualTo(404);
        assertThat(reader().get("/api/v1/customers/" + user + "/timeline").status())
                .isEqualTo(404);
        assertThat(reader().get("/api/v1/customers/" + user + "/export").status())
                .isEqualTo(404);
        assertThat(reader().get("/api/v1/failed-events?status=open").body()).doesNotContain(user);
        assertThat(reader().delete("/api/v1/customers/" + user).status()).isEqualTo(404);
    }

    @Test
    void unknownApiPathsAnswerProblemDetails() {
        Http.Response response = reader().get("/api/v1/no-such-thing");
        assertThat(response.status()).isEqualTo(404);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        assertThat(reader().delete("/api/v1/workspace").status()).isEqualTo(405);
    }
}

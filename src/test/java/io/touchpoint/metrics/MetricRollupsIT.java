package io.touchpoint.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.touchpoint.platform.Store;
import io.touchpoint.support.Fixtures.TestWorkspace;
import io.touchpoint.support.Http;
import io.touchpoint.support.IntegrationTest;
import io.touchpoint.support.MutableClock;
import io.touchpoint.workspace.Workspaces;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * Per-day answer rollups (ADR 0024) on both stores: what the metric API answers with rollups is
 * exactly what it answers from the answers alone (the workspace's rollup state deleted, which
 * also is how an operator rebuilds them), after back-dated answers, a partial response finished
 * later, an erasure, a day passing and a time-zone change; and a rollup row changed on purpose
 * shows in the API, so the reads do use them. The same for the per-segment rollups of the
 * breakdown by segment (ADR 0028), which also follow their segment's member snapshot. The
 * refresher runs when the test says so.
 */
@TestPropertySource(properties = {"touchpoint.metrics.rollups=on", "touchpoint.metrics.rollup-interval=1h"})
@Import(MetricRollupsIT.Time.class)
class MetricRollupsIT extends IntegrationTest {

    @TestConfiguration
    static class Time {
        @Bean
        @Primary
        MutableClock mutableClock() {
            return new MutableClock();
        }
    }

    private static final ZoneId SEOUL = ZoneId.of("Asia/Seoul");

    @Autowired
    AnswerRollups rollups;

    @Autowired
    Store store;

    @Autowired
    Workspaces workspaces;

    @Autowired
    MutableClock clock;

    private TestWorkspace ws;
    private String nps;
    private String mixed;
    private LocalDate today;
    private String vip;

    @BeforeEach
    void data() {
        assertThat(rollups.enabled()).isTrue();
        ws = fixtures.aWorkspace(); // Asia/Seoul
        today = LocalDate.ofInstant(clock.instant(), SEOUL);
        for (String user : List.of("a", "b", "c", "e1", "p1")) {
            http().basic(ws.writeKey(), "")
                    .postJson(
                            "/v1/identify",
                            Map.of("userId", user, "traits", Map.of("vip", user.equals("a") || user.equals("c"))));
        }
        vip = segment("VIP", Map.of("type", "trait", "name", "vip", "op", "eq", "value", true));
        segment("Known", Map.of("type", "trait", "name", "vip", "op", "exists"));
        nps = survey(Map.of(
                "name",
                "NPS",
                "defaultLanguage",
                "en",
                "questions",
                List.of(Map.of("id", "nps", "type", "nps", "text", Map.of("en", "Recommend us?")))));
        mixed = survey(Map.of(
                "name",
                "Mixed",
                "defaultLanguage",
                "en",
                "questions",
                List.of(
                        Map.of("id", "s", "type", "csat", "scale", 7, "text", Map.of("en", "Happy?")),
                        Map.of(
                                "id",
                                "e",
                                "type",
                                "ces",
                                "direction",
                                "higher_is_harder",
                                "text",
                                Map.of("en", "How hard was it?")))));
        answer(nps, "a", 10, day(20, "10:00"), "email");
        answer(nps, "b", 9, day(20, "11:00"), "email");
        // both sides of a Seoul midnight (15:00 UTC)
        answer(nps, "c", 3, day(15, "23:59:59"), "widget");
        answer(nps, null, 8, day(14, "00:00"), "widget");
        answer(nps, "e1", 0, day(8, "09:00"), "email");
        answer(nps, "e1", 10, day(8, "10:00"), "email");
        answer(nps, null, 7, day(8, "11:00"), "link");
        answer(nps, null, 9, day(1, "12:00"), "email");
        answer(nps, null, 4, day(40, "12:00"), "email"); // the previous period
        answer(nps, "a", 6, null, "email"); // now: today
        answerMixed("a", 7, 2, day(10, "08:00"));
        answerMixed("e1", 3, 6, day(3, "20:00"));
        answerMixed(null, 5, 4, null);
    }

    private String segment(String name, Map<String, Object> rule) {
        Http.Response created = http().bearer(ws.secretKey())
                .postJson("/api/v1/segments", Map.of("name", name, "rules", List.of(rule)));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().path("id").asString();
    }

    private String survey(Map<String, Object> definition) {
        Http api = http().bearer(ws.secretKey());
        String id =
                api.postJson("/api/v1/surveys", definition).json().path("id").asString();
        assertThat(api.postJson("/api/v1/surveys/" + id + "/publish", "").status())
                .isEqualTo(200);
        return id;
    }

    /** A time on the day {@code daysAgo} days before today, in Seoul, as ISO UTC. */
    private String day(int daysAgo, String localTime) {
        return today.minusDays(daysAgo)
                .atTime(LocalTime.parse(localTime))
                .atZone(SEOUL)
                .toInstant()
                .toString();
    }

    private void answer(String survey, String user, int score, String at, String channel) {
        record(survey, user, Map.of("nps", score), at, channel, null);
    }

    private void answerMixed(String user, int csat, int ces, String at) {
        record(mixed, user, Map.of("s", csat, "e", ces), at, "email", null);
    }

    private void record(
            String survey, String user, Map<String, Object> answers, String at, String channel, String responseId) {
        Map<String, Object> body = new HashMap<>();
        body.put("answers", answers);
        body.put("channel", channel);
        if (at != null) {
            body.put("submittedAt", at);
        }
        if (user != null) {
            body.put("userId", user);
        }
        if (responseId != null) {
            body.put("responseId", responseId);
        }
        Http.Response r = http().bearer(ws.secretKey()).postJson("/api/v1/surveys/" + survey + "/responses", body);
        assertThat(r.status()).as(r.body()).isIn(200, 201);
    }

    /** An NPS answer left unfinished in the web widget (a partial response); {@code userId} may be null. */
    private void widgetPartial(String responseId, String userId, String anonymousId, int score) {
        Map<String, Object> body = new HashMap<>();
        body.put("surveyId", nps);
        body.put("responseId", responseId);
        body.put("anonymousId", anonymousId);
        if (userId != null) {
            body.put("userId", userId);
        }
        body.put("answers", Map.of("nps", score));
        body.put("finished", false);
        body.put("url", "https://shop.example/orders/1");
        Http.Response partial = http().basic(ws.writeKey(), "").postJson("/v1/widget/responses", body);
        assertThat(partial.status()).as(partial.body()).isIn(200, 201);
    }

    /** The metric calls compared: trends, totals, previous periods, a survey filter, a breakdown. */
    private Map<String, JsonNode> reads() {
        String period = "from=" + today.minusDays(27) + "&to=" + today;
        String past = "from=" + today.minusDays(60) + "&to=" + today.minusDays(2);
        Map<String, JsonNode> out = new LinkedHashMap<>();
        for (String path : List.of(
                "nps?" + period + "&interval=week",
                "nps?" + period + "&interval=day",
                "nps?" + period,
                "nps?" + period + "&interval=month&surveyId=" + nps,
                "nps?" + period + "&by=channel",
                "nps?" + period + "&by=segment",
                "nps?" + past + "&by=segment",
                "csat?" + period + "&by=segment&surveyId=" + mixed,
                "nps?" + past + "&interval=week",
                "csat?" + period + "&interval=week",
                "csat?" + period + "&surveyId=" + mixed,
                "ces?" + period)) {
            Http.Response r = http().bearer(ws.secretKey()).get("/api/v1/metrics/" + path);
            assertThat(r.status()).as(r.body()).isEqualTo(200);
            JsonNode json = r.json();
            // a segment evaluated by its rules is "as of now", which moves between two reads
            json.path("groups").forEach(g -> {
                if (g instanceof tools.jackson.databind.node.ObjectNode group) {
                    group.remove("membersAsOf");
                }
            });
            out.put(path, json);
        }
        return out;
    }

    private long n(String path) {
        return http().bearer(ws.secretKey())
                .get("/api/v1/metrics/" + path)
                .json()
                .path("n")
                .asLong();
    }

    private String period() {
        return "from=" + today.minusDays(27) + "&to=" + today;
    }

    private LocalDate builtThrough() {
        return store.reads()
                .sql("select built_through from metric_rollup_state where workspace_id = ?")
                .params(ws.id())
                .query(LocalDate.class)
                .optional()
                .orElse(null);
    }

    private long changesLogged() {
        return store.reads()
                .sql("select count(*) from answer_changes where workspace_id = ?")
                .params(ws.id())
                .query(Long.class)
                .single();
    }

    private void forgetState() {
        store.write(tx -> tx.jdbc()
                .sql("delete from metric_rollup_state where workspace_id = ?")
                .params(ws.id())
                .update());
    }

    /** The reads with rollups equal the reads from the answers alone; returns them. */
    private Map<String, JsonNode> assertRollupsMatchAnswers() {
        assertThat(builtThrough()).as("rollups are built").isNotNull();
        Map<String, JsonNode> withRollups = reads();
        forgetState();
        assertThat(builtThrough()).isNull();
        Map<String, JsonNode> fromAnswers = reads();
        for (String path : withRollups.keySet()) {
            assertThat(withRollups.get(path)).as(path).isEqualTo(fromAnswers.get(path));
        }
        rollups.refresh();
        assertThat(reads()).isEqualTo(withRollups);
        return withRollups;
    }

    @Test
    void rollupsGiveTheNumbersOfTheAnswersThroughEveryKindOfChange() {
        rollups.refresh();
        assertThat(builtThrough()).isEqualTo(today.minusDays(1));
        assertThat(changesLogged()).as("the refresh handled the log").isZero();
        Map<String, JsonNode> first = assertRollupsMatchAnswers();
        JsonNode weekly = first.get("nps?" + period() + "&interval=week");
        // in the period 10, 9, 3, 8, 0, 10, 7, 9 and today's 6: promoters 10, 9, 10, 9; detractors 3, 0, 6
        assertThat(weekly.path("n").asLong()).isEqualTo(9);
        assertThat(weekly.path("promoters").asLong()).isEqualTo(4);
        assertThat(weekly.path("detractors").asLong()).isEqualTo(3);
        assertThat(weekly.path("previous").path("n").asLong()).isEqualTo(1);

        // a back-dated answer on a day the rollups hold: logged, read from the answers until refreshed
        answer(nps, "b", 2, day(15, "12:00"), "email");
        assertThat(changesLogged()).isEqualTo(1);
        assertThat(n("nps?" + period())).isEqualTo(10);
        assertRollupsMatchAnswers();

        // a partial response (the widget) counts only once finished, here back-dated by an import
        widgetPartial("widget-display-1", "p1", "anon-p1", 1);
        assertThat(changesLogged()).as("a partial response changes no metric").isZero();
        assertThat(n("nps?" + period())).isEqualTo(10);
        rollups.refresh();
        record(nps, "p1", Map.of("nps", 1), day(5, "18:00"), "widget", "widget-display-1");
        assertThat(changesLogged()).isEqualTo(1);
        assertThat(n("nps?" + period())).isEqualTo(11);
        assertRollupsMatchAnswers();

        // erasing a person takes their answers out of every day, the rolled-up ones included
        assertThat(http().bearer(ws.secretKey()).delete("/api/v1/customers/e1").status())
                .isEqualTo(204);
        assertThat(changesLogged()).as("one row per UTC day of e1's answers").isEqualTo(2);
        assertThat(n("nps?" + period())).isEqualTo(9);
        assertThat(n("csat?" + period())).isEqualTo(2);
        assertRollupsMatchAnswers();

        // a day passes: today's answers move into the rollups at the next refresh
        clock.advance(Duration.ofDays(1));
        today = today.plusDays(1);
        rollups.refresh();
        assertThat(builtThrough()).isEqualTo(today.minusDays(1));
        assertRollupsMatchAnswers();

        // another time zone: the rollups no longer match the days and are rebuilt for the new one
        workspaces.updateSettings(ws.id(), ws.workspace().name(), "America/New_York", "en");
        Map<String, JsonNode> fromAnswers = reads();
        rollups.refresh();
        assertThat(store.reads()
                        .sql("select zone from metric_rollup_state where workspace_id = ?")
                        .params(ws.id())
                        .query(String.class)
                        .single())
                .isEqualTo("America/New_York");
        assertThat(reads()).isEqualTo(fromAnswers);
    }

    /** The n of one segment's group in the breakdown by segment. */
    private long segmentN(String path, String segmentId) {
        for (JsonNode group : http().bearer(ws.secretKey())
                .get("/api/v1/metrics/" + path + "&by=segment")
                .json()
                .path("groups")) {
            if (group.path("key").asString().equals(segmentId)) {
                return group.path("n").asLong();
            }
        }
        throw new AssertionError("no group " + segmentId);
    }

    private void saveVip() {
        Http.Response saved = http().bearer(ws.secretKey())
                .putJson(
                        "/api/v1/segments/" + vip,
                        Map.of(
                                "name",
                                "VIP",
                                "rules",
                                List.of(Map.of("type", "trait", "name", "vip", "op", "eq", "value", true))));
        assertThat(saved.status()).as(saved.body()).isEqualTo(200);
    }

    private long segmentRows(String segmentId) {
        return store.reads()
                .sql("select count(*) from segment_answer_days where segment_id = ?")
                .params(java.util.UUID.fromString(segmentId))
                .query(Long.class)
                .single();
    }

    @Test
    void segmentRollupsAreReadForTheMemberSetTheyWereComputedFromOnly() {
        rollups.refresh();
        String past = "nps?from=" + today.minusDays(60) + "&to=" + today.minusDays(2);
        // VIP is a and c: a's 10 twenty days ago, c's 3 fifteen days ago
        assertThat(segmentN(past, vip)).isEqualTo(2);
        assertThat(segmentRows(vip)).isPositive();
        int changed = store.write(tx -> tx.jdbc()
                .sql("update segment_answer_days set answers = answers + 1000 where segment_id = ? "
                        + "and question_type = 'nps' and day = ?")
                .params(java.util.UUID.fromString(vip), today.minusDays(20))
                .update());
        assertThat(changed).isEqualTo(1);
        assertThat(segmentN(past, vip))
                .as("the breakdown reads the segment's rollups")
                .isEqualTo(1002);

        // saving the segment recomputes its members; the same people keep its rollups in use
        saveVip();
        assertThat(segmentN(past, vip)).as("same members, same rollups").isEqualTo(1002);

        // b joins: the segment's save stores new members, and its rollups (of the old members)
        // are no longer read, until the refresher rebuilds them from the new members
        http().basic(ws.writeKey(), "").postJson("/v1/identify", Map.of("userId", "b", "traits", Map.of("vip", true)));
        saveVip();
        assertThat(segmentN(past, vip)).as("a, b and c from the answers").isEqualTo(3);
        rollups.refresh();
        assertThat(segmentN(past, vip)).isEqualTo(3);
        assertRollupsMatchAnswers();

        // a deleted segment's rollups go at the next refresh
        assertThat(http().bearer(ws.secretKey())
                        .delete("/api/v1/segments/" + vip)
                        .status())
                .isEqualTo(204);
        rollups.refresh();
        assertThat(segmentRows(vip)).isZero();
        assertThat(store.reads()
                        .sql("select count(*) from segment_rollup_state where segment_id = ?")
                        .params(java.util.UUID.fromString(vip))
                        .query(Long.class)
                        .single())
                .isZero();
    }

    @Test
    void aMergeCountsTheMergedProfilesAnswersForTheSurvivorsSegmentsAndItsUndoTakesThemBack() {
        // an anonymous visitor answers in the widget; the answer is finished back-dated by an import
        widgetPartial("widget-anon-z", null, "anon-z", 2);
        record(nps, null, Map.of("nps", 2), day(12, "10:00"), "widget", "widget-anon-z");
        rollups.refresh();
        String past = "nps?from=" + today.minusDays(60) + "&to=" + today.minusDays(2);
        assertThat(segmentN(past, vip)).as("a and c").isEqualTo(2);

        // a logs in on that device: the visitor's profile is merged into a, a VIP; the segment's
        // members (roots a and c) do not change, but the visitor's answer is now a's
        http().basic(ws.writeKey(), "").postJson("/v1/identify", Map.of("userId", "a", "anonymousId", "anon-z"));
        JsonNode merges = http().bearer(ws.secretKey())
                .get("/api/v1/customers/a/merges")
                .json()
                .path("items");
        assertThat(merges).hasSize(1);
        assertThat(changesLogged()).as("the day of the merged profile's answer").isEqualTo(1);
        assertThat(segmentN(past, vip)).isEqualTo(3);
        assertRollupsMatchAnswers();
        assertThat(segmentN(past, vip))
                .as("after the refresh, from the rollups")
                .isEqualTo(3);

        // undoing the merge gives the visitor their answer back
        Http.Response undo = http().bearer(ws.secretKey())
                .postJson("/api/v1/customers/merges/" + merges.get(0).path("id").asString() + "/undo", "{}");
        assertThat(undo.status()).as(undo.body()).isEqualTo(200);
        assertThat(changesLogged()).isEqualTo(1);
        assertThat(segmentN(past, vip)).isEqualTo(2);
        assertRollupsMatchAnswers();
        assertThat(segmentN(past, vip)).isEqualTo(2);
    }

    @Test
    void aRollupRowChangedOnPurposeShowsInTheApiUntilTheRollupsAreRebuilt() {
        rollups.refresh();
        String past = "nps?from=" + today.minusDays(60) + "&to=" + today.minusDays(2);
        assertThat(n(past)).isEqualTo(8);
        int changed = store.write(tx -> tx.jdbc()
                .sql("update metric_answer_days set answers = answers + 1000 where workspace_id = ? "
                        + "and question_type = 'nps' and day = ?")
                .params(ws.id(), today.minusDays(20))
                .update());
        assertThat(changed).isEqualTo(2); // the 10 and the 9 of that day
        assertThat(n(past)).as("the API reads the rollups").isEqualTo(2008);

        // what operations does after a load that bypassed the product: forget the state, refresh
        forgetState();
        assertThat(n(past)).as("without state the answers are read").isEqualTo(8);
        rollups.refresh();
        assertThat(n(past)).isEqualTo(8);
    }
}

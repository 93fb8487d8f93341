package io.touchpoint.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.touchpoint.support.Fixtures.TestWorkspace;
import io.touchpoint.support.Http;
import io.touchpoint.support.IntegrationTest;
import io.touchpoint.support.UiSession;
import io.touchpoint.workspace.Role;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The Themes page and the comments explorer as a signed-in analyst uses them. */
class TextPagesIT extends IntegrationTest {

    private static final String PASSWORD = "a-long-enough-password";
    private TestWorkspace ws;
    private UiSession ui;

    @BeforeEach
    void signInWithComments() {
        ws = fixtures.aWorkspace();
        ui = new UiSession(port).header("Accept-Language", "en");
        assertThat(ui.signIn(fixtures.aUser(ws.id(), Role.ANALYST, PASSWORD), PASSWORD)
                        .status())
                .isEqualTo(302);
        Http api = http().bearer(ws.secretKey());
        String survey = api.postJson(
                        "/api/v1/surveys",
                        Map.of(
                                "name",
                                "NPS",
                                "defaultLanguage",
                                "ko",
                                "questions",
                                List.of(
                                        Map.of("id", "nps", "type", "nps", "text", Map.of("ko", "추천?")),
                                        Map.of("id", "why", "type", "text", "text", Map.of("ko", "이유?")))))
                .json()
                .path("id")
                .asString();
        api.postJson("/api/v1/surveys/" + survey + "/publish", "");
        for (int i = 0; i < 3; i++) {
            api.postJson(
                    "/api/v1/surveys/" + survey + "/responses",
                    Map.of("channel", "api", "answers", Map.of("nps", 2, "why", "배송이 늦었어요 <script>x</script>")));
            api.postJson(
                    "/api/v1/surveys/" + survey + "/responses",
                    Map.of("channel", "api", "answers", Map.of("nps", 10, "why", "품질이 좋아요")));
        }
        await().atMost(Duration.ofSeconds(60))
                .until(() ->
                        api.get("/api/v1/text/comments").json().path("total").asLong() == 6);
    }

    @Test
    void themesPageShowsImpactChartDriversAndTheTaxonomyEditor() {
        UiSession.Page page = ui.get("/themes");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body())
                .contains("id=\"impact-chart\"", "data-theme=\"delivery\"", "id=\"taxonomy\"", "id=\"new-theme\"")
                .contains("배송이 늦었어요 &lt;script&gt;")
                .doesNotContain("<script>x</script>");

        UiSession.Page saved =
                ui.post("/themes/taxonomy", Map.of("nameEn", "Lateness", "nameKo", "지연", "keywords", "지연, late"));
        assertThat(saved.status()).isEqualTo(302);
        assertThat(ui.get("/themes").body()).contains("Lateness", "value=\"지연, late\"");

        UiSession.Page bad = ui.post("/themes/taxonomy", Map.of("nameEn", "", "nameKo", "x", "keywords", ""));
        assertThat(bad.status()).isEqualTo(302);
        assertThat(ui.get("/themes").body()).contains("nameEn must not be empty");
    }

    @Test
    void commentsExplorerFiltersAndHighlightsThemeWords() {
        UiSession.Page page = ui.get("/comments?theme=delivery&sentiment=negative");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("3 comments", "<mark title=\"Late delivery\">배송</mark>", ">Delivery</span>");
        assertThat(ui.get("/comments?npsMin=9").body())
                .contains("3 comments", "<mark title=\"Product quality\">품질</mark><span>이 좋아요</span>");
        UiSession.Page bad = ui.get("/comments?npsMin=eleven&theme=nope");
        assertThat(bad.status()).isEqualTo(200);
        assertThat(bad.body()).contains("npsMin must be a whole number");
    }
}

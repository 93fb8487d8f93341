package io.touchpoint.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.touchpoint.support.Fixtures.TestWorkspace;
import io.touchpoint.support.IntegrationTest;
import io.touchpoint.support.SampleSurveys;
import io.touchpoint.support.UiSession;
import io.touchpoint.workspace.Role;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The survey pages as a signed-in user uses them: build, publish, preview, edit, read answers. */
class SurveysPagesIT extends IntegrationTest {

    private static final String PASSWORD = "a-long-enough-password";
    private TestWorkspace ws;
    private UiSession ui;

    @BeforeEach
    void signIn() {
        ws = fixtures.aWorkspace();
        ui = new UiSession(port).header("Accept-Language", "en");
        assertThat(ui.signIn(fixtures.aUser(ws.id(), Role.ADMIN, PASSWORD), PASSWORD)
                        .status())
                .isEqualTo(302);
    }

    private Map<String, String> form() {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("name", "Post-purchase NPS");
        form.put("defaultLanguage", "ko");
        form.put("rows", "4");
        form.put("q0.id", "nps");
        form.put("q0.type", "nps");
        form.put("q0.text.ko", "추천하시겠어요?");
        form.put("q0.text.en", "Would you recommend us?");
        form.put("q0.required", "on");
        form.put("q1.id", "why");
        form.put("q1.type", "text");
        form.put("q1.text.ko", "아쉬운 점은?");
        form.put("q1.text.en", "What went wrong?");
        form.put("q1.showIf", "nps");
        form.put("q1.showMax", "6");
        form.put("q2.type", "single_choice");
        form.put("q2.text.ko", "주로 어디서 사나요?");
        form.put("q2.text.en", "Where do you shop?");
        form.put("q2.options", "app: 앱 | App\nweb: 웹 | Web");
        form.put("thanks.default.ko", "감사합니다");
        form.put("thanks.default.en", "Thanks a lot");
        return form;
    }

    @Test
    void buildsPublishesPreviewsAndEditsASurvey() {
        assertThat(ui.get("/surveys/new?template=nps").body()).contains("How likely are you to recommend our shop");
        UiSession.Page created = ui.post("/surveys/new", form());
        assertThat(created.status()).as(created.body()).isEqualTo(302);
        String page = created.location().replaceFirst("^https?://[^/]+", "");
        String id = page.substring("/surveys/".length());

        String survey = ui.get(page).body();
        assertThat(survey).contains("Post-purchase NPS").contains("Draft").contains("/s/" + id);
        assertThat(ui.post(page + "/publish", Map.of()).status()).isEqualTo(302);
        assertThat(ui.get(page).body()).contains("status-live");

        String preview = ui.get(page + "/preview?lang=en").body();
        assertThat(preview)
                .contains("Would you recommend us?")
                .contains("Where do you shop?")
                .contains("App");
        assertThat(ui.get(page + "/preview?lang=ko").body()).contains("추천하시겠어요?");

        var api = ui.get("/surveys").body();
        assertThat(api).contains("Post-purchase NPS");

        Map<String, String> changed = form();
        changed.put("q0.text.en", "Would you recommend our shop?");
        UiSession.Page edited = ui.post(page + "/edit", changed);
        assertThat(edited.status()).isEqualTo(302);
        assertThat(ui.get(page).body()).contains("Saved as a new version.").contains("Version 2");
    }

    @Test
    void showsEveryProblemOfAnInvalidSurveyAndKeepsWhatWasTyped() {
        Map<String, String> bad = form();
        bad.put("q0.type", "csat");
        bad.put("q0.scale", "4");
        bad.put("q2.options", "only one");
        ui.get("/surveys/new");
        UiSession.Page page = ui.post("/surveys/new", bad);
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body())
                .contains("questions[0].scale")
                .contains("questions[2].options")
                .contains("value=\"Post-purchase NPS\"");
        assertThat(ui.get("/surveys").body()).doesNotContain("Post-purchase NPS");
    }

    @Test
    void answersAreListedEscapedAndOnTheCustomerPage() {
        var http = http().bearer(ws.secretKey());
        http().basic(ws.writeKey(), "").postJson("/v1/identify", Map.of("userId", "html-fan"));
        String id = http.postJson("/api/v1/surveys", SampleSurveys.nps("Escaping"))
                .json()
                .path("id")
                .asString();
        http.postJson("/api/v1/surveys/" + id + "/publish", "");
        http.postJson(
                "/api/v1/surveys/" + id + "/responses",
                Map.of("userId", "html-fan", "answers", Map.of("nps", 2, "why", "<script>alert(1)</script>")));
        String page = ui.get("/surveys/" + id + "?outcome=detractor").body();
        assertThat(page).contains("&lt;script&gt;alert(1)&lt;/script&gt;").doesNotContain("<script>alert(1)");
        assertThat(ui.get("/surveys/" + id + "?outcome=promoter").body()).contains("No responses yet.");

        String customerId =
                http.get("/api/v1/customers/html-fan").json().path("id").asString();
        String customer = ui.get("/customers/" + customerId).body();
        assertThat(customer).contains("Escaping").contains("&lt;script&gt;").doesNotContain("<script>alert(1)");
    }

    @Test
    void agentsReadSurveysButCannotChangeThem() {
        UiSession agent = new UiSession(port).header("Accept-Language", "en");
        agent.signIn(fixtures.aUser(ws.id(), Role.AGENT, PASSWORD), PASSWORD);
        assertThat(agent.get("/surveys").status()).isEqualTo(200);
        assertThat(agent.get("/surveys").body()).doesNotContain("New NPS survey");
        for (String path : List.of("/surveys/new")) {
            assertThat(agent.get(path).status()).isEqualTo(403);
            assertThat(agent.post(path, form()).status()).isEqualTo(403);
        }
        assertThat(agent.post("/surveys/contact-rules", Map.of("cooldownDays", "1"))
                        .status())
                .isEqualTo(403);
    }
}

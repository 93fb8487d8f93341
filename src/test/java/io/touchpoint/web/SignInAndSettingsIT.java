package io.touchpoint.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.touchpoint.support.IntegrationTest;
import io.touchpoint.support.UiSession;
import io.touchpoint.workspace.Role;
import io.touchpoint.workspace.Workspaces;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Password sign-in, throttling, CSRF, roles and the Settings pages, through real HTTP. */
class SignInAndSettingsIT extends IntegrationTest {

    private static final String PASSWORD = "a-long-enough-password";

    @Autowired
    Workspaces workspaces;

    private String newUser(Role role) {
        return fixtures.aUser(workspaces.defaultWorkspace().id(), role, PASSWORD);
    }

    @Test
    void theBootstrapAdminSignsInAndSeesTheDashboardShell() {
        UiSession ui = new UiSession(port);
        UiSession.Page login = ui.signIn(ADMIN_EMAIL, ADMIN_PASSWORD);
        assertThat(login.status()).isEqualTo(302);
        assertThat(login.location()).endsWith("/");
        UiSession.Page home = ui.header("Accept-Language", "en").get("/");
        assertThat(home.status()).isEqualTo(200);
        assertThat(home.body()).contains("Customers", "Surveys", "Metrics", "Cases", "Settings");
    }

    @Test
    void aWrongPasswordFailsWithAMessageThatLeaksNothing() {
        String email = newUser(Role.ANALYST);
        UiSession ui = new UiSession(port);
        UiSession.Page wrong = ui.signIn(email, "not-the-password");
        UiSession.Page unknown = new UiSession(port).signIn("nobody-" + email, "not-the-password");
        assertThat(wrong.location()).endsWith("/login?error");
        assertThat(unknown.location()).isEqualTo(wrong.location());
        UiSession.Page page = ui.header("Accept-Language", "en").get("/login?error");
        assertThat(page.body()).contains("The email or password is incorrect.");
        assertThat(page.body()).doesNotContain("No such user", "Bad credentials");
    }

    @Test
    void fiveFailuresInARowSlowFurtherAttemptsEvenWithTheRightPassword() {
        String email = newUser(Role.ANALYST);
        UiSession ui = new UiSession(port);
        for (int i = 0; i < 5; i++) {
            assertThat(ui.signIn(email, "wrong-" + i).location()).endsWith("/login?error");
        }
        UiSession.Page sixth = ui.signIn(email, PASSWORD);
        assertThat(sixth.location()).endsWith("/login?throttled");
        assertThat(ui.header("Accept-Language", "ko").get("/login?throttled").body())
                .contains("로그인 실패가 너무 많습니다");
        // another account is not affected
        assertThat(new UiSession(port).signIn(newUser(Role.ANALYST), PASSWORD).location())
                .endsWith("/");
    }

    @Test
    void aFormPostWithoutCsrfTokenIsRefused() {
        UiSession ui = new UiSession(port);
        ui.get("/login");
        UiSession.Page page = ui.post("/login", Map.of("email", ADMIN_EMAIL, "password", ADMIN_PASSWORD), false);
        assertThat(page.status()).isEqualTo(403);
    }

    @Test
    void theSessionCookieIsHttpOnlyAndSameSite() {
        UiSession ui = new UiSession(port);
        UiSession.Page login = ui.signIn(ADMIN_EMAIL, ADMIN_PASSWORD);
        assertThat(login.setCookies()).anySatisfy(cookie -> assertThat(cookie)
                .startsWith("TOUCHPOINT_SESSION=")
                .contains("HttpOnly")
                .contains("SameSite=Lax"));
    }

    @Test
    void pagesNeedASignedInUser() {
        UiSession.Page page = new UiSession(port).get("/settings");
        assertThat(page.status()).isEqualTo(302);
        assertThat(page.location()).endsWith("/login");
    }

    @Test
    void anAgentCannotOpenOrChangeSettings() {
        UiSession ui = new UiSession(port);
        ui.signIn(newUser(Role.AGENT), PASSWORD);
        assertThat(ui.get("/").status()).isEqualTo(200);
        assertThat(ui.get("/").body()).doesNotContain("data-nav=\"settings\"");
        assertThat(ui.get("/settings").status()).isEqualTo(403);
        assertThat(ui.post("/settings/workspace", Map.of("name", "x", "timeZone", "UTC", "defaultLanguage", "en"))
                        .status())
                .isEqualTo(403);
    }

    @Test
    void anAdminCreatesAKeyInSettingsUsesItAndRevokesIt() {
        UiSession ui = new UiSession(port);
        ui.signIn(ADMIN_EMAIL, ADMIN_PASSWORD);
        ui.get("/settings");
        UiSession.Page created = ui.post("/settings/api-keys", Map.of("name", "crm sync", "kind", "SECRET"));
        assertThat(created.status()).isEqualTo(302);
        UiSession.Page settings = ui.get("/settings");
        var matcher =
                Pattern.compile("<code class=\"key\">(tp_sk_[^<]+)</code>").matcher(settings.body());
        assertThat(matcher.find()).as("the new key is shown once").isTrue();
        String key = matcher.group(1);
        assertThat(http().bearer(key).get("/api/v1/workspace").status()).isEqualTo(200);
        assertThat(ui.get("/settings").body()).as("and only once").doesNotContain(key);

        var info = workspaces.apiKeys(workspaces.defaultWorkspace().id()).stream()
                .filter(k -> k.name().equals("crm sync") && k.active())
                .findFirst()
                .orElseThrow();
        ui.post("/settings/api-keys/" + info.id() + "/revoke", Map.of());
        assertThat(http().bearer(key).get("/api/v1/workspace").status()).isEqualTo(401);
    }

    @Test
    void invalidWorkspaceSettingsAreRefusedWithTheFailingFields() {
        UiSession ui = new UiSession(port);
        ui.signIn(ADMIN_EMAIL, ADMIN_PASSWORD);
        ui.get("/settings");
        UiSession.Page page =
                ui.post("/settings/workspace", Map.of("name", "", "timeZone", "Mars/Olympus", "defaultLanguage", "fr"));
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("timeZone is not a known time zone", "defaultLanguage must be one of");
        assertThat(workspaces.defaultWorkspace().name()).isNotBlank();
    }

    @Test
    void aShortPasswordForANewUserIsRefused() {
        UiSession ui = new UiSession(port);
        ui.signIn(ADMIN_EMAIL, ADMIN_PASSWORD);
        ui.get("/settings");
        UiSession.Page page =
                ui.post("/settings/users", Map.of("email", "short@example.com", "password", "short", "role", "AGENT"));
        assertThat(page.body()).contains("password must be at least 12 characters");
        assertThat(workspaces.users(workspaces.defaultWorkspace().id()))
                .noneMatch(u -> u.email().equals("short@example.com"));
    }
}

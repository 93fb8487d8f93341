package io.touchpoint.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.touchpoint.support.HeadlessChromium;
import io.touchpoint.support.IntegrationTest;
import io.touchpoint.workspace.Role;
import io.touchpoint.workspace.Workspaces;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import org.awaitility.Awaitility;
import org.awaitility.core.ThrowingRunnable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.NoSuchElementException;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.test.context.TestPropertySource;

/**
 * The UI in a real headless Chromium: sign-in, the dashboard shell, and the language switch, with the
 * session cookie as it is in production (Secure; Chromium accepts and sends it over http://localhost).
 * Screenshots go to {@code target/screenshots/}.
 *
 * <p>Needs Debian's {@code chromium} and {@code chromium-driver}; without them the tests are skipped,
 * unless {@code TOUCHPOINT_TEST_BROWSER_REQUIRED=true} (as in CI), where they fail.
 */
@TestPropertySource(properties = "touchpoint.security.secure-cookie=true")
class BrowserShellIT extends IntegrationTest {

    private static final Path SCREENSHOTS = Path.of("target", "screenshots");
    private static final Duration TIMEOUT = Duration.ofSeconds(20);
    private static final String PASSWORD = "a-long-enough-password";

    private static HeadlessChromium browser;
    private static ChromeDriver driver;

    @Autowired
    Environment environment;

    @Autowired
    Workspaces workspaces;

    @BeforeAll
    static void startBrowser() throws IOException {
        browser = HeadlessChromium.start("en-US");
        driver = browser.driver();
    }

    @AfterAll
    static void stopBrowser() {
        if (browser != null) {
            browser.close();
        }
        browser = null;
        driver = null;
    }

    @BeforeEach
    void signedOutWithNoLanguageChosen() {
        driver.executeCdpCommand("Network.clearBrowserCookies", Map.of());
    }

    @Test
    void theAdminSignsInSeesTheShellAndSwitchesToKoreanAndBack() {
        assertThat(environment.getProperty("server.servlet.session.cookie.secure"))
                .as("this class runs with the production session cookie")
                .isEqualTo("true");

        driver.get(url("/login"));
        visible(By.id("email"));
        assertThat(driver.getTitle()).isEqualTo("Sign in · Touchpoint");
        assertThat(driver.findElement(By.id("lang-en")).getDomAttribute("class"))
                .as("the browser's language is the one shown as chosen")
                .contains("active");
        screenshot("01-login");

        signIn(ADMIN_EMAIL, ADMIN_PASSWORD);
        waitForUrl(url("/"));
        waitForText(By.cssSelector("main h1"), "Overview");
        assertThat(navLabels())
                .containsExactly(
                        Map.entry("overview", "Overview"),
                        Map.entry("customers", "Customers"),
                        Map.entry("surveys", "Surveys"),
                        Map.entry("metrics", "Metrics"),
                        Map.entry("themes", "Themes"),
                        Map.entry("comments", "Comments"),
                        Map.entry("cases", "Cases"),
                        Map.entry("settings", "Settings"));
        Cookie session = driver.manage().getCookieNamed("TOUCHPOINT_SESSION");
        assertThat(session).as("session cookie").isNotNull();
        assertThat(session.isSecure()).as("session cookie is Secure").isTrue();
        assertThat(session.isHttpOnly()).as("session cookie is HttpOnly").isTrue();
        assertThat(session.getSameSite()).isEqualTo("Lax");
        screenshot("02-dashboard-en");

        driver.findElement(By.id("lang-ko")).click();
        waitForText(By.cssSelector("[data-nav=customers]"), "고객");
        assertKorean();
        assertThat(driver.getCurrentUrl()).isEqualTo(url("/?lang=ko"));
        screenshot("03-dashboard-ko");

        // remembered without the parameter: a fresh load of the dashboard, then a reload
        driver.get(url("/"));
        assertKorean();
        driver.navigate().refresh();
        waitForText(By.cssSelector("[data-nav=customers]"), "고객");
        assertKorean();
        assertThat(driver.manage().getCookieNamed("tp_lang").getValue()).isEqualTo("ko");

        driver.findElement(By.cssSelector("[data-nav=settings]")).click();
        waitForUrl(url("/settings"));
        waitForText(By.cssSelector("main h1"), "설정");
        assertThat(driver.findElement(By.cssSelector("[data-nav=settings]")).getDomAttribute("class"))
                .contains("active");
        fullPageScreenshot("04-settings-ko");

        driver.findElement(By.id("lang-en")).click();
        waitForText(By.cssSelector("main h1"), "Settings");
        assertThat(navLabels()).containsEntry("customers", "Customers").containsEntry("settings", "Settings");
        fullPageScreenshot("05-settings-en");
        driver.get(url("/"));
        driver.navigate().refresh();
        waitForText(By.cssSelector("[data-nav=customers]"), "Customers");
        assertThat(navLabels())
                .containsEntry("surveys", "Surveys")
                .containsEntry("metrics", "Metrics")
                .containsEntry("cases", "Cases");
        assertThat(driver.findElement(By.tagName("html")).getDomAttribute("lang"))
                .isEqualTo("en");
        assertThat(driver.manage().getCookieNamed("tp_lang").getValue()).isEqualTo("en");
    }

    @Test
    void aWrongPasswordShowsTheErrorOnTheLoginPage() {
        String email = fixtures.aUser(workspaces.defaultWorkspace().id(), Role.ANALYST, PASSWORD);
        driver.get(url("/login"));
        visible(By.id("email"));
        assertThat(driver.findElements(By.cssSelector("[role=alert]"))).isEmpty();

        signIn(email, "not-the-password");
        WebElement alert = visible(By.cssSelector(".alert.error"));
        assertThat(alert.getText()).isEqualTo("The email or password is incorrect.");
        assertThat(driver.getCurrentUrl()).isEqualTo(url("/login?error"));
        assertThat(driver.getPageSource()).doesNotContain("Bad credentials", "No such user");
        assertThat(driver.findElement(By.id("email")).getDomProperty("value"))
                .as("the form is there to try again")
                .isEmpty();
        screenshot("06-login-error");

        driver.get(url("/"));
        waitForUrl(url("/login"));
        assertThat(driver.findElements(By.cssSelector("[data-nav]"))).isEmpty();
    }

    private void signIn(String email, String password) {
        driver.findElement(By.id("email")).sendKeys(email);
        driver.findElement(By.id("password")).sendKeys(password);
        driver.findElement(By.id("sign-in")).click();
    }

    private void assertKorean() {
        assertThat(navLabels())
                .containsExactly(
                        Map.entry("overview", "개요"),
                        Map.entry("customers", "고객"),
                        Map.entry("surveys", "설문"),
                        Map.entry("metrics", "지표"),
                        Map.entry("themes", "주제"),
                        Map.entry("comments", "코멘트"),
                        Map.entry("cases", "케이스"),
                        Map.entry("settings", "설정"));
        assertThat(driver.findElement(By.tagName("html")).getDomAttribute("lang"))
                .isEqualTo("ko");
    }

    /** The sidebar's links, data-nav to label, in page order. */
    private static Map<String, String> navLabels() {
        Map<String, String> labels = new LinkedHashMap<>();
        for (WebElement link : driver.findElements(By.cssSelector("nav [data-nav]"))) {
            labels.put(link.getDomAttribute("data-nav"), link.getText());
        }
        return labels;
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }

    private static void eventually(ThrowingRunnable assertion) {
        Awaitility.await()
                .atMost(TIMEOUT)
                .pollInterval(Duration.ofMillis(100))
                .ignoreExceptionsInstanceOf(NoSuchElementException.class)
                .ignoreExceptionsInstanceOf(StaleElementReferenceException.class)
                .untilAsserted(assertion);
    }

    private static void waitForUrl(String expected) {
        eventually(() -> assertThat(driver.getCurrentUrl()).isEqualTo(expected));
    }

    private static void waitForText(By locator, String expected) {
        eventually(() -> assertThat(driver.findElement(locator).getText()).isEqualTo(expected));
    }

    private static WebElement visible(By locator) {
        eventually(() -> assertThat(driver.findElement(locator).isDisplayed())
                .as("%s is displayed", locator)
                .isTrue());
        return driver.findElement(locator);
    }

    private static void screenshot(String name) {
        save(name, driver.getScreenshotAs(OutputType.BYTES));
    }

    /** The whole page, not only the 1280x900 viewport (Chromium's own capture, through the driver). */
    private static void fullPageScreenshot(String name) {
        Map<String, Object> metrics = driver.executeCdpCommand("Page.getLayoutMetrics", Map.of());
        Map<?, ?> size = (Map<?, ?>) metrics.get("cssContentSize");
        Map<String, Object> clip = Map.of(
                "x", 0,
                "y", 0,
                "width", ((Number) size.get("width")).doubleValue(),
                "height", ((Number) size.get("height")).doubleValue(),
                "scale", 1);
        Map<String, Object> shot = driver.executeCdpCommand(
                "Page.captureScreenshot", Map.of("format", "png", "captureBeyondViewport", true, "clip", clip));
        save(name, Base64.getDecoder().decode((String) shot.get("data")));
    }

    private static void save(String name, byte[] png) {
        try {
            Files.createDirectories(SCREENSHOTS);
            Files.write(SCREENSHOTS.resolve(name + ".png"), png);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

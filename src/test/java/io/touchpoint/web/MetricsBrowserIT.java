package io.touchpoint.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.touchpoint.support.Fixtures.TestWorkspace;
import io.touchpoint.support.HeadlessChromium;
import io.touchpoint.support.Http;
import io.touchpoint.support.IntegrationTest;
import io.touchpoint.support.SampleSurveys;
import io.touchpoint.support.ShopEvents;
import io.touchpoint.workspace.Role;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * The overview and the feedback page in headless Chromium on a known data set loaded through the
 * API: the tiles, the sparklines and the trend chart (read back from ECharts) show the numbers
 * computed by hand. Screenshots go to {@code target/screenshots/}.
 */
class MetricsBrowserIT extends IntegrationTest {

    private static final Path SCREENSHOTS = Path.of("target", "screenshots");
    private static final String PASSWORD = "a-long-enough-password";

    private static HeadlessChromium chromium;
    private static ChromeDriver driver;

    private TestWorkspace ws;
    private LocalDate day;

    @BeforeAll
    static void startBrowser() throws IOException {
        chromium = HeadlessChromium.start("en-US");
        driver = chromium.driver();
    }

    @AfterAll
    static void stopBrowser() {
        if (chromium != null) {
            chromium.close();
        }
    }

    @BeforeEach
    void knownDataSet() {
        ws = fixtures.aWorkspace();
        Instant at = Instant.now().minus(2, ChronoUnit.DAYS).truncatedTo(ChronoUnit.HOURS);
        day = at.atZone(ws.workspace().timeZone()).toLocalDate(); // the page's days are the workspace's
        Http api = http().bearer(ws.secretKey());
        for (String user : List.of("a", "b", "c", "d")) {
            http().basic(ws.writeKey(), "").postJson("/v1/identify", Map.of("userId", user));
        }
        String nps = api.postJson("/api/v1/surveys", SampleSurveys.nps("NPS"))
                .json()
                .path("id")
                .asString();
        api.postJson("/api/v1/surveys/" + nps + "/publish", "");
        // 3 promoters and 1 detractor two days ago: NPS = 100 × (3 − 1) / 4 = 50
        answer(api, nps, "a", Map.of("nps", 10), at);
        answer(api, nps, "b", Map.of("nps", 9), at);
        answer(api, nps, "c", Map.of("nps", 9), at);
        answer(api, nps, "d", Map.of("nps", 2, "why", "Late again, write to kim.minsu@example.com"), at);
        // a ordered twice: AOV 20,000, repeat rate 100 %
        ShopEvents.events()
                .order("a", "o1", at.minus(1, ChronoUnit.HOURS).toString(), 10_000)
                .order("a", "o2", at.toString(), 30_000)
                .sendTo(http(), ws.writeKey());
        driver.manage().deleteAllCookies();
        driver.get(url("/login?lang=en"));
        driver.findElement(By.id("email")).sendKeys(fixtures.aUser(ws.id(), Role.ANALYST, PASSWORD));
        driver.findElement(By.id("password")).sendKeys(PASSWORD);
        driver.findElement(By.id("sign-in")).click();
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> !driver.getCurrentUrl()
                .contains("/login"));
    }

    private static void answer(Http api, String survey, String user, Map<String, Object> answers, Instant at) {
        Map<String, Object> body = new HashMap<>();
        body.put("answers", answers);
        body.put("submittedAt", at.toString());
        body.put("userId", user);
        Http.Response r = api.postJson("/api/v1/surveys/" + survey + "/responses", body);
        assertThat(r.status()).as(r.body()).isEqualTo(201);
    }

    @Test
    void theOverviewShowsTheTilesSparklinesAndRedactedComments() {
        driver.get(url("/"));
        assertThat(driver.findElement(By.id("tile-nps")).getAttribute("data-value"))
                .isEqualTo("50.0");
        assertThat(driver.findElement(By.id("tile-nps")).getText())
                .contains("50.0")
                .contains("n = 4");
        assertThat(driver.findElement(By.id("tile-aov")).getText()).contains("20,000 KRW");
        assertThat(driver.findElement(By.id("tile-repeatRate")).getText()).contains("100.0%");
        assertThat(chartValues("#tile-nps .chart", 0)).containsExactly(50.0);
        assertThat(chartValues("#tile-aov .chart", 0)).containsExactly(20_000.0);
        String comments = driver.findElement(By.id("latest-comments")).getText();
        assertThat(comments).contains("Late again").doesNotContain("kim.minsu@example.com");
        screenshot("metrics-overview");
    }

    @Test
    void theFeedbackPageDrawsTheTrendWithItsIntervalBand() {
        driver.get(url("/metrics?interval=day&by=channel&from=" + day.minusDays(3) + "&to=" + day));
        assertThat(driver.findElement(By.id("score-nps")).getText())
                .contains("50.0")
                .contains("n = 4");
        // series: band low, band width, NPS; one answered day among four
        assertThat(chartValues("#nps-trend", 2)).containsExactly(50.0);
        Map<String, Object> ci = http().bearer(ws.secretKey())
                .get("/api/v1/metrics/nps?from=" + day + "&to=" + day)
                .json()
                .path("ci")
                .propertyStream()
                .collect(HashMap::new, (m, e) -> m.put(e.getKey(), e.getValue().asDouble()), HashMap::putAll);
        List<Double> low = chartValues("#nps-trend", 0);
        assertThat(low).containsExactly((Double) ci.get("low"));
        List<Double> width = chartValues("#nps-trend", 1);
        assertThat(width.get(0))
                .isCloseTo(
                        (Double) ci.get("high") - (Double) ci.get("low"),
                        org.assertj.core.api.Assertions.within(0.001));
        screenshot("metrics-feedback");
    }

    /** The non-empty values of one series of the ECharts chart in the element, once it is drawn. */
    @SuppressWarnings("unchecked")
    private static List<Double> chartValues(String selector, int series) {
        String script = "var el = document.querySelector(arguments[0]);"
                + "var c = el && window.echarts && echarts.getInstanceByDom(el);"
                + "return c ? c.getOption().series[arguments[1]].data : null;";
        Awaitility.await()
                .atMost(Duration.ofSeconds(20))
                .until(() -> driver.executeScript(script, selector, series) != null);
        List<Object> data = (List<Object>) driver.executeScript(script, selector, series);
        return data.stream()
                .filter(Objects::nonNull)
                .map(v -> ((Number) v).doubleValue())
                .toList();
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }

    private static void screenshot(String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
            Files.write(SCREENSHOTS.resolve(name + ".png"), driver.getScreenshotAs(OutputType.BYTES));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

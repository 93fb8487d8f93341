package io.touchpoint.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.touchpoint.support.Fixtures.TestWorkspace;
import io.touchpoint.support.HeadlessChromium;
import io.touchpoint.support.Http;
import io.touchpoint.support.IntegrationTest;
import io.touchpoint.support.SampleSurveys;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.awaitility.core.ThrowingRunnable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.NoSuchElementException;
import org.openqa.selenium.NoSuchShadowRootException;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.SearchContext;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.interactions.Actions;
import tools.jackson.databind.JsonNode;

/**
 * The survey widget in a real headless Chromium, embedded in a shop page served by the test on
 * another origin: it shows after the targeted event, is answered with the keyboard, stores the
 * response through the public API, and is not shown again after a reload (the contact rule).
 * Screenshots go to {@code target/screenshots/} and {@code /tmp/widget.png}.
 */
class WidgetBrowserIT extends IntegrationTest {

    private static final Path SCREENSHOTS = Path.of("target", "screenshots");
    private static final Duration TIMEOUT = Duration.ofSeconds(20);

    private static HeadlessChromium chromium;
    private static ChromeDriver driver;
    private static HttpServer shop;

    private TestWorkspace ws;
    private String survey;

    @BeforeAll
    static void startBrowserAndShop() throws IOException {
        chromium = HeadlessChromium.start("en-US");
        driver = chromium.driver();
        shop = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        shop.createContext("/", exchange -> {
            Map<String, String> query = query(exchange.getRequestURI().getRawQuery());
            byte[] page = shopPage(query.get("app"), query.get("key"), query.get("user"))
                    .getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
            exchange.sendResponseHeaders(200, page.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(page);
            }
        });
        shop.start();
    }

    @AfterAll
    static void stopBrowserAndShop() {
        if (shop != null) {
            shop.stop(0);
            shop = null;
        }
        if (chromium != null) {
            chromium.close();
            chromium = null;
        }
    }

    /** An order confirmation page of a shop that embeds the widget with one tag. */
    private static String shopPage(String app, String writeKey, String userId) {
        return """
                <!doctype html>
                <html lang="ko"><head><meta charset="utf-8"><title>Demo shop · 주문 완료</title>
                <style>body{font:16px/1.6 sans-serif;margin:48px;color:#222}.card{max-width:560px;padding:24px;
                border:1px solid #ddd;border-radius:8px}</style></head>
                <body>
                <div class="card"><h1>주문이 완료되었습니다</h1><p>주문번호 1001 · 39,000원</p>
                <p><a href="/">쇼핑 계속하기</a></p></div>
                <script>
                  window.checks = [];
                  window.addEventListener("touchpoint:checked", function (e) { window.checks.push(e.detail.surveyId); });
                  window.touchpoint = window.touchpoint || [];
                  touchpoint.push(["track", "Order Completed", {order_id: "1001", total: 39000, currency: "KRW",
                    products: [{product_id: "p-1", price: 39000, quantity: 1}]}]);
                </script>
                <script src="%s/js/touchpoint-widget.js" data-write-key="%s" data-user-id="%s" data-lang="ko" async></script>
                </body></html>
                """
                .formatted(app, writeKey, userId);
    }

    @BeforeEach
    void aShopWithALiveSurveyOnItsOrderPages() {
        ws = fixtures.aWorkspace();
        Http.Response created = secret().postJson("/api/v1/surveys", SampleSurveys.nps("주문 완료 NPS"));
        survey = created.json().path("id").asString();
        assertThat(secret().postJson("/api/v1/surveys/" + survey + "/publish", "")
                        .status())
                .isEqualTo(200);
        Http.Response targeting = secret().putJson(
                        "/api/v1/surveys/" + survey + "/widget",
                        Map.of("urlPattern", "/orders/*", "event", "Order Completed", "delaySeconds", 1));
        assertThat(targeting.status()).as(targeting.body()).isEqualTo(200);
    }

    @Test
    void theWidgetShowsAfterTheOrderIsAnsweredWithTheKeyboardAndIsNotShownAgain() throws IOException {
        String user = "shopper-" + UUID.randomUUID();
        driver.get(shopUrl(user));
        assertThat(java.net.URI.create(driver.getCurrentUrl()).getPort()).isNotEqualTo(port);

        WebElement question = visible(".q");
        assertThat(question.getText()).isEqualTo("친구에게 추천하시겠어요?");
        assertThat(panel().getDomAttribute("role")).isEqualTo("dialog");
        assertThat(panel().getDomAttribute("lang"))
                .as("data-lang wins over the browser's en-US")
                .isEqualTo("ko");
        assertThat(shadow().findElements(By.cssSelector(".score"))).hasSize(11);
        eventually(() ->
                assertThat(activeInWidget()).as("focus moves to the question").isEqualTo("tp-q"));

        new Actions(driver)
                .sendKeys(Keys.TAB)
                .sendKeys(Keys.ARROW_RIGHT)
                .sendKeys(Keys.ARROW_RIGHT)
                .sendKeys(Keys.ARROW_RIGHT)
                .perform();
        eventually(() -> assertThat(activeInWidget()).isEqualTo("3"));
        screenshot("widget-nps");
        Files.write(Path.of("/tmp/widget.png"), driver.getScreenshotAs(OutputType.BYTES));
        new Actions(driver).sendKeys(Keys.ENTER).perform();

        eventually(() ->
                assertThat(shadow().findElement(By.cssSelector(".q")).getText()).isEqualTo("어떤 점이 아쉬웠나요?"));
        WebElement why = shadow().findElement(By.cssSelector("textarea"));
        why.sendKeys("배송이 너무 느려요 <b>정말</b>");
        screenshot("widget-why");
        button("다음").click();

        eventually(() ->
                assertThat(shadow().findElement(By.cssSelector(".q")).getText()).isEqualTo("무엇에 대한 의견인가요?"));
        shadow().findElement(By.cssSelector("input[value=delivery]")).click();
        button("보내기").click();

        WebElement thanks = visible(".thanks");
        assertThat(thanks.getText()).isEqualTo("불편을 드려 죄송합니다.");
        screenshot("widget-thanks");

        eventually(() -> assertThat(widgetResponses().path("total").asInt()).isEqualTo(1));
        eventually(() -> assertThat(
                        widgetResponses().path("items").get(0).path("partial").asBoolean())
                .isFalse());
        JsonNode response = widgetResponses().path("items").get(0);
        assertThat(response.path("channel").asString()).isEqualTo("widget");
        assertThat(response.path("language").asString()).isEqualTo("ko");
        assertThat(response.path("nps").asInt()).isEqualTo(3);
        assertThat(response.path("finishedAt").isNull()).isFalse();
        assertThat(answer(response, "why").path("text").asString()).isEqualTo("배송이 너무 느려요 <b>정말</b>");
        assertThat(answer(response, "topic").path("text").asString()).isEqualTo("delivery");
        JsonNode customer = secret().get("/api/v1/customers/" + user).json();
        assertThat(response.path("customerId").asString())
                .isEqualTo(customer.path("id").asString());
        assertThat(timeline(user)).contains("Order Completed", "Survey Shown", "Survey Answered");

        driver.navigate().refresh();
        eventually(() ->
                assertThat(checks()).as("asked once the order event is stored").hasSize(1));
        assertThat(checks()).containsOnlyNulls();
        assertThat(driver.findElements(By.id("touchpoint-widget"))).isEmpty();
        assertThat(timeline(user).stream().filter("Order Completed"::equals)).hasSize(2);
        assertThat(timeline(user).stream().filter("Survey Shown"::equals))
                .as("asked once")
                .hasSize(1);
    }

    @Test
    void escapeClosesTheSurveyAndTheDismissalIsRecorded() {
        String user = "shopper-" + UUID.randomUUID();
        driver.get(shopUrl(user));
        visible(".q");
        eventually(() -> assertThat(activeInWidget()).isEqualTo("tp-q"));

        new Actions(driver).sendKeys(Keys.ESCAPE).perform();
        eventually(() ->
                assertThat(driver.findElements(By.id("touchpoint-widget"))).isEmpty());
        eventually(() -> assertThat(timeline(user)).contains("Survey Dismissed"));
        assertThat(widgetResponses().path("total").asInt()).isZero();

        driver.navigate().refresh();
        eventually(() -> assertThat(checks()).hasSize(1));
        assertThat(checks()).containsOnlyNulls();
    }

    private Http secret() {
        return http().bearer(ws.secretKey());
    }

    private String shopUrl(String user) {
        return "http://127.0.0.1:" + shop.getAddress().getPort() + "/orders/1001?app="
                + encode("http://localhost:" + port) + "&key=" + encode(ws.writeKey()) + "&user=" + encode(user);
    }

    private JsonNode widgetResponses() {
        return secret().get("/api/v1/surveys/" + survey + "/responses?channel=widget")
                .json();
    }

    private static JsonNode answer(JsonNode response, String questionId) {
        for (JsonNode a : response.path("answers")) {
            if (a.path("questionId").asString().equals(questionId)) {
                return a;
            }
        }
        throw new AssertionError("no answer to " + questionId + " in " + response);
    }

    private List<String> timeline(String user) {
        List<String> events = new java.util.ArrayList<>();
        secret().get("/api/v1/customers/" + user + "/timeline")
                .json()
                .path("items")
                .forEach(item -> events.add(item.path("event").asString()));
        return events;
    }

    @SuppressWarnings("unchecked")
    private static List<Object> checks() {
        return (List<Object>) driver.executeScript("return window.checks || []");
    }

    /** The id of the focused element inside the widget, or its text when it has none. */
    private static String activeInWidget() {
        return (String) driver.executeScript("var r = document.getElementById('touchpoint-widget');"
                + "var a = r && r.shadowRoot && r.shadowRoot.activeElement;"
                + "return a ? (a.id || a.textContent) : null;");
    }

    private static SearchContext shadow() {
        return driver.findElement(By.id("touchpoint-widget")).getShadowRoot();
    }

    private static WebElement panel() {
        return shadow().findElement(By.cssSelector(".panel"));
    }

    private static WebElement button(String label) {
        return shadow().findElements(By.cssSelector(".actions button")).stream()
                .filter(b -> b.getText().equals(label))
                .findFirst()
                .orElseThrow(() -> new NoSuchElementException("no button " + label));
    }

    private static WebElement visible(String css) {
        eventually(() -> assertThat(shadow().findElement(By.cssSelector(css)).isDisplayed())
                .as("%s is displayed", css)
                .isTrue());
        return shadow().findElement(By.cssSelector(css));
    }

    private static void eventually(ThrowingRunnable assertion) {
        Awaitility.await()
                .atMost(TIMEOUT)
                .pollInterval(Duration.ofMillis(100))
                // one matcher: each ignoreExceptions… call replaces the one before
                .ignoreExceptionsMatching(e -> e instanceof NoSuchElementException
                        || e instanceof NoSuchShadowRootException
                        || e instanceof StaleElementReferenceException)
                .untilAsserted(assertion);
    }

    private static void screenshot(String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
            Files.write(SCREENSHOTS.resolve(name + ".png"), driver.getScreenshotAs(OutputType.BYTES));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> values = new HashMap<>();
        if (raw == null) {
            return values;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                values.put(
                        URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return values;
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}

package io.touchpoint.support;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Debian's Chromium driven by its chromedriver, headless, with a throw-away profile. Skips the
 * calling test class when they are not installed, unless {@code TOUCHPOINT_TEST_BROWSER_REQUIRED=true}
 * (as in CI), where that fails it.
 */
public final class HeadlessChromium implements AutoCloseable {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

    private final ChromeDriverService service;
    private final ChromeDriver driver;
    private final Path profile;

    private HeadlessChromium(ChromeDriverService service, ChromeDriver driver, Path profile) {
        this.service = service;
        this.driver = driver;
        this.profile = profile;
    }

    /** @param language the browser's language, e.g. en-US (what pages see as navigator.language) */
    public static HeadlessChromium start(String language) throws IOException {
        List<String> missing = Stream.of(CHROMIUM, CHROMEDRIVER)
                .filter(path -> !Files.isExecutable(path))
                .map(Path::toString)
                .toList();
        if (!missing.isEmpty()) {
            String reason = "headless browser not installed: " + String.join(", ", missing)
                    + " missing (apt-get install chromium chromium-driver fonts-nanum)";
            if ("true".equalsIgnoreCase(System.getenv("TOUCHPOINT_TEST_BROWSER_REQUIRED"))) {
                fail(reason + "; browser tests are required here: TOUCHPOINT_TEST_BROWSER_REQUIRED=true");
            }
            assumeTrue(false, reason + " — browser tests skipped on this machine");
        }
        Path profile = Files.createTempDirectory("touchpoint-chromium-");
        // an explicit driver path: Selenium Manager is never asked to find or download anything
        ChromeDriverService service = ChromeDriverService.createDefaultService();
        try {
            service.setExecutable(CHROMEDRIVER.toString());
            ChromeOptions options = new ChromeOptions();
            options.setBinary(CHROMIUM.toFile());
            options.addArguments(
                    "--headless=new",
                    "--no-sandbox",
                    "--disable-gpu",
                    "--disable-dev-shm-usage",
                    "--disable-background-networking",
                    "--disable-component-update",
                    "--disable-sync",
                    "--no-first-run",
                    "--user-data-dir=" + profile,
                    "--lang=" + language,
                    "--window-size=1280,900");
            return new HeadlessChromium(service, new ChromeDriver(service, options), profile);
        } catch (RuntimeException e) {
            service.stop();
            delete(profile);
            throw e;
        }
    }

    public ChromeDriver driver() {
        return driver;
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            service.stop();
            delete(profile);
        }
    }

    private static void delete(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder())
                    .forEach(path -> path.toFile().delete());
        } catch (IOException | UncheckedIOException ignored) {
            // a temp dir left behind is harmless
        }
    }
}

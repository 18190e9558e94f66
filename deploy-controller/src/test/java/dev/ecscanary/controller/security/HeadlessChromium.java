package dev.ecscanary.controller.security;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Debian's headless {@code chromium} driven through its {@code chromedriver} (no browser download), with a throw-away
 * profile, for tests that need what only a browser does: follow redirects across sites, keep cookies by their
 * attributes, submit forms.
 */
final class HeadlessChromium implements AutoCloseable {

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

    private final Path profile;
    private final ChromeDriver driver;

    HeadlessChromium() throws IOException {
        profile = Files.createTempDirectory("sign-in-chromium");
        ChromeOptions options = new ChromeOptions()
                .setBinary(CHROMIUM.toString())
                .addArguments(
                        "--headless",
                        "--no-sandbox",
                        "--disable-gpu",
                        "--no-first-run",
                        "--disable-background-networking",
                        "--disable-component-update",
                        "--disable-sync",
                        "--disable-dev-shm-usage",
                        "--window-size=1280,900",
                        "--user-data-dir=" + profile);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort()
                .build();
        driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
    }

    static boolean isInstalled() {
        return Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
    }

    ChromeDriver driver() {
        return driver;
    }

    /** Forgets every cookie of every site, as a new browser would. */
    void forgetEverything() {
        driver.executeCdpCommand("Network.clearBrowserCookies", Map.of());
    }

    void open(String url) {
        driver.get(url);
    }

    String url() {
        return driver.getCurrentUrl();
    }

    /** The text of an element; looked up again if a live update swapped it while it was being read. */
    String text(By element) {
        for (int attempt = 1; ; attempt++) {
            try {
                return driver.findElement(element).getText().trim();
            } catch (org.openqa.selenium.StaleElementReferenceException e) {
                if (attempt == 5) {
                    throw e;
                }
            }
        }
    }

    /** Saves what the window shows to {@code target/screenshots/<name>.png}, to look at after the build. */
    void screenshot(String name) throws IOException {
        Path screenshots = Path.of("target", "screenshots");
        Files.createDirectories(screenshots);
        Files.write(screenshots.resolve(name + ".png"), driver.getScreenshotAs(org.openqa.selenium.OutputType.BYTES));
    }

    /** The window's size in CSS pixels, e.g. a phone's 390 by 844. */
    void resize(int width, int height) {
        driver.manage().window().setSize(new org.openqa.selenium.Dimension(width, height));
    }

    boolean has(By element) {
        return !driver.findElements(element).isEmpty();
    }

    void click(By element) {
        waitFor("a click on " + element, () -> {
            driver.findElement(element).click();
            return true;
        });
    }

    /** Polls for at most ten seconds, as a person watching the page would. */
    void waitFor(String what, BooleanSupplier condition) {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (System.nanoTime() < deadline) {
            try {
                if (condition.getAsBoolean()) {
                    return;
                }
            } catch (WebDriverException e) {
                // the element is being swapped by a live update: look again
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted while waiting for " + what);
            }
        }
        throw new AssertionError("Waited 10 s for " + what + " at " + driver.getCurrentUrl() + "; the page shows: "
                + driver.findElement(By.tagName("body")).getText());
    }

    @Override
    public void close() throws IOException {
        driver.quit();
        try (var files = Files.walk(profile)) {
            files.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
        }
    }
}

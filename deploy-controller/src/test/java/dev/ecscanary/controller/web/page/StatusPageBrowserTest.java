package dev.ecscanary.controller.web.page;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.ecscanary.controller.audit.AuditEntry;
import dev.ecscanary.controller.audit.AuditTrail;
import dev.ecscanary.controller.deployment.DeploymentStatus;
import dev.ecscanary.controller.web.StatusPageFixture;
import dev.ecscanary.controller.web.WebTest;
import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The status page in a real headless Chromium (Debian's {@code chromium} and {@code chromium-driver}): it follows a
 * release without being reloaded, its rollback button stops the release, and its header signs the operator out.
 * Screenshots go to target/screenshots.
 */
@WebTest
class StatusPageBrowserTest {

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    static final Path SCREENSHOTS = Path.of("target", "screenshots");

    static ChromeDriver browser;
    static Path profile;

    @LocalServerPort
    int port;

    @Autowired
    StatusPageFixture release;

    @Autowired
    AuditTrail trail;

    @BeforeAll
    static void startBrowser() throws IOException {
        assumeTrue(
                Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
                "needs Debian's chromium and chromium-driver: apt-get install -y chromium chromium-driver");
        profile = Files.createTempDirectory("status-page-chromium");
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
                        "--hide-scrollbars",
                        "--window-size=1280,900",
                        "--user-data-dir=" + profile);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort()
                .build();
        browser = new ChromeDriver(service, options);
        browser.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
        Files.createDirectories(SCREENSHOTS);
    }

    @AfterAll
    static void stopBrowser() throws IOException {
        if (browser != null) {
            browser.quit();
        }
        if (profile != null) {
            try (var files = Files.walk(profile)) {
                files.sorted(java.util.Comparator.reverseOrder())
                        .map(Path::toFile)
                        .forEach(File::delete);
            }
        }
    }

    @BeforeEach
    void cleanWorld() {
        release.reset();
        browser.executeCdpCommand("Network.clearBrowserCookies", java.util.Map.of()); // nobody signed in yet
        browser.manage().window().setSize(new Dimension(1280, 900));
    }

    @Test
    void followsAReleaseWithoutReloadingAndRollsItBackFromTheButton() throws IOException {
        UUID id = release.start("2.1.0", "list tasks in pages of 50");
        release.step(10);
        signInAsOperator();
        browser.get(url("/deployments/" + id));
        assertThat(text("progress-caption")).isEqualTo("Step 1 of 10: 10% of traffic on the new version.");
        browser.executeScript("window.notReloaded = true;");
        waitFor(
                "the page to go live",
                () -> "live".equals(browser.findElement(By.id("live-state")).getDomAttribute("data-state")));

        release.step(20);
        release.step(30);

        waitFor(
                "step 3 without a reload",
                () -> text("progress-caption").equals("Step 3 of 10: 30% of traffic on the new version."));
        assertThat(text("traffic-replacement")).isEqualTo("30%");
        assertThat(browser.executeScript("return window.notReloaded === true;"))
                .as("the page was not reloaded")
                .isEqualTo(true);
        screenshot("deployment-in-flight");

        clickWhenSettled("rollback-button");
        waitFor(
                "the confirmation dialog",
                () -> Boolean.TRUE.equals(
                        browser.executeScript("return document.getElementById('rollback-dialog').open;")));
        screenshot("rollback-dialog");
        browser.findElement(By.id("rollback-confirm")).click();

        waitFor(
                "the rollback's outcome",
                () -> !browser.findElements(By.id("rollback-notice")).isEmpty());
        assertThat(text("rollback-notice")).startsWith("Rollback requested");
        assertThat(release.codeDeploy().stopCalls(release.find(id).codeDeployDeploymentId()))
                .isEqualTo(1);
        assertThat(text("status")).contains("Rolling back");
        waitFor(
                "the page to go live",
                () -> "live".equals(browser.findElement(By.id("live-state")).getDomAttribute("data-state")));

        release.finishRollback(id);

        waitFor("the rolled-back status", () -> text("status").contains("Rolled back"));
        assertThat(text("rollback-story"))
                .contains("Rolled back by token:test-operator at 30% traffic")
                .contains("during step 3 of 10");
        assertThat(release.status(id)).isEqualTo(DeploymentStatus.ROLLED_BACK);
        assertThat(text("record").replaceAll("\\s+", " "))
                .contains("Accepted Rollback by token:test-operator")
                .contains("from the status page: Rolled back by token:test-operator at 30% traffic");
        screenshot("deployment-rolled-back-by-operator");
    }

    @Test
    void anOperatorSignsOutFromTheHeaderAndThePageLeftBehindCanNoLongerRollBack() throws IOException {
        UUID id = release.start("2.1.0", "list tasks in pages of 50");
        release.step(10);
        signInAsOperator();
        browser.get(url("/deployments/" + id));
        assertThat(text("signed-in")).isEqualTo("Signed in as token:test-operator · operator");
        screenshot("header-signed-in");
        browser.manage().window().setSize(new Dimension(768, 900));
        screenshot("header-signed-in-tablet");
        browser.manage().window().setSize(new Dimension(390, 844));
        screenshot("header-signed-in-phone");
        WebElement signOut = browser.findElement(By.id("sign-out"));
        assertThat(signOut.getRect().getWidth()).as("the button fits the phone").isLessThanOrEqualTo(390);
        assertThat(signOut.getRect().getHeight()).as("a finger-sized target").isGreaterThanOrEqualTo(44);
        browser.manage().window().setSize(new Dimension(1280, 900));

        clickWhenSettled("sign-out");
        waitFor("the sign-in page", () -> browser.getCurrentUrl().equals(url("/login?logout")));
        assertThat(text("main")).contains("You are signed out.");
        assertThat(browser.findElements(By.id("signed-in")))
                .as("anyone shown signed in")
                .isEmpty();
        screenshot("signed-out");

        browser.navigate().back();
        waitFor(
                "the page again, read without signing in",
                () -> browser.getCurrentUrl().equals(url("/deployments/" + id))
                        && !browser.findElements(By.className("sign-in-link")).isEmpty());
        assertThat(browser.findElements(By.id("signed-in"))).isEmpty();
        clickWhenSettled("rollback-button");
        waitFor(
                "the confirmation dialog",
                () -> Boolean.TRUE.equals(
                        browser.executeScript("return document.getElementById('rollback-dialog').open;")));
        browser.findElement(By.id("rollback-confirm")).click();
        waitFor("the way to sign in", () -> browser.getCurrentUrl().startsWith(url("/login")));

        assertThat(release.status(id)).isEqualTo(DeploymentStatus.IN_PROGRESS);
        assertThat(release.codeDeploy().stopCalls(release.find(id).codeDeployDeploymentId()))
                .isZero();
        assertThat(trail.forDeployment(id))
                .extracting(AuditEntry::action, AuditEntry::caller, AuditEntry::outcome)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("ROLLBACK", "anonymous", "REFUSED"));
    }

    @Test
    void anAlarmRollbackReadsAsASentenceAndTheServicesPageShowsIt() throws IOException {
        UUID good = release.start("2.0.0", "faster task list");
        for (int step = 1; step <= 10; step++) {
            release.step(step * 10);
        }
        release.succeed();
        UUID bad = startThroughTheApi("2.0.1", "cache task counts");
        release.step(10);
        release.step(20);
        release.step(30);
        release.hurtUsers();
        release.finishRollback(bad);
        assertThat(release.status(good)).isEqualTo(DeploymentStatus.SUCCEEDED);

        browser.get(url("/deployments/" + bad));
        waitFor(
                "the page to learn the release is over",
                () -> "ended".equals(browser.findElement(By.id("live-state")).getDomAttribute("data-state")));
        assertThat(text("live-state")).isEqualTo("Finished · nothing more to follow");
        assertThat(text("rollback-story")).startsWith("The alarm demo-app-success-rate went into ALARM");
        assertThat(text("record").replaceAll("\\s+", " "))
                .contains("Accepted Release requested by token:test-ci")
                .contains("token:test-ci HTTP 202 · from 127.0.0.1 · curl/8.5.0");
        fullPageScreenshot("deployment-rolled-back-by-alarm");
        browser.manage().window().setSize(new Dimension(390, 844));
        fullPageScreenshot("deployment-phone");

        browser.manage().window().setSize(new Dimension(1280, 900));
        browser.get(url("/"));
        waitFor(
                "the page to go live",
                () -> "live".equals(browser.findElement(By.id("live-state")).getDomAttribute("data-state")));
        assertThat(text("main")).contains("demo-app", "2.0.0", "Rolled back", "Succeeded");
        screenshot("services");
    }

    /** A release as CI sends it, so that the page's record has its request. */
    private UUID startThroughTheApi(String tag, String description) throws IOException {
        String body = """
                {"service": "demo-app", "image": "%s:%s", "environment": "production", "description": "%s",
                 "commitSha": "0123abcd4567", "runUrl": "https://github.com/acme/demo-app/actions/runs/4243"}""".formatted(StatusPageFixture.REPOSITORY, tag, description);
        try (HttpClient http = HttpClient.newHttpClient()) {
            HttpResponse<String> accepted = http.send(
                    HttpRequest.newBuilder(URI.create(url("/api/deployments")))
                            .header("Authorization", "Bearer " + dev.ecscanary.controller.fakes.TestCallers.CI)
                            .header("Content-Type", "application/json")
                            .header("User-Agent", "curl/8.5.0")
                            .POST(HttpRequest.BodyPublishers.ofString(body))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
            String location = accepted.headers().firstValue("Location").orElseThrow();
            UUID id = UUID.fromString(location.substring(location.lastIndexOf('/') + 1));
            release.follow(id);
            return id;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }

    /** Clicks an element, again if a live update swapped it out from under the first click. */
    private void clickWhenSettled(String id) {
        waitFor("a click on " + id, () -> {
            browser.findElement(By.id(id)).click();
            return true;
        });
    }

    /** The sign-in form, with the test profile's operator token (as the rehearsal's operator signs in). */
    private void signInAsOperator() throws IOException {
        browser.get(url("/login"));
        screenshot("sign-in");
        browser.findElement(By.id("token")).sendKeys(dev.ecscanary.controller.fakes.TestCallers.OPERATOR);
        browser.findElement(By.cssSelector("form button[type=submit]")).click();
        waitFor("signed in", () -> !browser.getCurrentUrl().contains("/login"));
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }

    /** An element's text; looked up again if a live update swapped it while it was being read. */
    private static String text(String id) {
        for (int attempt = 1; ; attempt++) {
            try {
                return browser.findElement(By.id(id)).getText().trim();
            } catch (org.openqa.selenium.StaleElementReferenceException e) {
                if (attempt == 5) {
                    throw e;
                }
            }
        }
    }

    /** Polls the page, as a person watching it would, for at most ten seconds. */
    private static void waitFor(String what, BooleanSupplier condition) {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (System.nanoTime() < deadline) {
            try {
                if (condition.getAsBoolean()) {
                    return;
                }
            } catch (org.openqa.selenium.WebDriverException e) {
                // the element is being swapped by a live update: look again
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted while waiting for " + what);
            }
        }
        throw new AssertionError("Waited 10 s for " + what + "; the page shows: "
                + browser.findElement(By.tagName("main")).getText());
    }

    private void screenshot(String name) throws IOException {
        Files.write(SCREENSHOTS.resolve(name + ".png"), browser.getScreenshotAs(OutputType.BYTES));
    }

    private void fullPageScreenshot(String name) throws IOException {
        Dimension before = browser.manage().window().getSize();
        Number height =
                (Number) ((JavascriptExecutor) browser).executeScript("return document.documentElement.scrollHeight;");
        browser.manage().window().setSize(new Dimension(before.getWidth(), height.intValue() + 40));
        screenshot(name);
        browser.manage().window().setSize(before);
    }
}

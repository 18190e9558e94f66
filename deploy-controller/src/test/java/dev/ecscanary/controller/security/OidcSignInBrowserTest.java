package dev.ecscanary.controller.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.ecscanary.controller.audit.AuditEntry;
import dev.ecscanary.controller.audit.AuditTrail;
import dev.ecscanary.controller.deployment.DeploymentStatus;
import dev.ecscanary.controller.fakes.FakeAwsConfiguration;
import dev.ecscanary.controller.security.StandInIdentityProvider.Spoil;
import dev.ecscanary.controller.web.StatusPageFixture;
import java.io.IOException;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Signing in to the status page through OpenID Connect, end to end: a real headless Chromium, the controller on a
 * real port configured as in production (page not public, the session cookie as shipped), and the
 * {@link StandInIdentityProvider} as the company's provider, found through its discovery document. Roles come from
 * the ID token's {@code groups} claim through {@link Roles}: alice is a release engineer (operator), bob a developer
 * (viewer), carol in marketing (no role). The token form is on only so that the sign-in page carries a CSRF token of
 * the visitor's own session: the viewer's forged rollback has a valid one, and only the role can refuse it.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "controller.security.login.operators=release-engineers",
            "controller.security.login.viewers=developers",
            "controller.security.login.token-form=true",
            "spring.security.oauth2.client.registration.corp.client-id=" + StandInIdentityProvider.CLIENT_ID,
            "spring.security.oauth2.client.registration.corp.client-secret=" + StandInIdentityProvider.CLIENT_SECRET,
            "spring.security.oauth2.client.registration.corp.scope=openid,profile,groups"
        })
@ActiveProfiles("test")
@Import({FakeAwsConfiguration.class, StatusPageFixture.class})
class OidcSignInBrowserTest {

    static HeadlessChromium browser;

    @LocalServerPort
    int port;

    @Autowired
    StatusPageFixture release;

    @Autowired
    AuditTrail trail;

    @DynamicPropertySource
    static void provider(DynamicPropertyRegistry registry) {
        registry.add(
                "spring.security.oauth2.client.provider.corp.issuer-uri",
                () -> StandInIdentityProvider.get().issuer());
    }

    @BeforeAll
    static void startBrowser() throws IOException {
        assumeTrue(HeadlessChromium.isInstalled(), "needs Debian's chromium and chromium-driver");
        browser = new HeadlessChromium();
    }

    @AfterAll
    static void stopBrowser() throws IOException {
        if (browser != null) {
            browser.close();
        }
    }

    @BeforeEach
    void newWorldAndBrowser() {
        release.reset();
        browser.forgetEverything();
        StandInIdentityProvider.get().spoilNext(Spoil.NONE);
    }

    @Test
    void anOperatorIsSentToSignInComesBackToThePageAndRollsTheReleaseBack() {
        UUID id = release.start("2.1.0", "list tasks in pages of 50");
        release.step(10);

        signInAt("/deployments/" + id, "alice");

        assertThat(browser.url()).startsWith(url("/deployments/" + id));
        browser.click(By.id("rollback-button"));
        browser.waitFor(
                "the confirmation dialog",
                () -> Boolean.TRUE.equals(
                        browser.driver().executeScript("return document.getElementById('rollback-dialog').open;")));
        browser.click(By.id("rollback-confirm"));
        browser.waitFor("the rollback's outcome", () -> browser.has(By.id("rollback-notice")));

        assertThat(browser.text(By.id("rollback-notice"))).startsWith("Rollback requested");
        assertThat(release.status(id)).isEqualTo(DeploymentStatus.ROLLING_BACK);
        assertThat(release.codeDeploy().stopCalls(release.find(id).codeDeployDeploymentId()))
                .isEqualTo(1);
        assertThat(release.find(id).reason()).isEqualTo("Rolled back by user:alice at 10% traffic");
        assertThat(trail.forDeployment(id))
                .extracting(AuditEntry::action, AuditEntry::caller, AuditEntry::outcome)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("ROLLBACK", "user:alice", "ACCEPTED"));
        AuditEntry signIn = newest("SIGN_IN");
        assertThat(signIn.outcome()).isEqualTo("ACCEPTED");
        assertThat(signIn.caller()).isEqualTo("user:alice");
        assertThat(signIn.subject()).isEqualTo("stand-in|alice");
        assertThat(signIn.reason()).isEqualTo("signed in through OpenID Connect 'corp' as operator");
    }

    @Test
    void anOperatorSignsOutLandsOnTheSignInPageAndTheEndedSessionCanNoLongerRollBack() throws IOException {
        UUID id = release.start("2.1.0", null);
        release.step(10);
        signInAt("/deployments/" + id, "alice");
        assertThat(browser.text(By.id("signed-in"))).isEqualTo("Signed in as user:alice · operator");
        browser.screenshot("oidc-signed-in");
        String endedSession =
                browser.driver().manage().getCookieNamed("JSESSIONID").getValue();
        String endedToken = browser.driver()
                .findElement(By.cssSelector("#rollback-dialog input[name='_csrf']"))
                .getDomAttribute("value");

        browser.click(By.id("sign-out"));
        browser.waitFor("the sign-in page", () -> browser.url().equals(url("/login?logout")));

        assertThat(browser.text(By.cssSelector("[role=status]"))).isEqualTo("You are signed out.");
        assertThat(browser.has(By.id("signed-in"))).as("anyone shown signed in").isFalse();
        browser.screenshot("oidc-signed-out");
        AuditEntry signOut = newest("SIGN_OUT");
        assertThat(signOut.caller()).isEqualTo("user:alice");
        assertThat(signOut.subject()).isEqualTo("stand-in|alice");
        assertThat(signOut.outcome()).isEqualTo("ACCEPTED");

        browser.driver().navigate().back();
        browser.waitFor(
                "the way back to lead to signing in", () -> browser.url().startsWith(url("/login")));
        assertThat(browser.has(By.id("rollback-button")))
                .as("a rollback button of the ended session")
                .isFalse();

        // The ended session's cookie and the rollback form's token, put back as a stale tab would send them.
        browser.driver()
                .manage()
                .addCookie(new Cookie.Builder("JSESSIONID", endedSession)
                        .path("/")
                        .isHttpOnly(true)
                        .isSecure(true)
                        .sameSite("Lax")
                        .build());
        browser.open(url("/deployments/" + id));
        assertThat(browser.url()).as("the ended session reads nothing").startsWith(url("/login"));
        Object landed = browser.driver().executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                fetch(arguments[0], {method: 'POST', body: new URLSearchParams({_csrf: arguments[1]})})
                    .then(r => done(r.url), e => done(String(e)));""", "/deployments/" + id + "/rollback", endedToken);
        assertThat(landed).as("where the ended session's rollback lands").isEqualTo(url("/login?ended"));
        assertThat(release.status(id)).isEqualTo(DeploymentStatus.IN_PROGRESS);
        assertThat(release.codeDeploy().stopCalls(release.find(id).codeDeployDeploymentId()))
                .isZero();
        assertThat(newest("ROLLBACK").outcome()).isEqualTo("REFUSED");
    }

    @Test
    void aViewerSeesNoRollbackButtonAndPostingTheFormAnywayIs403() {
        UUID id = release.start("2.1.0", null);
        release.step(10);

        signInAt("/deployments/" + id, "bob");

        assertThat(browser.text(By.id("status"))).contains("In progress");
        assertThat(browser.has(By.id("rollback-button")))
                .as("a rollback button for a viewer")
                .isFalse();
        // A valid CSRF token of bob's own session (the sign-in page's token form carries one).
        browser.open(url("/login"));
        String csrf = browser.driver().findElement(By.name("_csrf")).getDomAttribute("value");
        browser.open(url("/deployments/" + id));
        Object status = browser.driver().executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                fetch(arguments[0], {method: 'POST', redirect: 'manual',
                        body: new URLSearchParams({_csrf: arguments[1]})})
                    .then(r => done(r.status), e => done(String(e)));""", "/deployments/" + id + "/rollback", csrf);

        assertThat(status).isEqualTo(403L);
        assertThat(release.status(id)).isEqualTo(DeploymentStatus.IN_PROGRESS);
        assertThat(release.codeDeploy().stopCalls(release.find(id).codeDeployDeploymentId()))
                .isZero();
        assertThat(trail.forDeployment(id))
                .extracting(AuditEntry::action, AuditEntry::caller, AuditEntry::httpStatus)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("ROLLBACK", "user:bob", 403));
        browser.open(url("/deployments/" + id + "/rollback"));
        assertThat(browser.text(By.tagName("main"))).contains("Only operators roll back", "user:bob");
    }

    @Test
    void someoneInNoOperatorOrViewerGroupSignsInButMayNotReadThePage() {
        UUID id = release.start("2.1.0", null);

        signInAt("/deployments/" + id, "carol");

        assertThat(browser.has(By.id("status"))).as("the deployment page").isFalse();
        assertThat(newest("SIGN_IN").reason()).contains("with no role");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "WRONG_NONCE    | does not carry the nonce this sign-in sent",
                "WRONG_AUDIENCE | is meant for another client",
                "EXPIRED        | has expired"
            })
    void anIdTokenThatFailsACheckIsRefusedInWordsAuditedAndSignsNobodyIn(Spoil spoil, String explanation) {
        UUID id = release.start("2.1.0", null);
        StandInIdentityProvider.get().spoilNext(spoil);

        browser.open(url("/deployments/" + id));
        signInAtProvider("alice");
        browser.waitFor("the refusal", () -> browser.url().startsWith(url("/login/refused")));

        assertThat(browser.text(By.tagName("h1"))).isEqualTo("Sign-in refused");
        assertThat(browser.text(By.tagName("main"))).contains(explanation);
        AuditEntry refusal = newest("SIGN_IN");
        assertThat(refusal.outcome()).isEqualTo("REFUSED");
        assertThat(refusal.caller()).isEqualTo("anonymous");
        assertThat(refusal.reason()).contains("'corp'", explanation);
        browser.open(url("/deployments/" + id));
        assertThat(browser.url()).as("still not signed in").startsWith(url("/login"));
    }

    /** Opens a page of the controller, is sent to sign in, signs in at the provider and is sent back. */
    private void signInAt(String path, String user) {
        browser.open(url(path));
        signInAtProvider(user);
        browser.waitFor("the way back from the provider", () -> browser.url().startsWith(url("/")));
    }

    /** From the controller's sign-in page, through the provider's button, to the provider's own sign-in form. */
    private void signInAtProvider(String user) {
        browser.waitFor("the sign-in page", () -> browser.url().startsWith(url("/login")));
        browser.click(By.cssSelector("a[href='/oauth2/authorization/corp']"));
        browser.waitFor(
                "the provider's sign-in form",
                () -> browser.url().startsWith(StandInIdentityProvider.get().issuer()));
        browser.driver().findElement(By.id("username")).sendKeys(user);
        browser.click(By.id("sign-in"));
    }

    private AuditEntry newest(String action) {
        List<AuditEntry> recent = trail.recent(20);
        return recent.stream()
                .filter(e -> e.action().equals(action))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no " + action + " among " + recent));
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}

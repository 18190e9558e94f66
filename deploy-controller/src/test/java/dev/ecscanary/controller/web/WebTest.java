package dev.ecscanary.controller.web;

import dev.ecscanary.controller.fakes.FakeAwsConfiguration;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

/**
 * The whole controller with the AWS fakes, served on a random local port so that event streams and a real browser
 * can connect; MockMvc is there too. Pages are public here; rollbacks take a signed-in operator. One context for every web test class; {@link StatusPageFixture} resets it.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            // The page is readable without signing in (as in the rehearsal); posting still takes an operator.
            "controller.security.public-read=true",
            // Operators sign in with the test profile's test-operator-token, over plain http on loopback.
            "controller.security.login.token-form=true",
            "server.servlet.session.cookie.secure=false"
        })
@AutoConfigureMockMvc
@ActiveProfiles("test")
@Import({FakeAwsConfiguration.class, StatusPageFixture.class})
public @interface WebTest {}

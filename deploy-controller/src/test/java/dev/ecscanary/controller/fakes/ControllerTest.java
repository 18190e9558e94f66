package dev.ecscanary.controller.fakes;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

/**
 * The whole controller on a real (embedded) PostgreSQL, with AWS replaced by the fakes and the reconciler ticked by
 * the test. One application context serves every test class that uses this, so call {@link FakeAws#reset()} first.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
@Import(FakeAwsConfiguration.class)
public @interface ControllerTest {}

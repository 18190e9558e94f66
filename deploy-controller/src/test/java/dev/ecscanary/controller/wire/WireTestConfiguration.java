package dev.ecscanary.controller.wire;

import dev.ecscanary.controller.fakes.MutableClock;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

/**
 * What the wire tests change in the controller: nothing of AWS but its credentials (static, so no environment is
 * read) and the clock, shared with the stand-in so tests can move time for both.
 */
@TestConfiguration(proxyBeanMethods = false)
public class WireTestConfiguration {

    @Bean
    @Primary
    MutableClock wireClock() {
        return SharedStandIn.clock();
    }

    @Bean
    @Primary
    AwsCredentialsProvider staticTestCredentials() {
        return StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDWIRETEST", "wire-test-secret"));
    }
}

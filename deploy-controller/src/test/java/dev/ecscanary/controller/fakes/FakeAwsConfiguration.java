package dev.ecscanary.controller.fakes;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/** Puts the hand-written fakes in place of the AWS adapters, and a clock tests can move. */
@TestConfiguration(proxyBeanMethods = false)
public class FakeAwsConfiguration {

    @Bean
    @Primary
    FakeCodeDeploy fakeCodeDeploy() {
        return new FakeCodeDeploy();
    }

    @Bean
    @Primary
    FakeCloudWatch fakeCloudWatch() {
        return new FakeCloudWatch();
    }

    @Bean
    @Primary
    FakeEcs fakeEcs() {
        return new FakeEcs();
    }

    @Bean
    FakeAws fakeAws(
            FakeCodeDeploy codeDeploy,
            FakeCloudWatch cloudWatch,
            FakeEcs ecs,
            org.springframework.jdbc.core.simple.JdbcClient jdbc,
            dev.ecscanary.controller.api.ServicesOverview overview) {
        return new FakeAws(codeDeploy, cloudWatch, ecs, jdbc, overview);
    }

    @Bean
    @Primary
    MutableClock mutableClock() {
        return new MutableClock();
    }
}

package dev.ecscanary.localaws.codedeploy;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TrafficRoutingTest {

    @Test
    void linearTenPercentEveryMinuteIsTenStepsWithNineOneMinuteWaits() {
        TrafficRouting routing = TrafficRouting.named("CodeDeployDefault.ECSLinear10PercentEvery1Minutes")
                .orElseThrow();

        assertThat(routing.steps())
                .extracting(TrafficRouting.Step::percent)
                .containsExactly(10, 20, 30, 40, 50, 60, 70, 80, 90, 100);
        assertThat(routing.steps())
                .extracting(TrafficRouting.Step::minutesAfter)
                .containsExactly(1, 1, 1, 1, 1, 1, 1, 1, 1, 0);
    }

    @Test
    void canaryMovesTenPercentThenTheRest() {
        assertThat(TrafficRouting.named("CodeDeployDefault.ECSCanary10Percent5Minutes")
                        .orElseThrow()
                        .steps())
                .containsExactly(new TrafficRouting.Step(10, 5), new TrafficRouting.Step(100, 0));
    }
}

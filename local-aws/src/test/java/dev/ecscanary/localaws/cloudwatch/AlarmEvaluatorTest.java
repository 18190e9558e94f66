package dev.ecscanary.localaws.cloudwatch;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ecscanary.localaws.RehearsalNames;
import dev.ecscanary.localaws.clock.TimeScale;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The success-rate alarm's verdicts on hand-made minutes of ALB metrics (time scale 1: real minutes). */
class AlarmEvaluatorTest {

    private static final String LB = "app/ecs-canary/5e0f1a2b3c4d5e6f";
    private static final Instant T0 = Instant.parse("2026-11-23T12:00:00Z");

    private final MetricStore store = new MetricStore(new TimeScale(1));
    private final MetricAlarm alarm = SuccessRateAlarm.create(RehearsalNames.load(), LB);
    private final AlarmEvaluator evaluator = new AlarmEvaluator(new MetricQueries(store));

    @Test
    void twoBadMinutesOutOfTwoRaiseTheAlarm() {
        minute(0, 1000, 30);
        minute(1, 1000, 40);

        evaluator.evaluate(alarm, T0.plusSeconds(125));

        assertThat(alarm.state().value()).isEqualTo("ALARM");
        assertThat(alarm.state().reason())
                .startsWith("Threshold Crossed: 2 out of the last 2 datapoints [96.0 (23/11/26 12:01:00), 97.0");
        assertThat(alarm.state().reasonData())
                .contains("\"recentDatapoints\":[96.0,97.0]")
                .contains("\"threshold\":99.5");
    }

    @Test
    void oneBadMinuteIsNotEnough() {
        minute(0, 1000, 0);
        minute(1, 1000, 40);

        evaluator.evaluate(alarm, T0.plusSeconds(125));

        assertThat(alarm.state().value()).isEqualTo("OK");
    }

    @Test
    void aMinuteWithoutAny5xxCountsAsFullSuccessThroughFill() {
        minute(0, 500, 0);
        minute(1, 500, 0);

        evaluator.evaluate(alarm, T0.plusSeconds(125));

        assertThat(alarm.state().value()).isEqualTo("OK");
        assertThat(alarm.state().reasonData()).contains("\"recentDatapoints\":[100.0,100.0]");
    }

    @Test
    void minutesWithoutRequestsAreMissingAndTreatedAsNotBreaching() {
        evaluator.evaluate(alarm, T0.plusSeconds(125));

        assertThat(alarm.state().value()).isEqualTo("OK");
        assertThat(alarm.state().reason()).contains("2 missing datapoints were treated as [NonBreaching]");
    }

    @Test
    void theMinuteStillRunningIsNotEvaluated() {
        minute(0, 1000, 0);
        minute(1, 1000, 0);
        minute(2, 1000, 900);

        evaluator.evaluate(alarm, T0.plusSeconds(150));

        assertThat(alarm.state().value()).isEqualTo("OK");
    }

    @Test
    void reEvaluatingToTheSameStateKeepsTheTransitionTime() {
        minute(0, 1000, 30);
        minute(1, 1000, 30);
        evaluator.evaluate(alarm, T0.plusSeconds(125));
        Instant transitioned = alarm.state().transitioned();
        minute(2, 1000, 30);

        evaluator.evaluate(alarm, T0.plusSeconds(185));

        assertThat(alarm.state().value()).isEqualTo("ALARM");
        assertThat(alarm.state().transitioned()).isEqualTo(transitioned);
    }

    private void minute(int minute, int requests, int errors) {
        Instant at = T0.plusSeconds(60L * minute + 1);
        Map<String, String> lb = Map.of("LoadBalancer", LB);
        store.put(new MetricKey("AWS/ApplicationELB", "RequestCount", lb), at, requests);
        if (errors > 0) {
            store.put(new MetricKey("AWS/ApplicationELB", "HTTPCode_Target_5XX_Count", lb), at, errors);
        }
    }
}

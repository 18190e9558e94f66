package dev.ecscanary.controller.analysis;

import static dev.ecscanary.controller.analysis.AlarmState.ALARM;
import static dev.ecscanary.controller.analysis.AlarmState.INSUFFICIENT_DATA;
import static dev.ecscanary.controller.analysis.AlarmState.MISSING;
import static dev.ecscanary.controller.analysis.AlarmState.OK;
import static dev.ecscanary.controller.analysis.Verdict.Kind.FAIL;
import static dev.ecscanary.controller.analysis.Verdict.Kind.INCONCLUSIVE;
import static dev.ecscanary.controller.analysis.Verdict.Kind.PASS;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The verdict on a release's watched alarms, for every mix of states; and "firing" means exactly a fail. */
class HealthGateTest {

    static final List<String> WATCHED = List.of("success-rate", "latency");
    static final Instant T0 = Instant.parse("2026-11-23T10:00:00Z");

    /** success-rate, latency (null: CloudWatch does not know the alarm) -> verdict, and what its sentence says. */
    static Stream<Arguments> table() {
        return Stream.of(
                Arguments.of(OK, OK, PASS, "all watched alarms OK"),
                Arguments.of(ALARM, OK, FAIL, "alarm success-rate is in ALARM (crossed at 10:00:05)"),
                Arguments.of(OK, ALARM, FAIL, "alarm latency is in ALARM (crossed at 10:00:07)"),
                Arguments.of(
                        ALARM,
                        ALARM,
                        FAIL,
                        "alarm success-rate is in ALARM (crossed at 10:00:05); alarm latency is in ALARM"),
                Arguments.of(ALARM, INSUFFICIENT_DATA, FAIL, "alarm success-rate is in ALARM"),
                Arguments.of(ALARM, null, FAIL, "alarm success-rate is in ALARM"),
                Arguments.of(INSUFFICIENT_DATA, OK, INCONCLUSIVE, "alarm success-rate is INSUFFICIENT_DATA"),
                Arguments.of(OK, null, INCONCLUSIVE, "alarm latency is MISSING"),
                Arguments.of(OK, MISSING, INCONCLUSIVE, "alarm latency is MISSING"),
                Arguments.of(
                        INSUFFICIENT_DATA,
                        null,
                        INCONCLUSIVE,
                        "alarm success-rate is INSUFFICIENT_DATA; alarm latency is MISSING"));
    }

    @ParameterizedTest(name = "{0} and {1} -> {2}")
    @MethodSource("table")
    void judgesTheWatchedAlarms(AlarmState successRate, AlarmState latency, Verdict.Kind expected, String says) {
        AlarmReadings readings = readings(successRate, latency);

        Verdict verdict = HealthGate.judge(WATCHED, readings);

        assertThat(verdict.kind()).isEqualTo(expected);
        assertThat(verdict.explanation()).contains(says);
        assertThat(HealthGate.isFiring(WATCHED, readings))
                .as("firing is the same rule as a fail")
                .isEqualTo(expected == FAIL);
        if (expected == FAIL) {
            assertThat(verdict.firing()).allSatisfy(r -> assertThat(r.state()).isEqualTo(ALARM));
            assertThat(verdict.firstChangedAt())
                    .as("the earliest change among the firing alarms")
                    .isEqualTo(successRate == ALARM ? T0.plusSeconds(5) : T0.plusSeconds(7));
        } else {
            assertThat(verdict.firing()).isEmpty();
            assertThat(verdict.firstChangedAt()).isNull();
        }
    }

    @Test
    void cloudWatchUnreadableIsInconclusiveAndNeverFiring() {
        AlarmReadings unreadable = AlarmReadings.unreadable("connect timed out");

        Verdict verdict = HealthGate.judge(WATCHED, unreadable);

        assertThat(verdict.kind()).isEqualTo(INCONCLUSIVE);
        assertThat(verdict.explanation()).isEqualTo("CloudWatch could not be read");
        assertThat(HealthGate.isFiring(WATCHED, unreadable)).isFalse();
        assertThat(unreadable.unreadableBecause()).contains("connect timed out");
        assertThat(unreadable.watched(WATCHED)).isEmpty();
    }

    @Test
    void anAlarmNobodyWatchesDoesNotCount() {
        AlarmReadings readings = AlarmReadings.of(Map.of(
                "success-rate", reading("success-rate", OK, 0),
                "latency", reading("latency", OK, 0),
                "someone-elses", reading("someone-elses", ALARM, 1)));

        assertThat(HealthGate.judge(WATCHED, readings).kind()).isEqualTo(PASS);
        assertThat(HealthGate.isFiring(WATCHED, readings)).isFalse();
    }

    private static AlarmReadings readings(AlarmState successRate, AlarmState latency) {
        Map<String, AlarmReading> byName = new LinkedHashMap<>();
        byName.put("success-rate", reading("success-rate", successRate, 5));
        if (latency != null) {
            byName.put("latency", reading("latency", latency, 7));
        }
        return AlarmReadings.of(byName);
    }

    private static AlarmReading reading(String name, AlarmState state, int secondsAfterT0) {
        return new AlarmReading(name, state, "crossed at 10:00:0" + secondsAfterT0, T0.plusSeconds(secondsAfterT0));
    }
}

package dev.ecscanary.controller.judge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ecscanary.controller.judge.CheckResult.Outcome;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The judge as a table: minutes of both sides in, verdict and its sentence out. */
class CanaryJudgeTest {

    private static final Instant T0 = Instant.parse("2026-12-04T10:00:00Z");
    private static final JudgeSettings DEFAULTS = JudgeSettings.defaults();

    /** {@code n} minutes, each with these requests, errors and p99. */
    static List<Minute> minutes(int n, long requests, long errors, Double p99) {
        List<Minute> list = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            list.add(new Minute(T0.plus(Duration.ofMinutes(i)), requests, errors, p99));
        }
        return list;
    }

    static Stream<Arguments> errorTable() {
        return Stream.of(
                // no requests at all: nothing to compare
                Arguments.of(
                        minutes(3, 0, 0, null),
                        minutes(3, 0, 0, null),
                        Outcome.INCONCLUSIVE,
                        "too few requests to compare 5xx yet: 0 on the new version, 0 on the old (50 each needed)"),
                // the new side has requests, the old one none (all traffic moved): inconclusive, never a pass
                Arguments.of(
                        List.of(),
                        minutes(3, 400, 0, 20.0),
                        Outcome.INCONCLUSIVE,
                        "too few requests to compare 5xx yet: 1,200 on the new version, 0 on the old (50 each needed)"),
                // counts only on the old side
                Arguments.of(
                        minutes(3, 400, 1, 20.0),
                        List.of(),
                        Outcome.INCONCLUSIVE,
                        "too few requests to compare 5xx yet: 0 on the new version, 1,200 on the old (50 each needed)"),
                // alike: pass with the numbers
                Arguments.of(
                        minutes(4, 1200, 1, 20.0),
                        minutes(4, 300, 0, 20.0),
                        Outcome.PASS,
                        "new version 0.0% 5xx (0 of 1,200) against 0.08% (4 of 4,800) on the old one, p = 1.000"),
                // 2.4% against 0.1%: the example
                Arguments.of(
                        minutes(1, 4810, 6, 20.0),
                        minutes(1, 1204, 29, 20.0),
                        Outcome.FAIL,
                        "new version 2.4% 5xx (29 of 1,204) against 0.1% (6 of 4,810) on the old one, p < 0.001"),
                // higher but not significant at small counts: 1 of 60 against 0 of 540
                Arguments.of(
                        minutes(1, 540, 0, 20.0),
                        minutes(1, 60, 1, 20.0),
                        Outcome.PASS,
                        "new version 1.7% 5xx (1 of 60) against 0.0% (0 of 540) on the old one, p = 0.100"),
                // significant but under the margin: 0.6% against 0.1% over many requests
                Arguments.of(
                        minutes(10, 10000, 10, 20.0),
                        minutes(10, 10000, 60, 20.0),
                        Outcome.PASS,
                        "new version 0.6% 5xx (600 of 100,000) against 0.1% (100 of 100,000) on the old one, p < 0.001"));
    }

    @ParameterizedTest
    @MethodSource("errorTable")
    void errors(List<Minute> oldSide, List<Minute> newSide, Outcome expected, String reason) {
        JudgeSettings latencyOff =
                new JudgeSettings(true, false, 0.01, 0.001, 50, 1.5, Duration.ofMillis(50), 2, 1, 0, 1);

        JudgeVerdict verdict = CanaryJudge.judge(oldSide, newSide, latencyOff);

        assertThat(verdict.errorCheck().outcome()).isEqualTo(expected);
        assertThat(verdict.errorCheck().reason()).isEqualTo(reason);
        if (verdict.pValue() != null) {
            assertThat(verdict.pValue()).isBetween(0.0, 1.0);
        }
    }

    static Stream<Arguments> latencyTable() {
        return Stream.of(
                // alike
                Arguments.of(
                        minutes(4, 500, 0, 40.0), minutes(4, 100, 0, 45.0), Outcome.PASS, "p99 new 45 ms, old 40 ms"),
                // 300 ms slower in every minute: beyond even the warm-up tolerance, four breaches in a row
                Arguments.of(
                        minutes(4, 500, 0, 40.0),
                        minutes(4, 100, 0, 340.0),
                        Outcome.FAIL,
                        "new version p99 340 ms against 40 ms on the old one for 4 minutes in a row (limit ×1.5 and +50 ms)"),
                // a new JVM warming up: three times slower in its first minute, 2.5 times in its second, then alike
                Arguments.of(
                        minutes(4, 500, 0, 40.0),
                        List.of(
                                new Minute(T0, 100, 0, 120.0),
                                new Minute(T0.plusSeconds(60), 100, 0, 100.0),
                                new Minute(T0.plusSeconds(120), 100, 0, 44.0),
                                new Minute(T0.plusSeconds(180), 100, 0, 41.0)),
                        Outcome.PASS,
                        "p99 new 41 ms, old 40 ms"),
                // doubled but under the floor: 20 ms against 10 ms is no regression worth a rollback
                Arguments.of(
                        minutes(4, 500, 0, 10.0), minutes(4, 100, 0, 20.0), Outcome.PASS, "p99 new 20 ms, old 10 ms"),
                // one slow minute between fast ones is not two in a row
                Arguments.of(
                        minutes(4, 500, 0, 40.0),
                        List.of(
                                new Minute(T0, 100, 0, 400.0),
                                new Minute(T0.plusSeconds(60), 100, 0, 45.0),
                                new Minute(T0.plusSeconds(120), 100, 0, 400.0),
                                new Minute(T0.plusSeconds(180), 100, 0, 45.0)),
                        Outcome.PASS,
                        "p99 new 45 ms, old 40 ms"),
                // one breaching minute is not yet a fail
                Arguments.of(
                        minutes(1, 500, 0, 40.0), minutes(1, 100, 0, 400.0), Outcome.PASS, "p99 new 400 ms, old 40 ms"),
                // too few requests per minute on the new side
                Arguments.of(
                        minutes(4, 500, 0, 40.0),
                        minutes(4, 5, 0, 400.0),
                        Outcome.INCONCLUSIVE,
                        "no minute yet with 50 requests on each side to compare p99"),
                // no p99 on the old side (CloudWatch gave none)
                Arguments.of(
                        minutes(4, 500, 0, null),
                        minutes(4, 100, 0, 400.0),
                        Outcome.INCONCLUSIVE,
                        "no minute yet with 50 requests on each side to compare p99"));
    }

    @ParameterizedTest
    @MethodSource("latencyTable")
    void latency(List<Minute> oldSide, List<Minute> newSide, Outcome expected, String reason) {
        JudgeVerdict verdict = CanaryJudge.judge(oldSide, newSide, DEFAULTS);

        assertThat(verdict.latency().outcome()).isEqualTo(expected);
        assertThat(verdict.latency().reason()).isEqualTo(reason);
    }

    @Test
    void theVerdictIsTheWorseCheckAndNamesWhatDecided() {
        JudgeVerdict slowOnly = CanaryJudge.judge(minutes(4, 500, 0, 40.0), minutes(4, 100, 0, 340.0), DEFAULTS);
        assertThat(slowOnly.outcome()).isEqualTo(Outcome.FAIL);
        assertThat(slowOnly.decidedBy()).isEqualTo("latency");
        assertThat(slowOnly.reason()).startsWith("new version p99 340 ms");
        assertThat(slowOnly.newP99()).isEqualTo(340.0);
        assertThat(slowOnly.oldP99()).isEqualTo(40.0);

        JudgeVerdict early = CanaryJudge.judge(minutes(1, 40, 0, 40.0), minutes(1, 4, 0, 45.0), DEFAULTS);
        assertThat(early.outcome()).isEqualTo(Outcome.INCONCLUSIVE);
        assertThat(early.decidedBy()).isNull();
        assertThat(early.reason()).contains("too few requests").contains("no minute yet");

        JudgeVerdict healthy = CanaryJudge.judge(minutes(4, 500, 0, 40.0), minutes(4, 100, 0, 42.0), DEFAULTS);
        assertThat(healthy.outcome()).isEqualTo(Outcome.PASS);
        assertThat(healthy.reason())
                .isEqualTo(
                        "new version 0.0% 5xx (0 of 400) against 0.0% (0 of 2,000) on the old one, p = 1.000; p99 new 42 ms, old 40 ms");
    }

    @Test
    void impossibleMinutesAreRefused() {
        assertThatThrownBy(() -> new Minute(T0, 10, 11, null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Minute(T0, 10, 0, Double.NaN)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void settingsThatCannotWorkAreRefusedWithTheProperty() {
        assertThatThrownBy(() -> new JudgeSettings(true, false, 0.01, 0.7, 50, 1.5, Duration.ofMillis(50), 2, 10, 1, 3)
                        .check("controller.services.demo-app.canary-judge"))
                .hasMessage(
                        "controller.services.demo-app.canary-judge.significance: must be more than 0 and less than 0.5");
        assertThatThrownBy(
                        () -> new JudgeSettings(true, false, 0.01, 0.001, 50, 0.9, Duration.ofMillis(50), 2, 10, 1, 3)
                                .check("x"))
                .hasMessage("x.latency-ratio: must be at least 1");
        assertThat(DEFAULTS.check("x")).isEqualTo(DEFAULTS);
    }
}

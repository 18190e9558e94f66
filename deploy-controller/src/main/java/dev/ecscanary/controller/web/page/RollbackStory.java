package dev.ecscanary.controller.web.page;

import dev.ecscanary.controller.analysis.AlarmSeries;
import dev.ecscanary.controller.analysis.AlarmState;
import dev.ecscanary.controller.deployment.Deployment;
import dev.ecscanary.controller.deployment.Phase;
import dev.ecscanary.controller.deployment.PhaseOutcome;
import dev.ecscanary.controller.web.Format;
import dev.ecscanary.controller.web.chart.SuccessRateChart;
import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Why a release was rolled back, told as sentences a person can check against CloudWatch and CodeDeploy: which
 * alarm, in which step, at what traffic, with the metric values, and how long detection and the rollback took.
 *
 * @param sentence  the explanation
 * @param recorded  the reason as the controller recorded it when it acted
 * @param detection from the alarm's state change to the controller's stop, e.g. {@code 2.1 s}; null when not known
 * @param restore   from the stop to all traffic verified back on the original; null until then
 */
record RollbackStory(String sentence, String recorded, String detection, String restore) {

    static RollbackStory of(Deployment d, String alarm, List<AlarmSeries.Point> points, SuccessRateChart chart) {
        Phase stopPhase = d.phases().stream()
                .filter(p -> p.outcome() == PhaseOutcome.ROLLED_BACK)
                .findFirst()
                .orElse(d.currentPhase().orElse(null));
        String firing = firingAlarm(d, stopPhase, alarm);
        String where = stopPhase == null
                ? "before any traffic moved"
                : "during step " + stopPhase.trafficPercent() / 10 + " of 10, with " + stopPhase.trafficPercent()
                        + "% of production traffic on "
                        + Format.tag(d.request().image().value());
        StringBuilder s = new StringBuilder();
        if (d.alarmChangedAt() != null && firing != null) {
            s.append("The alarm ")
                    .append(firing)
                    .append(" went into ALARM at ")
                    .append(Format.time(d.alarmChangedAt()))
                    .append(" UTC, ")
                    .append(where)
                    .append('.');
            s.append(values(d.alarmChangedAt(), points, chart));
            if (d.stopRequestedAt() != null) {
                s.append(" The controller stopped the release ")
                        .append(Format.between(d.alarmChangedAt(), d.stopRequestedAt()))
                        .append(" later");
            }
        } else if (d.stopRequestedAt() != null) {
            s.append(d.reason())
                    .append(", ")
                    .append(where)
                    .append(". The controller stopped the release at ")
                    .append(Format.time(d.stopRequestedAt()))
                    .append(" UTC");
        } else {
            s.append(d.reason()).append(", ").append(where).append(". This controller sent no stop of its own");
        }
        if (d.trafficRestoredAt() != null) {
            s.append(
                    d.stopRequestedAt() != null
                            ? "; all traffic was back on the original version "
                                    + Format.between(d.stopRequestedAt(), d.trafficRestoredAt()) + " after that."
                            : "; all traffic was back on the original version at " + Format.time(d.trafficRestoredAt())
                                    + " UTC.");
        } else {
            s.append(d.status().isTerminal() ? "." : "; traffic is moving back to the original version.");
        }
        return new RollbackStory(
                s.toString(),
                d.reason(),
                d.alarmChangedAt() == null ? null : Format.between(d.alarmChangedAt(), d.stopRequestedAt()),
                Format.between(d.stopRequestedAt(), d.trafficRestoredAt()));
    }

    private static String firingAlarm(Deployment d, Phase stopPhase, String fallback) {
        if (stopPhase != null) {
            for (var e : stopPhase.alarmStates().entrySet()) {
                if (e.getValue() == AlarmState.ALARM) {
                    return e.getKey();
                }
            }
        }
        return d.alarms().values().stream()
                .filter(a -> a.state() == AlarmState.ALARM)
                .map(a -> a.name())
                .findFirst()
                .orElse(d.reason() != null && d.reason().contains(fallback) ? fallback : null);
    }

    /** The breaching datapoints that led to the alarm (the last three up to it), with the threshold. */
    private static String values(Instant changedAt, List<AlarmSeries.Point> points, SuccessRateChart chart) {
        if (chart == null) {
            return "";
        }
        List<AlarmSeries.Point> breaching = points.stream()
                .filter(p -> !p.timestamp().isAfter(changedAt) && chart.breaches(p.value()))
                .toList();
        if (breaching.isEmpty()) {
            return "";
        }
        List<AlarmSeries.Point> last = breaching.subList(Math.max(0, breaching.size() - 3), breaching.size());
        return " The metric read "
                + last.stream()
                        .map(p -> chart.value(p.value()) + " at " + Format.time(p.timestamp()))
                        .collect(Collectors.joining(", "))
                + " UTC, against a threshold of " + chart.threshold() + ".";
    }
}

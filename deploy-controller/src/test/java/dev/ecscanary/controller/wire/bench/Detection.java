package dev.ecscanary.controller.wire.bench;

import dev.ecscanary.controller.wire.StandInWorld.StopArrival;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Detection times, one per release whose alarm flipped: from the flip to the first StopDeployment for that release
 * arriving at the stand-in.
 *
 * @param millis    sorted, of the releases that were stopped
 * @param flipped   releases whose alarm flipped
 * @param stopCalls StopDeployment requests that arrived in all (one per release is the contract)
 */
record Detection(List<Long> millis, int flipped, int stopCalls) {

    static Detection of(Map<String, Instant> flips, List<StopArrival> stops) {
        List<Long> millis = new ArrayList<>();
        flips.forEach((service, flippedAt) -> stops.stream()
                .filter(stop -> stop.service().equals(service))
                .min(Comparator.comparing(StopArrival::at))
                .ifPresent(stop ->
                        millis.add(Duration.between(flippedAt, stop.at()).toMillis())));
        millis.sort(Comparator.naturalOrder());
        return new Detection(List.copyOf(millis), flips.size(), stops.size());
    }

    /** Nearest-rank percentile; NaN when nothing was stopped. */
    double percentile(double p) {
        if (millis.isEmpty()) {
            return Double.NaN;
        }
        int rank = (int) Math.ceil(p / 100 * millis.size());
        return millis.get(Math.max(0, rank - 1));
    }

    int stopped() {
        return millis.size();
    }
}

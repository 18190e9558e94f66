package dev.ecscanary.controller.pretraffic;

import java.time.Duration;
import java.util.List;

/**
 * A service's pre-traffic check, validated: the requests of one round, run in order, and how many rounds run with
 * what concurrency against the replacement's targets.
 *
 * @param requests       one round, in order
 * @param rounds         how many times the list runs
 * @param concurrency    how many rounds run at once
 * @param maxFailedShare the largest share of failed answers a request may have and pass, 0 to 1
 * @param latencyBudget  the largest p99 latency a request may have and pass
 * @param requestTimeout how long one request may take to answer in full before it counts as failed
 */
public record SmokePlan(
        List<SmokeRequest> requests,
        int rounds,
        int concurrency,
        double maxFailedShare,
        Duration latencyBudget,
        Duration requestTimeout) {

    public SmokePlan {
        requests = List.copyOf(requests);
    }

    /** The most time the whole check can take: every round's requests one after another, each timing out. */
    public Duration worstCase() {
        long waves = (rounds + concurrency - 1) / concurrency;
        return requestTimeout.multipliedBy(waves * requests.size());
    }
}

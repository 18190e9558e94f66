package dev.ecscanary.controller.deployment.reconcile;

import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Who takes a newly accepted release's first step: the worker it was handed to at the accept, or a tick that comes
 * first. Exactly one of them starts the release. A worker whose step a tick took over stays away from the release
 * altogether: with nothing left to do it would still hold the release's lock for a moment, and a tick meeting that lock
 * would pass the release over for a whole interval.
 */
final class FirstSteps {

    private enum State {
        QUEUED,
        TAKEN
    }

    private final Map<UUID, State> steps = new ConcurrentHashMap<>();

    /** The release's first step was handed to a worker. */
    void queued(UUID id) {
        steps.put(id, State.QUEUED);
    }

    /** The worker's turn: true when the step is still its own; false when a tick took it over. */
    boolean takenByWorker(UUID id) {
        return steps.replace(id, State.QUEUED, State.TAKEN);
    }

    /** The worker is done with the step, whether or not it could start the release. */
    void over(UUID id) {
        steps.remove(id);
    }

    /** A tick's turn: false while a worker takes the step; a step still queued, the tick takes over. */
    boolean tickMayStart(UUID id) {
        State step = steps.get(id);
        return step == null || step == State.QUEUED && steps.remove(id, State.QUEUED);
    }

    /** True from the accept until the worker is done with the step or a tick took it over. */
    boolean pending(UUID id) {
        return steps.containsKey(id);
    }
}

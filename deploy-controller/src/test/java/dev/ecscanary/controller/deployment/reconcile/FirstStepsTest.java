package dev.ecscanary.controller.deployment.reconcile;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.junit.jupiter.api.Test;

class FirstStepsTest {

    private final FirstSteps steps = new FirstSteps();
    private final UUID release = UUID.randomUUID();

    @Test
    void aTickThatComesBeforeTheWorkerTakesTheStepOverAndTheWorkerStaysAway() {
        steps.queued(release);
        assertThat(steps.pending(release)).isTrue();

        assertThat(steps.tickMayStart(release)).isTrue();
        assertThat(steps.pending(release)).isFalse();
        assertThat(steps.takenByWorker(release))
                .as("the worker must not take the lock afterwards")
                .isFalse();
    }

    @Test
    void aTickLeavesAStepItsWorkerHasTakenUntilTheWorkerIsDone() {
        steps.queued(release);
        assertThat(steps.takenByWorker(release)).isTrue();

        assertThat(steps.tickMayStart(release)).isFalse();
        assertThat(steps.tickMayStart(release)).as("and the next tick too").isFalse();
        assertThat(steps.pending(release)).isTrue();

        steps.over(release);
        assertThat(steps.pending(release)).isFalse();
        assertThat(steps.tickMayStart(release)).isTrue();
    }

    @Test
    void aReleaseWithNoStepHandedOutIsTheTicks() {
        // e.g. one accepted before the controller restarted
        assertThat(steps.tickMayStart(release)).isTrue();
        assertThat(steps.pending(release)).isFalse();
    }
}

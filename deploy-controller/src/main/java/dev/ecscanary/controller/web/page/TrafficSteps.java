package dev.ecscanary.controller.web.page;

import dev.ecscanary.controller.deployment.Deployment;
import dev.ecscanary.controller.deployment.DeploymentStatus;
import dev.ecscanary.controller.deployment.Phase;
import java.util.ArrayList;
import java.util.List;

/**
 * The ten 10% traffic steps of a linear release as a progress bar: each step done, current, stopped at or not
 * reached, with words for each so the bar reads without its colours.
 */
record TrafficSteps(List<Step> steps, String caption, int replacementPercent, int originalPercent) {

    static final int STEPS = 10;

    /** One segment of the bar; {@code state} is its CSS class. */
    record Step(int number, String label, String state, String stateText) {}

    static TrafficSteps of(Deployment d) {
        int traffic = d.trafficPercent();
        int reached = d.phases().stream().mapToInt(Phase::trafficPercent).max().orElse(0);
        boolean stopped = d.status() == DeploymentStatus.ROLLING_BACK
                || d.status() == DeploymentStatus.ROLLED_BACK
                || d.status() == DeploymentStatus.FAILED;
        boolean done = d.status() == DeploymentStatus.SUCCEEDED;
        int current = (stopped ? reached : traffic) / STEPS;
        List<Step> steps = new ArrayList<>(STEPS);
        for (int n = 1; n <= STEPS; n++) {
            String label = (n * STEPS) + "%";
            if (done || n < current) {
                steps.add(new Step(n, label, "done", "reached"));
            } else if (n == current) {
                steps.add(
                        stopped
                                ? new Step(n, label, "stopped", "stopped here")
                                : new Step(n, label, "current", "current step"));
            } else {
                steps.add(new Step(n, label, "todo", "not reached"));
            }
        }
        return new TrafficSteps(steps, caption(d, traffic, current, stopped, done), traffic, 100 - traffic);
    }

    private static String caption(Deployment d, int traffic, int current, boolean stopped, boolean done) {
        if (done) {
            return "All 10 steps done: 100% of traffic on the new version.";
        }
        if (stopped) {
            return "Stopped at step " + current + " of 10; now " + traffic + "% of traffic on the new version.";
        }
        if (d.status() == DeploymentStatus.PENDING) {
            return "Not started yet: the task definition and the CodeDeploy deployment are being created.";
        }
        if (current == 0) {
            return "Replacement installed; no production traffic on it yet.";
        }
        return "Step " + current + " of 10: " + traffic + "% of traffic on the new version.";
    }
}

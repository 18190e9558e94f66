package dev.ecscanary.localaws.codedeploy;

import java.time.Duration;
import java.time.Instant;
import java.util.function.BooleanSupplier;

/**
 * Waits inside a running deployment while watching for a reason to stop: a StopDeployment call, or (when the
 * deployment group monitors alarms) one of its alarms in ALARM, which CodeDeploy answers by stopping itself.
 */
final class Pacer {

    private static final long SLICE_MILLIS = 20;

    private final Deployment deployment;
    private final AlarmWatch alarms;

    Pacer(Deployment deployment, AlarmWatch alarms) {
        this.deployment = deployment;
        this.alarms = alarms;
    }

    /** Throws when the deployment must stop now. */
    void check() throws DeploymentStopped {
        DeploymentGroup group = deployment.group();
        if (deployment.stopRequest() == null && group.alarmMonitoringEnabled()) {
            alarms.firstInAlarm(group.alarmNames())
                    .ifPresent(alarm -> deployment.requestStop(new StopRequest(
                            "ALARM_ACTIVE",
                            "One or more alarms have been activated according to the Amazon CloudWatch metrics you selected, and the "
                                    + "affected deployments have been stopped. Activated alarms: <" + alarm + ">",
                            deployment.rollsBackOn("DEPLOYMENT_STOP_ON_ALARM"))));
        }
        StopRequest stop = deployment.stopRequest();
        if (stop != null) {
            throw new DeploymentStopped(stop);
        }
    }

    void pause(Duration duration) throws DeploymentStopped, InterruptedException {
        pauseUntil(duration, () -> false);
    }

    /** Waits up to {@code duration}, returning early (true) once {@code done} holds. */
    boolean pauseUntil(Duration duration, BooleanSupplier done) throws DeploymentStopped, InterruptedException {
        Instant deadline = Instant.now().plus(duration);
        while (true) {
            check();
            if (done.getAsBoolean()) {
                return true;
            }
            long left = Duration.between(Instant.now(), deadline).toMillis();
            if (left <= 0) {
                return false;
            }
            Thread.sleep(Math.min(SLICE_MILLIS, left));
        }
    }
}

package dev.ecscanary.localaws.codedeploy;

import dev.ecscanary.localaws.RehearsalNames;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * The ECS blue/green deployment group {@code demo-app}. Its alarm-based rollback can be switched on and off
 * while the rehearsal runs, to show either safety net: the controller's or CodeDeploy's own.
 */
public final class DeploymentGroup {

    /** The auto-rollback events that a deployment group can enable. */
    public static final Set<String> ROLLBACK_EVENTS =
            Set.of("DEPLOYMENT_FAILURE", "DEPLOYMENT_STOP_ON_ALARM", "DEPLOYMENT_STOP_ON_REQUEST");

    private final RehearsalNames names;
    private final String id = UUID.randomUUID().toString();
    private volatile boolean alarmMonitoringEnabled;
    private volatile int readyWaitMinutes;
    private volatile List<String> autoRollbackEvents = List.of("DEPLOYMENT_FAILURE", "DEPLOYMENT_STOP_ON_ALARM");
    private volatile Deployment lastSuccessful;
    private volatile Deployment lastAttempted;

    public DeploymentGroup(RehearsalNames names, boolean alarmMonitoringEnabled) {
        this.names = names;
        this.alarmMonitoringEnabled = alarmMonitoringEnabled;
        this.readyWaitMinutes = names.readyWaitMinutes();
    }

    /**
     * The deployment ready option: above 0, a deployment waits in READY_WAIT (status Ready, the test listener on the
     * replacement, no production traffic) until ContinueDeployment, and is stopped after this many minutes
     * (STOP_DEPLOYMENT); 0 reroutes production traffic at once (CONTINUE_DEPLOYMENT).
     */
    public int readyWaitMinutes() {
        return readyWaitMinutes;
    }

    public void readyWaitMinutes(int minutes) {
        if (minutes < 0 || minutes > 2880) {
            throw new IllegalArgumentException("the ready wait must be 0 to 2880 minutes, was " + minutes);
        }
        this.readyWaitMinutes = minutes;
    }

    public String applicationName() {
        return names.codeDeployApplication();
    }

    public String name() {
        return names.deploymentGroup();
    }

    public String id() {
        return id;
    }

    public String deploymentConfigName() {
        return names.deploymentConfig();
    }

    public List<String> alarmNames() {
        return List.of(names.alarm());
    }

    public boolean alarmMonitoringEnabled() {
        return alarmMonitoringEnabled;
    }

    public void alarmMonitoringEnabled(boolean enabled) {
        this.alarmMonitoringEnabled = enabled;
    }

    public List<String> autoRollbackEvents() {
        return autoRollbackEvents;
    }

    public void autoRollbackEvents(List<String> events) {
        this.autoRollbackEvents = List.copyOf(events);
    }

    public int terminationWaitMinutes() {
        return names.terminationWaitMinutes();
    }

    public String serviceRoleArn() {
        return "arn:aws:iam::" + names.accountId() + ":role/ecs-canary-codedeploy";
    }

    public RehearsalNames names() {
        return names;
    }

    public Deployment lastSuccessful() {
        return lastSuccessful;
    }

    public Deployment lastAttempted() {
        return lastAttempted;
    }

    void attempted(Deployment deployment) {
        lastAttempted = deployment;
    }

    void succeeded(Deployment deployment) {
        lastSuccessful = deployment;
    }
}

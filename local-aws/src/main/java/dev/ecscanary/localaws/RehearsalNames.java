package dev.ecscanary.localaws;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/**
 * The canonical names of the rehearsal (cluster, service, target groups, listeners, alarm), read from
 * {@code rehearsal-names.properties} so that they are written down in exactly one place.
 */
public record RehearsalNames(
        String region,
        String accountId,
        String cluster,
        String service,
        String taskFamily,
        String containerName,
        int containerPort,
        String healthCheckPath,
        String codeDeployApplication,
        String deploymentGroup,
        String deploymentConfig,
        String targetGroupBlue,
        String targetGroupGreen,
        String loadBalancer,
        int productionListenerPort,
        int testListenerPort,
        String alarm,
        double alarmThreshold,
        int alarmPeriodSeconds,
        int alarmEvaluationPeriods,
        int alarmDatapointsToAlarm,
        String alarmTreatMissingData,
        int terminationWaitMinutes,
        int readyWaitMinutes,
        int healthCheckIntervalSeconds,
        int healthCheckTimeoutSeconds,
        int healthyThreshold,
        int unhealthyThreshold,
        int deregistrationDelaySeconds) {

    public static final String RESOURCE = "/rehearsal-names.properties";

    public static RehearsalNames load() {
        Properties p = new Properties();
        try (InputStream in = RehearsalNames.class.getResourceAsStream(RESOURCE)) {
            p.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new RehearsalNames(
                p.getProperty("region"),
                p.getProperty("account-id"),
                p.getProperty("cluster"),
                p.getProperty("service"),
                p.getProperty("task-family"),
                p.getProperty("container-name"),
                Integer.parseInt(p.getProperty("container-port")),
                p.getProperty("health-check-path"),
                p.getProperty("codedeploy-application"),
                p.getProperty("deployment-group"),
                p.getProperty("deployment-config"),
                p.getProperty("target-group-blue"),
                p.getProperty("target-group-green"),
                p.getProperty("load-balancer"),
                Integer.parseInt(p.getProperty("production-listener-port")),
                Integer.parseInt(p.getProperty("test-listener-port")),
                p.getProperty("alarm"),
                Double.parseDouble(p.getProperty("alarm-threshold")),
                Integer.parseInt(p.getProperty("alarm-period-seconds")),
                Integer.parseInt(p.getProperty("alarm-evaluation-periods")),
                Integer.parseInt(p.getProperty("alarm-datapoints-to-alarm")),
                p.getProperty("alarm-treat-missing-data"),
                Integer.parseInt(p.getProperty("termination-wait-minutes")),
                Integer.parseInt(p.getProperty("ready-wait-minutes")),
                Integer.parseInt(p.getProperty("health-check-interval-seconds")),
                Integer.parseInt(p.getProperty("health-check-timeout-seconds")),
                Integer.parseInt(p.getProperty("healthy-threshold")),
                Integer.parseInt(p.getProperty("unhealthy-threshold")),
                Integer.parseInt(p.getProperty("deregistration-delay-seconds")));
    }

    /** An AWS-shaped ARN in the rehearsal's region and account. */
    public String arn(String service, String resource) {
        return "arn:aws:" + service + ":" + region + ":" + accountId + ":" + resource;
    }
}

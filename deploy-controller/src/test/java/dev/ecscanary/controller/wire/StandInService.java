package dev.ecscanary.controller.wire;

import java.util.HexFormat;

/**
 * One ECS service as the stand-in's AWS account holds it: its cluster and service, its CodeDeploy application and
 * deployment group, its alarm, its blue and green target groups and its listeners.
 */
public record StandInService(
        String name,
        String cluster,
        String ecsService,
        String application,
        String deploymentGroup,
        String alarm,
        String blueTargetGroup,
        String greenTargetGroup) {

    static final String ACCOUNT = "123456789012";
    static final String REGION = "eu-central-1";
    private static final String ELB_ARN = "arn:aws:elasticloadbalancing:" + REGION + ":" + ACCOUNT + ":";

    /** The repository's naming: everything named after the service, the alarm {@code <name>-success-rate}. */
    public static StandInService named(String name, String cluster) {
        return new StandInService(
                name, cluster, name, name, name, name + "-success-rate", name + "-blue", name + "-green");
    }

    /** CodeDeploy's ECS target id: {@code cluster:service}. */
    public String ecsTargetId() {
        return cluster + ":" + ecsService;
    }

    public String serviceArn() {
        return "arn:aws:ecs:" + REGION + ":" + ACCOUNT + ":service/" + cluster + "/" + ecsService;
    }

    public String clusterArn() {
        return "arn:aws:ecs:" + REGION + ":" + ACCOUNT + ":cluster/" + cluster;
    }

    public String productionListenerArn() {
        return ELB_ARN + "listener/app/" + cluster + "/" + id("lb") + "/" + id("prod:" + name);
    }

    public String testListenerArn() {
        return ELB_ARN + "listener/app/" + cluster + "/" + id("lb") + "/" + id("test:" + name);
    }

    public String targetGroupArn(String targetGroupName) {
        return ELB_ARN + "targetgroup/" + targetGroupName + "/" + id(targetGroupName);
    }

    public String alarmArn() {
        return "arn:aws:cloudwatch:" + REGION + ":" + ACCOUNT + ":alarm:" + alarm;
    }

    /** A stable 16-hex-digit id, as AWS puts in ARNs. */
    private String id(String seed) {
        return HexFormat.of().toHexDigits(seed.hashCode() * 0x9E3779B97F4A7C15L + cluster.hashCode());
    }
}

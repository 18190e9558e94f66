package dev.ecscanary.controller.wire;

import dev.ecscanary.controller.fakes.MutableClock;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The one stand-in AWS and the one movable clock the wire tests share (the controller's clock and the stand-in's
 * timestamps agree), with the controller properties that point a context at it.
 */
public final class SharedStandIn {

    public static final String SERVICE = "demo-app";
    public static final String ALARM = "demo-app-success-rate";
    /** A second service of the same cluster, for scenarios with more than one release in flight. */
    public static final String OTHER_SERVICE = "other-app";

    private static MutableClock clock;
    private static AwsStandIn standIn;

    private SharedStandIn() {}

    public static synchronized AwsStandIn aws() {
        if (standIn == null) {
            standIn = AwsStandIn.forTests(clock());
            standIn.world().add(StandInService.named(SERVICE, "ecs-canary"));
            standIn.world().add(StandInService.named(OTHER_SERVICE, "ecs-canary"));
            Runtime.getRuntime().addShutdownHook(new Thread(standIn::close, "aws-stand-in-stop"));
        }
        return standIn;
    }

    public static synchronized MutableClock clock() {
        if (clock == null) {
            clock = new MutableClock();
        }
        return clock;
    }

    /**
     * The real adapters and SDK clients pointed at the stand-in: retries backed off by milliseconds (not the default
     * second) so throttling tests stay fast, and an attempt timeout long enough that only a test's own hold or a
     * closed context ends a call. The second service is declared next to the test profile's demo-app; the
     * reconciler works on one deployment at a time, so the order of its calls within a tick is deterministic.
     */
    public static Map<String, Object> controllerProperties() {
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("controller.aws.endpoint", aws().url());
        properties.put("controller.aws.region", "eu-central-1");
        properties.put("controller.aws.retry-backoff", "5ms");
        properties.put("controller.aws.throttling-backoff", "5ms");
        properties.put("controller.aws.api-call-attempt-timeout", "20s");
        properties.put("controller.aws.api-call-timeout", "65s");
        properties.put("controller.reconciler.enabled", "false");
        properties.put("controller.reconciler.parallelism", "1");
        String other = "controller.services." + OTHER_SERVICE + ".";
        properties.put(other + "cluster", "ecs-canary");
        properties.put(other + "ecs-service", OTHER_SERVICE);
        properties.put(other + "application", OTHER_SERVICE);
        properties.put(other + "deployment-group", OTHER_SERVICE);
        properties.put(other + "container-name", OTHER_SERVICE);
        properties.put(other + "container-port", "3000");
        properties.put(other + "alarms[0]", OTHER_SERVICE + "-success-rate");
        properties.put(other + "environments[0]", "production");
        properties.put(
                other + "image-repositories[0]", "123456789012.dkr.ecr.eu-central-1.amazonaws.com/" + OTHER_SERVICE);
        properties.put(other + "variables.family", OTHER_SERVICE);
        properties.put(other + "variables.cpu", "256");
        properties.put(other + "variables.memory", "512");
        properties.put(other + "variables.execution-role-arn", "arn:aws:iam::123456789012:role/other-app-execution");
        properties.put(other + "variables.task-role-arn", "arn:aws:iam::123456789012:role/other-app-task");
        properties.put(other + "variables.log-group", "/ecs/" + OTHER_SERVICE);
        properties.put(other + "variables.region", "eu-central-1");
        return properties;
    }
}

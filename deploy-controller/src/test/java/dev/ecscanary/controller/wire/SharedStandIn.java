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

    private static MutableClock clock;
    private static AwsStandIn standIn;

    private SharedStandIn() {
    }

    public static synchronized AwsStandIn aws() {
        if (standIn == null) {
            standIn = AwsStandIn.forTests(clock());
            standIn.world().add(StandInService.named(SERVICE, "ecs-canary"));
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
     * closed context ends a call.
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
        return properties;
    }
}

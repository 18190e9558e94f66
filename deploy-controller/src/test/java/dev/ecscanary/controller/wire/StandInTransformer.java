package dev.ecscanary.controller.wire;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;

import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * Answers every request that reaches WireMock as the AWS service it is addressed to would: works out the protocol and
 * operation, applies a fault if one is due, else carries the operation out on the world and answers on the wire.
 */
final class StandInTransformer implements ResponseDefinitionTransformerV2 {

    private final WireFaults faults;
    private final CodeDeployOperations codeDeploy;
    private final EcsOperations ecs;
    private final CloudWatchOperations cloudWatch;
    private final ElbOperations elb;
    private final Map<String, LongAdder> received = new ConcurrentHashMap<>();

    StandInTransformer(StandInWorld world, WireFaults faults) {
        this.faults = faults;
        this.codeDeploy = new CodeDeployOperations(world);
        this.ecs = new EcsOperations(world);
        this.cloudWatch = new CloudWatchOperations(world);
        this.elb = new ElbOperations(world);
    }

    @Override
    public String getName() {
        return "aws-stand-in";
    }

    @Override
    public ResponseDefinition transform(ServeEvent event) {
        WireCall call = WireCall.of(event.getRequest()).orElse(null);
        if (call == null) {
            return aResponse()
                    .withStatus(400)
                    .withBody("Not an AWS request this stand-in answers")
                    .build();
        }
        received.computeIfAbsent(call.operation(), k -> new LongAdder()).increment();
        WireFault fault = faults.take(call.operation());
        if (fault == WireFault.THROTTLING) {
            return call.protocol()
                    .error(400, call.protocol().throttlingCode(), "Rate exceeded")
                    .build();
        }
        if (fault == WireFault.SERVER_ERROR) {
            return call.protocol()
                    .error(503, "ServiceUnavailable", "Service is unavailable")
                    .build();
        }
        String body;
        try {
            body = carryOut(call);
        } catch (StandInError e) {
            return call.protocol().error(e.status, e.code, e.getMessage()).build();
        }
        if (fault == WireFault.HOLD_ANSWER) {
            faults.hold();
        }
        if (fault == WireFault.LOSE_ANSWER || fault == WireFault.HOLD_ANSWER) {
            return aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER).build();
        }
        return call.protocol().ok(call.operation(), body).build();
    }

    private String carryOut(WireCall call) {
        return switch (call.protocol()) {
            case CODEDEPLOY_JSON -> codeDeploy.answer(call);
            case ECS_JSON -> ecs.answer(call);
            case CLOUDWATCH_QUERY -> cloudWatch.answer(call);
            case ELBV2_QUERY -> elb.answer(call);
        };
    }

    long received(String operation) {
        LongAdder count = received.get(operation);
        return count == null ? 0 : count.sum();
    }

    void forgetReceived() {
        received.clear();
    }
}

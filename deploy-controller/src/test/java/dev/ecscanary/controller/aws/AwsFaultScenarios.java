package dev.ecscanary.controller.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import java.time.Duration;
import java.util.List;

/**
 * The failure behaviour every adapter operation must show, whatever its service: throttling retried by the SDK,
 * persistent 5xx and hung responses reported as unavailable, client errors as rejected (and not counted by the
 * circuit breaker), and an open circuit refusing calls before they reach the network.
 */
public final class AwsFaultScenarios {

    private static final int FAULT_PRIORITY = 1;
    private static final int SUCCESS_PRIORITY = 10;
    /** Warm-up calls the hung scenario may make: fewer than the circuit breaker's window, so it never opens. */
    private static final int BREAKER_WINDOW_SPARE_CALLS = AwsTestRig.BREAKER_WINDOW - 1;

    private final WireMockServer server;
    private final AwsTestRig rig;

    public AwsFaultScenarios(WireMockServer server, AwsTestRig rig) {
        this.server = server;
        this.rig = rig;
    }

    /** Lets every operation of an adapter succeed unless a scenario overrides one. */
    public void stubSuccess(List<AwsOperation> operations) {
        for (AwsOperation op : operations) {
            server.stubFor(op.protocol()
                    .stubFor(op.name())
                    .atPriority(SUCCESS_PRIORITY)
                    .willReturn(op.protocol().ok(op.name(), op.successBody())));
        }
    }

    public void throttledOnceIsRetriedAndSucceeds(AwsOperation op) {
        server.stubFor(op.protocol()
                .stubFor(op.name())
                .atPriority(FAULT_PRIORITY)
                .inScenario(op.name())
                .whenScenarioStateIs(Scenario.STARTED)
                .willSetStateTo("throttled once")
                .willReturn(op.protocol().error(400, op.protocol().throttlingCode(), "Rate exceeded")));
        server.stubFor(op.protocol()
                .stubFor(op.name())
                .atPriority(FAULT_PRIORITY)
                .inScenario(op.name())
                .whenScenarioStateIs("throttled once")
                .willReturn(op.protocol().ok(op.name(), op.successBody())));

        op.invoke().run();

        assertThat(requestsOf(op)).isEqualTo(2);
        assertThat(rig.meters
                        .get("controller.aws.attempts")
                        .tags("service", op.service().id(), "operation", op.name())
                        .counter()
                        .count())
                .isEqualTo(2);
        assertThat(rig.meters
                        .get("controller.aws.calls")
                        .tags("service", op.service().id(), "operation", op.name(), "outcome", "success")
                        .timer()
                        .count())
                .isEqualTo(1);
    }

    public void persistentServerErrorsAreUnavailableAfterMaxAttempts(AwsOperation op) {
        server.stubFor(op.protocol()
                .stubFor(op.name())
                .atPriority(FAULT_PRIORITY)
                .willReturn(op.protocol().error(503, "ServiceUnavailable", "Service is unavailable")));

        AwsUnavailableException failure = catchThrowableOfType(
                AwsUnavailableException.class, () -> op.invoke().run());

        assertThat(failure.service()).isEqualTo(op.service().id());
        assertThat(failure.operation()).isEqualTo(op.name());
        assertThat(failure).hasMessageContaining("ServiceUnavailable").hasMessageContaining("503");
        assertThat(requestsOf(op)).isEqualTo(AwsTestRig.MAX_ATTEMPTS);
        assertThat(rig.meters
                        .get("controller.aws.calls")
                        .tags("service", op.service().id(), "operation", op.name(), "outcome", "server_error")
                        .timer()
                        .count())
                .isEqualTo(1);
    }

    /** Expects a rig with {@link AwsTestRig#SHORT_ATTEMPT_TIMEOUT}, to stay fast. */
    public void responseSlowerThanAttemptTimeoutIsUnavailable(AwsOperation op) {
        warmUp(op);
        int before = requestsOf(op);
        Duration hung = rig.properties.apiCallAttemptTimeout().multipliedBy(6);
        server.stubFor(op.protocol()
                .stubFor(op.name())
                .atPriority(FAULT_PRIORITY)
                .willReturn(op.protocol().ok(op.name(), op.successBody()).withFixedDelay((int) hung.toMillis())));

        AwsUnavailableException failure = catchThrowableOfType(
                AwsUnavailableException.class, () -> op.invoke().run());

        assertThat(failure.operation()).isEqualTo(op.name());
        // had the attempt timeout not fired, the delayed answer would have been a success
        assertThat(failure).hasMessageContaining("timeout");
        // the SDK retries a timed-out attempt; on a busy machine the overall call timeout may cut later ones short
        assertThat(requestsOf(op) - before).as("attempts").isBetween(1, AwsTestRig.MAX_ATTEMPTS);
    }

    /**
     * A first, answered call loads the classes and opens a pooled connection, so that the short timed attempts of the
     * hung scenario are spent waiting for the answer, not on start-up work. On a machine so busy that even that call
     * outlasts the short attempts it is made again, twice at most: too few calls for the circuit breaker to judge.
     */
    private static void warmUp(AwsOperation op) {
        for (int call = 1; ; call++) {
            try {
                op.invoke().run();
                return;
            } catch (AwsUnavailableException busy) {
                if (call == BREAKER_WINDOW_SPARE_CALLS) {
                    throw busy;
                }
            }
        }
    }

    public void clientErrorIsRejectedWithItsCodeAndNeverOpensTheCircuit(AwsOperation op) {
        server.stubFor(op.protocol()
                .stubFor(op.name())
                .atPriority(FAULT_PRIORITY)
                .willReturn(op.protocol().error(400, op.rejectionCode(), "Rejected by test")));

        for (int call = 0; call < AwsTestRig.BREAKER_WINDOW * 2; call++) {
            AwsRequestRejectedException rejected = catchThrowableOfType(
                    AwsRequestRejectedException.class, () -> op.invoke().run());
            assertThat(rejected.errorCode()).isEqualTo(op.rejectionCode());
            assertThat(rejected.service()).isEqualTo(op.service().id());
            assertThat(rejected.operation()).isEqualTo(op.name());
        }

        assertThat(requestsOf(op)).as("client errors are not retried").isEqualTo(AwsTestRig.BREAKER_WINDOW * 2);
        assertThat(rig.guard.state(op.service())).isEqualTo(CircuitBreaker.State.CLOSED);
    }

    public void circuitOpensAfterRepeatedFailuresAndThenFailsFastWithoutARequest(AwsOperation op) {
        server.stubFor(op.protocol()
                .stubFor(op.name())
                .atPriority(FAULT_PRIORITY)
                .willReturn(op.protocol().error(503, "ServiceUnavailable", "Service is unavailable")));
        for (int call = 0;
                call < AwsTestRig.BREAKER_WINDOW * 3 && rig.guard.state(op.service()) != CircuitBreaker.State.OPEN;
                call++) {
            assertThatThrownBy(() -> op.invoke().run()).isInstanceOf(AwsUnavailableException.class);
        }
        assertThat(rig.guard.state(op.service())).isEqualTo(CircuitBreaker.State.OPEN);
        int requestsBefore = server.getAllServeEvents().size();

        AwsUnavailableException failure = catchThrowableOfType(
                AwsUnavailableException.class, () -> op.invoke().run());

        assertThat(failure)
                .hasCauseInstanceOf(CallNotPermittedException.class)
                .hasMessageContaining("circuit breaker open");
        assertThat(server.getAllServeEvents()).hasSize(requestsBefore);
        assertThat(rig.meters
                        .get("controller.aws.calls.refused")
                        .tags("service", op.service().id())
                        .counter()
                        .count())
                .isEqualTo(1);
        assertThat(rig.meters
                        .get("controller.aws.circuit.state")
                        .tags("service", op.service().id(), "state", "open")
                        .gauge()
                        .value())
                .isEqualTo(1);
    }

    private int requestsOf(AwsOperation op) {
        return server.countRequestsMatching(op.protocol().requestsOf(op.name()).build())
                .getCount();
    }
}

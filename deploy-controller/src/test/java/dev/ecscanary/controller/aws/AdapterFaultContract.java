package dev.ecscanary.controller.aws;

import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The five failures every adapter operation must survive, run for each operation a subclass names in its static
 * {@code operations()}: throttling retried by the SDK, persistent 5xx, a hung answer, a client error, and the
 * circuit opening. Subclasses build the adapters and say how each operation is stubbed and invoked.
 */
public abstract class AdapterFaultContract {

    /** The scenarios, bound to the subclass's WireMock server and rig. */
    protected abstract AwsFaultScenarios faults();

    /** The named operation, with every operation of the adapter stubbed to succeed by default. */
    protected abstract AwsOperation operation(String name);

    /** Rebuilds the adapters with another attempt timeout. */
    protected abstract void connect(Duration attemptTimeout);

    @ParameterizedTest
    @MethodSource("operations")
    void throttlingIsRetriedBySdkAndTheCallSucceeds(String operation) {
        faults().throttledOnceIsRetriedAndSucceeds(operation(operation));
    }

    @ParameterizedTest
    @MethodSource("operations")
    void persistentServerErrorsBecomeUnavailableAfterMaxAttempts(String operation) {
        faults().persistentServerErrorsAreUnavailableAfterMaxAttempts(operation(operation));
    }

    @ParameterizedTest
    @MethodSource("operations")
    void hungResponseBecomesUnavailableAfterAttemptTimeouts(String operation) {
        connect(AwsTestRig.SHORT_ATTEMPT_TIMEOUT);
        faults().responseSlowerThanAttemptTimeoutIsUnavailable(operation(operation));
    }

    @ParameterizedTest
    @MethodSource("operations")
    void clientErrorIsRejectedWithItsCode(String operation) {
        faults().clientErrorIsRejectedWithItsCodeAndNeverOpensTheCircuit(operation(operation));
    }

    @ParameterizedTest
    @MethodSource("operations")
    void circuitOpensAfterRepeatedUnavailabilityAndFailsFast(String operation) {
        faults().circuitOpensAfterRepeatedFailuresAndThenFailsFastWithoutARequest(operation(operation));
    }
}

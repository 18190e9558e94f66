package dev.ecscanary.controller.aws;

import com.github.tomakehurst.wiremock.WireMockServer;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.utils.SdkAutoCloseable;

/**
 * An adapter tested on the wire: a WireMock server per test class, the adapters rebuilt on fresh SDK clients for
 * every test, and the five failures every adapter operation must survive, run for each operation a subclass names
 * in its static {@code operations()}: throttling retried by the SDK, persistent 5xx, a hung answer, a client error,
 * and the circuit opening.
 */
public abstract class AdapterWireTest {

    protected static WireMockServer server;
    protected AwsTestRig rig;
    protected AwsFaultScenarios faults;
    private SdkAutoCloseable client;

    /** Builds the adapters under test on one of the rig's clients, and returns that client so it can be closed. */
    protected abstract SdkAutoCloseable connectAdapters(AwsTestRig rig);

    /** The named operation, with every operation of the adapter stubbed to succeed by default. */
    protected abstract AwsOperation operation(String name);

    @BeforeAll
    static void startServer() {
        server = AwsTestRig.startServer();
    }

    @AfterAll
    static void stopServer() {
        server.stop();
    }

    @BeforeEach
    void connect() {
        server.resetAll();
        connect(AwsTestRig.ATTEMPT_TIMEOUT);
    }

    /** Rebuilds the adapters with another attempt timeout. */
    protected final void connect(Duration attemptTimeout) {
        closeClient();
        rig = new AwsTestRig(server, attemptTimeout);
        client = connectAdapters(rig);
        faults = new AwsFaultScenarios(server, rig);
    }

    @AfterEach
    void closeClient() {
        if (client != null) {
            client.close();
            client = null;
        }
    }

    @ParameterizedTest
    @MethodSource("operations")
    void throttlingIsRetriedBySdkAndTheCallSucceeds(String operation) {
        faults.throttledOnceIsRetriedAndSucceeds(operation(operation));
    }

    @ParameterizedTest
    @MethodSource("operations")
    void persistentServerErrorsBecomeUnavailableAfterMaxAttempts(String operation) {
        faults.persistentServerErrorsAreUnavailableAfterMaxAttempts(operation(operation));
    }

    @ParameterizedTest
    @MethodSource("operations")
    void hungResponseBecomesUnavailableAfterAttemptTimeouts(String operation) {
        connect(AwsTestRig.SHORT_ATTEMPT_TIMEOUT);
        faults.responseSlowerThanAttemptTimeoutIsUnavailable(operation(operation));
    }

    @ParameterizedTest
    @MethodSource("operations")
    void clientErrorIsRejectedWithItsCode(String operation) {
        faults.clientErrorIsRejectedWithItsCodeAndNeverOpensTheCircuit(operation(operation));
    }

    @ParameterizedTest
    @MethodSource("operations")
    void circuitOpensAfterRepeatedUnavailabilityAndFailsFast(String operation) {
        faults.circuitOpensAfterRepeatedFailuresAndThenFailsFastWithoutARequest(operation(operation));
    }
}

package dev.ecscanary.demo.fault;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ecscanary.demo.support.ApiTest;
import org.junit.jupiter.api.Test;

/** Without FAULT_* in the environment nothing fails, whatever a client asks for. */
class FaultsOffByDefaultTest extends ApiTest {

    @Test
    void noRequestFailsAndClientsCannotTurnFaultsOn() {
        for (int i = 0; i < 300; i++) {
            assertThat(http.send(http.request("/api/version?FAULT_RATE=1&fault.rate=1")
                                    .header("FAULT_RATE", "1")
                                    .header("X-Fault-Rate", "1")
                                    .GET())
                            .status())
                    .isEqualTo(200);
        }
    }
}

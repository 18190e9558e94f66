package dev.ecscanary.demo.fault;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class FaultInjectorTest {

    @Test
    void failsExactlyTheRequestsWhoseDrawFallsBelowTheRate() throws Exception {
        FaultInjector injector = new FaultInjector(new FaultProperties(0.25, 0), () -> 0.2499);
        FaultInjector spared = new FaultInjector(new FaultProperties(0.25, 0), () -> 0.25);

        assertThatThrownBy(() -> injector.preHandle(null, null, null)).isInstanceOf(InjectedFaultException.class);
        assertThat(spared.preHandle(null, null, null)).isTrue();
    }

    @Test
    void aRateOfZeroNeverFailsAndARateOfOneAlwaysFails() throws Exception {
        SplittableRandom random = new SplittableRandom(7);
        FaultInjector never = new FaultInjector(new FaultProperties(0, 0), random::nextDouble);
        FaultInjector always = new FaultInjector(new FaultProperties(1, 0), random::nextDouble);

        for (int i = 0; i < 10_000; i++) {
            assertThat(never.preHandle(null, null, null)).isTrue();
            assertThatThrownBy(() -> always.preHandle(null, null, null)).isInstanceOf(InjectedFaultException.class);
        }
    }

    @Test
    void faultsAreOffByDefaultAndOutOfRangeSettingsStopTheStart() {
        assertThat(new FaultProperties(0, 0).enabled()).isFalse();
        assertThat(new FaultProperties(0, 5).enabled()).isTrue();
        assertThatThrownBy(() -> new FaultProperties(1.5, 0))
                .hasMessageContaining("FAULT_RATE must be a fraction between 0 and 1");
        assertThatThrownBy(() -> new FaultProperties(Double.NaN, 0)).hasMessageContaining("FAULT_RATE");
        assertThatThrownBy(() -> new FaultProperties(-0.1, 0)).hasMessageContaining("FAULT_RATE");
        assertThatThrownBy(() -> new FaultProperties(0.1, -1))
                .hasMessageContaining("FAULT_LATENCY_MS must not be negative");
    }
}

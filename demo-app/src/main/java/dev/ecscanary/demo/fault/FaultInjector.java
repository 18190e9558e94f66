package dev.ecscanary.demo.fault;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.DoubleSupplier;
import org.springframework.web.servlet.HandlerInterceptor;

/** Delays each request it sees by the configured latency, then fails the configured fraction of them. */
class FaultInjector implements HandlerInterceptor {

    private final FaultProperties faults;
    private final DoubleSupplier uniform;

    FaultInjector(FaultProperties faults) {
        this(faults, () -> ThreadLocalRandom.current().nextDouble());
    }

    FaultInjector(FaultProperties faults, DoubleSupplier uniform) {
        this.faults = faults;
        this.uniform = uniform;
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler)
            throws InterruptedException {
        if (faults.latencyMs() > 0) {
            Thread.sleep(faults.latencyMs());
        }
        if (uniform.getAsDouble() < faults.rate()) {
            throw new InjectedFaultException(faults.rate());
        }
        return true;
    }
}

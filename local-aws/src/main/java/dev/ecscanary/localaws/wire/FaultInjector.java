package dev.ecscanary.localaws.wire;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Makes chosen operations fail the next N times, as a throttled or failing AWS would, so that the controller's
 * retries and circuit breakers can be tested end to end.
 */
public final class FaultInjector {

    /** What an armed fault answers. */
    public enum Kind {
        /** ThrottlingException (JSON) or Throttling (query), HTTP 400. */
        THROTTLE,
        /** The service's own 5xx: ECS ServerException, CloudWatch InternalServiceError, others InternalFailure. */
        SERVER_ERROR
    }

    private record Armed(Kind kind, AtomicInteger remaining) {}

    private final Map<String, Armed> armed = new ConcurrentHashMap<>();

    public void arm(String operation, Kind kind, int count) {
        if (count <= 0) {
            throw new IllegalArgumentException("count must be positive");
        }
        armed.put(operation, new Armed(kind, new AtomicInteger(count)));
    }

    public void clear() {
        armed.clear();
    }

    /** The fault to answer for this call, if one is armed, counting it down. */
    public Kind take(String operation) {
        Armed fault = armed.get(operation);
        if (fault == null) {
            return null;
        }
        if (fault.remaining().getAndDecrement() <= 0) {
            armed.remove(operation, fault);
            return null;
        }
        return fault.kind();
    }

    public Map<String, Integer> remaining() {
        Map<String, Integer> view = new java.util.TreeMap<>();
        armed.forEach((op, fault) -> view.put(op, Math.max(0, fault.remaining().get())));
        return view;
    }
}

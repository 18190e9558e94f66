package dev.ecscanary.localaws.cloudwatch;

import java.util.Map;
import java.util.TreeMap;

/** A metric's identity: namespace, name and the exact set of dimensions (CloudWatch matches them exactly). */
public record MetricKey(String namespace, String name, Map<String, String> dimensions) {

    public MetricKey {
        dimensions = java.util.Collections.unmodifiableMap(new TreeMap<>(dimensions));
    }
}

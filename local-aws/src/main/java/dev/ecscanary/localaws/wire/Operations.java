package dev.ecscanary.localaws.wire;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/** A service's one list of operations (name → handler): what it supports is exactly what it handles. */
public final class Operations {

    private final Map<String, Operation> byName;

    private Operations(Map<String, Operation> byName) {
        this.byName = Collections.unmodifiableMap(byName);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The handler of {@code name}, or null when the service does not offer it. */
    public Operation get(String name) {
        return byName.get(name);
    }

    public Set<String> names() {
        return byName.keySet();
    }

    /** Collects operations in order; a name given twice is a programming error. */
    public static final class Builder {

        private final Map<String, Operation> byName = new LinkedHashMap<>();

        public Builder add(String name, Operation operation) {
            if (byName.putIfAbsent(name, operation) != null) {
                throw new IllegalArgumentException("operation declared twice: " + name);
            }
            return this;
        }

        public Operations build() {
            return new Operations(new LinkedHashMap<>(byName));
        }
    }
}

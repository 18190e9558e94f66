package dev.ecscanary.controller.wire.bench;

import dev.ecscanary.controller.wire.StandInService;
import dev.ecscanary.controller.wire.StandInWorld;
import java.util.List;
import java.util.Set;

/**
 * Plays CodeDeploy's linear traffic shifting for the benchmark: every step, each release not yet stopped moves 10%
 * more traffic to its replacement, up to 90%, so releases keep changing phase and none finishes by itself.
 */
final class TrafficAutopilot {

    private static final int STEP = 10;
    private static final int CEILING = 90;

    private final StandInWorld world;
    private final List<StandInService> services;
    private final Set<String> alarmed;

    TrafficAutopilot(StandInWorld world, List<StandInService> services, Set<String> alarmed) {
        this.world = world;
        this.services = services;
        this.alarmed = alarmed;
    }

    void step() {
        for (StandInService s : services) {
            if (!alarmed.contains(s.name()) && !world.releases(s.name()).isEmpty()) {
                world.shiftTo(s.name(), Math.min(CEILING, world.greenPercent(s.name()) + STEP));
            }
        }
    }
}

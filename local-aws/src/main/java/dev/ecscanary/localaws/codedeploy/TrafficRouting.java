package dev.ecscanary.localaws.codedeploy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The predefined ECS deployment configurations: how production traffic moves to the replacement task set.
 * Each step sets the replacement's share, then waits the given number of minutes before the next one.
 */
public record TrafficRouting(String name, List<Step> steps) {

    /** Set the replacement's share to {@code percent}, then wait {@code minutesAfter} (0 after the last step). */
    public record Step(int percent, int minutesAfter) {}

    private static final Map<String, TrafficRouting> PREDEFINED = Map.of(
            "CodeDeployDefault.ECSAllAtOnce",
                    new TrafficRouting("CodeDeployDefault.ECSAllAtOnce", List.of(new Step(100, 0))),
            "CodeDeployDefault.ECSLinear10PercentEvery1Minutes",
                    linear("CodeDeployDefault.ECSLinear10PercentEvery1Minutes", 10, 1),
            "CodeDeployDefault.ECSLinear10PercentEvery3Minutes",
                    linear("CodeDeployDefault.ECSLinear10PercentEvery3Minutes", 10, 3),
            "CodeDeployDefault.ECSCanary10Percent5Minutes",
                    canary("CodeDeployDefault.ECSCanary10Percent5Minutes", 10, 5),
            "CodeDeployDefault.ECSCanary10Percent15Minutes",
                    canary("CodeDeployDefault.ECSCanary10Percent15Minutes", 10, 15));

    public static Optional<TrafficRouting> named(String name) {
        return Optional.ofNullable(PREDEFINED.get(name));
    }

    /** TimeBasedLinear: {@code percent} more every {@code minutes} until all traffic has moved. */
    static TrafficRouting linear(String name, int percent, int minutes) {
        List<Step> steps = new ArrayList<>();
        for (int share = percent; share <= 100; share += percent) {
            steps.add(new Step(share, share == 100 ? 0 : minutes));
        }
        return new TrafficRouting(name, List.copyOf(steps));
    }

    /** TimeBasedCanary: {@code percent} first, the rest after {@code minutes}. */
    static TrafficRouting canary(String name, int percent, int minutes) {
        return new TrafficRouting(name, List.of(new Step(percent, minutes), new Step(100, 0)));
    }
}

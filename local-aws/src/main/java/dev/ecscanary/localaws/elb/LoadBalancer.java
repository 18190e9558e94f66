package dev.ecscanary.localaws.elb;

import dev.ecscanary.localaws.RehearsalNames;
import java.util.List;
import java.util.Optional;

/** The rehearsal's one ALB: a production and a test listener over the blue and green target groups. */
public final class LoadBalancer {

    private final String name;
    private final String arn;
    private final TargetGroup blue;
    private final TargetGroup green;
    private final Listener production;
    private final Listener test;

    public LoadBalancer(RehearsalNames names) {
        this.name = names.loadBalancer();
        this.arn = names.arn("elasticloadbalancing", "loadbalancer/app/" + name + "/5e0f1a2b3c4d5e6f");
        HealthCheckSettings health = HealthCheckSettings.of(names);
        this.blue = new TargetGroup(
                names.targetGroupBlue(),
                names.arn("elasticloadbalancing", "targetgroup/" + names.targetGroupBlue() + "/0a1b2c3d4e5f6071"),
                names.containerPort(),
                health);
        this.green = new TargetGroup(
                names.targetGroupGreen(),
                names.arn("elasticloadbalancing", "targetgroup/" + names.targetGroupGreen() + "/1b2c3d4e5f607182"),
                names.containerPort(),
                health);
        String listenerPrefix = "listener/app/" + name + "/5e0f1a2b3c4d5e6f/";
        String rulePrefix = "listener-rule/app/" + name + "/5e0f1a2b3c4d5e6f/";
        this.production = new Listener(
                names.arn("elasticloadbalancing", listenerPrefix + "aa00000000000080"),
                names.arn("elasticloadbalancing", rulePrefix + "aa00000000000080/d000000000000080"),
                names.productionListenerPort(),
                weights(blue, 100, green, 0));
        this.test = new Listener(
                names.arn("elasticloadbalancing", listenerPrefix + "bb00000000008080"),
                names.arn("elasticloadbalancing", rulePrefix + "bb00000000008080/d000000000008080"),
                names.testListenerPort(),
                weights(blue, 100, green, 0));
    }

    public static List<Listener.WeightedTargetGroup> weights(TargetGroup a, int weightA, TargetGroup b, int weightB) {
        return List.of(new Listener.WeightedTargetGroup(a, weightA), new Listener.WeightedTargetGroup(b, weightB));
    }

    public String name() {
        return name;
    }

    public String arn() {
        return arn;
    }

    /** CloudWatch's LoadBalancer dimension value: {@code app/<name>/<id>}. */
    public String dimension() {
        return arn.substring(arn.indexOf("app/"));
    }

    public Listener production() {
        return production;
    }

    public Listener test() {
        return test;
    }

    public List<Listener> listeners() {
        return List.of(production, test);
    }

    public List<TargetGroup> targetGroups() {
        return List.of(blue, green);
    }

    public Optional<TargetGroup> targetGroupByName(String name) {
        return targetGroups().stream().filter(g -> g.name().equals(name)).findFirst();
    }

    public Optional<TargetGroup> targetGroupByArn(String arn) {
        return targetGroups().stream().filter(g -> g.arn().equals(arn)).findFirst();
    }

    public Optional<Listener> listenerByArn(String arn) {
        return listeners().stream().filter(l -> l.arn().equals(arn)).findFirst();
    }

    /** The target group that receives production traffic now (the highest weight). */
    public TargetGroup productionTargetGroup() {
        return production.weightOf(blue) >= production.weightOf(green) ? blue : green;
    }

    public TargetGroup other(TargetGroup group) {
        return group == blue ? green : blue;
    }
}

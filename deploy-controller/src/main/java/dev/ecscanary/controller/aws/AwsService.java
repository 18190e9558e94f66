package dev.ecscanary.controller.aws;

/** The AWS services the controller talks to; {@link #id()} names their circuit breakers, meters and endpoint overrides. */
public enum AwsService {
    CODEDEPLOY("codedeploy"),
    ECS("ecs"),
    CLOUDWATCH("cloudwatch"),
    ELASTICLOADBALANCING("elasticloadbalancing");

    private final String id;

    AwsService(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }
}

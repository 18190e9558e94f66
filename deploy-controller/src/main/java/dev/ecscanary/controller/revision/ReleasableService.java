package dev.ecscanary.controller.revision;

import dev.ecscanary.controller.config.ServiceProperties;

/** A configured service with its renderers: everything needed to turn an image into a CodeDeploy revision. */
public record ReleasableService(
        String name, ServiceProperties config, TaskDefinitionRenderer taskDefinition, AppSpecRenderer appSpec) {

    private static final String SELF_CHECK_ARN = "arn:aws:ecs:eu-central-1:000000000000:task-definition/self-check:1";

    /** The ECS deployment target id CodeDeploy uses for this service: {@code cluster:service}. */
    public String ecsTargetId() {
        return config.cluster() + ":" + config.ecsService();
    }

    /** Renders both templates once with a sample image, so a broken configuration fails at start-up. */
    void selfCheck() {
        String repository = config.imageRepositories().getFirst();
        taskDefinition.render(ImageReference.parse(repository + ":self-check"));
        appSpec.render(SELF_CHECK_ARN);
    }

    /**
     * Checks that an image may be released for this service; says why not.
     *
     * @throws ReleaseNotAllowedException when the image's repository is not one the service lists
     */
    public void checkAllowed(ImageReference image) {
        if (!config.imageRepositories().contains(image.repository())) {
            throw new ReleaseNotAllowedException("repository '" + image.repository() + "' is not allowed for service '"
                    + name + "' (allowed: " + String.join(", ", config.imageRepositories()) + ")");
        }
    }

    /** @throws ReleaseNotAllowedException when an environment is given and the service does not declare it */
    public void checkEnvironment(String environment) {
        if (environment == null) {
            return;
        }
        if (!config.environments().contains(environment)) {
            throw new ReleaseNotAllowedException("environment '" + environment + "' is not allowed for service '" + name
                    + "'"
                    + (config.environments().isEmpty()
                            ? " (it declares none)"
                            : " (allowed: " + String.join(", ", config.environments()) + ")"));
        }
    }
}

package dev.ecscanary.controller.deployment;

import dev.ecscanary.controller.aws.AwsRequestRejectedException;
import dev.ecscanary.controller.config.ReconcilerProperties;
import dev.ecscanary.controller.release.AppSpecRenderer.RenderedAppSpec;
import dev.ecscanary.controller.release.ReleasableService;
import dev.ecscanary.controller.release.TaskDefinitionRegistry;
import dev.ecscanary.controller.traffic.BlueGreenDeployer;
import dev.ecscanary.controller.traffic.NewDeployment;
import java.time.Clock;
import java.time.Instant;
import org.springframework.stereotype.Component;

/**
 * Takes a PENDING deployment to CodeDeploy: registers the task definition, then creates the CodeDeploy deployment.
 * Each step is saved before the next, so a restart resumes at the step that was not done.
 */
@Component
class DeploymentStarter {

    /** CodeDeploy refuses descriptions longer than this. */
    static final int MAX_DESCRIPTION = 512;

    private final TaskDefinitionRegistry registry;
    private final BlueGreenDeployer deployer;
    private final DeploymentStore store;
    private final ReconcilerProperties properties;
    private final Clock clock;

    DeploymentStarter(TaskDefinitionRegistry registry, BlueGreenDeployer deployer, DeploymentStore store,
                      ReconcilerProperties properties, Clock clock) {
        this.registry = registry;
        this.deployer = deployer;
        this.store = store;
        this.properties = properties;
        this.clock = clock;
    }

    void advance(Deployment d, ReleasableService service) {
        Instant now = clock.instant();
        if (now.isAfter(d.createdAt().plus(properties.startTimeout()))) {
            d.finish(DeploymentStatus.FAILED, "Could not start within " + properties.startTimeout()
                    + (d.awsProblem() == null ? "" : ": " + d.awsProblem()), now);
            return;
        }
        try {
            if (d.taskDefinitionArn() == null) {
                String json = service.taskDefinition().render(d.request().image());
                d.taskDefinitionRegistered(registry.register(json), clock.instant());
                store.save(d);
            }
            RenderedAppSpec appSpec = service.appSpec().render(d.taskDefinitionArn());
            String codeDeployId = deployer.createDeployment(new NewDeployment(service.config().application(),
                    service.config().deploymentGroup(), service.config().deploymentConfig(), appSpec.content(),
                    appSpec.sha256(), description(d)));
            d.codeDeployStarted(codeDeployId, clock.instant());
            d.awsProblem(null, clock.instant());
        } catch (AwsRequestRejectedException e) {
            d.finish(DeploymentStatus.FAILED, "AWS refused to start the release: " + e.getMessage(), clock.instant());
        }
    }

    /** Names the image, the caller and this deployment, so a CodeDeploy deployment can be traced back to it. */
    static String description(Deployment d) {
        ReleaseRequest r = d.request();
        StringBuilder text = new StringBuilder("Release ").append(r.image().value())
                .append(" requested by ").append(r.requestedBy());
        if (r.commitSha() != null) {
            text.append(" at commit ").append(r.commitSha());
        }
        if (r.description() != null) {
            text.append(": ").append(r.description());
        }
        String marker = " [ecs-canary " + d.id() + "]";
        int room = MAX_DESCRIPTION - marker.length();
        return (text.length() > room ? text.substring(0, room - 1) + "…" : text) + marker;
    }
}

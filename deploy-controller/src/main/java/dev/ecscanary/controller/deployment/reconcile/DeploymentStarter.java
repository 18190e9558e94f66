package dev.ecscanary.controller.deployment.reconcile;

import dev.ecscanary.controller.aws.AwsRequestRejectedException;
import dev.ecscanary.controller.config.ReconcilerProperties;
import dev.ecscanary.controller.deployment.Deployment;
import dev.ecscanary.controller.deployment.DeploymentStatus;
import dev.ecscanary.controller.deployment.EventType;
import dev.ecscanary.controller.deployment.ReleaseRequest;
import dev.ecscanary.controller.deployment.store.DeploymentSaver;
import dev.ecscanary.controller.revision.AppSpecRenderer.RenderedAppSpec;
import dev.ecscanary.controller.revision.ReleasableService;
import dev.ecscanary.controller.revision.TaskDefinitionRegistry;
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
    /** CodeDeploy says another deployment of the group is active. */
    private static final String DEPLOYMENT_LIMIT = "DeploymentLimitExceededException";

    private static final java.time.Duration CLOCK_SKEW = java.time.Duration.ofMinutes(5);

    private final TaskDefinitionRegistry registry;
    private final BlueGreenDeployer deployer;
    private final DeploymentSaver saver;
    private final ReconcilerProperties properties;
    private final Clock clock;

    DeploymentStarter(
            TaskDefinitionRegistry registry,
            BlueGreenDeployer deployer,
            DeploymentSaver saver,
            ReconcilerProperties properties,
            Clock clock) {
        this.registry = registry;
        this.deployer = deployer;
        this.saver = saver;
        this.properties = properties;
        this.clock = clock;
    }

    void advance(Deployment d, ReleasableService service) {
        Instant now = clock.instant();
        if (now.isAfter(d.createdAt().plus(properties.startTimeout()))) {
            giveUpUnlessCreated(d, service, now);
            return;
        }
        try {
            if (d.taskDefinitionArn() == null) {
                String json = service.taskDefinition().render(d.request().image());
                d.taskDefinitionRegistered(registry.register(json), clock.instant());
                saver.save(d);
            }
            createDeployment(d, service);
        } catch (AwsRequestRejectedException e) {
            String why = DEPLOYMENT_LIMIT.equals(e.errorCode())
                    ? "another CodeDeploy deployment of the group is in progress (started outside this controller)"
                    : e.getMessage();
            d.finish(DeploymentStatus.FAILED, "AWS refused to start the release: " + why, clock.instant());
        }
    }

    /**
     * Past the start timeout a release is given up, but never while CodeDeploy may be deploying it: once a
     * CreateDeployment was sent, its deployment is looked for first, and adopted when found. A lookup AWS cannot
     * answer throws, so the release stays PENDING and the next tick asks again.
     */
    private void giveUpUnlessCreated(Deployment d, ReleasableService service, Instant now) {
        boolean mayExist = d.createRequestedAt() != null;
        if (mayExist
                && adoptExisting(
                        d, service.config().application(), service.config().deploymentGroup())) {
            return;
        }
        d.finish(
                DeploymentStatus.FAILED,
                "Could not start within " + properties.startTimeout()
                        + (d.awsProblem() == null ? "" : ": " + d.awsProblem())
                        + (mayExist ? "; CodeDeploy has no deployment of it" : ""),
                now);
    }

    /**
     * Creates the CodeDeploy deployment exactly once: the attempt is saved first, and a later attempt (after a crash
     * or a lost answer) looks for the deployment by this release's marker before creating another.
     */
    private void createDeployment(Deployment d, ReleasableService service) {
        String application = service.config().application();
        String group = service.config().deploymentGroup();
        if (d.createRequestedAt() != null && adoptExisting(d, application, group)) {
            return;
        }
        d.createRequested(clock.instant());
        saver.save(d);
        RenderedAppSpec appSpec = service.appSpec().render(d.taskDefinitionArn());
        try {
            String codeDeployId = deployer.createDeployment(new NewDeployment(
                    application,
                    group,
                    service.config().deploymentConfig(),
                    appSpec.content(),
                    appSpec.sha256(),
                    description(d)));
            d.codeDeployStarted(codeDeployId, clock.instant());
        } catch (AwsRequestRejectedException e) {
            if (!DEPLOYMENT_LIMIT.equals(e.errorCode()) || !adoptExisting(d, application, group)) {
                throw e;
            }
        }
    }

    private boolean adoptExisting(Deployment d, String application, String group) {
        return deployer.findDeployment(
                        application, group, marker(d), d.createdAt().minus(CLOCK_SKEW))
                .map(id -> {
                    d.codeDeployStarted(id, clock.instant());
                    d.record(
                            clock.instant(),
                            EventType.CODEDEPLOY_FOUND,
                            "Found the deployment created by an earlier attempt"
                                    + " whose answer was lost; not creating another");
                    return true;
                })
                .orElse(false);
    }

    static String marker(Deployment d) {
        return "[ecs-canary " + d.id() + "]";
    }

    /** Names the image, the caller and this deployment, so a CodeDeploy deployment can be traced back to it. */
    static String description(Deployment d) {
        ReleaseRequest r = d.request();
        StringBuilder text = new StringBuilder("Release ")
                .append(r.image().value())
                .append(" requested by ")
                .append(r.requestedBy());
        if (r.commitSha() != null) {
            text.append(" at commit ").append(r.commitSha());
        }
        if (r.description() != null) {
            text.append(": ").append(r.description());
        }
        String marker = " " + marker(d);
        int room = MAX_DESCRIPTION - marker.length();
        return (text.length() > room ? text.substring(0, room - 1) + "…" : text) + marker;
    }
}

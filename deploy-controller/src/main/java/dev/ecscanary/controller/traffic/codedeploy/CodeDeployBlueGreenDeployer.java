package dev.ecscanary.controller.traffic.codedeploy;

import static dev.ecscanary.controller.aws.AwsService.CODEDEPLOY;

import dev.ecscanary.controller.aws.AwsCallGuard;
import dev.ecscanary.controller.traffic.BlueGreenDeployer;
import dev.ecscanary.controller.traffic.CodeDeploySnapshot;
import dev.ecscanary.controller.traffic.ContinueOutcome;
import dev.ecscanary.controller.traffic.DeploymentGroup;
import dev.ecscanary.controller.traffic.NewDeployment;
import dev.ecscanary.controller.traffic.StopOutcome;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;
import software.amazon.awssdk.services.codedeploy.CodeDeployClient;
import software.amazon.awssdk.services.codedeploy.model.AppSpecContent;
import software.amazon.awssdk.services.codedeploy.model.ApplicationDoesNotExistException;
import software.amazon.awssdk.services.codedeploy.model.DeploymentAlreadyCompletedException;
import software.amazon.awssdk.services.codedeploy.model.DeploymentGroupDoesNotExistException;
import software.amazon.awssdk.services.codedeploy.model.DeploymentInfo;
import software.amazon.awssdk.services.codedeploy.model.DeploymentIsNotInReadyStateException;
import software.amazon.awssdk.services.codedeploy.model.DeploymentNotStartedException;
import software.amazon.awssdk.services.codedeploy.model.DeploymentTarget;
import software.amazon.awssdk.services.codedeploy.model.DeploymentTargetDoesNotExistException;
import software.amazon.awssdk.services.codedeploy.model.DeploymentWaitType;
import software.amazon.awssdk.services.codedeploy.model.ECSTarget;
import software.amazon.awssdk.services.codedeploy.model.RevisionLocationType;
import software.amazon.awssdk.services.codedeploy.model.StopDeploymentResponse;

/** {@link BlueGreenDeployer} on CodeDeploy's API (awsJson 1.1). */
@Component
public class CodeDeployBlueGreenDeployer implements BlueGreenDeployer {

    private final CodeDeployClient codeDeploy;
    private final AwsCallGuard aws;

    public CodeDeployBlueGreenDeployer(CodeDeployClient codeDeploy, AwsCallGuard aws) {
        this.codeDeploy = codeDeploy;
        this.aws = aws;
    }

    @Override
    public Optional<DeploymentGroup> describeGroup(String application, String deploymentGroup) {
        return aws.call(CODEDEPLOY, "GetDeploymentGroup", () -> {
            try {
                return Optional.of(CodeDeployMapping.group(codeDeploy
                        .getDeploymentGroup(r -> r.applicationName(application).deploymentGroupName(deploymentGroup))
                        .deploymentGroupInfo()));
            } catch (ApplicationDoesNotExistException | DeploymentGroupDoesNotExistException missing) {
                return Optional.empty();
            }
        });
    }

    @Override
    public String createDeployment(NewDeployment request) {
        return aws.call(
                CODEDEPLOY,
                "CreateDeployment",
                () -> codeDeploy
                        .createDeployment(r -> r.applicationName(request.application())
                                .deploymentGroupName(request.deploymentGroup())
                                .deploymentConfigName(request.deploymentConfig())
                                .description(request.description())
                                .revision(revision -> revision.revisionType(RevisionLocationType.APP_SPEC_CONTENT)
                                        .appSpecContent(AppSpecContent.builder()
                                                .content(request.appSpecContent())
                                                .sha256(request.appSpecSha256())
                                                .build())))
                        .deploymentId());
    }

    @Override
    public Optional<String> findDeployment(
            String application, String deploymentGroup, String marker, Instant createdAfter) {
        List<String> ids = aws.call(
                CODEDEPLOY,
                "ListDeployments",
                () -> codeDeploy
                        .listDeploymentsPaginator(r -> r.applicationName(application)
                                .deploymentGroupName(deploymentGroup)
                                .createTimeRange(range -> range.start(createdAfter)))
                        .deployments()
                        .stream()
                        .toList());
        for (int from = 0; from < ids.size(); from += DESCRIBE_BATCH_LIMIT) {
            List<String> batch = ids.subList(from, Math.min(ids.size(), from + DESCRIBE_BATCH_LIMIT));
            Optional<String> found = aws.call(
                    CODEDEPLOY,
                    "BatchGetDeployments",
                    () -> codeDeploy.batchGetDeployments(r -> r.deploymentIds(batch)).deploymentsInfo().stream()
                            .filter(info -> info.description() != null
                                    && info.description().contains(marker))
                            .map(DeploymentInfo::deploymentId)
                            .findFirst());
            if (found.isPresent()) {
                return found;
            }
        }
        return Optional.empty();
    }

    @Override
    public CodeDeploySnapshot describeDeployment(String deploymentId) {
        DeploymentInfo deployment = aws.call(
                CODEDEPLOY,
                "GetDeployment",
                () -> codeDeploy
                        .getDeployment(r -> r.deploymentId(deploymentId))
                        .deploymentInfo());
        return CodeDeployMapping.snapshot(deployment);
    }

    @Override
    public Map<String, CodeDeploySnapshot> describeDeployments(List<String> deploymentIds) {
        if (deploymentIds.isEmpty()) {
            return Map.of();
        }
        if (deploymentIds.size() > DESCRIBE_BATCH_LIMIT) {
            throw new IllegalArgumentException("BatchGetDeployments takes at most " + DESCRIBE_BATCH_LIMIT + " ids");
        }
        return aws.call(
                CODEDEPLOY,
                "BatchGetDeployments",
                () -> codeDeploy.batchGetDeployments(r -> r.deploymentIds(deploymentIds)).deploymentsInfo().stream()
                        .map(CodeDeployMapping::snapshot)
                        .collect(Collectors.toMap(CodeDeploySnapshot::deploymentId, s -> s, (a, b) -> a)));
    }

    @Override
    public CodeDeploySnapshot withTarget(CodeDeploySnapshot deployment, String ecsTargetId) {
        Optional<ECSTarget> target = ecsTarget(deployment.deploymentId(), ecsTargetId);
        return deployment.withTarget(
                target.map(CodeDeployMapping::lifecycleEvents).orElse(List.of()),
                target.map(CodeDeployMapping::taskSets).orElse(List.of()));
    }

    @Override
    public StopOutcome stopAndRollBack(String deploymentId) {
        return aws.call(CODEDEPLOY, "StopDeployment", () -> {
            try {
                StopDeploymentResponse stop = codeDeploy.stopDeployment(
                        r -> r.deploymentId(deploymentId).autoRollbackEnabled(true));
                return new StopOutcome(false, stop.statusAsString(), stop.statusMessage());
            } catch (DeploymentAlreadyCompletedException completed) {
                return new StopOutcome(true, null, completed.awsErrorDetails().errorMessage());
            }
        });
    }

    @Override
    public ContinueOutcome continueToProduction(String deploymentId) {
        return aws.call(CODEDEPLOY, "ContinueDeployment", () -> {
            try {
                codeDeploy.continueDeployment(
                        r -> r.deploymentId(deploymentId).deploymentWaitType(DeploymentWaitType.READY_WAIT));
                return ContinueOutcome.CONTINUED;
            } catch (DeploymentIsNotInReadyStateException notReady) {
                return ContinueOutcome.NOT_READY;
            } catch (DeploymentAlreadyCompletedException completed) {
                return ContinueOutcome.ALREADY_COMPLETED;
            }
        });
    }

    /** Empty while CodeDeploy has not started the deployment or not yet created its ECS target. */
    private Optional<ECSTarget> ecsTarget(String deploymentId, String ecsTargetId) {
        return aws.call(CODEDEPLOY, "BatchGetDeploymentTargets", () -> {
            try {
                return codeDeploy
                        .batchGetDeploymentTargets(
                                r -> r.deploymentId(deploymentId).targetIds(ecsTargetId))
                        .deploymentTargets()
                        .stream()
                        .map(DeploymentTarget::ecsTarget)
                        .filter(target -> target != null && ecsTargetId.equals(target.targetId()))
                        .findFirst();
            } catch (DeploymentNotStartedException | DeploymentTargetDoesNotExistException notYet) {
                return Optional.empty();
            }
        });
    }
}

package dev.ecscanary.controller.deployment.reconcile;

import dev.ecscanary.controller.aws.AwsRequestRejectedException;
import dev.ecscanary.controller.aws.AwsUnavailableException;
import dev.ecscanary.controller.deployment.Deployment;
import dev.ecscanary.controller.deployment.DeploymentStatus;
import dev.ecscanary.controller.traffic.BlueGreenDeployer;
import dev.ecscanary.controller.traffic.CodeDeploySnapshot;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One tick's reads of CodeDeploy deployments: read in batches of {@link BlueGreenDeployer#DESCRIBE_BATCH_LIMIT} before
 * the deployments are reconciled (8 calls for 200 releases instead of 200, well inside CodeDeploy's request rate),
 * then completed per deployment with what only a single call gives (its ECS target). A deployment the batches missed
 * (a batch failed, or it was not asked for) is read on its own, so a failed batch costs speed, never correctness.
 */
final class CodeDeployReads {

    private static final Logger log = LoggerFactory.getLogger(CodeDeployReads.class);

    private final BlueGreenDeployer deployer;
    private final Map<String, CodeDeploySnapshot> batched;

    private CodeDeployReads(BlueGreenDeployer deployer, Map<String, CodeDeploySnapshot> batched) {
        this.deployer = deployer;
        this.batched = batched;
    }

    /** The CodeDeploy deployments a tick looks at: each release's own once created, and its rollback's once known. */
    static Set<String> idsOf(List<Deployment> inFlight) {
        Set<String> ids = new TreeSet<>();
        for (Deployment d : inFlight) {
            if (d.status() != DeploymentStatus.PENDING && d.codeDeployDeploymentId() != null) {
                ids.add(d.codeDeployDeploymentId());
            }
            if (d.rollbackDeploymentId() != null) {
                ids.add(d.rollbackDeploymentId());
            }
        }
        return ids;
    }

    /** Nothing read ahead: every read is a single call (a release's first step, outside the tick). */
    static CodeDeployReads none(BlueGreenDeployer deployer) {
        return new CodeDeployReads(deployer, Map.of());
    }

    /** Reads {@code ids} in batches, in parallel on {@code workers}; returns once every batch answered or failed. */
    static CodeDeployReads read(BlueGreenDeployer deployer, Collection<String> ids, ExecutorService workers) {
        List<String> all = List.copyOf(ids);
        Map<String, CodeDeploySnapshot> read = new ConcurrentHashMap<>();
        List<Future<?>> batches = new ArrayList<>();
        for (int from = 0; from < all.size(); from += BlueGreenDeployer.DESCRIBE_BATCH_LIMIT) {
            List<String> batch = all.subList(from, Math.min(all.size(), from + BlueGreenDeployer.DESCRIBE_BATCH_LIMIT));
            batches.add(workers.submit(() -> read.putAll(readBatch(deployer, batch))));
        }
        for (Future<?> batch : batches) {
            try {
                batch.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            } catch (ExecutionException e) {
                log.warn("A batch read of CodeDeploy deployments failed", e.getCause());
            }
        }
        return new CodeDeployReads(deployer, Map.copyOf(read));
    }

    private static Map<String, CodeDeploySnapshot> readBatch(BlueGreenDeployer deployer, List<String> batch) {
        try {
            return deployer.describeDeployments(batch);
        } catch (AwsUnavailableException | AwsRequestRejectedException e) {
            log.warn(
                    "CodeDeploy deployments could not be read in a batch; each is read on its own: {}", e.getMessage());
            return Map.of();
        }
    }

    /** The deployment with its ECS target: lifecycle events and task sets. */
    CodeDeploySnapshot withTarget(String deploymentId, String ecsTargetId) {
        CodeDeploySnapshot read = batched.get(deploymentId);
        return read == null
                ? deployer.describeDeployment(deploymentId, ecsTargetId)
                : deployer.withTarget(read, ecsTargetId);
    }

    /**
     * The deployment with its ECS target where that can be read, for a caller whose verdict rests on the status alone:
     * a failed target read costs only the target's part (no lifecycle events, no task sets, as before the target
     * exists), never the status.
     */
    CodeDeploySnapshot withTargetIfReadable(String deploymentId, String ecsTargetId) {
        CodeDeploySnapshot read = batched.get(deploymentId);
        CodeDeploySnapshot deployment = read == null ? deployer.describeDeployment(deploymentId) : read;
        try {
            return deployer.withTarget(deployment, ecsTargetId);
        } catch (AwsUnavailableException | AwsRequestRejectedException e) {
            log.warn(
                    "The ECS target of CodeDeploy deployment {} could not be read; its status counts without it: {}",
                    deploymentId,
                    e.getMessage());
            return deployment;
        }
    }
}

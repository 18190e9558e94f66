package dev.ecscanary.controller.web.live;

import dev.ecscanary.controller.api.DeploymentView;
import dev.ecscanary.controller.config.AnalysisProperties;
import dev.ecscanary.controller.deployment.Deployment;
import java.time.Instant;
import tools.jackson.databind.json.JsonMapper;

/**
 * The frames of a deployment's stream: the deployment as {@code GET /api/deployments/{id}} shows it, in an envelope
 * with its version and when the controller committed it; the version is the frame's id.
 */
final class DeploymentFrames {

    /** The envelope of every frame. */
    record Change(String kind, long version, Instant changedAt, DeploymentView deployment) {}

    private final JsonMapper json;
    private final AnalysisProperties analysis;

    DeploymentFrames(JsonMapper json, AnalysisProperties analysis) {
        this.json = json;
        this.analysis = analysis;
    }

    /** A change, committed at {@code committed}. */
    StreamFrame change(Deployment d, Instant committed) {
        return frame("change", d, committed);
    }

    /** The state a new viewer starts from. */
    StreamFrame snapshot(Deployment d) {
        return frame("snapshot", d, d.updatedAt());
    }

    private StreamFrame frame(String kind, Deployment d, Instant changedAt) {
        return new StreamFrame(
                d.version(),
                "deployment",
                json.writeValueAsString(new Change(kind, d.version(), changedAt, DeploymentView.of(d, analysis))));
    }
}

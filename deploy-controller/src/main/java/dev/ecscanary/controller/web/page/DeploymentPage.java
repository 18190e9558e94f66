package dev.ecscanary.controller.web.page;

import dev.ecscanary.controller.web.chart.MetricCharts;
import java.util.List;

/** Everything the deployment page shows, already worded and formatted; the template only lays it out. */
record DeploymentPage(
        String title,
        String stream,
        long version,
        String id,
        String service,
        String image,
        String tag,
        Badge status,
        boolean inFlight,
        Request request,
        String started,
        String startedIso,
        String elapsed,
        TrafficSteps progress,
        Traffic traffic,
        String outcome,
        RollbackStory rollback,
        List<AlarmRow> alarms,
        List<PhaseRow> phases,
        List<LifecycleRow> lifecycle,
        RollbackLifecycle rollbackLifecycle,
        MetricCharts.ChartView chart,
        List<EventRow> events,
        AuditSection trail,
        List<ConsoleLink> consoles,
        String awsProblem,
        Notice notice,
        RollbackForm rollbackForm) {

    /** Who asked for the release, from where. */
    record Request(
            String requestedBy,
            String environment,
            String description,
            String commit,
            String commitUrl,
            String runUrl,
            String runText) {}

    /**
     * The split of production traffic between the two task sets; widths are in percent of the bar.
     *
     * @param originalTag  the tag of the release the original task set runs, when this controller released it; else null
     * @param originalName the original in a sentence: its tag, or "the version running before this release"
     */
    record Traffic(
            int original,
            int replacement,
            String originalTag,
            String originalName,
            String replacementLabel,
            String description) {}

    record AlarmRow(String name, Badge state, String reason, String since, String url) {}

    record PhaseRow(
            String step,
            String traffic,
            String started,
            String duration,
            List<AlarmCell> alarms,
            String outcome,
            boolean current) {}

    record AlarmCell(String name, Badge state) {}

    record LifecycleRow(String name, Badge status, String started, String duration) {}

    /**
     * The lifecycle of CodeDeploy's rollback deployment, shown below the release's own; null while there is none.
     *
     * @param releaseDeploymentId the release's own CodeDeploy deployment, whose lifecycle is {@code lifecycle}
     * @param deploymentId        the rollback deployment
     */
    record RollbackLifecycle(String releaseDeploymentId, String deploymentId, List<LifecycleRow> rows) {}

    record EventRow(String time, String iso, String type, String message, String tone) {}

    record ConsoleLink(String label, String url) {}

    /** The answer to an operator's rollback, shown once after the form posts. */
    record Notice(String tone, String text) {}

    /** The rollback form: where it posts and its CSRF token. */
    record RollbackForm(String action, String csrfParameter, String csrfToken) {}
}

package dev.ecscanary.controller.web.page;

import dev.ecscanary.controller.analysis.AlarmState;
import dev.ecscanary.controller.audit.AuditReader;
import dev.ecscanary.controller.deployment.Deployment;
import dev.ecscanary.controller.deployment.DeploymentEvent;
import dev.ecscanary.controller.deployment.DeploymentStatus;
import dev.ecscanary.controller.deployment.Phase;
import dev.ecscanary.controller.deployment.ReleaseRequest;
import dev.ecscanary.controller.deployment.Releases;
import dev.ecscanary.controller.revision.ServiceCatalog;
import dev.ecscanary.controller.traffic.LifecycleEvent;
import dev.ecscanary.controller.web.Format;
import dev.ecscanary.controller.web.chart.MetricCharts;
import dev.ecscanary.controller.web.page.DeploymentPage.AlarmCell;
import dev.ecscanary.controller.web.page.DeploymentPage.AlarmRow;
import dev.ecscanary.controller.web.page.DeploymentPage.ConsoleLink;
import dev.ecscanary.controller.web.page.DeploymentPage.EventRow;
import dev.ecscanary.controller.web.page.DeploymentPage.LifecycleRow;
import dev.ecscanary.controller.web.page.DeploymentPage.PhaseRow;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Builds the deployment page's model from the stored deployment, its alarm's series, its audit trail and the console
 * links.
 */
@Component
class DeploymentPageFactory {

    private static final String ORIGINAL_UNKNOWN = "the version running before this release";

    private final MetricCharts charts;
    private final ServiceCatalog catalog;
    private final Releases releases;
    private final AuditReader audit;
    private final Links links;
    private final Clock clock;

    DeploymentPageFactory(
            MetricCharts charts,
            ServiceCatalog catalog,
            Releases releases,
            AuditReader audit,
            Links links,
            Clock clock) {
        this.charts = charts;
        this.catalog = catalog;
        this.releases = releases;
        this.audit = audit;
        this.links = links;
        this.clock = clock;
    }

    DeploymentPage build(Deployment d, DeploymentPage.Notice notice, DeploymentPage.RollbackForm form) {
        List<String> watched = catalog.find(d.service())
                .map(s -> s.config().alarms())
                .orElse(List.copyOf(d.alarms().keySet()));
        String alarm = watched.isEmpty() ? null : watched.getFirst();
        MetricCharts.ChartView chart = alarm == null ? null : charts.chart(d, alarm);
        String image = d.request().image().value();
        boolean stopped = d.stopRequestedAt() != null
                || d.status() == DeploymentStatus.ROLLING_BACK
                || d.status() == DeploymentStatus.ROLLED_BACK;
        RollbackStory story = !stopped
                ? null
                : RollbackStory.of(
                        d,
                        alarm,
                        chart == null || chart.series() == null
                                ? List.of()
                                : chart.series().points(),
                        chart == null ? null : chart.scale());
        return new DeploymentPage(
                d.service() + " " + Format.tag(image),
                "/api/deployments/" + d.id() + "/events",
                d.version(),
                d.id().toString(),
                d.service(),
                image,
                Format.tag(image),
                Badge.of(d.status()),
                d.isInFlight(),
                request(d.request()),
                Format.dateTime(d.createdAt()),
                Format.iso(d.createdAt()),
                elapsed(d),
                TrafficSteps.of(d),
                traffic(d),
                outcome(d, story),
                story,
                alarms(d, watched),
                phases(d),
                lifecycle(d.lifecycleEvents()),
                rollbackLifecycle(d),
                chart,
                events(d),
                trail(d),
                consoles(d, watched),
                d.awsProblem(),
                notice,
                d.isInFlight() ? form : null);
    }

    private static DeploymentPage.Request request(ReleaseRequest r) {
        String run = Links.safeWebLink(r.runUrl());
        return new DeploymentPage.Request(
                r.requestedBy(),
                r.environment(),
                r.description(),
                Format.shortSha(r.commitSha()),
                Links.commit(run, r.commitSha()),
                run,
                run == null ? r.runUrl() : run.replaceFirst("^https?://", ""));
    }

    private String elapsed(Deployment d) {
        return d.finishedAt() != null
                ? "took " + Format.between(d.createdAt(), d.finishedAt())
                : "running for " + Format.between(d.createdAt(), clock.instant());
    }

    /**
     * The original is named by the last release of the service this controller saw succeed before this one; without
     * one (the first release, or one made by other means) it is "the version running before this release".
     */
    private DeploymentPage.Traffic traffic(Deployment d) {
        String replacement = Format.tag(d.request().image().value());
        String originalTag = releases.list(d.service(), DeploymentStatus.SUCCEEDED, 20).stream()
                .filter(p -> p.createdAt().isBefore(d.createdAt()))
                .findFirst()
                .map(p -> Format.tag(p.request().image().value()))
                .orElse(null);
        String original = originalTag != null ? originalTag : ORIGINAL_UNKNOWN;
        int on = d.trafficPercent();
        return new DeploymentPage.Traffic(
                100 - on,
                on,
                originalTag,
                original,
                replacement,
                (100 - on) + "% of production traffic on " + original + " (original), " + on + "% on " + replacement
                        + " (replacement)");
    }

    private static String outcome(Deployment d, RollbackStory story) {
        return switch (d.status()) {
            case SUCCEEDED ->
                "Released: all traffic on " + Format.tag(d.request().image().value()) + " since "
                        + Format.time(d.finishedAt()) + " UTC.";
            case FAILED -> story == null ? d.reason() : null;
            default -> null;
        };
    }

    private List<AlarmRow> alarms(Deployment d, List<String> watched) {
        List<AlarmRow> rows = new ArrayList<>();
        for (String name : watched) {
            var reading = d.alarms().get(name);
            rows.add(new AlarmRow(
                    name,
                    Badge.of(reading == null ? AlarmState.INSUFFICIENT_DATA : reading.state()),
                    reading == null ? "Not read yet" : reading.reason(),
                    reading == null ? "" : Format.time(reading.stateUpdatedAt()),
                    links.alarm(name)));
        }
        return rows;
    }

    private List<PhaseRow> phases(Deployment d) {
        List<PhaseRow> rows = new ArrayList<>();
        for (Phase p : d.phases()) {
            List<AlarmCell> cells = new ArrayList<>();
            for (Map.Entry<String, AlarmState> e : p.alarmStates().entrySet()) {
                cells.add(new AlarmCell(e.getKey(), Badge.of(e.getValue())));
            }
            rows.add(new PhaseRow(
                    p.trafficPercent() == 0 ? "Installed" : "Step " + p.trafficPercent() / 10,
                    p.trafficPercent() + "%",
                    Format.time(p.startedAt()),
                    Format.between(p.startedAt(), p.endedAt() != null ? p.endedAt() : clock.instant()),
                    cells,
                    p.outcome() == null
                            ? "current"
                            : p.outcome().name().toLowerCase().replace('_', ' '),
                    p.isOpen()));
        }
        return rows;
    }

    private static DeploymentPage.RollbackLifecycle rollbackLifecycle(Deployment d) {
        return d.rollbackDeploymentId() == null
                ? null
                : new DeploymentPage.RollbackLifecycle(
                        d.codeDeployDeploymentId(), d.rollbackDeploymentId(), lifecycle(d.rollbackLifecycleEvents()));
    }

    private static List<LifecycleRow> lifecycle(List<LifecycleEvent> events) {
        List<LifecycleRow> rows = new ArrayList<>();
        for (LifecycleEvent e : events) {
            rows.add(new LifecycleRow(
                    e.name(),
                    Badge.ofLifecycle(e.status()),
                    Format.time(e.startTime()),
                    Format.between(e.startTime(), e.endTime())));
        }
        return rows;
    }

    private static List<EventRow> events(Deployment d) {
        List<EventRow> rows = new ArrayList<>();
        for (DeploymentEvent e : d.events()) {
            String tone = e.type().severity().name().toLowerCase(Locale.ROOT);
            rows.add(new EventRow(
                    Format.time(e.at()),
                    Format.iso(e.at()),
                    e.type().name().replace('_', ' ').toLowerCase(),
                    e.message(),
                    tone));
        }
        return rows;
    }

    private AuditSection trail(Deployment d) {
        return AuditSection.of(d.id(), audit.latestForDeployment(d.id(), AuditSection.SHOWN + 1), d.createdAt());
    }

    private List<ConsoleLink> consoles(Deployment d, List<String> watched) {
        List<ConsoleLink> out = new ArrayList<>();
        if (d.codeDeployDeploymentId() != null) {
            out.add(new ConsoleLink(
                    "CodeDeploy deployment " + d.codeDeployDeploymentId(),
                    links.codeDeploy(d.codeDeployDeploymentId())));
        }
        if (d.rollbackDeploymentId() != null) {
            out.add(new ConsoleLink(
                    "CodeDeploy rollback " + d.rollbackDeploymentId(), links.codeDeploy(d.rollbackDeploymentId())));
        }
        watched.forEach(name -> out.add(new ConsoleLink("CloudWatch alarm " + name, links.alarm(name))));
        return out;
    }
}

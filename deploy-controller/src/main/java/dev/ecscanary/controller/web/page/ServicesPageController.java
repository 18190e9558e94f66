package dev.ecscanary.controller.web.page;

import dev.ecscanary.controller.deployment.Deployment;
import dev.ecscanary.controller.deployment.DeploymentStatus;
import dev.ecscanary.controller.deployment.Releases;
import dev.ecscanary.controller.revision.ReleasableService;
import dev.ecscanary.controller.revision.ServiceCatalog;
import dev.ecscanary.controller.web.live.LiveUpdates;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/** The services overview ({@code /}) and each service's release history, paged and filtered by outcome. */
@Controller
class ServicesPageController {

    static final int RECENT = 5;
    static final int PAGE_SIZE = 20;
    private static final List<DeploymentStatus> OUTCOMES = List.of(
            DeploymentStatus.SUCCEEDED,
            DeploymentStatus.ROLLED_BACK,
            DeploymentStatus.FAILED,
            DeploymentStatus.IN_PROGRESS,
            DeploymentStatus.ROLLING_BACK,
            DeploymentStatus.PENDING);

    private final ServiceCatalog catalog;
    private final Releases releases;
    private final Links links;
    private final Pages html;
    private final LiveUpdates live;
    private final Clock clock;

    ServicesPageController(
            ServiceCatalog catalog, Releases releases, Links links, Pages html, LiveUpdates live, Clock clock) {
        this.live = live;
        this.catalog = catalog;
        this.releases = releases;
        this.links = links;
        this.html = html;
        this.clock = clock;
    }

    record ServicesPage(String title, String stream, long version, List<ServiceCard> services) {}

    record ServiceCard(
            String name,
            String cluster,
            String ecsService,
            String currentImage,
            List<AlarmLink> alarms,
            DeploymentRow inFlight,
            List<DeploymentRow> recent,
            String historyHref) {}

    record AlarmLink(String name, String url) {}

    record HistoryPage(
            String title,
            String stream,
            long version,
            String service,
            List<Filter> filters,
            List<DeploymentRow> rows,
            int page,
            String newerHref,
            String olderHref,
            String emptyMessage) {}

    record Filter(String label, String href, boolean selected) {}

    @GetMapping("/")
    ResponseEntity<String> services() {
        long version = live.servicesVersion();
        List<ServiceCard> cards = catalog.all().stream().map(this::card).toList();
        return html.ok("services", new ServicesPage("Services", "/api/services/events", version, cards));
    }

    @GetMapping("/services/{name}/deployments")
    ResponseEntity<String> history(
            @PathVariable String name,
            @RequestParam(required = false) DeploymentStatus outcome,
            @RequestParam(defaultValue = "1") @Min(1) @Max(10_000) int page) {
        if (catalog.find(name).isEmpty()) {
            return html.notFound("No service named " + name + " is configured.");
        }
        long version = live.servicesVersion();
        List<Deployment> found = releases.list(name, outcome, (page - 1) * PAGE_SIZE, PAGE_SIZE + 1);
        List<DeploymentRow> rows = found.stream()
                .limit(PAGE_SIZE)
                .map(d -> DeploymentRow.of(d, clock.instant()))
                .toList();
        String base =
                "/services/" + name + "/deployments?" + (outcome == null ? "" : "outcome=" + outcome.name() + "&");
        return html.ok(
                "history",
                new HistoryPage(
                        name + " history",
                        "/api/services/events",
                        version,
                        name,
                        filters(name, outcome),
                        rows,
                        page,
                        page > 1 ? base + "page=" + (page - 1) : null,
                        found.size() > PAGE_SIZE ? base + "page=" + (page + 1) : null,
                        rows.isEmpty()
                                ? "No "
                                        + (outcome == null
                                                ? ""
                                                : Badge.of(outcome).label().toLowerCase() + " ") + "releases"
                                        + (page > 1 ? " on this page." : " yet.")
                                : null));
    }

    private ServiceCard card(ReleasableService s) {
        List<Deployment> recent = releases.list(s.name(), null, RECENT + 1);
        Optional<Deployment> inFlight =
                recent.stream().filter(Deployment::isInFlight).findFirst();
        String current = recent.stream()
                .filter(d -> d.status() == DeploymentStatus.SUCCEEDED)
                .findFirst()
                .or(() -> releases.list(s.name(), DeploymentStatus.SUCCEEDED, 1).stream()
                        .findFirst())
                .map(d -> d.request().image().value())
                .orElse(null);
        List<DeploymentRow> finished = recent.stream()
                .filter(d -> !d.isInFlight())
                .limit(RECENT)
                .map(d -> DeploymentRow.of(d, clock.instant()))
                .toList();
        List<AlarmLink> alarms = s.config().alarms().stream()
                .map(a -> new AlarmLink(a, links.alarm(a)))
                .toList();
        return new ServiceCard(
                s.name(),
                s.config().cluster(),
                s.config().ecsService(),
                current,
                alarms,
                inFlight.map(d -> DeploymentRow.of(d, clock.instant())).orElse(null),
                finished,
                "/services/" + s.name() + "/deployments");
    }

    private static List<Filter> filters(String service, DeploymentStatus selected) {
        List<Filter> filters = new ArrayList<>();
        String base = "/services/" + service + "/deployments";
        filters.add(new Filter("All", base, selected == null));
        for (DeploymentStatus s : OUTCOMES) {
            filters.add(new Filter(Badge.of(s).label(), base + "?outcome=" + s.name(), s == selected));
        }
        return filters;
    }
}

package dev.ecscanary.controller.api;

import dev.ecscanary.controller.api.ServicesController.ServiceView;
import dev.ecscanary.controller.config.AnalysisProperties;
import dev.ecscanary.controller.deployment.DeploymentChanged;
import dev.ecscanary.controller.deployment.Releases;
import dev.ecscanary.controller.revision.ReleasableService;
import dev.ecscanary.controller.revision.ServiceCatalog;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * What {@code GET /api/services} answers, built again only after a deployment changed: clients that poll it (CI
 * waiting for a service to be free, dashboards) cost no database work between changes. The answer is also rebuilt
 * once it is {@value #MAX_AGE_SECONDS} s old, so that a change committed by another controller shows up.
 */
@Component
public class ServicesOverview {

    static final long MAX_AGE_SECONDS = 5;

    private final ServiceCatalog catalog;
    private final Releases releases;
    private final AnalysisProperties analysis;
    private final AtomicLong changes = new AtomicLong();
    private volatile Built built;

    private record Built(long changes, long atNanos, List<ServiceView> services) {}

    ServicesOverview(ServiceCatalog catalog, Releases releases, AnalysisProperties analysis) {
        this.catalog = catalog;
        this.releases = releases;
        this.analysis = analysis;
    }

    @EventListener
    void changed(DeploymentChanged change) {
        changes.incrementAndGet();
    }

    /** Drops the built answer: the next request reads the store (after it was changed behind the controller's back). */
    public void forget() {
        built = null;
    }

    List<ServiceView> services() {
        long seen = changes.get(); // read before the database: a change committed meanwhile makes the next call rebuild
        Built last = built;
        long now = System.nanoTime();
        if (last != null
                && last.changes() == seen
                && now - last.atNanos() < TimeUnit.SECONDS.toNanos(MAX_AGE_SECONDS)) {
            return last.services();
        }
        List<ServiceView> fresh = catalog.all().stream().map(this::view).toList();
        built = new Built(seen, now, fresh);
        return fresh;
    }

    private ServiceView view(ReleasableService s) {
        return new ServiceView(
                s.name(),
                s.config().cluster(),
                s.config().ecsService(),
                s.config().deploymentConfig(),
                s.config().alarms(),
                releases.currentImage(s.name()).orElse(null),
                releases.inFlight(s.name())
                        .map(d -> DeploymentView.of(d, analysis))
                        .orElse(null));
    }
}

package dev.ecscanary.controller.api;

import dev.ecscanary.controller.config.AnalysisProperties;
import dev.ecscanary.controller.deployment.Deployment;
import dev.ecscanary.controller.deployment.DeploymentStatus;
import dev.ecscanary.controller.deployment.Releases;
import dev.ecscanary.controller.release.ReleasableService;
import dev.ecscanary.controller.release.ServiceCatalog;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/services}: each configured service, the image it runs and its release in flight. */
@RestController
class ServicesController {

    private final ServiceCatalog catalog;
    private final Releases releases;
    private final AnalysisProperties analysis;

    ServicesController(ServiceCatalog catalog, Releases releases, AnalysisProperties analysis) {
        this.catalog = catalog;
        this.releases = releases;
        this.analysis = analysis;
    }

    @GetMapping("/api/services")
    List<ServiceView> services() {
        return catalog.all().stream().map(this::view).toList();
    }

    private ServiceView view(ReleasableService s) {
        List<Deployment> recent = releases.list(s.name(), null, 20);
        Deployment inFlight = recent.stream().filter(Deployment::isInFlight).findFirst().orElse(null);
        String currentImage = recent.stream().filter(d -> d.status() == DeploymentStatus.SUCCEEDED).findFirst()
                .or(() -> releases.list(s.name(), DeploymentStatus.SUCCEEDED, 1).stream().findFirst())
                .map(d -> d.request().image().value()).orElse(null);
        return new ServiceView(s.name(), s.config().cluster(), s.config().ecsService(), s.config().deploymentConfig(),
                s.config().alarms(), currentImage, inFlight == null ? null : DeploymentView.of(inFlight, analysis));
    }

    /**
     * @param currentImage the image of the service's last successful release through this controller, if any
     */
    record ServiceView(String name, String cluster, String ecsService, String deploymentConfig, List<String> alarms,
                       String currentImage, DeploymentView inFlight) {
    }
}

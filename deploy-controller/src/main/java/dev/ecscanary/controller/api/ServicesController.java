package dev.ecscanary.controller.api;

import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/services}: each configured service, the image it runs and its release in flight. */
@RestController
class ServicesController {

    private final ServicesOverview overview;

    ServicesController(ServicesOverview overview) {
        this.overview = overview;
    }

    @GetMapping("/api/services")
    List<ServiceView> services() {
        return overview.services();
    }

    /**
     * @param currentImage the image of the service's last successful release through this controller, if any
     */
    record ServiceView(
            String name,
            String cluster,
            String ecsService,
            String deploymentConfig,
            List<String> alarms,
            String currentImage,
            DeploymentView inFlight) {}
}

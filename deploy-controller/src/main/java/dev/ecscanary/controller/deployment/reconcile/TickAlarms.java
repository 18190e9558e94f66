package dev.ecscanary.controller.deployment.reconcile;

import dev.ecscanary.controller.analysis.AlarmReader;
import dev.ecscanary.controller.analysis.AlarmReadings;
import dev.ecscanary.controller.analysis.HealthGate;
import dev.ecscanary.controller.aws.AwsUnavailableException;
import dev.ecscanary.controller.deployment.Deployment;
import dev.ecscanary.controller.deployment.DeploymentStatus;
import dev.ecscanary.controller.revision.ServiceCatalog;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/** The alarms of one tick: every release's watched alarms read at once, and which releases they say to stop first. */
@Component
class TickAlarms {

    private static final Logger log = LoggerFactory.getLogger(TickAlarms.class);

    private final ServiceCatalog catalog;
    private final AlarmReader alarmReader;

    TickAlarms(ServiceCatalog catalog, AlarmReader alarmReader) {
        this.catalog = catalog;
        this.alarmReader = alarmReader;
    }

    /** The watched alarms of all the deployments, in as few calls as CloudWatch allows; or that it could not be read. */
    AlarmReadings read(List<Deployment> deployments) {
        Set<String> names = new TreeSet<>();
        for (Deployment d : deployments) {
            catalog.find(d.service()).ifPresent(s -> names.addAll(s.config().alarms()));
        }
        try {
            return AlarmReadings.of(alarmReader.read(names));
        } catch (AwsUnavailableException e) {
            log.warn("Alarms could not be read this tick: {}", e.getMessage());
            return AlarmReadings.unreadable(e.getMessage());
        }
    }

    /** True when the release is in progress and the health gate would fail it on these readings. */
    boolean firing(Deployment d, AlarmReadings alarms) {
        return d.status() == DeploymentStatus.IN_PROGRESS
                && catalog.find(d.service())
                        .map(s -> HealthGate.isFiring(s.config().alarms(), alarms))
                        .orElse(false);
    }
}

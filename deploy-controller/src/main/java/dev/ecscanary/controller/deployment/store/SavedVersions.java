package dev.ecscanary.controller.deployment.store;

import dev.ecscanary.controller.deployment.Deployment;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * The version each deployment in flight was last saved at by this process, so that the reconciler can tell its copy
 * is current without a query. Only an optimisation: every save still checks the version in the database. Public
 * so that a test can read with its own, empty one.
 */
@Component
public class SavedVersions {

    private final Map<UUID, Long> versions = new ConcurrentHashMap<>();

    void committed(Deployment d) {
        if (d.isInFlight()) {
            versions.merge(d.id(), d.version(), Math::max);
        } else {
            versions.remove(d.id());
        }
    }

    /** The version this process last saved, if it saved the deployment while in flight. */
    Optional<Long> of(UUID id) {
        return Optional.ofNullable(versions.get(id));
    }
}

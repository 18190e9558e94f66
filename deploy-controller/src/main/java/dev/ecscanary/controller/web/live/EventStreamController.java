package dev.ecscanary.controller.web.live;

import dev.ecscanary.controller.deployment.Deployment;
import dev.ecscanary.controller.deployment.DeploymentNotFoundException;
import dev.ecscanary.controller.deployment.Releases;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.UUID;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * Server-sent events for live views: each frame is the deployment as {@code GET /api/deployments/{id}} shows it,
 * wrapped with its version and the time the controller committed the change. A client that reconnects with
 * {@code Last-Event-ID} gets what it missed (or, if that is no longer buffered, the current state as a snapshot).
 * The streams use the container's non-blocking output (see {@link Subscriber}).
 */
@RestController
class EventStreamController {

    private final Releases releases;
    private final LiveUpdates live;

    EventStreamController(Releases releases, LiveUpdates live) {
        this.releases = releases;
        this.live = live;
    }

    /**
     * One deployment's changes; the event id is the deployment's version. A finished deployment's stream ends after
     * its last state; a client that reconnects already holding it gets 204, which tells an EventSource to stop.
     */
    @GetMapping(path = "/api/deployments/{id}/events", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    void deployment(
            @PathVariable UUID id,
            @RequestHeader(name = "Last-Event-ID", required = false) Long lastEventId,
            HttpServletRequest request,
            HttpServletResponse response)
            throws IOException {
        Deployment d =
                live.latest(id).or(() -> releases.find(id)).orElseThrow(() -> new DeploymentNotFoundException(id));
        if (!d.isInFlight() && lastEventId != null && lastEventId >= d.version()) {
            response.setStatus(HttpServletResponse.SC_NO_CONTENT);
            return;
        }
        live.subscribe(d, lastEventId, ServletEventConnection.start(request, response, live.streamTimeout()));
    }

    /** Every deployment's changes, for the services overview; the event id is a sequence number of this controller. */
    @GetMapping(path = "/api/services/events", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    void services(
            @RequestHeader(name = "Last-Event-ID", required = false) Long lastEventId,
            HttpServletRequest request,
            HttpServletResponse response)
            throws IOException {
        live.subscribeServices(lastEventId, ServletEventConnection.start(request, response, live.streamTimeout()));
    }
}

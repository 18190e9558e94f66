package dev.ecscanary.controller.traffic;

import java.net.URI;

/**
 * A load-balancer target as the load balancer reaches it.
 *
 * @param host the target's id: an IP address for the IP targets ECS registers in awsvpc mode
 * @param port the port the load balancer sends to (the container port)
 */
public record TargetAddress(String host, int port) {

    /** The target's base URI for plain HTTP, as the load balancer talks to it (TLS ends at the load balancer). */
    public URI httpUri() {
        String literal = host.contains(":") ? "[" + host + "]" : host;
        return URI.create("http://" + literal + ":" + port);
    }
}

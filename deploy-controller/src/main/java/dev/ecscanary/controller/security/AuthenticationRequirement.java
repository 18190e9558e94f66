package dev.ecscanary.controller.security;

import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * Safe defaults, checked before anything listens: with no way to authenticate configured the controller refuses to
 * start, and the rehearsal (whose tokens are printed for anyone to read) starts only bound to loopback.
 */
final class AuthenticationRequirement {

    private AuthenticationRequirement() {}

    /**
     * @param loginConfigured whether an OpenID Connect login registration exists
     * @param rehearsal       whether the {@code rehearsal} profile is active
     * @param serverAddress   {@code server.address}, null when bound to every interface
     * @throws IllegalStateException saying what to configure
     */
    static void check(SecurityProperties properties, boolean loginConfigured, boolean rehearsal, String serverAddress) {
        if (rehearsal && !isLoopback(serverAddress)) {
            throw new IllegalStateException("The rehearsal profile accepts well-known tokens, so it must be bound to"
                    + " loopback: set server.address=127.0.0.1 (it is "
                    + (serverAddress == null ? "unset, i.e. every" + " interface" : serverAddress) + ")");
        }
        if (!properties.oidc().enabled() && properties.tokens().isEmpty() && !loginConfigured) {
            throw new IllegalStateException("No authentication is configured, and the deploy controller does not run"
                    + " open. Configure at least one of: controller.security.oidc.audience (GitHub Actions ID tokens),"
                    + " controller.security.tokens (API tokens by SHA-256), or an OpenID Connect login under"
                    + " spring.security.oauth2.client.registration. See deploy-controller/SECURITY.md.");
        }
    }

    static boolean isLoopback(String address) {
        if (address == null || address.isBlank()) {
            return false;
        }
        try {
            return InetAddress.getByName(address).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }
}

package dev.ecscanary.controller.security.signin;

import java.util.ArrayList;
import java.util.List;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.core.AuthorizationGrantType;

/**
 * How people sign in to the status page, for its sign-in page to offer: the OpenID Connect providers configured, and
 * whether an API token may be entered instead ({@code login.token-form}).
 */
public record SignInOptions(boolean tokenForm, List<Provider> providers) {

    /** A provider's name and where signing in with it starts. */
    public record Provider(String name, String url) {}

    public SignInOptions {
        providers = List.copyOf(providers);
    }

    /** Whether there is any way to sign in at all. */
    public boolean any() {
        return tokenForm || !providers.isEmpty();
    }

    public static SignInOptions of(boolean tokenForm, ClientRegistrationRepository registrations) {
        List<Provider> providers = new ArrayList<>();
        if (registrations instanceof Iterable<?> all) {
            for (Object each : all) {
                if (each instanceof ClientRegistration r
                        && AuthorizationGrantType.AUTHORIZATION_CODE.equals(r.getAuthorizationGrantType())) {
                    providers.add(new Provider(r.getClientName(), "/oauth2/authorization/" + r.getRegistrationId()));
                }
            }
        }
        return new SignInOptions(tokenForm, providers);
    }
}

package dev.ecscanary.controller.security;

import dev.ecscanary.controller.security.github.ClaimPolicy;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * The per-request half of authorization, once the body says which service and environment: the filter chain has
 * already checked the caller's scope. CI callers are held to the claim policy, API tokens to their services.
 */
@Component
public class Access {

    private final ClaimPolicy policy;

    Access(ClaimPolicy policy) {
        this.policy = policy;
    }

    /** @throws AccessRefusedException when the current caller may not release the service to the environment */
    public void checkDeploy(String service, String environment) {
        Caller caller = CurrentCaller.get();
        refusal(caller, Scope.DEPLOY, service)
                .or(() -> caller.kind() == Caller.Kind.GITHUB
                        ? policy.refusal(caller, service, environment)
                        : Optional.empty())
                .ifPresent(reason -> {
                    throw new AccessRefusedException(reason);
                });
    }

    /** @throws AccessRefusedException when the current caller may not roll back releases of the service */
    public void checkRollback(String service) {
        refusal(CurrentCaller.get(), Scope.ROLLBACK, service).ifPresent(reason -> {
            throw new AccessRefusedException(reason);
        });
    }

    private static Optional<String> refusal(Caller caller, Scope scope, String service) {
        if (!caller.may(scope)) {
            return Optional.of(caller.whyNot(scope));
        }
        if (!caller.services().isEmpty() && !caller.services().contains(service)) {
            return Optional.of("token '" + caller.tokenName() + "' is limited to services " + caller.services()
                    + ", not '" + service + "'");
        }
        return Optional.empty();
    }

    /** A refusal that names the rule, token or role; answered with 403. */
    public static final class AccessRefusedException extends RuntimeException {
        AccessRefusedException(String reason) {
            super(reason);
        }
    }
}

package dev.ecscanary.controller.security.tokens;

import dev.ecscanary.controller.audit.AuditDetails;
import dev.ecscanary.controller.security.CurrentCaller;
import dev.ecscanary.controller.security.Scope;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * API tokens for automation, for callers with the {@code admin} scope: create one (its value is in this answer and
 * nowhere else, ever), list them (names and scopes, never values or hashes), revoke one (effective on its next use).
 */
@RestController
@RequestMapping("/api/tokens")
class TokensController {

    private final ApiTokens tokens;

    TokensController(ApiTokens tokens) {
        this.tokens = tokens;
    }

    @PostMapping
    ResponseEntity<CreatedView> create(@Valid @RequestBody CreateTokenBody body) {
        ApiTokens.Created created = tokens.create(
                body.name(),
                body.scopes(),
                body.services() == null ? Set.of() : body.services(),
                CurrentCaller.display());
        AuditDetails.note("token '" + body.name() + "' created with scopes "
                + created.token().scopes()
                + (created.token().services().isEmpty()
                        ? ""
                        : " for services " + created.token().services()));
        return ResponseEntity.created(URI.create("/api/tokens/" + body.name()))
                .header("Cache-Control", "no-store")
                .body(new CreatedView(
                        body.name(),
                        created.token().scopes(),
                        created.token().services(),
                        created.value(),
                        created.token().createdAt(),
                        "Store the token now: it is not shown again."));
    }

    @GetMapping
    List<ApiToken> list() {
        return tokens.list();
    }

    @DeleteMapping("/{name}")
    ResponseEntity<Void> revoke(@PathVariable @Size(max = 100) String name) {
        if (!tokens.revoke(name, CurrentCaller.display())) {
            throw new TokenNotFoundException(name);
        }
        AuditDetails.note("token '" + name + "' revoked");
        return ResponseEntity.noContent().build();
    }

    record CreateTokenBody(
            @NotBlank @Size(max = 100) @Pattern(regexp = "[A-Za-z0-9][A-Za-z0-9_.-]*", message = "must be a token name")
            String name,

            @NotEmpty Set<Scope> scopes,
            Set<@NotBlank @Size(max = 100) String> services) {}

    record CreatedView(
            String name, Set<Scope> scopes, Set<String> services, String token, Instant createdAt, String notice) {}

    static final class TokenNotFoundException extends RuntimeException {
        TokenNotFoundException(String name) {
            super("no active token named '" + name + "'");
        }
    }
}

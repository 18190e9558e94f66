package dev.ecscanary.controller.security.tokens;

import dev.ecscanary.controller.security.Scope;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code api_token} table: hashes, scopes, and who created and revoked each token. */
@Repository
public class ApiTokenStore {

    private final JdbcClient jdbc;

    ApiTokenStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** @return false when the name is taken */
    public boolean insert(ApiToken token, String sha256) {
        return jdbc.sql("""
                insert into api_token (name, sha256, scopes, services, created_by, created_at)
                values (?, ?, ?, ?, ?, ?) on conflict do nothing""")
                        .params(
                                token.name(),
                                sha256,
                                join(token.scopes().stream().map(Scope::label).collect(Collectors.toSet())),
                                join(token.services()),
                                token.createdBy(),
                                Timestamp.from(token.createdAt()))
                        .update()
                == 1;
    }

    public Optional<ApiToken> findActiveByHash(String sha256) {
        return jdbc.sql("select * from api_token where sha256 = ? and revoked_at is null")
                .param(sha256)
                .query(ApiTokenStore::map)
                .optional();
    }

    public List<ApiToken> all() {
        return jdbc.sql("select * from api_token order by created_at, name")
                .query(ApiTokenStore::map)
                .list();
    }

    /** @return false when there is no such token, or it was already revoked */
    public boolean revoke(String name, String by, Instant at) {
        return jdbc.sql("update api_token set revoked_by = ?, revoked_at = ? where name = ? and revoked_at is null")
                        .params(by, Timestamp.from(at), name)
                        .update()
                == 1;
    }

    private static ApiToken map(ResultSet rs, int row) throws SQLException {
        Timestamp revoked = rs.getTimestamp("revoked_at");
        return new ApiToken(
                rs.getString("name"),
                split(rs.getString("scopes")).stream().map(Scope::parse).collect(Collectors.toSet()),
                split(rs.getString("services")),
                rs.getString("created_by"),
                rs.getTimestamp("created_at").toInstant(),
                rs.getString("revoked_by"),
                revoked == null ? null : revoked.toInstant());
    }

    private static String join(Set<String> values) {
        return values.stream().sorted().collect(Collectors.joining(","));
    }

    private static Set<String> split(String text) {
        return text.isEmpty() ? Set.of() : Set.copyOf(Arrays.asList(text.split(",")));
    }
}

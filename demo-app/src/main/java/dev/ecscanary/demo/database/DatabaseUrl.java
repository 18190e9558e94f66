package dev.ecscanary.demo.database;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

/**
 * Where the database is and who to log in as, read from a {@code DATABASE_URL}.
 *
 * <p>Accepts both the JDBC form ({@code jdbc:postgresql://host:5432/db?user=u}) and the form Heroku, RDS
 * tooling and most PaaS use ({@code postgres://user:pass@host:5432/db?sslmode=require}). Credentials in the
 * second form are taken out of the URL so that they never appear in a JDBC URL that could be logged.
 */
public record DatabaseUrl(String jdbcUrl, String username, String password) {

    private static final int DEFAULT_PORT = 5432;

    public static DatabaseUrl parse(String url) {
        String trimmed = url == null ? "" : url.strip();
        if (trimmed.startsWith("jdbc:postgresql:")) {
            return new DatabaseUrl(trimmed, null, null);
        }
        if (trimmed.startsWith("postgres://") || trimmed.startsWith("postgresql://")) {
            return fromUri(trimmed);
        }
        throw new IllegalArgumentException(
                "DATABASE_URL must start with jdbc:postgresql:, postgres:// or postgresql://, got '" + redact(trimmed)
                        + "'");
    }

    private static DatabaseUrl fromUri(String url) {
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("DATABASE_URL is not a valid URL: " + e.getReason());
        }
        if (uri.getHost() == null) {
            throw new IllegalArgumentException("DATABASE_URL has no host: '" + redact(url) + "'");
        }
        int port = uri.getPort() == -1 ? DEFAULT_PORT : uri.getPort();
        String database = uri.getRawPath() == null || uri.getRawPath().length() <= 1
                ? "postgres"
                : uri.getRawPath().substring(1);
        String query = uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery();
        String jdbcUrl = "jdbc:postgresql://" + uri.getHost() + ":" + port + "/" + database + query;
        String[] userInfo = uri.getRawUserInfo() == null
                ? new String[0]
                : uri.getRawUserInfo().split(":", 2);
        String username = userInfo.length > 0 ? decode(userInfo[0]) : null;
        String password = userInfo.length > 1 ? decode(userInfo[1]) : null;
        return new DatabaseUrl(jdbcUrl, username, password);
    }

    private static String decode(String part) {
        // In a URL's user info '+' is a plain character, not an encoded space.
        return URLDecoder.decode(part.replace("+", "%2B"), StandardCharsets.UTF_8);
    }

    private static String redact(String url) {
        return url.replaceAll("//[^@/]*@", "//***@");
    }

    @Override
    public String toString() {
        return "DatabaseUrl[" + jdbcUrl + ", user=" + username + "]";
    }
}

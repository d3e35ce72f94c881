package dev.accord.worker.api;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Who may call the HTTP API ({@code accord.api.*}). Each token is given by the environment variable that
 * holds it, or by its SHA-256 (hex), never in plain text; with no tokens configured the API answers 401 to
 * everyone (health and metrics stay open).
 */
@ConfigurationProperties("accord.api")
public record ApiProperties(List<Token> tokens) {

    public ApiProperties {
        tokens = tokens == null ? List.of() : List.copyOf(tokens);
    }

    /**
     * @param name who the token belongs to (recorded in the audit trail)
     * @param tokenEnv environment variable holding the token
     * @param tokenSha256 or the token's SHA-256 in hex
     * @param roles viewer (read), operator (start, pause, resume, rollback, kill switch), steward (review
     *     decisions and unmasked PII, for {@code domains})
     * @param domains the domains a steward stewards; empty for all
     */
    public record Token(String name, String tokenEnv, String tokenSha256, List<String> roles, List<String> domains) {

        public Token {
            roles = roles == null ? List.of() : List.copyOf(roles);
            domains = domains == null ? List.of() : List.copyOf(domains);
        }
    }
}

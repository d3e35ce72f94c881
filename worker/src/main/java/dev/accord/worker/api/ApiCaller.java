package dev.accord.worker.api;

import java.util.List;
import java.util.Set;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/** The authenticated caller of an API request: a token's name, its roles and the domains it stewards. */
public record ApiCaller(String name, Set<String> roles, List<String> domains) {

    public static final String VIEWER = "viewer";
    public static final String OPERATOR = "operator";
    public static final String STEWARD = "steward";

    /** The caller of the current request. */
    public static ApiCaller current() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication != null && authentication.getPrincipal() instanceof ApiCaller caller
                ? caller : new ApiCaller("anonymous", Set.of(), List.of());
    }

    /** A steward of this domain may decide its reviews and see its PII. */
    public boolean stewards(String domain) {
        return roles.contains(STEWARD) && (domains.isEmpty() || domains.contains(domain));
    }
}

package dev.accord.worker.api;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authenticates {@code Authorization: Bearer <token>} against the configured API tokens, compared by their
 * SHA-256 in constant time. Operators and stewards may also read (they hold the viewer role too).
 */
public final class TokenAuthentication extends OncePerRequestFilter {

    /** The request attribute the caller is kept in, for filters outside Spring Security's chain (the audit). */
    static final String CALLER_ATTRIBUTE = "accord.caller";

    private record Known(byte[] sha256, ApiCaller caller) {}

    private final List<Known> known;

    public TokenAuthentication(ApiProperties properties, UnaryOperator<String> environment) {
        this.known = properties.tokens().stream().map(t -> known(t, environment)).flatMap(Optional::stream).toList();
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader("Authorization");
        if (header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            byte[] presented = sha256(header.substring(7).trim());
            for (Known token : known) {
                if (MessageDigest.isEqual(token.sha256(), presented)) {
                    ApiCaller caller = token.caller();
                    var authorities = caller.roles().stream().map(r -> new SimpleGrantedAuthority("ROLE_" + r)).toList();
                    SecurityContextHolder.getContext().setAuthentication(new UsernamePasswordAuthenticationToken(caller, null, authorities));
                    request.setAttribute(CALLER_ATTRIBUTE, caller);
                    break;
                }
            }
        }
        chain.doFilter(request, response);
    }

    private static Optional<Known> known(ApiProperties.Token token, UnaryOperator<String> environment) {
        byte[] hash;
        if (token.tokenSha256() != null && !token.tokenSha256().isBlank()) {
            hash = HexFormat.of().parseHex(token.tokenSha256().trim().toLowerCase());
        } else {
            String value = token.tokenEnv() == null ? null : environment.apply(token.tokenEnv());
            if (value == null || value.isBlank()) {
                return Optional.empty();
            }
            hash = sha256(value.trim());
        }
        Set<String> roles = new LinkedHashSet<>(token.roles());
        roles.add(ApiCaller.VIEWER);
        return Optional.of(new Known(hash, new ApiCaller(token.name(), Set.copyOf(roles), token.domains())));
    }

    static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

package dev.accord.worker.api;

import dev.accord.activities.store.AccordStore;
import dev.accord.activities.store.ApiAudit;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Instant;
import java.util.TreeSet;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Records every API request that changes state (and every payload decode) in the store's audit trail, with
 * the caller, its roles and the outcome, whether it was allowed or not (it runs outside Spring Security's
 * chain, so refused requests are recorded too).
 */
@Component
@org.springframework.core.annotation.Order(-1000)
class AuditTrail extends OncePerRequestFilter {

    private final AccordStore store;

    AuditTrail(AccordStore store) {
        this.store = store;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        try {
            chain.doFilter(request, response);
        } finally {
            if (audited(request)) {
                ApiCaller caller = request.getAttribute(TokenAuthentication.CALLER_ATTRIBUTE) instanceof ApiCaller known
                        ? known : new ApiCaller("anonymous", java.util.Set.of(), java.util.List.of());
                ApiAudit.Entry entry = new ApiAudit.Entry(caller.name(), String.join(",", new TreeSet<>(caller.roles())),
                        request.getMethod(), request.getRequestURI(), response.getStatus(), request.getQueryString(), Instant.now());
                store.inTransaction(c -> {
                    store.apiAudit().record(c, entry);
                    return null;
                });
            }
        }
    }

    private static boolean audited(HttpServletRequest request) {
        String path = request.getRequestURI();
        boolean writes = !"GET".equals(request.getMethod()) && !"HEAD".equals(request.getMethod()) && !"OPTIONS".equals(request.getMethod());
        return (writes && path.startsWith("/api/")) || path.startsWith("/codec/");
    }
}

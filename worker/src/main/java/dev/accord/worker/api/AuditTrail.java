package dev.accord.worker.api;

import dev.accord.store.AccordStore;
import dev.accord.store.ApiAudit;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Instant;
import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Records in the store's audit trail every API request that changes state, every one that reveals records
 * (payload decodes, quarantine entries) and every refused one (401 or 403, whatever its method or path), with
 * the caller, its roles and the outcome. It runs outside Spring Security's chain, so refused requests are
 * recorded too. Recording never changes the answer: whatever the client sent fits the audit trail
 * ({@code StoreText}), and if the store cannot be reached the failure is logged, without the request's path.
 */
@Component
@org.springframework.core.annotation.Order(-1000)
class AuditTrail extends OncePerRequestFilter {

    private static final Logger LOG = LoggerFactory.getLogger(AuditTrail.class);

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
            if (audited(request, response)) {
                ApiCaller caller = request.getAttribute(TokenAuthentication.CALLER_ATTRIBUTE) instanceof ApiCaller known
                        ? known : new ApiCaller("anonymous", java.util.Set.of(), java.util.List.of());
                ApiAudit.Entry entry = new ApiAudit.Entry(caller.name(), String.join(",", new TreeSet<>(caller.roles())),
                        request.getMethod(), request.getRequestURI(), response.getStatus(), request.getQueryString(), Instant.now());
                record(entry);
            }
        }
    }

    private void record(ApiAudit.Entry entry) {
        try {
            store.inTransaction(c -> {
                store.apiAudit().record(c, entry);
                return null;
            });
        } catch (RuntimeException e) {
            LOG.error("cannot record an API request ({} {}) in the audit trail: {}", entry.caller(), entry.status(),
                    e.getClass().getSimpleName());
        }
    }

    private static boolean audited(HttpServletRequest request, HttpServletResponse response) {
        String path = request.getRequestURI();
        boolean refused = response.getStatus() == HttpServletResponse.SC_UNAUTHORIZED
                || response.getStatus() == HttpServletResponse.SC_FORBIDDEN;
        boolean writes = !"GET".equals(request.getMethod()) && !"HEAD".equals(request.getMethod()) && !"OPTIONS".equals(request.getMethod());
        return refused || (writes && path.startsWith("/api/")) || path.startsWith("/codec/") || path.startsWith("/api/quarantine");
    }
}

package dev.accord.connectors.resilience;

import dev.accord.connectors.SystemUnavailableException;
import dev.accord.connectors.SystemUnavailableException.Reason;
import io.github.resilience4j.bulkhead.Bulkhead;
import io.github.resilience4j.bulkhead.BulkheadFullException;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.ratelimiter.RequestNotPermitted;
import io.github.resilience4j.timelimiter.TimeLimiter;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

/**
 * The guards of one system, applied to every connector call: a place in the bulkhead, a closed (or probing)
 * circuit breaker, optionally a rate permit, and a time limit. A refusal by the bulkhead, the breaker or the
 * rate limiter is a {@link SystemUnavailableException}, thrown before the call starts, so nothing was
 * written; a call over its time limit is a {@link ConnectorTimeoutException}. Failed and timed-out calls
 * count towards the breaker's failure rate; refusals, throttling, and errors of configuration or data
 * (which no other system state would fix) do not.
 */
public final class SystemGuard {

    private final String system;
    private final CircuitBreaker breaker;
    private final RateLimiter rateLimiter;
    private final Bulkhead bulkhead;
    private final TimeLimiter timeLimiter;
    private final ExecutorService calls;
    private final Duration openFor;

    SystemGuard(String system, CircuitBreaker breaker, RateLimiter rateLimiter, Bulkhead bulkhead, TimeLimiter timeLimiter,
                ExecutorService calls, Duration openFor) {
        this.openFor = openFor;
        this.system = system;
        this.breaker = breaker;
        this.rateLimiter = rateLimiter;
        this.bulkhead = bulkhead;
        this.timeLimiter = timeLimiter;
        this.calls = calls;
    }

    public CircuitBreaker.State state() {
        return breaker.getState();
    }

    /** Takes one rate permit (for a request of a connector that sends several per call). */
    public void acquirePermit() {
        if (rateLimiter != null && !rateLimiter.acquirePermission()) {
            throw new SystemUnavailableException(system, Reason.THROTTLED, rateLimiter.getRateLimiterConfig().getTimeoutDuration(),
                    "no rate permit within " + rateLimiter.getRateLimiterConfig().getTimeoutDuration().toMillis() + " ms", null);
        }
    }

    /**
     * Runs {@code call} under the guards.
     *
     * @param name the call, for messages ({@code readChanges})
     * @param paced take a rate permit for the call itself (false when the connector takes one per request)
     */
    public <T> T call(String name, boolean paced, Supplier<T> call) {
        try {
            return Bulkhead.decorateSupplier(bulkhead, CircuitBreaker.decorateSupplier(breaker, () -> {
                if (paced) {
                    acquirePermit();
                }
                return timed(name, call);
            })).get();
        } catch (CallNotPermittedException e) {
            throw new SystemUnavailableException(system, Reason.CIRCUIT_OPEN, openFor,
                    "its circuit breaker is open after " + breaker.getMetrics().getNumberOfFailedCalls() + " failed calls", e);
        } catch (BulkheadFullException e) {
            throw new SystemUnavailableException(system, Reason.BULKHEAD_FULL, null,
                    bulkhead.getBulkheadConfig().getMaxConcurrentCalls() + " calls are already in flight", e);
        } catch (RequestNotPermitted e) {
            throw new SystemUnavailableException(system, Reason.THROTTLED, null, e.getMessage(), e);
        }
    }

    private <T> T timed(String name, Supplier<T> call) {
        try {
            return timeLimiter.executeFutureSupplier(() -> calls.submit(call::get));
        } catch (TimeoutException e) {
            throw new ConnectorTimeoutException(system, name, timeLimiter.getTimeLimiterConfig().getTimeoutDuration());
        } catch (ExecutionException e) {
            throw rethrow(e.getCause());
        } catch (RuntimeException e) {
            throw e;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ConnectorTimeoutException(system, name + " (interrupted)", Duration.ZERO);
        } catch (Exception e) {
            throw rethrow(e.getCause() != null ? e.getCause() : e);
        }
    }

    private static RuntimeException rethrow(Throwable cause) {
        if (cause instanceof RuntimeException runtime) {
            return runtime;
        }
        if (cause instanceof Error error) {
            throw error;
        }
        return new IllegalStateException(cause);
    }
}

package dev.accord.connectors.resilience;

import java.time.Duration;

/**
 * How one system is guarded. Defaults suit a database or a SaaS API reached over a network.
 *
 * @param failureRate percentage of failed calls (of the last {@code window}) that opens the circuit breaker
 * @param window how many recent calls the failure rate is taken over
 * @param minimumCalls calls needed before the failure rate counts
 * @param openFor how long an open breaker refuses calls before it lets probes through (half-open)
 * @param probes calls let through while half-open; when they succeed the breaker closes, else it opens again
 * @param ratePerSecond calls (HTTP: requests) a second at most; 0 for no limit
 * @param rateWait how long a call waits for a rate permit before the system counts as unavailable
 * @param maxConcurrentCalls calls in flight at once (the bulkhead)
 * @param bulkheadWait how long a call waits for a place in the bulkhead
 * @param timeout how long one call may take before it fails (the time limiter)
 */
public record ResilienceSettings(float failureRate, int window, int minimumCalls, Duration openFor, int probes,
                                 int ratePerSecond, Duration rateWait, int maxConcurrentCalls, Duration bulkheadWait,
                                 Duration timeout) {

    public static final ResilienceSettings DEFAULTS = new ResilienceSettings(50f, 10, 5, Duration.ofSeconds(30), 2, 0,
            Duration.ofSeconds(5), 8, Duration.ofSeconds(10), Duration.ofSeconds(60));
}

package dev.accord.connectors.resilience;

import dev.accord.connectors.FailureClassifier;
import dev.accord.connectors.SourceConnector;
import dev.accord.connectors.SystemUnavailableException;
import dev.accord.connectors.TargetConnector;
import dev.accord.connectors.Throttle;
import dev.accord.core.failure.FailureKind;
import io.github.resilience4j.bulkhead.Bulkhead;
import io.github.resilience4j.bulkhead.BulkheadConfig;
import io.github.resilience4j.bulkhead.BulkheadRegistry;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import io.github.resilience4j.ratelimiter.RateLimiterRegistry;
import io.github.resilience4j.timelimiter.TimeLimiterConfig;
import io.github.resilience4j.timelimiter.TimeLimiterRegistry;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;

/**
 * One {@link SystemGuard} per system, built on first use from its {@link ResilienceSettings}, with the
 * Resilience4j registries behind them exposed so their state can be exported as metrics (each breaker,
 * limiter and bulkhead is named after its system). Wraps connectors so that every call is guarded.
 */
public final class SystemGuards implements AutoCloseable {

    private final Function<String, ResilienceSettings> settings;
    private final CircuitBreakerRegistry breakers = CircuitBreakerRegistry.ofDefaults();
    private final RateLimiterRegistry rateLimiters = RateLimiterRegistry.ofDefaults();
    private final BulkheadRegistry bulkheads = BulkheadRegistry.ofDefaults();
    private final TimeLimiterRegistry timeLimiters = TimeLimiterRegistry.ofDefaults();
    private final Map<String, SystemGuard> guards = new ConcurrentHashMap<>();
    private final ExecutorService calls = Executors.newCachedThreadPool(r -> {
        Thread thread = new Thread(r, "accord-connector-call");
        thread.setDaemon(true);
        return thread;
    });

    /** @param settings each system's settings, by system name */
    public SystemGuards(Function<String, ResilienceSettings> settings) {
        this.settings = settings;
    }

    public SystemGuard guard(String system) {
        return guards.computeIfAbsent(system, this::build);
    }

    /** One rate permit per request, for connectors that send several requests per call. */
    public Throttle throttle(String system) {
        return () -> guard(system).acquirePermit();
    }

    /** @param pacedPerCall take a rate permit per call (false when the connector paces its own requests) */
    public SourceConnector source(String system, SourceConnector source, boolean pacedPerCall) {
        return new GuardedSource(guard(system), source, pacedPerCall);
    }

    /** @param pacedPerCall take a rate permit per call (false when the connector paces its own requests) */
    public TargetConnector target(String system, TargetConnector target, boolean pacedPerCall) {
        return new GuardedTarget(guard(system), target, pacedPerCall);
    }

    public CircuitBreakerRegistry circuitBreakers() {
        return breakers;
    }

    public RateLimiterRegistry rateLimiters() {
        return rateLimiters;
    }

    public BulkheadRegistry bulkheads() {
        return bulkheads;
    }

    private SystemGuard build(String system) {
        ResilienceSettings s = settings.apply(system);
        CircuitBreaker breaker = breakers.circuitBreaker(system, CircuitBreakerConfig.custom()
                .failureRateThreshold(s.failureRate())
                .slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
                .slidingWindowSize(s.window())
                .minimumNumberOfCalls(s.minimumCalls())
                .waitDurationInOpenState(s.openFor())
                .permittedNumberOfCallsInHalfOpenState(s.probes())
                .automaticTransitionFromOpenToHalfOpenEnabled(true)
                .recordException(SystemGuards::isSystemFailure)
                .build());
        RateLimiter limiter = s.ratePerSecond() <= 0 ? null : rateLimiters.rateLimiter(system, RateLimiterConfig.custom()
                .limitForPeriod(s.ratePerSecond())
                .limitRefreshPeriod(Duration.ofSeconds(1))
                .timeoutDuration(s.rateWait())
                .build());
        Bulkhead bulkhead = bulkheads.bulkhead(system, BulkheadConfig.custom()
                .maxConcurrentCalls(s.maxConcurrentCalls())
                .maxWaitDuration(s.bulkheadWait())
                .build());
        var timeLimiter = timeLimiters.timeLimiter(system, TimeLimiterConfig.custom()
                .timeoutDuration(s.timeout())
                .cancelRunningFuture(true)
                .build());
        return new SystemGuard(system, breaker, limiter, bulkhead, timeLimiter, calls, s.openFor());
    }

    /**
     * Whether a failed call says something about the system's health: only availability failures (a lost
     * connection, a timeout, a 5xx). Refusals and throttling (waiting is the cure), data errors (a value the system
     * rejects, which it would reject just as well when healthy), configuration errors and unexplained failures do not
     * count, so one bad record never opens a breaker.
     */
    static boolean isSystemFailure(Throwable e) {
        return !(e instanceof SystemUnavailableException) && FailureClassifier.kind(e) == FailureKind.AVAILABILITY;
    }

    @Override
    public void close() {
        calls.shutdownNow();
    }
}

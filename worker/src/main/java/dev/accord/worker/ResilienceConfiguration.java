package dev.accord.worker;

import dev.accord.connectors.http.HttpConnectors;
import dev.accord.connectors.resilience.SystemGuards;
import dev.accord.core.contract.Contract;
import io.github.resilience4j.bulkhead.BulkheadRegistry;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.micrometer.tagged.TaggedBulkheadMetrics;
import io.github.resilience4j.micrometer.tagged.TaggedCircuitBreakerMetrics;
import io.github.resilience4j.micrometer.tagged.TaggedRateLimiterMetrics;
import io.github.resilience4j.ratelimiter.RateLimiterRegistry;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Metrics;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * The per-system guards every connector call goes through, the http connectors (paced by those guards), and
 * the guards' state as Micrometer meters: {@code resilience4j.circuitbreaker.state}, {@code .calls},
 * {@code .failure.rate}, {@code resilience4j.ratelimiter.available.permissions},
 * {@code resilience4j.bulkhead.available.concurrent.calls} and the rest, tagged {@code name=<system>}, in the
 * application's meter registry (or Micrometer's global one when the application has none).
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ResilienceProperties.class)
class ResilienceConfiguration {

    @Bean(destroyMethod = "close")
    SystemGuards systemGuards(ResilienceProperties properties, ObjectProvider<MeterRegistry> registries) {
        SystemGuards guards = new SystemGuards(properties::forSystem);
        MeterRegistry registry = registries.getIfAvailable(() -> Metrics.globalRegistry);
        bind(guards, registry);
        return guards;
    }

    /** Binds the guards' registries to {@code registry}; meters appear as each system's guard is built. */
    static void bind(SystemGuards guards, MeterRegistry registry) {
        TaggedCircuitBreakerMetrics.ofCircuitBreakerRegistry(guards.circuitBreakers()).bindTo(registry);
        TaggedRateLimiterMetrics.ofRateLimiterRegistry(guards.rateLimiters()).bindTo(registry);
        TaggedBulkheadMetrics.ofBulkheadRegistry(guards.bulkheads()).bindTo(registry);
    }

    @Bean
    CircuitBreakerRegistry circuitBreakerRegistry(SystemGuards guards) {
        return guards.circuitBreakers();
    }

    @Bean
    RateLimiterRegistry rateLimiterRegistry(SystemGuards guards) {
        return guards.rateLimiters();
    }

    @Bean
    BulkheadRegistry bulkheadRegistry(SystemGuards guards) {
        return guards.bulkheads();
    }

    @Bean
    HttpConnectors httpConnectors(Contract contract, Environment environment, SystemGuards guards) {
        return new HttpConnectors(contract, environment::getProperty, guards::throttle);
    }
}

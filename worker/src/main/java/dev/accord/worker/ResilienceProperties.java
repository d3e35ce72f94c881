package dev.accord.worker;

import dev.accord.connectors.resilience.ResilienceSettings;
import java.time.Duration;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How each system's calls are guarded ({@code accord.resilience.*} in application.yaml): {@code defaults}
 * for every system, and per-system overrides under {@code systems.<name>}. Any setting left out falls back
 * to the defaults, then to {@link ResilienceSettings#DEFAULTS}, so no setting at all is needed.
 */
@ConfigurationProperties("accord.resilience")
public record ResilienceProperties(Settings defaults, Map<String, Settings> systems) {

    /** One system's settings; each may be left out. See {@link ResilienceSettings} for their meaning. */
    public record Settings(Float failureRate, Integer window, Integer minimumCalls, Duration openFor, Integer probes,
                           Integer ratePerSecond, Duration rateWait, Integer maxConcurrentCalls, Duration bulkheadWait,
                           Duration timeout) {

        ResilienceSettings over(ResilienceSettings base) {
            return new ResilienceSettings(or(failureRate, base.failureRate()), or(window, base.window()),
                    or(minimumCalls, base.minimumCalls()), or(openFor, base.openFor()), or(probes, base.probes()),
                    or(ratePerSecond, base.ratePerSecond()), or(rateWait, base.rateWait()),
                    or(maxConcurrentCalls, base.maxConcurrentCalls()), or(bulkheadWait, base.bulkheadWait()), or(timeout, base.timeout()));
        }

        private static <T> T or(T value, T fallback) {
            return value == null ? fallback : value;
        }
    }

    /** The settings of {@code system}: its overrides over the defaults over the built-in defaults. */
    public ResilienceSettings forSystem(String system) {
        ResilienceSettings base = defaults == null ? ResilienceSettings.DEFAULTS : defaults.over(ResilienceSettings.DEFAULTS);
        Settings own = systems == null ? null : systems.get(system);
        return own == null ? base : own.over(base);
    }
}

package dev.accord.worker.observability;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Freshness checks ({@code accord.freshness.*}).
 *
 * @param checks {@code on}, {@code off}, or {@code auto}: on against a Temporal server at {@code TEMPORAL_ADDRESS},
 *     off in the embedded mode, where the demo and the tests drive the flows themselves
 * @param interval how often each flow with a {@code freshness-sla} is checked (whole minutes on the test server)
 */
@ConfigurationProperties("accord.freshness")
public record FreshnessProperties(@DefaultValue("auto") String checks, @DefaultValue("1m") Duration interval) {

    public boolean enabled(boolean embedded) {
        return switch (checks) {
            case "on" -> true;
            case "off" -> false;
            case "auto" -> !embedded;
            default -> throw new IllegalArgumentException("accord.freshness.checks is '" + checks + "': use auto, on or off");
        };
    }
}

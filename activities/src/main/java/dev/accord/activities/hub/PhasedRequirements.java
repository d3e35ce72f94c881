package dev.accord.activities.hub;

import com.fasterxml.jackson.databind.JsonNode;
import dev.accord.core.contract.FlowSpec;
import dev.accord.core.validation.Requirements;
import dev.accord.core.validation.Validation;
import dev.accord.core.validation.Violation;
import io.micrometer.core.instrument.Metrics;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Validates a record against the domain's schema and rules with the {@code required-from} requirements in
 * force today (UTC) and the feature flags switched on ({@code ACCORD_FLAGS} or {@code -Daccord.flags}, comma
 * separated), and counts every requirement that is not in force yet but would have failed: the Micrometer
 * counter {@value #WARNINGS} (tags flow, system, side, field) in the global registry.
 */
final class PhasedRequirements {

    static final String WARNINGS = "accord.schema.required_from.warnings";

    private PhasedRequirements() {}

    /** @param side {@code ingress} or {@code egress} */
    static List<Violation> validate(SyncContext context, FlowSpec flow, String system, String side, String key,
                                    Map<String, JsonNode> fields, Collection<String> inScope) {
        Validation validation = context.validator(flow.domain()).check(key, fields, inScope, current());
        for (Violation warning : validation.warnings()) {
            Metrics.globalRegistry.counter(WARNINGS, "flow", flow.name(), "system", system, "side", side,
                    "field", warning.path().substring(2)).increment();
        }
        return validation.violations();
    }

    static Requirements current() {
        String flags = System.getProperty("accord.flags", System.getenv().getOrDefault("ACCORD_FLAGS", ""));
        Set<String> on = Arrays.stream(flags.split(",")).map(String::trim).filter(f -> !f.isEmpty()).collect(Collectors.toSet());
        return new Requirements(LocalDate.now(ZoneOffset.UTC), on);
    }
}

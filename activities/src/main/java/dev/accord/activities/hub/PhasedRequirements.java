package dev.accord.activities.hub;

import com.fasterxml.jackson.databind.JsonNode;
import dev.accord.activities.store.SchemaRegistry;
import dev.accord.core.contract.DomainSpec;
import dev.accord.core.contract.FlowSpec;
import dev.accord.core.contract.SchemaRef;
import dev.accord.core.validation.SchemaValidator;
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
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * Validates a record against the domain's schema (at ingress, the version the producer declares it writes) and
 * rules with the {@code required-from} requirements in
 * force today (UTC) and the feature flags switched on ({@code ACCORD_FLAGS} or {@code -Daccord.flags}, comma
 * separated), and counts every requirement that is not in force yet but would have failed: the Micrometer
 * counter {@value #WARNINGS} (tags flow, system, side, field) in the global registry.
 */
final class PhasedRequirements {

    static final String WARNINGS = "accord.schema.required_from.warnings";
    private static final Map<String, SchemaValidator> LAGGING = new ConcurrentHashMap<>();

    private PhasedRequirements() {}

    /** @param side {@code ingress} or {@code egress} */
    static List<Violation> validate(SyncContext context, FlowSpec flow, String system, String side, String key,
                                    Map<String, JsonNode> fields, Collection<String> inScope) {
        SchemaValidator validator = "ingress".equals(side) ? producerValidator(context, flow, system) : context.validator(flow.domain());
        Validation validation = validator.check(key, fields, inScope, current());
        for (Violation warning : validation.warnings()) {
            Metrics.globalRegistry.counter(WARNINGS, "flow", flow.name(), "system", system, "side", side,
                    "field", warning.path().substring(2)).increment();
        }
        return validation.violations();
    }

    /**
     * The validator for what {@code system} produces: the contract's schema, or, when its mapping declares an
     * earlier {@code schema-version}, that version as registered in the schema registry.
     */
    static SchemaValidator producerValidator(SyncContext context, FlowSpec flow, String system) {
        DomainSpec domain = context.contract().domain(flow.domain());
        Integer version = context.contract().mapping(system, flow.domain()).schemaVersion();
        if (version == null || version == domain.schema().version()) {
            return context.validator(flow.domain());
        }
        String cacheKey = System.identityHashCode(context.store()) + "|" + context.contract().hash() + "|" + domain.name() + "|" + version;
        return LAGGING.computeIfAbsent(cacheKey, k -> {
            JsonNode schema = context.store().inTransaction(c -> new SchemaRegistry().list(c, domain.name())).stream()
                    .filter(r -> r.version() == version).map(SchemaRegistry.Registered::schema).findFirst()
                    .orElseThrow(() -> new SchemaVersionConfigurationException("system '" + system + "' produces version " + version
                            + " of the schema of domain '" + domain.name() + "', which is not in the schema registry;"
                            + " register it with `accord contract register` from the contract that introduced it"));
            return new SchemaValidator(new DomainSpec(domain.name(), domain.key(), new SchemaRef(domain.schema().file(), version, schema),
                    domain.lifecycle(), domain.fields(), domain.compatibility()));
        });
    }

    /** A producer's schema version the registry does not hold: a setup problem, not retried. */
    static final class SchemaVersionConfigurationException extends IllegalStateException {
        SchemaVersionConfigurationException(String message) {
            super(message);
        }
    }

    static Requirements current() {
        String flags = System.getProperty("accord.flags", System.getenv().getOrDefault("ACCORD_FLAGS", ""));
        Set<String> on = Arrays.stream(flags.split(",")).map(String::trim).filter(f -> !f.isEmpty()).collect(Collectors.toSet());
        return new Requirements(LocalDate.now(ZoneOffset.UTC), on);
    }
}

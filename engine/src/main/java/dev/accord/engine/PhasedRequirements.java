package dev.accord.engine;

import com.fasterxml.jackson.databind.JsonNode;
import dev.accord.core.contract.DomainSpec;
import dev.accord.core.contract.FlowSpec;
import dev.accord.core.contract.SchemaRef;
import dev.accord.core.validation.Requirements;
import dev.accord.core.validation.SchemaValidator;
import dev.accord.core.validation.Validation;
import dev.accord.core.validation.Violation;
import dev.accord.engine.telemetry.SyncMetrics;
import dev.accord.engine.telemetry.Telemetry;
import dev.accord.store.AccordStore;
import dev.accord.store.SchemaRegistry;
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
 * separated), and counts every requirement that is not in force yet but would have failed ({@link SyncMetrics#warned}).
 */
final class PhasedRequirements {

    private static final Map<String, SchemaValidator> LAGGING = new ConcurrentHashMap<>();

    private PhasedRequirements() {}

    /** @param side {@code ingress} or {@code egress} */
    static List<Violation> validate(CompiledContract compiled, AccordStore store, Telemetry telemetry, FlowSpec flow, String system, String side, String key,
                                    Map<String, JsonNode> fields, Collection<String> inScope) {
        SchemaValidator validator = "ingress".equals(side) ? producerValidator(compiled, store, flow, system) : compiled.validator(flow.domain());
        Validation validation = validator.check(key, fields, inScope, current());
        for (Violation warning : validation.warnings()) {
            telemetry.metrics().warned(flow, system, side, warning.path().substring(2));
        }
        return validation.violations();
    }

    /**
     * The validator for what {@code system} produces: the contract's schema, or, when its mapping declares an
     * earlier {@code schema-version}, that version as registered in the schema registry.
     */
    static SchemaValidator producerValidator(CompiledContract compiled, AccordStore store, FlowSpec flow, String system) {
        DomainSpec domain = compiled.contract().domain(flow.domain());
        Integer version = compiled.contract().mapping(system, flow.domain()).schemaVersion();
        if (version == null || version == domain.schema().version()) {
            return compiled.validator(flow.domain());
        }
        String cacheKey = System.identityHashCode(store) + "|" + compiled.contract().hash() + "|" + domain.name() + "|" + version;
        return LAGGING.computeIfAbsent(cacheKey, k -> {
            JsonNode schema = store.inTransaction(c -> store.schemas().list(c, domain.name())).stream()
                    .filter(r -> r.version() == version).map(SchemaRegistry.Registered::schema).findFirst()
                    .orElseThrow(() -> new SchemaVersionConfigurationException("system '" + system + "' produces version " + version
                            + " of the schema of domain '" + domain.name() + "', which is not in the schema registry;"
                            + " register it with `accord contract register` from the contract that introduced it"));
            return new SchemaValidator(new DomainSpec(domain.name(), domain.key(), new SchemaRef(domain.schema().file(), version, schema),
                    domain.lifecycle(), domain.fields(), domain.compatibility()));
        });
    }

    /** A producer's schema version the registry does not hold: a setup problem, not retried. */
    static final class SchemaVersionConfigurationException extends dev.accord.core.failure.InvalidRequestException {
        SchemaVersionConfigurationException(String message) {
            super(message);
        }

        @Override
        public String reasonCode() {
            return "UNKNOWN_SCHEMA_VERSION";
        }
    }

    static Requirements current() {
        String flags = System.getProperty("accord.flags", System.getenv().getOrDefault("ACCORD_FLAGS", ""));
        Set<String> on = Arrays.stream(flags.split(",")).map(String::trim).filter(f -> !f.isEmpty()).collect(Collectors.toSet());
        return new Requirements(LocalDate.now(ZoneOffset.UTC), on);
    }
}

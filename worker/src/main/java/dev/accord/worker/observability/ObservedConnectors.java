package dev.accord.worker.observability;

import dev.accord.connectors.ConnectorFactory;
import dev.accord.connectors.SourceConnector;
import dev.accord.connectors.SourceCursor;
import dev.accord.connectors.SourcePage;
import dev.accord.connectors.SourceRow;
import dev.accord.connectors.TargetConnector;
import dev.accord.connectors.TargetRow;
import dev.accord.connectors.TargetWrite;
import dev.accord.connectors.WriteResult;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Every connector call as a Micrometer observation {@code accord.connector} (system, domain, operation): a span
 * under the activity's span in the trace, and a timer {@code accord_connector_seconds} with the error type.
 * Wraps the connectors as the worker built them (with their guards), so a refusal by an open breaker shows too.
 */
final class ObservedConnectors implements ConnectorFactory {

    private final ConnectorFactory connectors;
    private final ObservationRegistry registry;

    ObservedConnectors(ConnectorFactory connectors, ObservationRegistry registry) {
        this.connectors = connectors;
        this.registry = registry;
    }

    @Override
    public SourceConnector source(String system, String domain) {
        SourceConnector source = connectors.source(system, domain);
        return new SourceConnector() {
            @Override
            public SourcePage readChanges(SourceCursor after, int limit) {
                return observe(system, domain, "read-changes", () -> source.readChanges(after, limit));
            }

            @Override
            public List<SourceRow> readByKeys(Collection<String> keys) {
                return observe(system, domain, "read-by-keys", () -> source.readByKeys(keys));
            }

            @Override
            public SourceCursor head() {
                return observe(system, domain, "head", source::head);
            }

            @Override
            public SourcePage readKeyRange(String afterKey, String lastKey, int limit) {
                return observe(system, domain, "read-key-range", () -> source.readKeyRange(afterKey, lastKey, limit));
            }

            @Override
            public List<String> chunkBoundaries(String firstKey, String lastKey, int rowsPerChunk) {
                return observe(system, domain, "chunk-boundaries", () -> source.chunkBoundaries(firstKey, lastKey, rowsPerChunk));
            }
        };
    }

    @Override
    public TargetConnector target(String system, String domain) {
        TargetConnector target = connectors.target(system, domain);
        return new TargetConnector() {
            @Override
            public Map<String, TargetRow> readByKeys(Collection<String> keys) {
                return observe(system, domain, "read-by-keys", () -> target.readByKeys(keys));
            }

            @Override
            public List<WriteResult> apply(List<TargetWrite> writes) {
                return observe(system, domain, "apply", () -> target.apply(writes));
            }
        };
    }

    private <T> T observe(String system, String domain, String operation, Supplier<T> call) {
        return Observation.createNotStarted("accord.connector", registry)
                .contextualName(system + " " + operation)
                .lowCardinalityKeyValue("system", system)
                .lowCardinalityKeyValue("domain", domain)
                .lowCardinalityKeyValue("operation", operation)
                .observe(call);
    }
}
